"""Excel workbooks (``--format xlsx``, ``-o FILE.xlsx``) of status, list, history, compare and
report.

A sheet per table of the data formats, with the same rows, built by the same functions as
JSON and CSV (``records``, ``history``, ``compare``, ``since``); then an "about" sheet: the
as-of date, the language, nsclt's version, and each province's plans and numbered sources
(and, for status and list, the notes the figures rest on), so that a workbook passed on
still says what it is and where its figures come from.

Cells are typed: numbers are numbers, dates are dates, true and false are booleans, text is
text, never run as a formula, read as a number or turned into a link. Each table has one
header row in the reader's language, with the column's machine name (as JSON and CSV name it,
docs/json.md) in a note on its header cell; filters on the header, which stays in view; and
columns as wide as what they hold, text beyond ``MAX_WIDTH`` wrapped.

Only this module imports XlsxWriter, and the CLI imports it only for this format.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final, NamedTuple

import xlsxwriter
from rich.cells import cell_len

from nsclt import __version__
from nsclt.i18n import Translator
from nsclt.render import compare, records
from nsclt.render import history as by_year
from nsclt.render.derivation import notes
from nsclt.render.since import change_records
from nsclt.report import Evaluation, PlanInfo, ProvinceReport
from nsclt.text import one_line, printable
from nsclt.views import Comparison, History, ReportDocument

MILESTONE_COLUMNS: Final = (
    "province",
    "plan",
    "phase",
    "milestone",
    "title",
    "due",
    "done",
    "status",
    "status_label",
)
"""The fields of ``records.milestone_rows``, in their order."""
CHANGE_COLUMNS: Final = (
    "province",
    "since",
    "kind",
    "plan",
    "phase",
    "indicator",
    "milestone",
    "year",
    "value",
    "qualifier",
    "source",
    "reported",
    "before",
    "after",
    "text",
)
"""The fields of ``since.change_records``, in their order."""
ALL_COLUMNS: Final = tuple(
    dict.fromkeys(
        (
            *records.COLUMNS,
            *MILESTONE_COLUMNS,
            *CHANGE_COLUMNS,
            *by_year.COLUMNS,
            *compare.COLUMNS,
        )
    )
)
SCREEN_HEADERS: Final = frozenset(
    {
        "as_of",
        "province_name",
        "plan",
        "phase",
        "indicator_name",
        "target_text",
        "baseline",
        "actual",
        "progress",
        "remaining",
        "status_label",
        "title",
        "due",
        "done",
        "year",
        "value",
        "source",
        "total",
        "required",
        "latest",
    }
)
"""Columns headed with the word the screen already uses for them (see ``_headers``)."""
OWN_HEADERS: Final = tuple(column for column in ALL_COLUMNS if column not in SCREEN_HEADERS)
"""Columns headed with the workbook's own ``xlsx.col.<column>``."""

