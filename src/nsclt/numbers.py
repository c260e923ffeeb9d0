"""Figures as text: one form for people, one for programs, and nothing else prints a number.

Both write positional digits, never exponent notation, and 0 for −0. People see at most
twelve significant digits, which hides the noise of binary floats (0.1 + 0.2 is 0.3);
programs get every digit that reads back as the same float, and no text at all for a
value that is not finite (JSON has no NaN or Infinity).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from decimal import Decimal

PEOPLE_DIGITS: Final = 12


def for_people(value: float, decimals: int | None = None) -> str:
    """A figure as people read it: 20, 5.5, 1234567, 0.3; ``decimals`` fixes the decimals."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "−∞"
    if decimals is not None:
        return _no_negative_zero(f"{value:.{decimals}f}")
    if float(value).is_integer() and abs(value) < 10**PEOPLE_DIGITS:
        return str(int(value))  # most figures are counts: no need for decimal arithmetic
    from decimal import Decimal

    return _no_negative_zero(_positional(Decimal(f"{value:.{PEOPLE_DIGITS}g}")))


def for_machines(value: float) -> str | None:
    """A figure for CSV, TSV and JSON: every significant digit, None when not finite."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not math.isfinite(value):
        return None
    from decimal import Decimal

    return _no_negative_zero(_positional(Decimal(repr(value))))


def in_language(text: str, language: str) -> str:
    """A figure written by ``for_people`` in the conventions of a language: Vietnamese
    1.234.567,5 and English 1,234,567.5 (thousands grouped from four digits)."""
    group, point = (".", ",") if language == "vi" else (",", ".")
    sign = text[:1] if text[:1] in "-−" else ""
    whole, _, fraction = text[len(sign) :].partition(".")
    if whole.isdigit() and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))])
    return sign + whole + (point + fraction if fraction else "")


def _positional(number: Decimal) -> str:
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _no_negative_zero(text: str) -> str:
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text
