"""Values typed on the command line, read or refused with a message in the user's language.

Read here rather than by Click, whose messages would be in English; a value that
can't be read is a ``UsageFailure`` (exit 2).
"""

from __future__ import annotations

import re
from datetime import date

from nsclt.failures import UsageFailure
from nsclt.i18n import Key

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def read_date(value: str, option: str) -> date:
    """2026-11-30, or 30/11/2026 as Vietnamese write it (day first); nothing else."""
    text = value.strip()
    if (iso := _ISO.fullmatch(text)) is not None:
        year, month, day = iso.groups()
    elif (day_first := _DAY_FIRST.fullmatch(text)) is not None:
        day, month, year = day_first.groups()
    else:
        raise UsageFailure("error.bad_date", option=option, value=value)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise UsageFailure("error.impossible_date", option=option, value=value) from None


def read_as_of(value: str | None, today: date) -> date:
    """``--as-of``, or the caller's today: the one place a command's date is decided."""
    return today if value is None else read_date(value, "--as-of")


def read_year(value: str, option: str = "--year") -> int:
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise UsageFailure("record.bad_year", option=option, value=value)
    return int(value)


def read_figure(value: str) -> int | float:
    """A figure as ``figures.read`` reads it, or a UsageFailure saying how to type it."""
    from nsclt import figures

    option = Key("metavar.value")
    try:
        return figures.read(value).value
    except figures.Ambiguous as error:
        grouped, decimal = (format(reading.normalize(), "f") for reading in error.readings)
        raise UsageFailure(
            "figure.ambiguous",
            option=option,
            hint="figure.ambiguous.hint",
            value=value,
            grouped=grouped,
            decimal=decimal,
        ) from None
    except figures.Unreadable as error:
        if error.reason == "too_large":
            raise UsageFailure("figure.too_large", option=option, value=value) from None
        if error.reason == "too_precise":
            raise UsageFailure("figure.too_precise", option=option, value=value) from None
        raise UsageFailure(
            "figure.not_a_number", option=option, hint="figure.not_a_number.hint", value=value
        ) from None
