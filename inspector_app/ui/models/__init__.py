"""Table models over paged SQL sources, and the table view that goes with them."""

from inspector_app.ui.models.columns import (
    CENTER,
    ID_ROLE,
    PAGE_SIZE,
    RIGHT,
    ROW_ROLE,
    SORT_ROLE,
    CallableSource,
    Column,
    PageSource,
    ServiceSource,
    enum_formatter,
    format_value,
)
from inspector_app.ui.models.paged import PagedTableModel
from inspector_app.ui.models.table_view import PagedTableView

__all__ = [
    "CENTER",
    "ID_ROLE",
    "PAGE_SIZE",
    "RIGHT",
    "ROW_ROLE",
    "SORT_ROLE",
    "CallableSource",
    "Column",
    "PageSource",
    "PagedTableModel",
    "PagedTableView",
    "ServiceSource",
    "enum_formatter",
    "format_value",
]
