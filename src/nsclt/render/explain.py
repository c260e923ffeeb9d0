"""``status --explain``: the numbers, formula and cut points behind each verdict, in words."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from nsclt.i18n import Translator
from nsclt.numbers import for_people
from nsclt.render.words import figure_text, status_label, target_text
from nsclt.report import TargetRow

RATIO_DECIMALS = 4
RATE_DECIMALS = 2


def explanation(row: TargetRow, t: Translator) -> RenderableType:
    lines: list[str] = []
    if row.kind == "growth_per_year" and row.band is not None:
        increase = row.indicator.direction == "increase"
        floor = row.band.min if increase else row.band.max
        lines.append(
            t(
                "explain.growth_rule",
                floor=for_people(floor),
                low=for_people(row.band.min),
                high=for_people(row.band.max),
            )
        )
        for g in row.growth:
            lines.append(
                t(
                    "explain.growth_year",
                    year=g.year,
                    rate=for_people(g.rate, RATE_DECIMALS),
                    verdict=t(f"explain.verdict.{g.verdict}"),
                )
            )
        if row.compound_rate is not None:
            rate = for_people(row.compound_rate, RATE_DECIMALS)
            lines.append(t("explain.growth_compound", rate=rate))
    else:
        lines.extend(_threshold_lines(row, t))
    if row.actual is not None and row.actual.qualifier == "approx":
        lines.append(t("explain.approx"))
    if row.actual is not None and row.actual.qualifier == "at_least":
        lines.append(t("explain.lower_bound"))
    if row.status == "achieved":
        lines.append(t("explain.met"))
    elif row.status == "missed":
        lines.append(t("explain.ended", year=row.target_year))
    lines.append(t("explain.status", status=status_label(row.status, t)))
    heading = Text(f"• {row.indicator.id} ", style="bold") + Text(target_text(row, t))
    body = Text("\n".join(f"  {line}" for line in lines))
    return Padding(Group(heading, body), (0, 0, 0, 1))


def _threshold_lines(row: TargetRow, t: Translator) -> list[str]:
    start = row.start
    assert start is not None and row.goal is not None
    lines = [t(f"explain.kind.{row.indicator.kind}")]
    if row.indicator.kind == "flow":
        lines.append(t("explain.flow_start", year=start.year))
    elif row.baseline_assumed:
        lines.append(t("explain.baseline_assumed", year=start.year))
    else:
        lines.append(t("explain.baseline", value=for_people(start.value), year=start.year))
    lines.append(t("explain.goal", goal=for_people(row.goal), year=row.target_year))
    actual = row.actual
    if actual is None:
        lines.append(t("explain.no_actual"))
        return lines
    lines.append(t("explain.actual", value=figure_text(actual, t)))
    pace = row.pace
    if pace is None:
        return lines
    if pace.fallback:
        lines.append(t("explain.fallback"))
    ratio = for_people(pace.ratio, RATIO_DECIMALS)
    if pace.method == "cagr":
        assert pace.actual_rate is not None and pace.required_rate is not None
        lines.append(
            t(
                "explain.cagr",
                actual=for_people(actual.value),
                start=for_people(start.value),
                goal=for_people(row.goal),
                passed=actual.year - start.year,
                span=row.target_year - start.year,
                actual_rate=for_people(pace.actual_rate, RATE_DECIMALS),
                required_rate=for_people(pace.required_rate, RATE_DECIMALS),
                ratio=ratio,
            )
        )
    else:
        lines.append(
            t(
                "explain.linear",
                actual=for_people(actual.value),
                start=for_people(start.value),
                goal=for_people(row.goal),
                p=for_people(row.progress or 0.0, RATIO_DECIMALS),
                year=actual.year,
                start_year=start.year,
                target_year=row.target_year,
                e=for_people(pace.elapsed, RATIO_DECIMALS),
                ratio=ratio,
            )
        )
    lines.append(t("explain.cuts"))
    return lines
