"""All mapped tables; importing this package registers them on `Base.metadata`."""

from inspector_app.db.base import Base
from inspector_app.db.models.cases import CaseEvent, CaseFinding, RectificationCase
from inspector_app.db.models.catalog import Brand, Product
from inspector_app.db.models.merchants import Merchant, MerchantStatusChange
from inspector_app.db.models.people import User
from inspector_app.db.models.photos import Photo, PhotoBlob
from inspector_app.db.models.purchases import Finding, Purchase
from inspector_app.db.models.records import (
    AppSetting,
    OrderVolume,
    ReportArchive,
    ReviewDecisionRecord,
    SamplingPick,
    SamplingPlan,
    WorkOrder,
)
from inspector_app.db.models.sync import (
    SyncBinding,
    SyncBlobChunk,
    SyncConflict,
    SyncLog,
    SyncOutbox,
    SyncReceipt,
    SyncWatermark,
)

__all__ = [
    "AppSetting",
    "Base",
    "Brand",
    "CaseEvent",
    "CaseFinding",
    "Finding",
    "Merchant",
    "MerchantStatusChange",
    "OrderVolume",
    "Photo",
    "PhotoBlob",
    "Product",
    "Purchase",
    "RectificationCase",
    "ReportArchive",
    "ReviewDecisionRecord",
    "SamplingPick",
    "SamplingPlan",
    "SyncBinding",
    "SyncBlobChunk",
    "SyncConflict",
    "SyncLog",
    "SyncOutbox",
    "SyncReceipt",
    "SyncWatermark",
    "User",
    "WorkOrder",
]
