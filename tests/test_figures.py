"""Figures as people type them: read exactly, or refused with both readings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nsclt.figures import Ambiguous, Unreadable, read


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1200", 1200),
        ("12.5", 12.5),
        ("12,5", 12.5),
        ("0,500", 0.5),
        ("0.5", 0.5),
        ("1.2000", 1.2),
        ("1234.567", 1234.567),
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("1 200", 1200),
        ("1\u00a0200", 1200),
        ("1\u202f200", 1200),
        ("1 234 567,5", 1234567.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("-3", -3),
        (" 20 ", 20),
        ("12.0", 12),
        ("999999999999999", 999999999999999),
        ("1000000000000000", 10**15),
        ("0.1", 0.1),
    ],
)
def test_what_people_type_is_read_as_they_meant_it(typed: str, value: float) -> None:
    figure = read(typed)
    assert figure.value == value
    assert type(figure.value) is type(value)


@pytest.mark.parametrize(
    ("typed", "readings"),
    [
        ("1.200", (Decimal("1200"), Decimal("1.200"))),
        ("1,200", (Decimal("1200"), Decimal("1.200"))),
        ("12.500", (Decimal("12500"), Decimal("12.500"))),
        ("999,999", (Decimal("999999"), Decimal("999.999"))),
    ],
)
def test_one_separator_before_three_digits_is_refused_with_both_readings(
    typed: str, readings: tuple[Decimal, Decimal]
) -> None:
    with pytest.raises(Ambiguous) as refused:
        read(typed)
    assert refused.value.readings == readings


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("many", "not_a_number"),
        ("", "not_a_number"),
        ("١٢", "not_a_number"),
        ("１２", "not_a_number"),
        ("1e300", "not_a_number"),
        ("12.5.5", "not_a_number"),
        ("1.23.456", "not_a_number"),
        ("1,2.3", "not_a_number"),
        ("1 20", "not_a_number"),
        ("+-5", "not_a_number"),
        ("NaN", "not_a_number"),
        ("inf", "not_a_number"),
        ("1234567890123456", "too_large"),
        ("1234567890.1234567", "too_precise"),
        ("0.1234567890123456", "too_precise"),
        ("9007199254740993", "too_large"),
    ],
)
def test_what_is_not_a_figure_is_refused(typed: str, reason: str) -> None:
    with pytest.raises(Unreadable) as refused:
        read(typed)
    assert refused.value.reason == reason


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=3, min_value=-(10**11), max_value=10**11
    )
)
def test_a_plain_decimal_reads_back_exactly(number: Decimal) -> None:
    typed = format(number, "f")
    whole, _, fraction = typed.lstrip("-").partition(".")
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole != "0":
        return  # ambiguous by definition
    assert read(typed).exact == number
    assert (
        Decimal(repr(float(read(typed).value))) == number.normalize() or read(typed).value == number
    )
