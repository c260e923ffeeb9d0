"""A province's course over the years: each target's results against the path it requires.

Pure, like ``evaluate``: a validated plan file and an as-of date in, a
``report.ProvinceHistory`` out. The verdicts are the report's own (every phase, judged on
the as-of date); this module adds, year by year, what was recorded and where the target's
path stood. The path is the one the pace rule implies: in any year, a result on it has a
pace ratio of exactly 1 (``pace.required_value``); a growth band's path is its first figure
grown at the band's floor (``yearly.growth_path``); an ``each_year`` target asks its floor
of every year. A ceiling on a total is not paced, so it has no path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from nsclt.catalogue import indicators_of
from nsclt.evaluate import known_on, report_of
from nsclt.model import PlanFile, Result
from nsclt.pace import flow_total, required_value
from nsclt.report import AmendmentInfo, Figure, ResultRow, TargetRow, figure_of
from nsclt.views import HistoryYear, IndicatorHistory, ProvinceHistory, Track
from nsclt.yearly import growth_floor, growth_path


def history_of(
    plan_file: PlanFile,
    slug: str,
    as_of: date,
    wanted: Sequence[str] = (),
    first: int | None = None,
    last: int | None = None,
) -> ProvinceHistory:
    """Every indicator of the file (or those ``wanted``), from ``first`` to ``last``."""
    report = report_of(plan_file, slug, as_of, every_phase=True)
    known = {plan.id: [r for r in plan.results if known_on(r, as_of)] for plan in plan_file.plans}
    amendments = {a.id: a for phase in report.phases for a in phase.plan.amendments}
    tracks: dict[str, list[Track]] = {}
    for phase_report in report.phases:
        for row in phase_report.targets:
            results = [r for r in known[row.plan] if r.indicator == row.indicator.id]
            years = _in_range(_course(row, results, as_of), first, last)
            if years:
                amendment = amendments.get(row.set_by or "")
                replaced = _before(plan_file, slug, row, amendment) if amendment else None
                track = Track(row._replace(recorded=()), years, amendment, replaced)
                tracks.setdefault(row.indicator.id, []).append(track)
    covered = {
        (track.target.plan, indicator, year.year)
        for indicator, each in tracks.items()
        for track in each
        for year in track.years
    }
    indicators = indicators_of(plan_file)
    untracked: dict[str, list[ResultRow]] = {}
    for plan_id, results in known.items():
        for r in sorted(results, key=lambda r: r.year):
            if (plan_id, r.indicator, r.year) not in covered and _within(r.year, first, last):
                shown = ResultRow(indicators[r.indicator], figure_of(r), r.source)
                untracked.setdefault(r.indicator, []).append(shown)
    order = [*tracks, *(i for i in untracked if i not in tracks)]
    if wanted:
        order = [i for i in wanted if i in tracks or i in untracked]
    histories = tuple(
        IndicatorHistory(
            indicators[i],
            tuple(tracks.get(i, ())),
            tuple(sorted(untracked.get(i, ()), key=lambda r: r.figure.year)),
        )
        for i in order
    )
    cited = {f.source for f in _figures(histories)} | {s.id for s in report.sources}
    sources = tuple(s for s in plan_file.sources if s.id in cited)
    return ProvinceHistory(
        report=report.without_history()._replace(sources=sources),
        indicators=histories,
        absent=tuple(i for i in dict.fromkeys(wanted) if i not in order),
    )


def _before(
    plan_file: PlanFile, slug: str, row: TargetRow, amendment: AmendmentInfo
) -> TargetRow | None:
    """The target an amendment replaced, judged the day before it took effect; None when
    the amendment added it."""
    day = amendment.takes_effect - timedelta(days=1)
    before = report_of(plan_file, slug, day, plan_id=row.plan, phase_id=row.phase)
    return next(
        (old for phase in before.phases for old in phase.targets if old.indicator == row.indicator),
        None,
    )


def _course(row: TargetRow, results: list[Result], as_of: date) -> tuple[HistoryYear, ...]:
    """The target's years, each with its result, a flow's total so far (up to the as-of
    date's year) and where the path stood."""
    by_year = {r.year: figure_of(r) for r in results}
    growth = {g.year: g for g in row.growth}
    judged = {v.year: v.verdict for v in row.each_year}
    path = _path(row)
    flow = row.indicator.kind == "flow" and row.kind not in ("growth_per_year", "each_year")
    years = []
    for year in _years(row):
        figure = by_year.get(year)
        total = None
        if flow and row.start is not None and year <= as_of.year:
            counted = tuple(by_year[y] for y in sorted(by_year) if row.start.year < y <= year)
            total = flow_total(counted) if counted else None
        years.append(
            HistoryYear(
                year=year,
                figure=figure,
                total=total,
                required=path.get(year),
                growth=growth.get(year),
                judged=judged.get(year),
            )
        )
    return tuple(years)


def _years(row: TargetRow) -> range:
    """From the year after the target's start (a level's baseline, a decade total's first
    year) or the phase's first year, whichever is earlier, to the phase's last."""
    first = row.phase_start
    if row.start is not None and row.kind not in ("growth_per_year", "each_year"):
        first = min(first, row.start.year + 1)
    return range(first, row.target_year + 1)


def _path(row: TargetRow) -> dict[int, float]:
    """The value the target requires in each of its years, where its rule defines one."""
    years = _years(row)
    if row.kind == "each_year":
        return dict.fromkeys(years, row.goal) if row.goal is not None else {}
    if row.kind == "growth_per_year":
        if row.band is None or not row.inputs:
            return {}
        base = row.inputs[0]  # the baseline before the phase, else the phase's first figure
        floor = growth_floor(row.band, row.indicator.direction == "increase")
        return {y: growth_path(base, floor, y) for y in years if y > base.year}
    ceiling = row.indicator.kind == "flow" and row.indicator.direction == "decrease"
    if row.goal is None or row.start is None or ceiling:
        return {}
    method = row.spec.method or row.indicator.method
    start, goal, end = row.start, row.goal, row.target_year
    return {y: required_value(method, start, goal, end, y) for y in years if y > start.year}


def _in_range(
    years: tuple[HistoryYear, ...], first: int | None, last: int | None
) -> tuple[HistoryYear, ...]:
    return tuple(y for y in years if _within(y.year, first, last))


def _within(year: int, first: int | None, last: int | None) -> bool:
    return (first is None or year >= first) and (last is None or year <= last)


def _figures(histories: Iterable[IndicatorHistory]) -> Iterable[Figure]:
    for history in histories:
        for track in history.tracks:
            yield from (y.figure for y in track.years if y.figure is not None)
        yield from (r.figure for r in history.untracked)
