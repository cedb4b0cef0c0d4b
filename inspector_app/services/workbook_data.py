"""Data for merchant-facing workbooks, read in one session and handed over as plain values."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from inspector_app.db.models import (
    CaseFinding,
    Finding,
    Purchase,
    User,
)
from inspector_app.db.models.catalog import Product
from inspector_app.domain import clock
from inspector_app.services import team_settings
from inspector_app.services.cases import merchant_open_cases
from inspector_app.services.context import Context

if TYPE_CHECKING:
    from inspector_app.reports.merchant_xlsx import MerchantWorkbookData

logger = logging.getLogger(__name__)


def private_terms(s: Session, merchant_id: int) -> tuple[str, ...]:
    """Text that would unmask the team: user names, buyer aliases and delivery addresses."""
    terms: set[str] = set(s.scalars(select(User.display_name)))
    aliases = s.scalars(
        select(Purchase.buyer_alias).where(Purchase.merchant_id == merchant_id).distinct()
    )
    terms.update(a for a in aliases if a)
    addresses = s.scalars(
        select(Purchase.delivery_address).where(Purchase.merchant_id == merchant_id).distinct()
    )
    for address in addresses:
        if address:
            terms.add(address)
            terms.update(line.strip() for line in address.splitlines())
    return tuple(t for t in terms if t.strip())


def product_text(product: Product | None) -> str:
    """'Brand Name (listing L-1)': what a merchant recognises; nothing about the purchase."""
    if product is None:
        return ""
    brand = product.brand.name if product.brand else ""
    text = " ".join(x for x in (brand, product.name) if x)
    return f"{text} (listing {product.listing_id})" if product.listing_id else text


def merchant_workbook_data(
    ctx: Context, shop_id: str, *, today: date | None = None
) -> MerchantWorkbookData:
    """The merchant's active cases and their findings; no buyer, inspector or order data."""
    from inspector_app.reports import labels
    from inspector_app.reports.merchant_xlsx import (
        MerchantCaseRow,
        MerchantFindingRow,
        MerchantWorkbookData,
    )
    from inspector_app.reports.privacy import redactor

    organisation = team_settings.get(ctx, "organisation_name")
    with ctx.db.read() as s:
        merchant, cases = merchant_open_cases(s, shop_id)
        case_rows, finding_rows = [], []
        red = redactor(private_terms(s, merchant.id))
        for c in cases:
            findings = list(
                s.scalars(
                    select(Finding)
                    .join(CaseFinding, CaseFinding.finding_id == Finding.id)
                    .where(CaseFinding.case_id == c.id, Finding.deleted_at.is_(None))
                    .options(
                        selectinload(Finding.purchase)
                        .selectinload(Purchase.product)
                        .selectinload(Product.brand)
                    )
                    .order_by(Finding.id)
                )
            )
            lines = []
            for j, f in enumerate(findings, 1):
                cat, sev = labels.category(f.category), labels.severity(f.severity)
                lines.append(f"{j}. {red(f.title)} ({cat}, {sev})")
                finding_rows.append(
                    MerchantFindingRow(
                        c.case_number,
                        str(j),
                        red(f.title),
                        f.category.value,
                        f.severity.value,
                        red(f.description),
                        red(f.expected),
                        red(f.observed),
                        red(f.rule_ref),
                        red(product_text(f.purchase.product)),
                    )
                )
            case_rows.append(
                MerchantCaseRow(
                    c.id,
                    c.case_number,
                    c.status.value,
                    c.due_date,
                    "\n".join(lines),
                    # The merchant's own words, unredacted: a re-import must not alter them.
                    c.response_text,
                    c.root_cause,
                    c.corrective_action,
                    c.preventive_action,
                    c.response_date,
                )
            )
        return MerchantWorkbookData(
            organisation,
            merchant.shop_id,
            merchant.name,
            today or clock.today(),
            case_rows,
            finding_rows,
        )
