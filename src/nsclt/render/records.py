"""Status as data: tidy rows (one per target) as JSON, CSV, TSV or a Markdown table.

The JSON shape is versioned and documented in docs/json.md. CSV is UTF-8 with a
byte-order mark, which is how Excel recognises UTF-8, and no text cell may start
with a character a spreadsheet would run as a formula. Numbers are written by
``numbers.for_machines`` in CSV, TSV and JSON, and by ``numbers.for_people`` in Markdown.
"""

from __future__ import annotations

import csv
import io
from typing import Final

from nsclt import __version__
from nsclt.i18n import Translator
from nsclt.numbers import for_machines, for_people
from nsclt.render.json_text import dumps
from nsclt.render.words import indicator_name, status_label, target_text, unit
from nsclt.report import Evaluation

FORMAT_VERSION: Final = 1
COLUMNS: Final = (
    "as_of",
    "province",
    "province_name",
    "plan",
    "phase",
    "indicator",
    "indicator_name",
    "unit",
    "target_kind",
    "target_text",
    "target",
    "target_year",
    "baseline",
    "baseline_year",
    "baseline_assumed",
    "actual",
    "actual_year",
    "actual_qualifier",
    "progress",
    "remaining",
    "compound_growth",
    "status",
    "status_label",
)
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
PROGRESS_DECIMALS: Final = 4


def target_rows(evaluation: Evaluation, t: Translator) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for province in evaluation.provinces:
        for phase_report in province.phases:
            for row in phase_report.targets:
                rows.append(
                    {
                        "as_of": province.as_of.isoformat(),
                        "province": province.slug,
                        "province_name": province.name,
                        "plan": row.plan,
                        "phase": row.phase,
                        "indicator": row.indicator.id,
                        "indicator_name": indicator_name(row.indicator, t),
                        "unit": unit(row.indicator, t),
                        "target_kind": row.kind,
                        "target_text": target_text(row, t),
                        "target": row.goal,
                        "target_year": row.target_year,
                        "baseline": row.baseline.value if row.baseline else None,
                        "baseline_year": row.baseline.year if row.baseline else None,
                        "baseline_assumed": row.baseline_assumed,
                        "actual": row.actual.value if row.actual else None,
                        "actual_year": row.actual.year if row.actual else None,
                        "actual_qualifier": row.actual.qualifier if row.actual else None,
                        "progress": _rounded(row.progress, PROGRESS_DECIMALS),
                        "remaining": row.remaining,
                        "compound_growth": _rounded(row.compound_rate, PROGRESS_DECIMALS),
                        "status": row.status,
                        "status_label": status_label(row.status, t),
                    }
                )
    return rows


def milestone_rows(evaluation: Evaluation, t: Translator) -> list[dict[str, object]]:
    return [
        {
            "province": province.slug,
            "plan": row.plan,
            "phase": row.phase,
            "milestone": row.milestone.id,
            "title": row.milestone.title,
            "due": row.milestone.due.isoformat(),
            "done": row.milestone.done.isoformat() if row.milestone.done else None,
            "status": row.status,
            "status_label": status_label(row.status, t),
        }
        for province in evaluation.provinces
        for phase_report in province.phases
        for row in phase_report.milestones
    ]


def _rounded(value: float | None, decimals: int) -> float | None:
    return None if value is None else round(value, decimals)


def as_json(evaluation: Evaluation, t: Translator) -> str:
    document = {
        "nsclt_version": __version__,
        "format_version": FORMAT_VERSION,
        "as_of": evaluation.as_of.isoformat(),
        "language": t.language,
        "targets": target_rows(evaluation, t),
        "milestones": milestone_rows(evaluation, t),
        "invalid_files": list(evaluation.invalid),
    }
    return dumps(document)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return for_machines(value) or ""
    text = str(value)
    # A spreadsheet runs a cell that starts with one of these as a formula.
    return "'" + text if text.startswith(_FORMULA_START) else text


def _delimited(evaluation: Evaluation, t: Translator, delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in target_rows(evaluation, t):
        writer.writerow([_cell(row[column]) for column in COLUMNS])
    return out.getvalue()


def as_csv(evaluation: Evaluation, t: Translator) -> str:
    return "\ufeff" + _delimited(evaluation, t, ",")


def as_tsv(evaluation: Evaluation, t: Translator) -> str:
    return _delimited(evaluation, t, "\t")


MARKDOWN_COLUMNS: Final = (
    "province_name",
    "phase",
    "indicator_name",
    "target_text",
    "baseline",
    "actual",
    "progress",
    "remaining",
    "status_label",
)


def _markdown_headers(t: Translator) -> list[str]:
    """The headings of ``MARKDOWN_COLUMNS``, in their order."""
    return [
        t("list.col.province"),
        t("status.header.phase"),
        t("status.col.indicator"),
        t("status.col.target"),
        t("status.col.baseline"),
        t("status.col.actual"),
        t("status.col.progress"),
        t("status.col.remaining"),
        t("status.col.status"),
    ]


def _markdown_cell(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = for_people(value)
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def as_markdown(evaluation: Evaluation, t: Translator) -> str:
    headers = _markdown_headers(t)
    lines = [
        f"{t('status.header.as_of')}: {evaluation.as_of.isoformat()}",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    for row in target_rows(evaluation, t):
        cells = (_markdown_cell(row[column]) for column in MARKDOWN_COLUMNS)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
