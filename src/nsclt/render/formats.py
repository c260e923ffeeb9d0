"""Every output format of every command, in one table.

``--format``, ``-o FILE`` (by the file's extension), shell completion and the docs all
read ``FORMATS``; adding a format is adding one entry. A renderer is named as
``module:function`` and imported only when it is used, so a command never pays for the
formats it does not print.

A renderer's kind says how it is called:

- ``drawn``: ``(subject, translator, console) -> None``, for a terminal (coloured when
  it is one) or, written to a file, as plain text;
- ``text``: ``(subject, translator) -> str``, a document written as it is;
- ``binary``: ``(subject, translator) -> bytes``, a file (a workbook) written to ``-o FILE``
  or to a pipe, never to a terminal.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, Final, Literal, NamedTuple

Subject = Literal["status", "list", "history", "compare", "report", "problems"]
"""What a command prints: one province's report, every province's, one province's years, one
indicator across provinces, the report an officer hands up, or validation problems."""
Kind = Literal["drawn", "text", "binary"]


class OutputFormat(NamedTuple):
    name: str
    extensions: tuple[str, ...]
    kind: Kind
    renderers: Mapping[Subject, str]
    """For each subject this format can show, its renderer as ``module:function``."""
    summaries: frozenset[Subject] = frozenset()
    """Subjects this format shows in summary: a ``list`` as counts by status, which need not
    keep every province's targets (``ProvinceReport.summary``)."""

    def renderer(self, subject: Subject) -> Any:
        module, function = self.renderers[subject].split(":")
        return getattr(importlib.import_module(module), function)


_STATUS_SCREEN: Final = "nsclt.render.status:render_status"
_LIST_SCREEN: Final = "nsclt.render.overview:render_overview"
_HISTORY_SCREEN: Final = "nsclt.render.history:render_history"
_COMPARE_SCREEN: Final = "nsclt.render.compare:render_compare"
_SCREENS: Final[Mapping[Subject, str]] = {
    "status": _STATUS_SCREEN,
    "list": _LIST_SCREEN,
    "history": _HISTORY_SCREEN,
    "compare": _COMPARE_SCREEN,
}
_RECORDS: Final = "nsclt.render.records"
_HISTORY: Final = "nsclt.render.history"
_COMPARE: Final = "nsclt.render.compare"
_WORKBOOK: Final = "nsclt.render.workbook"
_REPORT_HTML: Final = "nsclt.render.report_html"
_PAGES: Final = "nsclt.render.html_pages"
_PICTURES: Final = "nsclt.render.pictures"
_REPORT_MARKDOWN: Final = "nsclt.render.report_markdown"

FORMATS: Final = (
    OutputFormat("table", (".txt",), "drawn", _SCREENS, frozenset({"list"})),
    OutputFormat("text", (".txt",), "drawn", {"problems": "nsclt.render.problems:render_text"}),
    OutputFormat(
        "json",
        (".json",),
        "text",
        {
            "status": f"{_RECORDS}:as_json",
            "list": f"{_RECORDS}:as_json",
            "history": f"{_HISTORY}:as_json",
            "compare": f"{_COMPARE}:as_json",
            "problems": "nsclt.render.problems:as_json",
        },
    ),
    OutputFormat(
        "csv",
        (".csv",),
        "text",
        {
            "status": f"{_RECORDS}:as_csv",
            "list": f"{_RECORDS}:as_csv",
            "history": f"{_HISTORY}:as_csv",
            "compare": f"{_COMPARE}:as_csv",
        },
    ),
    OutputFormat(
        "tsv",
        (".tsv",),
        "text",
        {
            "status": f"{_RECORDS}:as_tsv",
            "list": f"{_RECORDS}:as_tsv",
            "history": f"{_HISTORY}:as_tsv",
            "compare": f"{_COMPARE}:as_tsv",
        },
    ),
    OutputFormat(
        "markdown",
        (".md", ".markdown"),
        "text",
        {
            "status": f"{_RECORDS}:as_markdown",
            "list": f"{_RECORDS}:as_markdown",
            "history": f"{_HISTORY}:as_markdown",
            "compare": f"{_COMPARE}:as_markdown",
            "report": f"{_REPORT_MARKDOWN}:as_markdown",
        },
    ),
    OutputFormat(
        "svg",
        (".svg",),
        "text",
        {
            "status": f"{_PICTURES}:status_svg",
            "history": f"{_PICTURES}:history_svg",
            "list": f"{_PICTURES}:list_svg",
            "compare": f"{_PICTURES}:compare_svg",
        },
        frozenset({"list"}),
    ),
    OutputFormat(
        "html",
        (".html", ".htm"),
        "text",
        {
            "status": f"{_PAGES}:status_html",
            "list": f"{_PAGES}:list_html",
            "history": f"{_PAGES}:history_html",
            "compare": f"{_PAGES}:compare_html",
            "report": f"{_REPORT_HTML}:as_html",
        },
        frozenset({"list"}),
    ),
    OutputFormat(
        "xlsx",
        (".xlsx",),
        "binary",
        {
            "status": f"{_WORKBOOK}:status_workbook",
            "list": f"{_WORKBOOK}:list_workbook",
            "history": f"{_WORKBOOK}:history_workbook",
            "compare": f"{_WORKBOOK}:compare_workbook",
            "report": f"{_WORKBOOK}:report_workbook",
        },
    ),
    OutputFormat("parsable", (), "text", {"problems": "nsclt.render.problems:as_parsable"}),
    OutputFormat("github", (), "text", {"problems": "nsclt.render.problems:as_github"}),
)

DEFAULT: Final[Mapping[Subject, str]] = {
    "status": "table",
    "list": "table",
    "history": "table",
    "compare": "table",
    "report": "markdown",
    "problems": "text",
}


def formats_for(subject: Subject) -> dict[str, OutputFormat]:
    """The formats a subject can be printed in, by name, in the table's order."""
    return {f.name: f for f in FORMATS if subject in f.renderers}


def by_extension(subject: Subject, suffix: str) -> OutputFormat | None:
    """The format an output file's extension (``.json``) picks for a subject, if any."""
    suffix = suffix.lower()
    return next((f for f in formats_for(subject).values() if suffix in f.extensions), None)


def extensions_for(subject: Subject) -> list[str]:
    return [ext for f in formats_for(subject).values() for ext in f.extensions]
