"""Money as integer cents: parse what a user types, format for display."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from inspector_app.domain.errors import ValidationError


def parse_cents(text: str | int | float | Decimal | None, field: str = "price") -> int | None:
    """'129.90' / '¥1,299' / 129.9 -> 12990 cents; blank -> None."""
    if text is None:
        return None
    if isinstance(text, int):
        return text * 100
    s = str(text).strip().replace(",", "").replace("¥", "").replace("￥", "")
    if not s:
        return None
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ValidationError(f"'{text}' is not an amount of money", field=field) from None
    if d < 0:
        raise ValidationError("An amount of money cannot be negative", field=field)
    if d.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValidationError("Use at most two decimals", field=field)
    return int(d * 100)


def format_cents(cents: int | None) -> str:
    if cents is None:
        return ""
    return f"{cents / 100:,.2f}"
