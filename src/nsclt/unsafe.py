"""NSC014: characters in a plan file that would hide words or change the order they are read in.

Every output shows such a character escaped (``text.printable``); ``validate`` also says
where it stands, so that a reviewer sees it in the file and not only on a screen.
"""

from __future__ import annotations

import re
from typing import Final

from nsclt.problems import Level, Position, Problem, problem
from nsclt.text import LINE_BREAK, UNSAFE, UNSAFE_CHARACTERS

MAX_UNSAFE_REPORTED: Final = 20
"""Unsafe characters reported per file: enough to find them, not a flood from a pasted blob."""

# In the file's text a carriage return is a YAML line break; inside a value it is unsafe.
_IN_SOURCE = re.compile(f"(?!\r)[{UNSAFE_CHARACTERS}]")


def first_unsafe(value: str) -> str | None:
    """The first unsafe character of a loaded value, carriage returns included."""
    found = UNSAFE.search(value)
    return found.group() if found else None


def unsafe_characters(
    path: str, text: str, lines: list[str], escaped: list[tuple[Position, int, str]]
) -> list[Problem]:
    """NSC014 where the text holds a character that would hide or reorder what is read,
    at its exact place; and at the start of a quoted value that holds one by escape."""
    places: list[tuple[Position, str]] = []
    for match in _IN_SOURCE.finditer(text):
        before = text[: match.start()]
        breaks = list(LINE_BREAK.finditer(before))
        line_start = breaks[-1].end() if breaks else 0
        places.append(((len(breaks) + 1, match.start() - line_start + 1), match.group()))
        if len(places) == MAX_UNSAFE_REPORTED:
            break
    for at, last_line, character in escaped:
        if character not in "".join(lines[at[0] - 1 : last_line]):  # else reported above
            places.append((at, character))
    return [_unsafe(path, at, character) for at, character in places[:MAX_UNSAFE_REPORTED]]


def _unsafe(path: str, at: Position, character: str) -> Problem:
    import unicodedata
    from dataclasses import replace

    from nsclt.text import printable

    shown = printable(character) if character not in "\t\n" else repr(character)[1:-1]
    code = ord(character)
    # Unicode names no control character; its block's name stands in, as technical as the rest.
    control = "DELETE" if code == 0x7F else "C0 CONTROL" if code < 0x20 else "C1 CONTROL"
    name = unicodedata.name(character, control)
    found = problem(path, at, "NSC014", char=f"U+{code:04X}", name=name, shown=shown)
    return replace(found, level=Level.WARNING)
