"""Read side for tables and lists: filtered, sorted, paged SQL queries returning plain rows.

Each module offers `count_X(ctx, flt)` and `fetch_X(ctx, flt, sort=..., desc=..., offset=,
limit=)`; the Qt table models and the CLI both use them, so filtering and sorting happen in
SQL (docs/performance.md: proxy models take seconds at 100k rows).
"""

from inspector_app.services.browse.cases import CaseFilter, CaseRow, count_cases, fetch_cases
from inspector_app.services.browse.finding_search import fetch_findings_by_id, sorted_finding_ids
from inspector_app.services.browse.findings import (
    FindingFilter,
    FindingRow,
    count_findings,
    fetch_findings,
    search_pages_by_id,
)
from inspector_app.services.browse.merchants import (
    MerchantFilter,
    MerchantRow,
    count_merchants,
    fetch_merchants,
)
from inspector_app.services.browse.purchases import (
    PurchaseFilter,
    PurchaseRow,
    count_purchases,
    fetch_purchases,
)

__all__ = [
    "CaseFilter", "CaseRow", "count_cases", "fetch_cases",
    "FindingFilter", "FindingRow", "count_findings", "fetch_findings",
    "fetch_findings_by_id", "search_pages_by_id", "sorted_finding_ids",
    "MerchantFilter", "MerchantRow", "count_merchants", "fetch_merchants",
    "PurchaseFilter", "PurchaseRow", "count_purchases", "fetch_purchases",
]
