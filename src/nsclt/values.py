"""Values typed on the command line, read or refused with a message in the user's language.

Read here rather than by Click, whose messages would be in English; a value that
can't be read is a ``UsageFailure`` (exit 2).
"""

from __future__ import annotations

import math
from datetime import date

from nsclt.failures import UsageFailure
from nsclt.i18n import Key


def read_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageFailure("error.bad_date", option=option, value=value) from None


def read_as_of(value: str | None, today: date) -> date:
    """``--as-of``, or the caller's today: the one place a command's date is decided."""
    return today if value is None else read_date(value, "--as-of")


def read_year(value: str) -> int:
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise UsageFailure("record.bad_year", option="--year", value=value)
    return int(value)


def read_figure(value: str) -> int | float:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise UsageFailure("record.bad_value", option=Key("metavar.value"), value=value)
    return int(number) if number.is_integer() and "." not in value else number
