"""Status as data: tidy rows (one per target) as JSON, CSV, TSV or a Markdown table.

The JSON shape is versioned and documented in docs/json.md; CSV, TSV and Markdown are
written by ``tabular``. Numbers are written by ``numbers.for_machines`` in CSV, TSV and
JSON, and by ``numbers.for_people`` in Markdown.
"""

from __future__ import annotations

from typing import Final

from nsclt import __version__
from nsclt.i18n import Translator
from nsclt.model import Indicator
from nsclt.render.derivation import amendments, derivation, notes
from nsclt.render.json_text import dumps
from nsclt.render.since import change_records, described, status_before, was_text
from nsclt.render.tabular import delimited, markdown_cell, markdown_table
from nsclt.render.words import (
    baseline_text,
    cited,
    figure_text,
    indicator_name,
    named_with_unit,
    progress_words,
    remaining_text,
    status_label,
    target_headers,
    target_text,
    unit,
    value_text,
    verdict_flags,
)
from nsclt.report import Evaluation, PhaseReport, ProvinceReport

FORMAT_VERSION: Final = 1
COLUMNS: Final = (
    "as_of",
    "province",
    "province_name",
    "current_unit",
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
    "actual_source",
    "progress",
    "remaining",
    "remaining_strict",
    "compound_growth",
    "status",
    "status_label",
    "approximate",
    "outside_band",
    "plan_note",
    "phase_note",
    "set_by",
    "status_before",
)
NO_TARGET: Final = "no_target"
"""The status column of a result recorded for an indicator its phase sets no target for."""


def target_rows(evaluation: Evaluation, t: Translator) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for province in evaluation.provinces:
        for phase_report in province.phases:
            for row in phase_report.targets:
                rows.append(
                    {
                        **_about(province, phase_report, row.indicator, t),
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
                        "actual_source": row.actual.source if row.actual else None,
                        "progress": row.progress,
                        "remaining": row.remaining,
                        "remaining_strict": row.remaining_strict,
                        "compound_growth": row.compound_rate,
                        "status": row.status,
                        "status_label": status_label(row.status, t),
                        "approximate": row.approximate,
                        "outside_band": row.outside_band,
                        "plan_note": phase_report.plan.note,
                        "phase_note": phase_report.phase.note,
                        "set_by": row.set_by,
                        "status_before": status_before(row, province),
                    }
                )
                if evaluation.explain:
                    rows[-1]["derivation"] = derivation(row, province.as_of, phase_report)
    return rows


def result_rows(evaluation: Evaluation, t: Translator) -> list[dict[str, object]]:
    """The results of indicators a phase sets no target for, as `--all` shows them."""
    return [
        {
            **_about(province, phase_report, result.indicator, t),
            "actual": result.figure.value,
            "actual_year": result.figure.year,
            "actual_qualifier": result.figure.qualifier,
            "actual_source": result.source,
            "status": NO_TARGET,
            "status_label": status_label(NO_TARGET, t),
        }
        for province in evaluation.provinces
        for phase_report in province.phases
        for result in phase_report.untargeted
    ]


def _about(
    province: ProvinceReport, phase_report: PhaseReport, indicator: Indicator, t: Translator
) -> dict[str, object]:
    """The columns that say what a row is about: date, province, plan, phase, indicator."""
    return {
        "as_of": province.as_of.isoformat(),
        "province": province.slug,
        "province_name": province.name,
        "current_unit": province.current,
        "plan": phase_report.plan.id,
        "phase": phase_report.phase.id,
        "indicator": indicator.id,
        "indicator_name": indicator_name(indicator, t),
        "unit": unit(indicator, t),
    }


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


def as_json(evaluation: Evaluation, t: Translator) -> str:
    document = {
        "nsclt_version": __version__,
        "format_version": FORMAT_VERSION,
        "as_of": evaluation.as_of.isoformat(),
        "language": t.language,
        "targets": target_rows(evaluation, t),
        "milestones": milestone_rows(evaluation, t),
        "results": result_rows(evaluation, t),
        "notes": notes(evaluation),
        "amendments": amendments(evaluation),
        "since": evaluation.since.isoformat() if evaluation.since else None,
        "changes": change_records(evaluation.provinces, t),
        "invalid_files": list(evaluation.invalid),
    }
    return dumps(document)


def _rows(evaluation: Evaluation, t: Translator) -> list[dict[str, object]]:
    # Results without a target follow the targets, their target columns left empty.
    return target_rows(evaluation, t) + result_rows(evaluation, t)


def as_csv(evaluation: Evaluation, t: Translator) -> str:
    return delimited(COLUMNS, _rows(evaluation, t), ",")


def as_tsv(evaluation: Evaluation, t: Translator) -> str:
    return delimited(COLUMNS, _rows(evaluation, t), "\t")


def as_markdown(evaluation: Evaluation, t: Translator) -> str:
    """The status table for a report or a wiki, in the words and figures of the screen."""
    targets = [
        (
            t.content(province.name, province.name_en),
            report.phase.id,
            named_with_unit(row.indicator, t),
            target_text(row, t),
            baseline_text(row, t),
            figure_text(row.actual, t),
            progress_words(row, t),
            remaining_text(row, t),
            status_label(row.status, t) + verdict_flags(row, t) + was_text(row, province, t),
        )
        for province in evaluation.provinces
        for report in province.phases
        for row in report.targets
    ]
    results = [
        (
            t.content(province.name, province.name_en),
            report.phase.id,
            named_with_unit(result.indicator, t),
            str(result.figure.year),
            value_text(result.figure, t),
            cited(result.source, province, t),
        )
        for province in evaluation.provinces
        for report in province.phases
        for result in report.untargeted
    ]
    lines = [f"{t('status.header.as_of')}: {t.date(evaluation.as_of)}", ""]
    lines += markdown_table(_where(t) + target_headers(t), targets)
    if results:
        lines += ["", f"{t('status.untargeted')}:", ""]
        result_headers = [t("status.col.year"), t("status.col.value"), t("status.col.source")]
        lines += markdown_table(_where(t) + result_headers, results)
    if evaluation.since is not None:
        since = t.date(evaluation.since)
        changed = [(p, c) for p in evaluation.provinces for c in p.changes]
        lines += ["", f"{t('since.title', since=since)}:", ""]
        lines += [f"- {markdown_cell(described(c, p, t))}" for p, c in changed]
        if not changed:
            lines.append(markdown_cell(t("since.none", since=since)))
    written = notes(evaluation)
    if written:
        lines += ["", f"{t('status.notes')}:", ""]
        for entry in written:
            where = " / ".join(
                str(entry[key]) for key in ("province", "plan", "phase") if entry[key]
            )
            lines.append(f"- {markdown_cell(where)}: {markdown_cell(str(entry['note']))}")
    return "\n".join(lines) + "\n"


def _where(t: Translator) -> list[str]:
    """The headers of the columns every Markdown table starts with."""
    return [t("list.col.province"), t("status.header.phase"), t("status.col.indicator")]
