"""Rows of named cells as CSV, TSV and Markdown tables: one way for every command's data.

CSV is UTF-8 with a byte-order mark, which is how Excel recognises UTF-8, and no text cell
may start with a character a spreadsheet would run as a formula. Numbers are written by
``numbers.for_machines``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from nsclt.numbers import for_machines
from nsclt.text import printable

_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return for_machines(value) or ""
    text = printable(str(value))
    # A spreadsheet runs a cell that starts with one of these as a formula.
    return "'" + text if text.startswith(_FORMULA_START) else text


def delimited(columns: Sequence[str], rows: Iterable[Mapping[str, object]], delimiter: str) -> str:
    """A header of ``columns``, then each row's cells in that order (missing ones empty)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in columns])
    text = out.getvalue()
    return "\ufeff" + text if delimiter == "," else text


_MARKDOWN_ESCAPES: Final = str.maketrans(
    {"\\": "\\\\", "|": "\\|", "`": "\\`", "&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " "}
)
"""What a Markdown reader would take for markup in a cell: a backslash, a cell break, code,
HTML (`<script>`, `<img onerror>` would run on a page), a line break ending the row."""


def markdown_cell(text: str) -> str:
    return printable(text).translate(_MARKDOWN_ESCAPES)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return lines
