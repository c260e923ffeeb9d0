"""``status --explain``: everything a verdict used, in words, so anyone can redo it by hand.

Each target shows the results used (each one of a total, with its year), where the count
starts, how the goal was resolved, the formula with its numbers, the cut points, and the
comparison that decided the verdict. The same facts go into JSON (``render.records``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from nsclt.i18n import Translator
from nsclt.render.words import figure_text, indicator_name, status_label, target_text, value_text
from nsclt.report import Figure, TargetRow
from nsclt.text import printable

RATIO_DECIMALS: Final = 4
"""p, e, R and growth rates: enough digits to redo a verdict near its cut points."""

# The comparison a target of each kind makes, and its negation.
_MET_OP: Final = {"at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<"}
_MISSED_OP: Final = {"≥": "<", ">": "≤", "≤": ">", "<": "≥"}


def ratio_text(value: float, t: Translator) -> str:
    return t.number(value, RATIO_DECIMALS)


def explanation(
    row: TargetRow, t: Translator, decisions: Mapping[str, str] | None = None
) -> RenderableType:
    """``decisions`` names each amendment by its decision, for a target one of them set."""
    if row.decision.rule == "no_baseline":
        lines = [t("explain.no_baseline")]
    elif row.kind == "growth_per_year":
        lines = _growth_lines(row, t)
    elif row.kind == "each_year":
        lines = _each_year_lines(row, t)
    else:
        lines = _threshold_lines(row, t)
    indicator = row.indicator
    if indicator.share_of:
        population = t.content(indicator.share_of, indicator.share_of_en)
        lines.insert(0, t("explain.share_of", population=population))
    if indicator.within:
        lines.insert(0, t("explain.share_within", parent=indicator.within))
    if row.set_by is not None:
        decision = (decisions or {}).get(row.set_by, row.set_by)
        lines.insert(0, t("explain.set_by", decision=decision))
    lines.append(_decision(row, t))
    heading = Text(f"• {printable(indicator_name(row.indicator, t))}: ", style="bold") + Text(
        target_text(row, t)
    )
    # Each line on its own, so that a long one wraps under itself, not under the bullet.
    body = (Padding(Text(printable(line)), (0, 0, 0, 2)) for line in lines)
    return Padding(Group(heading, *body), (0, 0, 0, 1))


def _used(row: TargetRow, t: Translator) -> list[str]:
    if not row.inputs or row.actual is None:
        return [t("explain.used_none")]
    if row.kind == "growth_per_year":
        series = ", ".join(figure_text(figure, t) for figure in row.inputs)
        lines = [t("explain.used_series", figures=series)]
    elif len(row.inputs) == 1 and row.indicator.kind == "level":
        lines = [t("explain.used_one", figure=figure_text(row.inputs[0], t))]
    else:
        terms = " + ".join(figure_text(figure, t) for figure in row.inputs)
        lines = [t("explain.used_sum", terms=terms, total=value_text(row.actual, t))]
    sources = sorted({figure.source for figure in row.inputs if figure.source})
    if sources:
        lines.append(t("explain.sources", sources=", ".join(sources)))
    return lines


def _threshold_lines(row: TargetRow, t: Translator) -> list[str]:
    start, goal = row.start, row.goal
    assert start is not None and goal is not None
    lines = [t(f"explain.kind.{row.indicator.kind}"), *_used(row, t)]
    if row.spec.counts_from is not None:
        lines.append(t("explain.counts_from", year=row.spec.counts_from))
    if row.indicator.kind == "flow":
        lines.append(t("explain.start_flow", year=start.year))
        if row.baseline is not None:
            baseline = row.baseline
            value = value_text(baseline, t)
            lines.append(t("explain.baseline_total", value=value, year=baseline.year))
    elif row.baseline_assumed:
        lines.append(t("explain.start_assumed", year=start.year))
    else:
        lines.append(t("explain.start_baseline", value=value_text(start, t), year=start.year))
    lines.append(_goal_line(row, goal, t))
    actual = row.actual
    if actual is not None:
        lines.extend(_qualified(actual, row, t))
    pace = row.pace
    if actual is not None and pace is not None:
        if pace.fallback:
            lines.append(t("explain.fallback"))
        years = {"year": actual.year, "start_year": start.year, "target_year": row.target_year}
        numbers = {
            "actual": t.number(actual.value),
            "start": t.number(start.value),
            "goal": t.number(goal),
            "ratio": ratio_text(pace.ratio, t),
        }
        if pace.method == "cagr":
            assert pace.actual_rate is not None and pace.required_rate is not None
            rates = {
                "actual_rate": ratio_text(pace.actual_rate, t),
                "required_rate": ratio_text(pace.required_rate, t),
            }
            lines.append(t("explain.cagr", **numbers, **years, **rates))
        else:
            shares = {"p": ratio_text(row.progress or 0.0, t), "e": ratio_text(pace.elapsed, t)}
            lines.append(t("explain.linear", **numbers, **years, **shares))
        lines.append(t("explain.cuts"))
    if row.baseline_meets:
        lines.append(t("explain.baseline_meets"))
    return lines


def _goal_line(row: TargetRow, goal: float, t: Translator) -> str:
    year = row.target_year
    if row.band is not None:
        numbers = {
            "low": t.number(row.band.min),
            "high": t.number(row.band.max),
            "goal": t.number(goal),
            "year": year,
        }
        if row.indicator.direction == "increase":
            return t("explain.goal_range_low", **numbers)
        return t("explain.goal_range_high", **numbers)
    if row.kind == "increase_by" and row.spec.increase_by is not None:
        baseline = row.baseline.value if row.baseline is not None else 0.0
        return t(
            "explain.goal_increase_by",
            baseline=t.number(baseline),
            step=t.number(row.spec.increase_by),
            goal=t.number(goal),
            year=year,
        )
    return t("explain.goal", goal=t.number(goal), year=year)


def _qualified(actual: Figure, row: TargetRow, t: Translator) -> list[str]:
    """What a qualified result allows, when that, not its value, is compared."""
    if actual.qualifier == "approx":
        return [t("explain.approx")]
    if actual.qualifier is None or row.decision.rule not in ("met", "missed"):
        return []
    compared = row.decision.values[0]
    if compared == actual.value:
        return []
    given, bound = value_text(actual, t), t.number(compared)
    if row.indicator.direction == "increase":
        return [t("explain.bound", given=given, bound=bound)]
    return [t("explain.bound_upper", given=given, bound=bound)]


def _growth_lines(row: TargetRow, t: Translator) -> list[str]:
    band = row.band
    assert band is not None
    increase = row.indicator.direction == "increase"
    floor = band.min if increase else band.max
    numbers = {
        "floor": t.number(floor),
        "low": t.number(band.min),
        "high": t.number(band.max),
    }
    if increase:
        lines = [t("explain.growth_rule", **numbers)]
    else:
        lines = [t("explain.growth_rule_decrease", **numbers)]
    lines.extend(_used(row, t))
    for g in row.growth:
        lines.append(
            t(
                "explain.growth_year",
                year=g.year,
                after=t.number(g.after),
                before=t.number(g.before),
                years=g.years,
                rate=ratio_text(g.rate, t),
                verdict=t(f"explain.verdict.{g.verdict}"),
            )
        )
    if row.compound_rate is not None and row.start is not None and row.actual is not None:
        lines.append(
            t(
                "explain.growth_compound",
                last=t.number(row.actual.value),
                first=t.number(row.start.value),
                last_year=row.actual.year,
                first_year=row.start.year,
                rate=ratio_text(row.compound_rate, t),
            )
        )
    if row.approximate:
        lines.append(t("explain.approx"))
    return lines


def _each_year_lines(row: TargetRow, t: Translator) -> list[str]:
    floor = row.spec.each_year
    assert floor is not None
    years = {"start": row.phase_start, "end": row.target_year}
    if floor.max is not None:
        low, high = t.number(floor.min), t.number(floor.max)
        lines = [t("explain.each_year_rule_range", low=low, high=high, **years)]
    else:
        lines = [t("explain.each_year_rule", floor=t.number(floor.min), **years)]
    for year in row.each_year:
        given = value_text(Figure(year.value, year.year, year.qualifier), t)
        verdict = t(f"explain.verdict.{year.verdict}")
        lines.append(t("explain.each_year_value", year=year.year, value=given, verdict=verdict))
    if not row.each_year:
        lines.append(t("explain.used_none"))
    if row.approximate:
        lines.append(t("explain.approx"))
    return lines


def _each_year_decision(row: TargetRow, t: Translator, status: str) -> str:
    floor = row.spec.each_year
    assert floor is not None
    values = row.decision.values
    if row.decision.rule == "each_year_ended":
        return t(
            "decide.each_year_ended",
            year=row.target_year,
            short=int(values[0]),
            missing=int(values[1]),
            status=status,
        )
    if row.decision.rule == "each_year_every_year":
        return t("decide.each_year_every_year", floor=t.number(floor.min), status=status)
    met = sum(1 for year in row.each_year if year.verdict != "below")
    return t(
        "decide.each_year_ratio",
        met=met,
        recorded=len(row.each_year),
        floor=t.number(floor.min),
        ratio=ratio_text(values[0], t),
        status=status,
    )


def _decision(row: TargetRow, t: Translator) -> str:
    """The comparison that decided the verdict, in words."""
    decision = row.decision
    status = status_label(row.status, t)
    values = decision.values
    if decision.rule == "not_started":
        return t("decide.not_started", year=int(values[0]), status=status)
    if decision.rule == "no_data":
        return t("decide.no_data", status=status)
    if decision.rule == "no_baseline":
        return t("decide.no_baseline", status=status)
    if decision.rule in ("met", "ceiling_kept", "missed", "ceiling_passed"):
        op = _MET_OP.get(row.kind, "≥" if row.indicator.direction == "increase" else "≤")
        if decision.rule in ("missed", "ceiling_passed"):
            op = _MISSED_OP[op]
        numbers = {"actual": t.number(values[0]), "goal": t.number(values[1]), "op": op}
        return t(f"decide.{decision.rule}", **numbers, year=row.target_year, status=status)
    if decision.rule == "same_as_start":
        moved_away = row.status == "deteriorating"
        movement = t("decide.moved_away") if moved_away else t("decide.not_moved_away")
        return t(
            "decide.same_as_start",
            actual=t.number(values[0]),
            goal=t.number(values[1]),
            movement=movement,
            status=status,
        )
    if decision.rule == "pace":
        band = t(f"band.{row.status}")
        return t("decide.pace", ratio=ratio_text(values[0], t), band=band, status=status)
    if decision.rule == "growth_ended":
        return t("decide.growth_ended", below=int(values[0]), year=row.target_year, status=status)
    if decision.rule == "growth_every_year":
        return t("decide.growth_every_year", status=status)
    if decision.rule.startswith("each_year"):
        return _each_year_decision(row, t, status)
    assert row.band is not None and row.compound_rate is not None
    floor = row.band.min if row.indicator.direction == "increase" else row.band.max
    numbers = {
        "compound": ratio_text(row.compound_rate, t),
        "floor": t.number(floor),
        "ratio": ratio_text(values[0], t),
    }
    if decision.rule == "growth_capped":
        return t("decide.growth_capped", **numbers, status=status)
    band = t(f"band.{row.status}")
    return t("decide.growth_ratio", **numbers, band=band, status=status)
