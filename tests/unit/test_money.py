"""Money as integer cents: parsing what users type, formatting, and refusing bad amounts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.money import MAX_CENTS, format_cents, parse_cents, to_cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("129.90", 12990),
        ("129.9", 12990),
        ("0", 0),
        ("0.01", 1),
        ("-0", 0),
        ("  42 ", 4200),
        ("¥1,299", 129900),
        ("￥1,299.50", 129950),
        ("1,000,000", 100000000),
        (Decimal("12.34"), 1234),
        (129.9, 12990),
        (12, 1200),  # a bare int is whole yuan here; to_cents takes ints as cents
        ("100000000000", MAX_CENTS),
    ],
)
def test_parses_what_users_type(text, cents):
    assert parse_cents(text) == cents


@pytest.mark.parametrize("blank", [None, "", "   ", "¥", " ￥ "])
def test_blank_is_no_amount(blank):
    assert parse_cents(blank) is None


@pytest.mark.parametrize("text", ["abc", "12,3a", "1.2.3", "one yuan", "12 34"])
def test_not_a_number_names_the_field(text):
    with pytest.raises(ValidationError, match="not an amount of money") as info:
        parse_cents(text, field="price_paid")
    assert info.value.field == "price_paid"


@pytest.mark.parametrize("text", ["-1", "-0.01", "¥-5", -3.5, Decimal("-1")])
def test_negative_is_refused(text):
    with pytest.raises(ValidationError, match="negative") as info:
        parse_cents(text)
    assert info.value.field == "price"


@pytest.mark.parametrize("text", ["1.234", "0.001", "12.500"])
def test_more_than_two_decimals_is_refused(text):
    with pytest.raises(ValidationError, match="two decimals"):
        parse_cents(text)


def test_negative_int_is_refused():
    # Regression: ints used to skip the negative check.
    with pytest.raises(ValidationError, match="negative"):
        parse_cents(-5)


@pytest.mark.parametrize("text", ["NaN", "sNaN", "inf", "Infinity", float("nan"), float("inf")])
def test_special_numbers_are_a_validation_error(text):
    # Regression: these raised decimal.InvalidOperation / TypeError.
    with pytest.raises(ValidationError) as info:
        parse_cents(text, field="price_paid")
    assert info.value.field == "price_paid"


@pytest.mark.parametrize("value", ["1e30", "100000000000.01", 10**11 + 1, True])
def test_absurd_amounts_are_refused(value):
    with pytest.raises(ValidationError) as info:
        parse_cents(value, field="price_paid")
    assert info.value.field == "price_paid"


def test_to_cents_takes_ints_as_cents_and_parses_the_rest():
    assert to_cents(4599) == 4599
    assert to_cents(0) == 0
    assert to_cents(MAX_CENTS) == MAX_CENTS
    assert to_cents("45.99") == 4599
    assert to_cents(Decimal("1.5")) == 150
    assert to_cents(None) is None
    assert to_cents("  ") is None


@pytest.mark.parametrize("value", [-1, MAX_CENTS + 1, True, False, "-0.01", "abc"])
def test_to_cents_refuses(value):
    with pytest.raises(ValidationError) as info:
        to_cents(value, field="list_price")
    assert info.value.field == "list_price"


@pytest.mark.parametrize(
    ("cents", "text"),
    [(None, ""), (0, "0.00"), (1, "0.01"), (12990, "129.90"), (123456789, "1,234,567.89")],
)
def test_format(cents, text):
    assert format_cents(cents) == text


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_any_two_decimal_amount_parses_exactly(d):
    assert parse_cents(str(d)) == int(d * 100)
    assert parse_cents(f"¥{d:,}") == int(d * 100)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_format_then_parse_round_trips(cents):
    assert parse_cents(format_cents(cents)) == cents
