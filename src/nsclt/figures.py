"""Figures as people type them, read exactly or refused: one reader for every import.

Vietnamese write one thousand two hundred as 1.200 and one and a half as 1,5; English the
other way round. A figure is read only where that cannot be mistaken:

- ASCII digits, an optional leading ``-``; at most 15 significant digits and a magnitude of
  at most 10^15, so that the value is exactly the decimal typed;
- plain ``1200`` and ``12.5`` always;
- thousands grouped by ``.``, ``,``, a space, a no-break space or a narrow no-break space
  (``1.234.567``, ``1,234,567``, ``1 200``), with or without a decimal part in the other
  separator (``1.234,5``, ``1,234.5``);
- one separator as the decimal mark otherwise (``12,5``, ``0,500``, ``1.2000``).

A figure is **ambiguous** if and only if it has exactly one separator (``.`` or ``,``),
exactly three digits follow it, and its integer part is one to three digits and not 0:
``1.200`` could be 1200 or 1.2. It is refused with both readings.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final, NamedTuple

MAX_DIGITS: Final = 15
MAX_MAGNITUDE: Final = Decimal(10) ** 15
_SPACES: Final = " \u00a0\u202f"
_PLAIN: Final = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_SPACE_GROUPED: Final = re.compile(rf"[0-9]{{1,3}}(?:[{_SPACES}][0-9]{{3}})+(?:[.,][0-9]+)?")


class Ambiguous(ValueError):
    """``1.200``: a thousands separator or a decimal mark; ``readings`` holds both values."""

    def __init__(self, text: str, readings: tuple[Decimal, Decimal]) -> None:
        super().__init__(text)
        self.readings = readings


class Unreadable(ValueError):
    """Not a figure: ``reason`` is ``not_a_number``, ``too_precise`` or ``too_large``."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text)
        self.reason = reason


class Figure(NamedTuple):
    exact: Decimal
    """The decimal typed, as read."""

    @property
    def value(self) -> int | float:
        """As the plan file holds it: a whole number as an integer."""
        if self.exact == self.exact.to_integral_value():
            return int(self.exact)
        return float(self.exact)


def read(text: str) -> Figure:
    """The figure in ``text``; raises Ambiguous or Unreadable."""
    stripped = text.strip()
    negative = stripped.startswith("-")
    body = stripped[1:] if negative else stripped
    number = _digits(body)
    if negative:
        number = -number
    if abs(number) > MAX_MAGNITUDE:
        raise Unreadable(text, "too_large")
    if number != 0 and len(number.normalize().as_tuple().digits) > MAX_DIGITS:
        raise Unreadable(text, "too_precise")
    return Figure(number)


def _digits(body: str) -> Decimal:
    """The unsigned decimal written in ``body``, in the only reading it allows."""
    if _SPACE_GROUPED.fullmatch(body):
        whole, _, fraction = _drop(body, _SPACES).replace(",", ".").partition(".")
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    separators = [c for c in body if c in ".,"]
    if not separators:
        if not re.fullmatch(r"[0-9]+", body):
            raise Unreadable(body, "not_a_number")
        return Decimal(body)
    if len(set(separators)) == 2:
        return _grouped_with_decimals(body)
    if len(separators) > 1:
        grouping = separators[0]
        if not re.fullmatch(rf"[0-9]{{1,3}}(?:\{grouping}[0-9]{{3}})+", body):
            raise Unreadable(body, "not_a_number")
        return Decimal(_drop(body, grouping))
    if not _PLAIN.fullmatch(body):
        raise Unreadable(body, "not_a_number")
    whole, fraction = re.split(r"[.,]", body)
    as_decimal = Decimal(f"{whole}.{fraction}")
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole != "0":
        raise Ambiguous(body, (Decimal(whole + fraction), as_decimal))
    return as_decimal


def _grouped_with_decimals(body: str) -> Decimal:
    """``1.234,5`` or ``1,234.5``: the last separator is the decimal mark."""
    decimal_mark = body[max(body.rfind("."), body.rfind(","))]
    grouping = "," if decimal_mark == "." else "."
    whole, _, fraction = body.rpartition(decimal_mark)
    pattern = rf"[0-9]{{1,3}}(?:\{grouping}[0-9]{{3}})+"
    if not re.fullmatch(pattern, whole) or not re.fullmatch(r"[0-9]+", fraction):
        raise Unreadable(body, "not_a_number")
    return Decimal(f"{_drop(whole, grouping)}.{fraction}")


def _drop(text: str, characters: str) -> str:
    return "".join(c for c in text if c not in characters)
