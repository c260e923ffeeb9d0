"""The progress engine: worked examples to the fourth decimal, and properties."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builders import plan_file, report, row
from nsclt.evaluate import SelectionError, evaluate, select_phases

# --- worked examples ---------------------------------------------------------------

EXPERTS = {"baseline": (2020, 8), "results": [(2023, 13)], "target": {"at_least": 20}}
DEFECTS = {
    "direction": "decrease",
    "baseline": (2020, 5.0),
    "results": [(2023, 4.2)],
    "target": {"at_most": 3.0},
}


def test_experts_linear() -> None:
    r = row(plan_file(**EXPERTS))
    assert r.pace is not None
    assert (round(r.progress or 0, 4), round(r.pace.elapsed, 4), round(r.pace.ratio, 4)) == (
        0.4167,
        0.6,
        0.6944,
    )
    assert r.status == "needs_acceleration"


def test_experts_cagr() -> None:
    r = row(plan_file(method="cagr", **EXPERTS))
    assert r.pace is not None and r.pace.actual_rate and r.pace.required_rate
    assert round(r.pace.actual_rate, 2) == 17.57
    assert round(r.pace.required_rate, 2) == 20.11
    assert round(r.pace.ratio, 4) == 0.8734
    assert r.status == "needs_acceleration"


def test_defect_rate_linear() -> None:
    r = row(plan_file(**DEFECTS))
    assert r.pace is not None and round(r.pace.ratio, 4) == 0.6667
    assert r.status == "needs_acceleration"


def test_defect_rate_cagr() -> None:
    r = row(plan_file(method="cagr", **DEFECTS))
    assert r.pace is not None and round(r.pace.ratio, 4) == 0.5814
    assert r.status == "limited_progress"


def test_method_on_the_target_overrides_the_indicator() -> None:
    target = {"at_least": 20, "method": "cagr"}
    r = row(plan_file(baseline=(2020, 8), results=[(2023, 13)], target=target))
    assert r.pace is not None and r.pace.method == "cagr"


def test_growth_band_year_by_year() -> None:
    r = row(
        plan_file(
            kind="flow",
            results=[(2021, 100), (2022, 106), (2023, 112)],
            target={"growth_per_year": {"min": 5, "max": 10}},
        )
    )
    assert [(g.year, round(g.rate, 2), g.verdict) for g in r.growth] == [
        (2022, 6.0, "within"),
        (2023, 5.66, "within"),
    ]
    assert r.compound_rate is not None and round(r.compound_rate, 2) == 5.83
    assert r.status == "on_track"


def test_growth_band_a_year_below_the_floor_is_never_on_track() -> None:
    r = row(
        plan_file(
            kind="flow",
            results=[(2021, 100), (2022, 120), (2023, 121)],
            target={"growth_per_year": {"min": 5, "max": 10}},
        )
    )
    assert [g.verdict for g in r.growth] == ["above", "below"]
    assert r.status == "needs_acceleration"


def test_growth_band_judged_at_the_end_of_the_phase() -> None:
    results = [(2021, 100), (2022, 106), (2023, 112), (2024, 118), (2025, 124)]
    target = {"growth_per_year": {"min": 5, "max": 10}}
    assert (
        row(plan_file(kind="flow", results=results, target=target), date(2026, 6, 1)).status
        == "achieved"
    )
    results[-1] = (2025, 119)
    assert (
        row(plan_file(kind="flow", results=results, target=target), date(2026, 6, 1)).status
        == "missed"
    )


# --- target kinds ------------------------------------------------------------------


def test_increase_by_resolves_to_baseline_plus_n() -> None:
    r = row(plan_file(baseline=(2020, 30), results=[(2023, 36)], target={"increase_by": 10}))
    assert (r.goal, r.remaining, round(r.progress or 0, 4)) == (40, 4, 0.6)


def test_flow_indicators_add_up_over_the_phase() -> None:
    r = row(
        plan_file(
            kind="flow", results=[(2021, 300), (2022, 400), (2023, 200)], target={"more_than": 1000}
        )
    )
    assert r.actual is not None and (r.actual.value, r.actual.year) == (900, 2023)
    assert r.remaining == 100


def test_more_than_is_not_met_by_equality() -> None:
    r = row(plan_file(kind="flow", results=[(2021, 1000)], target={"more_than": 1000}))
    assert r.status != "achieved"


def test_range_inside_and_above_for_an_increase() -> None:
    inside = row(
        plan_file(kind="flow", results=[(2021, 12)], target={"range": {"min": 10, "max": 20}})
    )
    above = row(
        plan_file(kind="flow", results=[(2021, 25)], target={"range": {"min": 10, "max": 20}})
    )
    assert (inside.status, inside.outside_band) == ("achieved", False)
    assert (above.status, above.outside_band) == ("achieved", True)


def test_lower_bound_result_satisfies_at_least() -> None:
    r = row(plan_file(results=[(2023, 20)], qualifier="at_least", target={"at_least": 20}))
    assert r.status == "achieved"
    assert r.actual is not None and r.actual.qualifier == "at_least"


def test_approximate_result_is_carried_as_approximate() -> None:
    r = row(plan_file(results=[(2023, 20)], qualifier="approx", target={"at_least": 30}))
    assert r.actual is not None and r.actual.qualifier == "approx"


def test_no_baseline_on_a_level_assumes_zero_before_the_phase() -> None:
    r = row(plan_file(results=[(2023, 12)], target={"at_least": 20}))
    assert r.baseline_assumed
    assert r.start is not None and (r.start.value, r.start.year) == (0, 2020)
    assert r.pace is not None and round(r.pace.ratio, 4) == round((12 / 20) / (3 / 5), 4)


def test_cagr_falls_back_to_linear_on_a_zero_baseline() -> None:
    r = row(
        plan_file(method="cagr", baseline=(2020, 0), results=[(2023, 12)], target={"at_least": 20})
    )
    assert r.pace is not None and (r.pace.method, r.pace.fallback) == ("linear", True)


# --- time ----------------------------------------------------------------------------


def test_before_the_phase_nothing_has_started() -> None:
    r = row(plan_file(baseline=(2020, 8), target={"at_least": 20}), date(2020, 6, 1))
    assert r.status == "not_started"


def test_no_result_is_no_data() -> None:
    assert row(plan_file(baseline=(2020, 8), target={"at_least": 20})).status == "no_data"


def test_after_the_phase_an_unmet_target_is_missed() -> None:
    pf = plan_file(baseline=(2020, 8), results=[(2025, 19)], target={"at_least": 20})
    assert row(pf, date(2026, 1, 1)).status == "missed"


def test_results_dated_after_the_as_of_date_are_not_seen() -> None:
    pf = plan_file(baseline=(2020, 8), results=[(2022, 10), (2024, 25)], target={"at_least": 20})
    assert row(pf, date(2023, 6, 1)).actual is not None
    assert row(pf, date(2023, 6, 1)).actual.value == 10  # type: ignore[union-attr]
    assert row(pf, date(2025, 2, 1)).status == "achieved"


def test_missing_figure_for_last_year_is_warned() -> None:
    pf = plan_file(baseline=(2020, 8), results=[(2022, 10)], target={"at_least": 20})
    notices = report(pf, date(2024, 3, 1)).notices
    assert [(n.key, dict(n.params)) for n in notices] == [
        ("notice.stale", {"indicator": "x", "year": "2023"})
    ]


def test_milestones_done_due_and_overdue() -> None:
    milestones = [
        {"id": "a", "title": "A", "due": "2023-01-31", "done": "2023-01-20", "source": "s"},
        {"id": "b", "title": "B", "due": "2023-01-31", "source": "s"},
        {"id": "c", "title": "C", "due": "2025-01-31", "source": "s"},
    ]
    milestone_rows = [
        {
            **m,
            "due": date.fromisoformat(m["due"]),
            **({"done": date.fromisoformat(m["done"])} if "done" in m else {}),
        }
        for m in milestones
    ]
    r = report(plan_file(milestones=milestone_rows))
    assert [m.status for m in r.milestones] == ["done", "overdue", "due"]
    assert [n.key for n in r.notices] == ["notice.overdue"]


def test_phase_selection_prefers_running_then_latest_ended() -> None:
    pf = plan_file()
    assert select_phases(pf, date(2023, 1, 1))[0][1].id == "f"
    assert select_phases(pf, date(2030, 1, 1))[0][1].id == "f"
    with pytest.raises(SelectionError) as raised:
        select_phases(pf, date(2023, 1, 1), phase_id="nope")
    assert raised.value.choices == ["f"]


# --- properties ----------------------------------------------------------------------

GOODNESS = {
    "deteriorating": 0,
    "limited_progress": 1,
    "needs_acceleration": 2,
    "on_track": 3,
    "achieved": 4,
    "missed": 0,
    "no_data": -1,
    "not_started": -1,
}
values = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=2021, max_value=2025)


@settings(max_examples=200, deadline=None)
@given(
    direction=st.sampled_from(["increase", "decrease"]),
    kind=st.sampled_from(["level", "flow"]),
    method=st.sampled_from(["linear", "cagr"]),
    base=values,
    goal=values,
    actual=values,
    better=values,
    year=years,
    as_of_year=st.integers(min_value=2019, max_value=2027),
)
# A start value so near zero that compound growth overflows to infinity.
@example("increase", "level", "cagr", 2.2250738585072014e-308, 5.0, 1.0, 3.0, 2022, 2022)
def test_a_better_actual_never_gives_a_worse_status(
    direction: str,
    kind: str,
    method: str,
    base: float,
    goal: float,
    actual: float,
    better: float,
    year: int,
    as_of_year: int,
) -> None:
    target_kind = "at_least" if direction == "increase" else "at_most"
    improved = actual + better if direction == "increase" else max(0.0, actual - better)
    statuses = []
    for value in (actual, improved):
        pf = plan_file(
            direction=direction,
            kind=kind,
            method=method,
            baseline=(2020, base),
            results=[(year, value)],
            target={target_kind: goal},
        )
        statuses.append(row(pf, date(as_of_year, 6, 30)).status)
    assert GOODNESS[statuses[1]] >= GOODNESS[statuses[0]]


@settings(max_examples=200, deadline=None)
@given(
    direction=st.sampled_from(["increase", "decrease"]),
    kind=st.sampled_from(["level", "flow"]),
    method=st.sampled_from(["linear", "cagr"]),
    target=st.one_of(
        st.builds(lambda v: {"at_least": v}, values),
        st.builds(lambda v: {"more_than": v}, values),
        st.builds(lambda v: {"at_most": v}, values),
        st.builds(lambda v: {"less_than": v}, values),
        st.builds(lambda v: {"increase_by": v + 1}, values),
        st.builds(lambda a, b: {"range": {"min": min(a, b), "max": max(a, b)}}, values, values),
        st.builds(
            lambda a, b: {"growth_per_year": {"min": min(a, b), "max": max(a, b)}},
            st.floats(-50, 50),
            st.floats(-50, 50),
        ),
    ),
    baseline=st.one_of(st.none(), st.tuples(st.integers(2015, 2021), values)),
    results=st.lists(
        st.tuples(st.integers(2015, 2027), values), max_size=6, unique_by=lambda r: r[0]
    ),
    qualifier=st.sampled_from([None, "approx", "at_least"]),
    as_of=st.dates(min_value=date(2015, 1, 1), max_value=date(2032, 12, 31)),
)
def test_the_engine_never_raises_on_any_valid_plan(
    direction: str,
    kind: str,
    method: str,
    target: dict[str, Any],
    baseline: tuple[int, float] | None,
    results: list[tuple[int, float]],
    qualifier: str | None,
    as_of: date,
) -> None:
    pf = plan_file(
        direction=direction,
        kind=kind,
        method=method,
        baseline=baseline,
        results=results,
        target=target,
        qualifier=qualifier,
        start=2015,
        end=2030,
    )
    for phase_report in evaluate(
        pf, "tinh", as_of, select_phases(pf, as_of, every_phase=True)
    ).phases:
        for target_row in phase_report.targets:
            assert target_row.status in GOODNESS