DATE_COLUMNS: Final = frozenset({"as_of", "due", "done", "reported", "since"})
"""Columns the rows give as YYYY-MM-DD text: real dates in a workbook."""
SHARE_COLUMNS: Final = frozenset({"progress"})
"""Columns holding a share (0.25 for a quarter): shown as a percentage, kept as the share."""
DATE_FORMATS: Final = {"vi": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
"""Dates as ``Translator.date`` writes them in each language."""

MAX_WIDTH: Final = 60
"""The widest a column grows, in characters; longer text wraps within it."""
MIN_WIDTH: Final = 6
HEADER_ROOM: Final = 3
"""What a header needs beyond its text: bold letters and the filter's drop-down button."""
SHEET_NAME_LIMIT: Final = 31
_NOT_IN_SHEET_NAMES: Final = re.compile(r"[\[\]:*?/\\]")
_FORMULA_START: Final = ("=", "+", "-", "@")

Value = bool | int | float | date | str | None
"""What a cell holds, typed as Excel will hold it; None is an empty cell."""


class _AllDigits(float):
    """A number written with every digit needed to read it back the same, as JSON and CSV are.

    XlsxWriter writes a number as ``f"{number:.16G}"``, a digit short for some doubles: a path's
    110.00000000000001 would be read back as 110. ``repr`` gives the shortest digits that read
    back the same (Excel itself writes up to 17)."""

    def __format__(self, format_spec: str) -> str:
        return repr(float(self)).upper()


class Line(NamedTuple):
    """A row of a sheet; a bold one is a header."""

    cells: tuple[Value, ...]
    bold: bool = False


# --- the four workbooks -------------------------------------------------------------------


def status_workbook(evaluation: Evaluation, t: Translator) -> bytes:
    return _evaluation_workbook(evaluation, t)


def list_workbook(evaluation: Evaluation, t: Translator) -> bytes:
    return _evaluation_workbook(evaluation, t)


def _evaluation_workbook(evaluation: Evaluation, t: Translator) -> bytes:
    """Targets; results without a target and milestones where there are any; the changes with
    ``--since``; then the about sheet."""
    book = _Book(evaluation.as_of, t)
    # A derivation (--explain) is JSON's alone: no sheet has a column for it.
    targets = records.target_rows(evaluation._replace(explain=False), t)
    book.table(t("xlsx.sheet.targets"), records.COLUMNS, targets)
    results = records.result_rows(evaluation, t)
    if results:
        book.table(t("xlsx.sheet.results"), _carried(records.COLUMNS, results), results)
    milestones = records.milestone_rows(evaluation, t)
    if milestones:
        book.table(t("status.milestones"), MILESTONE_COLUMNS, milestones)
    if evaluation.since is not None:
        changes = change_records(evaluation.provinces, t)
        book.table(t("xlsx.sheet.changes"), CHANGE_COLUMNS, changes)
    book.about(_evaluation_about(evaluation, t))
    return book.close()


def history_workbook(history: History, t: Translator) -> bytes:
    """A row per target, then a row per year of each target (the target's columns repeated,
    as in CSV) and per result of a year no target covers."""
    book = _Book(history.as_of, t)
    book.table(t("xlsx.sheet.targets"), by_year.TRACK_COLUMNS, by_year.track_rows(history, t))
    book.table(t("xlsx.sheet.years"), by_year.COLUMNS, by_year.year_rows(history, t))
    book.about(_history_about(history, t))
    return book.close()


def compare_workbook(comparison: Comparison, t: Translator) -> bytes:
    book = _Book(comparison.as_of, t)
    rows = compare.compared_rows(comparison, t)
    book.table(t("xlsx.sheet.provinces"), compare.COLUMNS, rows)
    book.about(_compare_about(comparison, t, book.headers))
    return book.close()


def report_workbook(report: ReportDocument, t: Translator) -> bytes:
    """The report's tables: its current targets, every target's years, the milestones, and
    the about sheet with each plan's numbered sources and notes."""
    evaluation = Evaluation(report.as_of, tuple(part.current for part in report.parts))
    history = History(report.as_of, tuple(part.history for part in report.parts))
    book = _Book(report.as_of, t)
    book.table(t("xlsx.sheet.targets"), records.COLUMNS, records.target_rows(evaluation, t))
    book.table(t("xlsx.sheet.years"), by_year.COLUMNS, by_year.year_rows(history, t))
    milestones = records.milestone_rows(evaluation, t)
    if milestones:
        book.table(t("status.milestones"), MILESTONE_COLUMNS, milestones)
    # The about sheet lists every source the report cites, not only those of the targets.
    cited = tuple(part.current._replace(sources=part.sources) for part in report.parts)
    book.about(_evaluation_about(evaluation._replace(provinces=cited), t))
    return book.close()


def _carried(columns: Sequence[str], rows: Sequence[Mapping[str, object]]) -> list[str]:
    """The columns that some row has a field for (a result without a target has no target)."""
    return [column for column in columns if any(column in row for row in rows)]


# --- the about sheet ----------------------------------------------------------------------


def _run_lines(as_of: date, t: Translator) -> list[Line]:
    """What every workbook says of the run that made it."""
    language = f"{t('xlsx.about.language_name')} ({t.language})"
    return [
        _line(t("status.header.as_of"), as_of),
        _line(t("xlsx.about.language"), language),
        _line(t("xlsx.about.version"), __version__),
    ]


def _evaluation_about(evaluation: Evaluation, t: Translator) -> list[Line]:
    lines = _run_lines(evaluation.as_of, t)
    if evaluation.since is not None:
        lines.append(_line(t("xlsx.about.since"), evaluation.since))
    written = notes(evaluation)
    for province in evaluation.provinces:
        lines += [_line(), *_province_lines(province, t)]
        lines += _note_lines([n for n in written if n["province"] == province.slug], t)
    if evaluation.invalid:
        lines += [_line(), _line(t("xlsx.about.invalid"), bold=True)]
        lines += [_line(None, path) for path in evaluation.invalid]
    return lines


def _history_about(history: History, t: Translator) -> list[Line]:
    lines = _run_lines(history.as_of, t)
    if history.first is not None:
        lines.append(_line(t("xlsx.about.first"), history.first))
    if history.last is not None:
        lines.append(_line(t("xlsx.about.last"), history.last))
    for province in history.provinces:
        lines += [_line(), *_province_lines(province.report, t)]
    return lines


def _compare_about(comparison: Comparison, t: Translator, headers: Mapping[str, str]) -> list[Line]:
    """No province's sources: each row's province has its own, and the rows cite them by id."""
    indicator = comparison.indicator
    return [
        *_run_lines(comparison.as_of, t),
        _line(headers["indicator"], indicator.id),
        _line(headers["indicator_name"], t.content(indicator.name, indicator.name_en)),
        _line(headers["unit"], t.content(indicator.unit, indicator.unit_en)),
    ]


def _province_lines(province: ProvinceReport, t: Translator) -> list[Line]:
    """The province's name, its plans and the numbered list of the sources its figures cite."""
    name = t.content(province.name, province.name_en)
    lines = [_line(t("list.col.province"), name, province.slug)]
    plans = _plans_of(province)
    if plans:
        plan_header = (t("xlsx.about.plans"), t("status.header.plan"), t("xlsx.about.title"))
        lines.append(_line(*plan_header, bold=True))
        lines += [_line(None, plan.id, t.content(plan.title, plan.title_en)) for plan in plans]
    if province.sources:
        source_header = (
            t("xlsx.about.sources"),
            t("xlsx.about.number"),
            t("indicators.col.id"),
            t("xlsx.about.title"),
            t("xlsx.about.publisher"),
            t("xlsx.about.date"),
            t("xlsx.about.url"),
        )
        lines.append(_line(*source_header, bold=True))
        lines += [
            _line(None, number, s.id, s.title, s.publisher, s.date, s.url)
            for number, s in enumerate(province.sources, start=1)
        ]
    return lines


def _plans_of(province: ProvinceReport) -> list[PlanInfo]:
    """Each plan shown once, though several of its phases may be."""
    return list({phase.plan.id: phase.plan for phase in province.phases}.values())


def _note_lines(found: Sequence[Mapping[str, object]], t: Translator) -> list[Line]:
    """A province's notes: what its data assumes, with the plan and phase they belong to."""
    if not found:
        return []
    header = (
        t("status.notes"),
        t("status.header.plan"),
        t("status.header.phase"),
        t("xlsx.about.note"),
    )
    return [
        _line(*header, bold=True),
        *(_line(None, n["plan"], n["phase"], n["note"]) for n in found),
    ]


# --- cells --------------------------------------------------------------------------------


def _line(*cells: object, bold: bool = False) -> Line:
    """A line of the about sheet, of the report's own values."""
    return Line(tuple(_value(cell) for cell in cells), bold)


def _value(raw: object) -> Value:
    """A field of a row as a cell: text made printable, numbers that are not finite empty."""
    if raw is None or isinstance(raw, bool | date):
        return raw
    if isinstance(raw, int | float):
        return raw if math.isfinite(raw) else None
    return printable(str(raw))


def _field(column: str, raw: object) -> Value:
    if column in DATE_COLUMNS and isinstance(raw, str):
        return date.fromisoformat(raw)
    return _value(raw)


def _shown_width(value: Value, share: bool) -> int:
    """About how many characters wide Excel shows a value: its longest line for text."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return len(str(value))
    if isinstance(value, date):
        return len("yyyy-mm-dd")
    if isinstance(value, int | float):
        # Excel's General format shows at most about ten significant digits.
        return len(f"{value:.0%}") if share else len(f"{value:.10G}")
    return max((cell_len(line) for line in value.split("\n")), default=0)


def _widths(lines: Sequence[Line], shares: frozenset[int]) -> list[int]:
    """Each column's widest value, a header's room for its button included."""
    widths: list[int] = []
    for line in lines:
        for index, value in enumerate(line.cells):
            wide = _shown_width(value, index in shares and not line.bold)
            wide += HEADER_ROOM if line.bold and value is not None else 0
            if index == len(widths):
                widths.append(0)
            widths[index] = max(widths[index], wide)
    return widths


def _headers(t: Translator) -> dict[str, str]:
    """Every column's header. A column the screen names keeps the screen's word, so that a
    workbook and the table beside it agree; the rest have the workbook's own."""
    headers = {column: t(f"xlsx.col.{column}") for column in OWN_HEADERS}
    headers.update(
        as_of=t("status.header.as_of"),
        province_name=t("list.col.province"),
        plan=t("status.header.plan"),
        phase=t("status.header.phase"),
        indicator_name=t("status.col.indicator"),
        target_text=t("status.col.target"),
        baseline=t("status.col.baseline"),
        actual=t("status.col.actual"),
        progress=t("status.col.progress"),
        remaining=t("status.col.remaining"),
        status_label=t("status.col.status"),
        title=t("status.col.milestone"),
        due=t("status.col.due"),
        done=t("status.col.done"),
        year=t("status.col.year"),
        value=t("history.col.result"),
        source=t("status.col.source"),
        total=t("history.col.total"),
        required=t("history.col.required"),
        latest=t("compare.col.latest"),
    )
    return headers


def sheet_name(wanted: str, taken: Iterable[str]) -> str:
    """A name Excel accepts: none of ``[]:*?/\\``, no apostrophe at either end, at most 31
    characters, and none already taken (Excel ignores case when comparing them)."""
    base = _NOT_IN_SHEET_NAMES.sub("-", one_line(wanted)).strip("'")[:SHEET_NAME_LIMIT] or "-"
    used = {name.casefold() for name in taken}
    name, number = base, 1
    while name.casefold() in used:
        number += 1
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
    return name


# --- writing ------------------------------------------------------------------------------


class _Book:
    """A workbook being written in memory, with the formats its cells share."""

    def __init__(self, as_of: date, t: Translator) -> None:
        self._buffer = io.BytesIO()
        # Text is written with write_string, never guessed at; these keep it so should any
        # cell ever be written with the generic write().
        self._book: Any = xlsxwriter.Workbook(
            self._buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        # Reproducible (read in XlsxWriter 3.3's core.py and workbook.py): the document's
        # created and modified dates are the time of writing unless "created" is a datetime (a
        # date is ignored), and in memory every part of the zip is dated 1980-01-01; nothing
        # else varies. So dated by the as-of date, two runs on the same data give the same bytes.
        self._book.set_properties({"created": datetime(as_of.year, as_of.month, as_of.day)})
        self._t = t
        self._formats: dict[tuple[tuple[str, object], ...], Any] = {}
        self._names: list[str] = []
        self.headers = _headers(t)

    def close(self) -> bytes:
        self._book.close()
        return self._buffer.getvalue()

    def table(
        self, name: str, columns: Sequence[str], rows: Iterable[Mapping[str, object]]
    ) -> None:
        """One header row, then a row per record; filtered, the header frozen in view."""
        header = Line(tuple(self.headers[column] for column in columns), bold=True)
        body = [Line(tuple(_field(c, row.get(c)) for c in columns)) for row in rows]
        shares = frozenset(i for i, column in enumerate(columns) if column in SHARE_COLUMNS)
        sheet = self._sheet(name)
        self._write(sheet, [header, *body], shares)
        for index, column in enumerate(columns):
            # The name JSON and CSV give the column, for whoever writes a formula or a script.
            sheet.write_comment(0, index, column, {"author": "nsclt"})
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(body), len(columns) - 1)
        sheet.repeat_rows(0)
        sheet.set_landscape()

    def about(self, lines: Sequence[Line]) -> None:
        """Labels down the first column, in bold; a section's table beside its label."""
        sheet = self._sheet(self._t("xlsx.sheet.about"))
        self._write(sheet, lines, frozenset(), bold_labels=True)

    def _sheet(self, wanted: str) -> Any:
        name = sheet_name(wanted, self._names)
        self._names.append(name)
        return self._book.add_worksheet(name)

    def _write(
        self, sheet: Any, lines: Sequence[Line], shares: frozenset[int], bold_labels: bool = False
    ) -> None:
        widths = _widths(lines, shares)
        for index, wide in enumerate(widths):
            sheet.set_column(index, index, min(max(wide + 1, MIN_WIDTH), MAX_WIDTH))
        for row, line in enumerate(lines):
            for col, value in enumerate(line.cells):
                style = {
                    "bold": line.bold or (bold_labels and col == 0),
                    "wrap": widths[col] > MAX_WIDTH,
                    "share": col in shares,
                }
                self._put(sheet, row, col, value, **style)

    def _put(
        self, sheet: Any, row: int, col: int, value: Value, *, bold: bool, wrap: bool, share: bool
    ) -> None:
        if value is None:
            return
        base: dict[str, object] = {"bold": True} if bold else {}
        if isinstance(value, bool):
            sheet.write_boolean(row, col, value, self._format(base))
        elif isinstance(value, int | float):
            shown = {"num_format": "0%"} if share else {}
            number = _AllDigits(value) if isinstance(value, float) else value
            sheet.write_number(row, col, number, self._format({**base, **shown}))
        elif isinstance(value, date):
            shown = {"num_format": DATE_FORMATS[self._t.language]}
            sheet.write_datetime(row, col, value, self._format({**base, **shown}))
        else:
            text: dict[str, object] = {"text_wrap": True} if wrap else {}
            if value.startswith(_FORMULA_START):
                # Marks the cell as typed text, so that editing it in Excel keeps it text.
                text["quote_prefix"] = True
            sheet.write_string(row, col, value, self._format({**base, **text}))

    def _format(self, properties: Mapping[str, object]) -> Any:
        """Each distinct format made once: Excel caps how many a file may have."""
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            # Top-aligned, so that a row with a wrapped cell still reads across.
            self._formats[key] = self._book.add_format({"valign": "top", **properties})
        return self._formats[key]
