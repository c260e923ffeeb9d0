"""The one shape every finding takes, from a YAML syntax error to a missing source."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

WHOLE_DOCUMENT: Final = "\0document"
"""The ``field`` of a problem about the document itself rather than one of its fields.

Messages show it as the translated word ``word.document``. No real field can be
mistaken for it: the loader keeps no key that starts with NUL.
"""


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """A finding at a 1-based line and column of a file.

    The message is not stored as a sentence: ``code`` picks the message in the
    user's language and ``params`` fill it in, so the same problem can be shown
    in Vietnamese or English.
    """

    path: str
    line: int
    column: int
    code: str
    level: Level = field(default=Level.ERROR, compare=False)
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def param(self, name: str) -> str:
        return dict(self.params).get(name, "")


Position = tuple[int, int]
"""(line, column), both counted from 1."""


def problem(
    path: str,
    position: Position,
    code: str,
    **params: object,
) -> Problem:
    """An error; ``dataclasses.replace(found, level=Level.WARNING)`` makes a warning of it."""
    line, column = position
    return Problem(
        path=path,
        line=line,
        column=column,
        code=code,
        params=tuple((key, str(value)) for key, value in params.items()),
    )


def exit_code(problems: list[Problem]) -> int:
    """0 when nothing is wrong, 1 when any problem is an error; warnings alone pass."""
    return 1 if any(p.level is Level.ERROR for p in problems) else 0
