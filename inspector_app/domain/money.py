"""Money as integer cents: parse what a user types, format for display."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t

#: Largest amount accepted, in cents: anything above is a typing slip, not a price.
MAX_CENTS = 10**13


def _checked(cents: int, field: str) -> int:
    if cents < 0:
        raise ValidationError(t("An amount of money cannot be negative"), field=field)
    if cents > MAX_CENTS:
        raise ValidationError(
            t("{amount} is more than any purchase costs", amount=f"{cents / 100:,.2f}"), field=field
        )
    return cents


def parse_cents(text: str | int | float | Decimal | None, field: str = "price") -> int | None:
    """'129.90' / '¥1,299' / 129.9 / 5 (whole units) -> cents; blank -> None."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValidationError(t("'{text}' is not an amount of money", text=text), field=field)
    if isinstance(text, int):
        return _checked(text * 100, field)
    s = str(text).strip().replace(",", "").replace("¥", "").replace("￥", "")
    if not s:
        return None
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ValidationError(t("'{text}' is not an amount of money", text=text), field=field) from None
    if not d.is_finite():
        raise ValidationError(t("'{text}' is not an amount of money", text=text), field=field)
    if d < 0:
        raise ValidationError(t("An amount of money cannot be negative"), field=field)
    if d.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValidationError(t("Use at most two decimals"), field=field)
    if d > Decimal(MAX_CENTS) / 100:
        raise ValidationError(t("{amount} is more than any purchase costs", amount=text), field=field)
    return int(d * 100)


def to_cents(value: str | int | float | Decimal | None, field: str = "price") -> int | None:
    """What services accept: an int is already cents; anything else is parsed as typed text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _checked(value, field)
    return parse_cents(value, field)


def format_cents(cents: int | None) -> str:
    if cents is None:
        return ""
    return f"{cents / 100:,.2f}"
