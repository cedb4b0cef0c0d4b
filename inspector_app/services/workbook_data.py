"""Data for merchant-facing workbooks, read in one session and handed over as plain values."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from inspector_app.db.models import (
    CaseFinding,
    Finding,
    Merchant,
    Purchase,
    RectificationCase,
)
from inspector_app.db.models.catalog import Product
from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services import team_settings
from inspector_app.services.context import Context

if TYPE_CHECKING:
    from inspector_app.reports.merchant_xlsx import MerchantWorkbookData
    from inspector_app.reports.privacy_gate import PrivacyGate

logger = logging.getLogger(__name__)


def product_text(product: Product | None) -> str:
    """'Brand Name (listing L-1)': what a merchant recognises; nothing about the purchase."""
    if product is None:
        return ""
    brand = product.brand.name if product.brand else ""
    # The brand once: many product names already start with it ("花漾 连衣裙").
    if brand and product.name.casefold().startswith(brand.casefold()):
        brand = ""
    text = " ".join(x for x in (brand, product.name) if x)
    return f"{text} (listing {product.listing_id})" if product.listing_id else text


def _merchant(s: Session, shop_id: str) -> Merchant:
    merchant = s.scalar(select(Merchant).where(Merchant.shop_id == shop_id.strip()))
    if merchant is None or merchant.deleted_at is not None:
        raise NotFound(t("No merchant with shop id '{shop_id}'", shop_id=shop_id))
    return merchant


def _case_findings(s: Session, case_id: int) -> list[Finding]:
    return list(
        s.scalars(
            select(Finding)
            .join(CaseFinding, CaseFinding.finding_id == Finding.id)
            .where(CaseFinding.case_id == case_id, Finding.deleted_at.is_(None))
            .options(
                selectinload(Finding.purchase)
                .selectinload(Purchase.product)
                .selectinload(Product.brand)
            )
            .order_by(Finding.id)
        )
    )


def merchant_workbook_data(
    ctx: Context, shop_id: str, *, today: date | None = None
) -> tuple[MerchantWorkbookData, PrivacyGate]:
    """The merchant's cases awaiting its reply (notified, not yet responded) and the gate
    every text of the workbook passes; nothing about the buyer, inspector or order."""
    from inspector_app.reports import labels
    from inspector_app.reports.merchant_xlsx import (
        MerchantCaseRow,
        MerchantFindingRow,
        MerchantWorkbookData,
    )
    from inspector_app.services.privacy_gate import merchant_gate

    organisation = team_settings.get(ctx, "organisation_name")
    with ctx.db.read() as s:
        merchant = _merchant(s, shop_id)
        cases = list(
            s.scalars(
                select(RectificationCase)
                .where(
                    RectificationCase.merchant_id == merchant.id,
                    RectificationCase.status == CaseStatus.NOTIFIED.value,
                )
                .order_by(RectificationCase.due_date, RectificationCase.id)
            )
        )
        if not cases:
            raise ValidationError(
                t("{name} has no cases awaiting its reply", name=merchant.name)
            )
        gate = merchant_gate(s, merchant.id, organisation)
        red = gate.text
        case_rows, finding_rows = [], []
        for c in cases:
            lines = []
            for j, f in enumerate(_case_findings(s, c.id), 1):
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
                    red(c.response_text),
                    red(c.root_cause),
                    red(c.corrective_action),
                    red(c.preventive_action),
                    c.response_date,
                )
            )
        data = MerchantWorkbookData(
            organisation,
            merchant.shop_id,
            merchant.name,
            today or clock.today(),
            case_rows,
            finding_rows,
        )
        return data, gate


#: Statuses of a case whose findings the merchant has been told about.
_NOTIFIED_OR_LATER = [
    st.value
    for st in (
        CaseStatus.NOTIFIED,
        CaseStatus.RESPONDED,
        CaseStatus.RECTIFYING,
        CaseStatus.AWAITING_VERIFICATION,
        CaseStatus.ESCALATED,
        CaseStatus.CLOSED,
    )
]


def export_merchant_findings(
    ctx: Context,
    shop_id: str,
    out: Path | str,
    *,
    today: date | None = None,
    force: bool = False,
) -> Path:
    """The findings workbook a merchant may receive: only findings of cases already notified
    to it, each by case number and finding number; no order, price, buyer or inspector."""
    from inspector_app.reports.merchant_findings_xlsx import (
        MerchantFinding,
        MerchantFindings,
        write_merchant_findings,
    )
    from inspector_app.reports.output_file import claim_output
    from inspector_app.services.privacy_gate import merchant_gate

    ctx.require(action=t("export findings"))
    claim_output(out, force=force)
    organisation = team_settings.get(ctx, "organisation_name")
    with ctx.db.read() as s:
        merchant = _merchant(s, shop_id)
        cases = s.scalars(
            select(RectificationCase)
            .where(
                RectificationCase.merchant_id == merchant.id,
                RectificationCase.status.in_(_NOTIFIED_OR_LATER),
                RectificationCase.notified_at.is_not(None),
            )
            .order_by(RectificationCase.notified_at, RectificationCase.id)
        ).all()
        rows = [
            MerchantFinding(
                c.case_number,
                str(j),
                c.notified_at.astimezone().date() if c.notified_at else None,
                c.due_date,
                c.status.value,
                product_text(f.purchase.product),
                f.category.value,
                f.severity.value,
                f.title,
                f.description,
                f.expected,
                f.observed,
                f.rule_ref,
            )
            for c in cases
            for j, f in enumerate(_case_findings(s, c.id), 1)
        ]
        gate = merchant_gate(s, merchant.id, organisation)
        data = MerchantFindings(
            organisation, merchant.shop_id, merchant.name, today or clock.today(), rows
        )
    return write_merchant_findings(data, out, gate, force=force)
