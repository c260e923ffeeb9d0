"""A plan file's course year by year: results, totals, the required path, verdicts.

The plan is tests/plans_history/bac-giang.yaml, invented to hold an amendment, a decade
total, qualifiers, missing years, a growth band and a count required every year.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import PLANS
from nsclt.cache import valid_plan
from nsclt.evaluate import known_on
from nsclt.history import history_of
from nsclt.views import IndicatorHistory, ProvinceHistory, Track

HANDMADE = Path(__file__).parent / "plans_history" / "bac-giang.yaml"
MID_2025 = date(2025, 6, 30)


def history(as_of: date = MID_2025, *wanted: str, **years: int) -> ProvinceHistory:
    return history_of(valid_plan(HANDMADE), "bac-giang", as_of, wanted, **years)  # type: ignore[arg-type]


def indicator(found: ProvinceHistory, wanted: str) -> IndicatorHistory:
    return next(i for i in found.indicators if i.indicator.id == wanted)


def track(found: ProvinceHistory, wanted: str, phase: str = "2021-2025") -> Track:
    return next(t for t in indicator(found, wanted).tracks if t.target.phase == phase)


def by_year(chosen: Track) -> dict[int, tuple[float | None, float | None, float | None]]:
    """Each year as (result, total so far, required)."""
    return {
        y.year: (
            y.figure.value if y.figure else None,
            y.total.value if y.total else None,
            None if y.required is None else round(y.required, 6),
        )
        for y in chosen.years
    }


def test_a_flow_shows_each_year_its_total_so_far_and_the_straight_path_to_its_goal() -> None:
    pilots = track(history(), "pilots")
    assert by_year(pilots) == {
        2021: (2, 2, 2),
        2022: (3, 5, 4),
        2023: (None, 5, 6),  # a missing year: no result, the total stands
        2024: (4, 9, 8),
        2025: (None, 9, 10),
    }
    qualifiers = [y.total.qualifier for y in pilots.years if y.total]
    assert qualifiers == [None, "approx", "approx", "approx", "approx"]
    assert pilots.target.status == "on_track"


def test_a_decade_total_runs_from_the_year_it_counts_from() -> None:
    decade = track(history(), "pilots", "2026-2030")
    assert [y.year for y in decade.years] == list(range(2021, 2031))
    assert by_year(decade)[2021] == (2, 2, 2.5)
    assert by_year(decade)[2030] == (None, None, 25)  # a year after the as-of date: no total
    assert decade.target.status == "not_started"


def test_a_result_on_the_path_has_a_pace_ratio_of_one() -> None:
    share = track(history(), "share")
    actual, pace = share.target.actual, share.target.pace
    assert actual is not None and pace is not None and share.target.start is not None
    required = next(y.required for y in share.years if y.year == actual.year)
    assert required is not None
    start = share.target.start.value
    assert (actual.value - start) / (required - start) == pytest.approx(pace.ratio)


def test_an_amended_target_shows_the_amendment_and_the_target_it_replaced() -> None:
    share = track(history(), "share")
    assert share.amendment is not None and share.amendment.id == "sua-2023"
    assert share.replaced is not None and share.replaced.goal == 30
    assert share.target.goal == 40
    assert by_year(share)[2025][2] == 40


def test_before_the_amendment_the_target_as_first_approved_is_shown() -> None:
    share = track(history(date(2023, 5, 31)), "share")
    assert share.amendment is None and share.replaced is None
    assert share.target.goal == 30


def test_a_growth_band_grows_its_first_figure_at_the_floor_and_judges_each_year() -> None:
    supported = track(history(), "supported")
    assert by_year(supported)[2021] == (110, None, 110)
    assert by_year(supported)[2022] == (118, None, 121)
    verdicts = {y.year: y.growth.verdict for y in supported.years if y.growth}
    assert verdicts == {2021: "within", 2022: "below"}


def test_a_count_required_every_year_asks_its_floor_of_each_year() -> None:
    clubs = track(history(), "clubs")
    assert {y.required for y in clubs.years} == {1}
    assert {y.year: y.judged for y in clubs.years if y.judged} == {2021: "within", 2022: "below"}


def test_a_result_no_target_covers_is_listed_with_its_qualifier() -> None:
    experts = indicator(history(), "certified_experts")
    assert experts.tracks == ()
    [row] = experts.untracked
    assert (row.figure.year, row.figure.value, row.figure.qualifier) == (2022, 5, "at_least")
    assert row.source == "bc-2022"


def test_a_result_reported_after_the_as_of_date_is_not_shown() -> None:
    pilots = track(history(date(2024, 12, 31)), "pilots")
    assert by_year(pilots)[2024][0] is None


def test_years_can_be_narrowed_and_indicators_chosen() -> None:
    found = history(MID_2025, "pilots", "nothing_here", first=2022, last=2023)
    assert [i.indicator.id for i in found.indicators] == ["pilots"]
    assert {y.year for t in found.indicators[0].tracks for y in t.years} == {2022, 2023}
    assert found.absent == ("nothing_here",)


def test_every_source_a_figure_cites_is_in_the_report() -> None:
    found = history()
    cited = {s.id for s in found.report.sources}
    assert {"bc-2022", "bc-2023"} <= cited


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_result_of_a_shipped_plan_appears_once_per_target_or_on_its_own(path: Path) -> None:
    plan_file = valid_plan(path)
    as_of = date(2026, 11, 21)
    found = history_of(plan_file, path.stem, as_of)
    shown = {
        (i.indicator.id, y.year, y.figure.value)
        for i in found.indicators
        for t in i.tracks
        for y in t.years
        if y.figure
    } | {
        (i.indicator.id, r.figure.year, r.figure.value)
        for i in found.indicators
        for r in i.untracked
    }
    recorded = {
        (r.indicator, r.year, r.value)
        for plan in plan_file.plans
        for r in plan.results
        if known_on(r, as_of)
    }
    assert shown == recorded
