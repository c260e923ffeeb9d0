"""Targets judged year by year: growth bands ("tăng 5–10 %/năm") and a count or range
required every year ("mỗi năm có từ 1-2 doanh nghiệp …").

A year that falls short can no longer be made good, so once one has, the verdict during the
phase is never better than *needs acceleration*; after the phase it is *missed*.
"""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise

from nsclt.model import Band, Indicator, Phase, Result
from nsclt.model import Target as TargetSpec
from nsclt.ratios import capped, compound, status_for
from nsclt.report import (
    Decision,
    Figure,
    GrowthVerdict,
    Status,
    TargetRow,
    YearlyGrowth,
    YearlyValue,
    figure_of,
)


def _with(row: TargetRow, **changes: object) -> TargetRow:
    return row._replace(**changes)  # type: ignore[arg-type]


def each_year_row(
    plan_id: str,
    phase: Phase,
    spec: TargetSpec,
    indicator: Indicator,
    own: list[Result],
    as_of: date,
) -> TargetRow:
    """Each year of the phase must reach ``min`` (and stay within ``max`` when given)."""
    floor = spec.each_year
    assert floor is not None
    whole = indicator.value_type == "count"
    figures = [figure_of(r) for r in own if phase.start <= r.year]
    years = tuple(_judged(figure, floor.min, floor.max, whole) for figure in figures)
    row = TargetRow(
        plan=plan_id,
        phase=phase.id,
        indicator=indicator,
        spec=spec,
        kind="each_year",
        goal=floor.min,
        band=Band(floor.min, floor.max) if floor.max is not None else None,
        target_year=phase.end,
        baseline=None,
        baseline_assumed=False,
        start=None,
        actual=figures[-1] if figures else None,
        progress=None,
        remaining=None,
        pace=None,
        status="not_started",
        inputs=tuple(figures),
        each_year=years,
        decision=Decision("not_started", (float(phase.start),)),
        approximate=any(f.qualifier == "approx" for f in figures),
    )
    if as_of.year < phase.start:
        return row
    if not years:
        return _with(row, status="no_data", decision=Decision("no_data", ()))
    short = sum(1 for year in years if year.verdict == "below")
    if as_of.year > phase.end:
        missing = (phase.end - phase.start + 1) - len(years)
        status: Status = "missed" if short else "no_data" if missing else "achieved"
        return _with(
            row, status=status, decision=Decision("each_year_ended", (float(short), missing))
        )
    if not short:
        return _with(row, status="on_track", decision=Decision("each_year_every_year", ()))
    ratio = (len(years) - short) / len(years)
    return _with(row, status=capped(ratio), decision=Decision("each_year_ratio", (ratio,)))


def _judged(figure: Figure, low: float, high: float | None, whole: bool) -> YearlyValue:
    """A year's figure against what each year must reach; a bounded figure by its bound."""
    least = figure.value
    if figure.qualifier == "more_than":
        least = math.floor(least) + 1 if whole else math.nextafter(least, math.inf)
    elif figure.qualifier in ("at_most", "less_than"):
        least = -math.inf  # no lower bound: it cannot show that the year reached its floor
    verdict: GrowthVerdict = (
        "below" if least < low else "above" if high is not None and least > high else "within"
    )
    return YearlyValue(figure.year, figure.value, figure.qualifier, verdict)


def growth_row(
    plan_id: str,
    phase: Phase,
    spec: TargetSpec,
    indicator: Indicator,
    own: list[Result],
    baseline: Figure | None,
    as_of: date,
) -> TargetRow:
    band = spec.growth_per_year
    assert band is not None
    increase = indicator.direction == "increase"
    points = [figure_of(r) for r in own if phase.start <= r.year]
    if baseline is not None and baseline.year < phase.start:
        points.insert(0, baseline)
    yearly = (_yearly(before, after, band) for before, after in pairwise(points))
    growth = tuple(g for g in yearly if g is not None)
    row = TargetRow(
        plan=plan_id,
        phase=phase.id,
        indicator=indicator,
        spec=spec,
        kind="growth_per_year",
        goal=None,
        band=band,
        target_year=phase.end,
        baseline=baseline,
        baseline_assumed=False,
        start=points[0] if points else None,
        actual=points[-1] if points else None,
        progress=None,
        remaining=None,
        pace=None,
        status="not_started",
        growth=growth,
        compound_rate=compound(points[0], points[-1]) if len(points) > 1 else None,
        inputs=tuple(points),
        decision=Decision("not_started", (float(phase.start),)),
        approximate=any(p.qualifier == "approx" for p in points),
    )
    if as_of.year < phase.start:
        return row
    if not growth or row.compound_rate is None:
        return _with(row, status="no_data", decision=Decision("no_data", ()))
    floor = growth_floor(band, increase)
    below = [g for g in growth if (g.rate < floor if increase else g.rate > floor)]
    if as_of.year > phase.end:
        status: Status = "missed" if below else "achieved"
        return _with(row, status=status, decision=Decision("growth_ended", (len(below),)))
    if not below:
        return _with(row, status="on_track", decision=Decision("growth_every_year", ()))
    ratio = _growth_ratio(row.compound_rate, floor)
    rule = "growth_capped" if status_for(ratio) == "on_track" else "growth_ratio"
    return _with(row, status=capped(ratio), decision=Decision(rule, (ratio,)))


def _growth_ratio(compound: float, floor: float) -> float:
    """Compound growth against the floor; a floor of 0 is never divided by."""
    if floor:
        return compound / floor
    return 1.0 if compound >= 0 else -1.0


def _yearly(before: Figure, after: Figure, band: Band) -> YearlyGrowth | None:
    rate = compound(before, after)
    if rate is None:
        return None
    verdict: GrowthVerdict = (
        "below" if rate < band.min else "above" if rate > band.max else "within"
    )
    years = after.year - before.year
    return YearlyGrowth(after.year, rate, verdict, before.value, after.value, years)


def growth_floor(band: Band, increase: bool) -> float:
    """The yearly growth a band requires at least (at most, when lower is better), in percent."""
    return band.min if increase else band.max


def growth_path(base: Figure, floor: float, year: int) -> float:
    """Where a growth band's path stands in ``year``: ``base`` grown at the floor every year."""
    return base.value * (1 + floor / 100) ** (year - base.year)
