"""Figures as text: one form for people, one for programs."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nsclt.numbers import for_machines, for_people

CASES = [
    # value, for people, for machines
    (0, "0", "0"),
    (0.0, "0", "0"),
    (-0.0, "0", "0"),
    (20.0, "20", "20"),
    (5.5, "5.5", "5.5"),
    (1234567, "1234567", "1234567"),
    (1234567.0, "1234567", "1234567"),
    (0.1 + 0.2, "0.3", "0.30000000000000004"),
    (1e-7, "0.0000001", "0.0000001"),
    (10**15, "1000000000000000", "1000000000000000"),
    (float(10**15), "1000000000000000", "1000000000000000"),
    (-2.5, "-2.5", "-2.5"),
]


@pytest.mark.parametrize(("value", "people", "machines"), CASES)
def test_figures_are_written_positionally_and_without_noise(
    value: float, people: str, machines: str
) -> None:
    assert for_people(value) == people
    assert for_machines(value) == machines


def test_the_largest_float_is_written_in_full_digits() -> None:
    text = for_machines(1.7e308)
    assert text is not None
    assert text == "17" + "0" * 307
    assert float(text) == 1.7e308
    assert "e" not in for_people(1.7e308).lower()


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_a_value_that_is_not_finite_has_no_machine_form(value: float) -> None:
    assert for_machines(value) is None
    assert for_people(value) in ("∞", "−∞")


def test_fixed_decimals_for_people() -> None:
    assert for_people(0.694444, 4) == "0.6944"
    assert for_people(-0.00001, 2) == "0.00"


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_machine_form_reads_back_as_the_same_float(value: float) -> None:
    text = for_machines(value)
    assert text is not None
    assert "e" not in text.lower()
    assert float(text) == value
    assert float(json.loads(text)) == value
