"""Status as data: tidy rows (one per target) as JSON, CSV, TSV or a Markdown table.

The JSON shape is versioned and documented in docs/json.md. CSV is UTF-8 with a
byte-order mark, which is how Excel recognises UTF-8, and no text cell may start
with a character a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from nsclt import __version__
from nsclt.evaluate import PhaseReport
from nsclt.i18n import Translator
from nsclt.model import PlanFile
from nsclt.render.status import indicator_name, target_text, unit

FORMAT_VERSION: Final = 1
COLUMNS: Final = (
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


@dataclass(frozen=True)
class ProvinceReport:
    slug: str
    plan_file: PlanFile
    phases: Sequence[PhaseReport]


def target_rows(reports: Sequence[ProvinceReport], t: Translator) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for report in reports:
        name = report.plan_file.name
        for phase_report in report.phases:
            for row in phase_report.targets:
                rows.append(
                    {
                        "province": report.slug,
                        "province_name": name,
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
                        "progress": _rounded(row.progress),
                        "remaining": row.remaining,
                        "compound_growth": _rounded(row.compound_rate),
                        "status": row.status,
                        "status_label": t(f"status.{row.status}"),
                    }
                )
    return rows


def milestone_rows(reports: Sequence[ProvinceReport], t: Translator) -> list[dict[str, object]]:
    return [
        {
            "province": report.slug,
            "plan": row.plan,
            "phase": row.phase,
            "milestone": row.milestone.id,
            "title": row.milestone.title,
            "due": row.milestone.due.isoformat(),
            "done": row.milestone.done.isoformat() if row.milestone.done else None,
            "status": row.status,
            "status_label": t(f"status.{row.status}"),
        }
        for report in reports
        for phase_report in report.phases
        for row in phase_report.milestones
    ]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def as_json(reports: Sequence[ProvinceReport], as_of: date, t: Translator) -> str:
    document = {
        "nsclt_version": __version__,
        "format_version": FORMAT_VERSION,
        "as_of": as_of.isoformat(),
        "language": t.language,
        "targets": target_rows(reports, t),
        "milestones": milestone_rows(reports, t),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    text = str(value)
    # A spreadsheet runs a cell that starts with one of these as a formula.
    return "'" + text if text.startswith(_FORMULA_START) else text


def _delimited(reports: Sequence[ProvinceReport], t: Translator, delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in target_rows(reports, t):
        writer.writerow([_cell(row[column]) for column in COLUMNS])
    return out.getvalue()


def as_csv(reports: Sequence[ProvinceReport], as_of: date, t: Translator) -> str:
    return "\ufeff" + _delimited(reports, t, ",")


def as_tsv(reports: Sequence[ProvinceReport], as_of: date, t: Translator) -> str:
    return _delimited(reports, t, "\t")


MARKDOWN_COLUMNS: Final = (
    ("province_name", "list.col.province"),
    ("phase", "status.header.phase"),
    ("indicator_name", "status.col.indicator"),
    ("target_text", "status.col.target"),
    ("baseline", "status.col.baseline"),
    ("actual", "status.col.actual"),
    ("progress", "status.col.progress"),
    ("remaining", "status.col.remaining"),
    ("status_label", "status.col.status"),
)


def as_markdown(reports: Sequence[ProvinceReport], as_of: date, t: Translator) -> str:
    def escape(value: object) -> str:
        if isinstance(value, float) and value is not None:
            value = f"{value:g}"
        text = "" if value is None else str(value)
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    headers = [t(key) for _, key in MARKDOWN_COLUMNS]
    lines = [
        f"{t('status.header.as_of')}: {as_of.isoformat()}",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    for row in target_rows(reports, t):
        lines.append(
            "| " + " | ".join(escape(row[column]) for column, _ in MARKDOWN_COLUMNS) + " |"
        )
    return "\n".join(lines) + "\n"


DataRenderer = Callable[[Sequence[ProvinceReport], date, Translator], str]
DATA_FORMATS: Final[dict[str, DataRenderer]] = {
    "json": as_json,
    "csv": as_csv,
    "tsv": as_tsv,
    "markdown": as_markdown,
}
PICTURE_FORMATS: Final = ("svg", "html")
FORMAT_BY_EXTENSION: Final = {
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".md": "markdown",
    ".svg": "svg",
    ".html": "html",
    ".txt": "table",
}
OUTPUT_FORMATS: Final = ("table", *DATA_FORMATS, *PICTURE_FORMATS)
