"""What changed since an earlier date (``--since``), in words and as data, for every output."""

from __future__ import annotations

from collections import Counter
from typing import Final

from nsclt.i18n import Translator
from nsclt.render.words import cited, indicator_name, status_label, target_text, value_text
from nsclt.report import Change, PhaseReport, ProvinceReport, ResultRow, TargetRow

MARK: Final = "✱"
"""Beside an actual made of a result recorded since the earlier date."""


def status_before(row: TargetRow, province: ProvinceReport) -> str | None:
    """The target's status on the earlier date, where it moved since."""
    return next(
        (
            change.before
            for change in province.changes
            if change.kind == "verdict_moved"
            and (change.plan, change.phase) == (row.plan, row.phase)
            and change.indicator is not None
            and change.indicator.id == row.indicator.id
        ),
        None,
    )


def _added(province: ProvinceReport) -> set[tuple[str, str, int]]:
    return {
        (change.plan, change.indicator.id, change.figure.year)
        for change in province.changes
        if change.kind == "result_added" and change.indicator and change.figure
    }


def has_new_result(row: TargetRow, province: ProvinceReport) -> bool:
    """Whether the target's actual is made of a result recorded since the earlier date."""
    used = row.inputs or ((row.actual,) if row.actual else ())
    added = _added(province)
    return any((row.plan, row.indicator.id, figure.year) in added for figure in used)


def is_new(phase: PhaseReport, result: ResultRow, province: ProvinceReport) -> bool:
    """Whether a result shown without a target was recorded since the earlier date."""
    key = (phase.plan.id, result.indicator.id, result.figure.year)
    return key in _added(province)


def was_text(row: TargetRow, province: ProvinceReport, t: Translator) -> str:
    """`` (was on track)`` after a verdict that moved, else nothing."""
    before = status_before(row, province)
    return " " + t("since.was", status=status_label(before, t)) if before else ""


def described(change: Change, province: ProvinceReport, t: Translator) -> str:
    """One change in a sentence."""
    indicator = indicator_name(change.indicator, t) if change.indicator else ""
    phase = change.phase or ""
    if change.kind == "result_added" and change.figure is not None:
        figure = change.figure
        source = cited(figure.source, province, t) if figure.source else ""
        value = value_text(figure, t)
        return t(
            "since.result_added", indicator=indicator, value=value, year=figure.year, source=source
        )
    if change.kind == "target_changed" and change.target_after is not None:
        after = target_text(change.target_after, t)
        if change.target_before is None:
            return t("since.target_added", indicator=indicator, phase=phase, after=after)
        before = target_text(change.target_before, t)
        return t(
            "since.target_changed", indicator=indicator, phase=phase, before=before, after=after
        )
    before = status_label(change.before or "", t)
    after = status_label(change.after or "", t)
    if change.kind == "milestone_moved" and change.milestone is not None:
        m = change.milestone
        title = t.content(m.title, m.title_en)
        return t("since.milestone_moved", milestone=title, phase=phase, before=before, after=after)
    return t("since.verdict_moved", indicator=indicator, phase=phase, before=before, after=after)


def of_phase(province: ProvinceReport, report: PhaseReport) -> list[Change]:
    """The changes of one phase shown, with the results added to its plan."""
    plan, phase = report.plan.id, report.phase.id
    return [c for c in province.changes if c.plan == plan and c.phase in (None, phase)]


def counted(changes: list[Change], t: Translator, separator: str = ", ") -> str:
    """Changes in a few words: ``new results: 2, verdicts moved: 1``."""
    counts: Counter[str] = Counter(change.kind for change in changes)
    words = {
        "result_added": "since.count.results",
        "target_changed": "since.count.targets",
        "verdict_moved": "since.count.verdicts",
        "milestone_moved": "since.count.milestones",
    }
    parts = [t(key, count=counts[kind]) for kind, key in words.items() if counts[kind]]
    return separator.join(parts) or t("since.count.none")


def change_records(provinces: tuple[ProvinceReport, ...], t: Translator) -> list[dict[str, object]]:
    """Every change as data: see "Changes since an earlier date" in docs/json.md."""
    records: list[dict[str, object]] = []
    for province in provinces:
        for change in province.changes:
            figure = change.figure
            records.append(
                {
                    "province": province.slug,
                    "since": province.since.isoformat() if province.since else None,
                    "kind": change.kind,
                    "plan": change.plan,
                    "phase": change.phase,
                    "indicator": change.indicator.id if change.indicator else None,
                    "milestone": change.milestone.id if change.milestone else None,
                    "year": figure.year if figure else None,
                    "value": figure.value if figure else None,
                    "qualifier": figure.qualifier if figure else None,
                    "source": figure.source if figure else None,
                    "reported": change.reported.isoformat() if change.reported else None,
                    "before": _state(change, before=True),
                    "after": _state(change, before=False),
                    "text": described(change, province, t),
                }
            )
    return records


def _state(change: Change, *, before: bool) -> object:
    """A status key, or for a target the value it sets (null when there was none)."""
    if change.kind == "target_changed":
        row = change.target_before if before else change.target_after
        return None if row is None else row.goal
    return change.before if before else change.after
