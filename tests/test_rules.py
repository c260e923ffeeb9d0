"""The rules of docs/format.md ("How progress is judged"), one worked example each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builders import plan_file, report, row
from nsclt.report import ProvinceReport


def test_a_flow_counts_from_0_and_its_baseline_is_the_previous_total() -> None:
    r = row(
        plan_file(
            kind="flow",
            value_type="count",
            baseline=(2020, 1200),
            results=[(2021, 400), (2022, 500)],
            target={"increase_by": 300},
        ),
        date(2023, 3, 1),
    )
    assert r.start is not None and r.actual is not None
    assert (r.goal, r.start[:2], r.actual.value) == (1500, (0.0, 2020), 900)
    assert r.pace is not None
    assert (r.progress, r.pace.elapsed, r.pace.ratio) == (0.6, 0.4, pytest.approx(1.5))
    assert r.status == "on_track"
    assert [figure.value for figure in r.inputs] == [400, 500]


def test_a_result_after_the_phase_is_never_used_for_it() -> None:
    pf = plan_file(baseline=(2020, 30), results=[(2027, 41)], target={"at_least": 40}, end=2025)
    r = row(pf, date(2028, 6, 1))
    assert (r.actual, r.status) == (None, "no_data")


def test_a_result_in_the_last_year_counts() -> None:
    pf = plan_file(baseline=(2020, 30), results=[(2025, 41)], target={"at_least": 40})
    assert row(pf, date(2026, 2, 1)).status == "achieved"


@pytest.mark.parametrize(
    ("value_type", "actual", "remaining", "strict"),
    [("count", 1000, 1.0, False), ("count", 998, 3.0, False), ("percent", 50, 0.0, True)],
)
def test_remaining_for_a_strict_target(
    value_type: str, actual: float, remaining: float, strict: bool
) -> None:
    goal = 1000 if value_type == "count" else 50
    r = row(
        plan_file(
            value_type=value_type,
            baseline=(2020, 0),
            results=[(2023, actual)],
            target={"more_than": goal},
        )
    )
    assert r.status != "achieved"
    assert (r.remaining, r.remaining_strict) == (remaining, strict)


@pytest.mark.parametrize(
    ("qualifier", "target", "achieved"),
    [
        ("at_least", {"at_least": 20}, True),
        ("at_least", {"more_than": 20}, False),
        ("more_than", {"more_than": 20}, True),
        ("more_than", {"at_least": 20}, True),
        ("approx", {"at_least": 20}, True),
        ("at_most", {"at_least": 20}, False),
        ("less_than", {"at_least": 20}, False),
    ],
)
def test_a_bounded_result_meets_a_target_only_if_every_value_it_allows_does(
    qualifier: str, target: dict[str, float], achieved: bool
) -> None:
    r = row(plan_file(results=[(2023, 20)], qualifier=qualifier, target=target))
    assert (r.status == "achieved") is achieved
    assert r.approximate is (qualifier == "approx")


def test_more_than_19_of_a_count_allows_20_and_up() -> None:
    r = row(
        plan_file(
            value_type="count", results=[(2023, 19)], qualifier="more_than", target={"at_least": 20}
        )
    )
    assert r.status == "achieved"
    assert r.decision.rule == "met"
    assert r.decision.values == (20.0, 20.0)


@pytest.mark.parametrize(
    ("qualifier", "target", "achieved"),
    [
        ("at_most", {"at_most": 3}, True),
        ("less_than", {"less_than": 3}, True),
        ("at_most", {"less_than": 3}, False),
        ("at_least", {"at_most": 3}, False),
        ("more_than", {"at_most": 5}, False),
    ],
)
def test_bounds_work_the_same_way_when_lower_is_better(
    qualifier: str, target: dict[str, float], achieved: bool
) -> None:
    r = row(
        plan_file(direction="decrease", results=[(2023, 3)], qualifier=qualifier, target=target)
    )
    assert (r.status == "achieved") is achieved


@pytest.mark.parametrize(
    ("qualifiers", "combined"),
    [
        ([None, "at_least"], "at_least"),
        (["at_least", "more_than"], "more_than"),
        (["at_most", None], "at_most"),
        (["at_least", "at_most"], "approx"),
        ([None, "approx"], "approx"),
        ([None, None], None),
    ],
)
def test_the_qualifier_of_a_total(qualifiers: list[str | None], combined: str | None) -> None:
    r = row(
        plan_file(
            kind="flow",
            results=[(2021, 5), (2022, 6)],
            qualifiers=qualifiers,
            target={"at_least": 100},
        )
    )
    assert r.actual is not None
    assert (r.actual.value, r.actual.qualifier) == (11, combined)


def test_a_range_passed_on_its_better_side_is_flagged() -> None:
    r = row(plan_file(results=[(2023, 25)], target={"range": {"min": 10, "max": 20}}))
    assert (r.status, r.outside_band) == ("achieved", True)
    r = row(plan_file(results=[(2023, 20)], target={"range": {"min": 10, "max": 20}}))
    assert (r.status, r.outside_band) == ("achieved", False)


def test_a_baseline_that_already_meets_the_target_waits_for_a_result() -> None:
    pf = plan_file(baseline=(2020, 25), target={"at_least": 20})
    phase = report(pf)
    assert (phase.targets[0].status, phase.targets[0].baseline_meets) == ("no_data", True)
    assert [notice.key for notice in phase.notices] == ["notice.stale", "notice.baseline_meets"]
    pf = plan_file(baseline=(2020, 25), results=[(2022, 21)], target={"at_least": 20})
    assert row(pf).status == "achieved"


@pytest.mark.parametrize(
    ("direction", "target", "actual", "status"),
    [
        ("decrease", {"at_most": 0}, 2, "deteriorating"),
        ("increase", {"more_than": 0}, 0, "needs_acceleration"),
        ("increase", {"at_least": 0}, 0, "achieved"),
        ("increase", {"at_least": 5}, 3, "deteriorating"),
    ],
)
def test_a_goal_equal_to_its_start_is_never_divided_by(
    direction: str, target: dict[str, float], actual: float, status: str
) -> None:
    start = next(iter(target.values()))
    r = row(
        plan_file(
            direction=direction,
            value_type="count",
            baseline=(2020, start),
            results=[(2022, actual)],
            target=target,
        )
    )
    assert r.status == status
    assert r.pace is None and r.progress is None
    if status != "achieved":
        assert r.decision.rule == "same_as_start"


def test_after_the_phase_a_goal_equal_to_its_start_is_missed_unless_met() -> None:
    pf = plan_file(
        direction="decrease", baseline=(2020, 0), results=[(2022, 2)], target={"at_most": 0}
    )
    assert row(pf, date(2026, 6, 1)).status == "missed"


def test_a_year_below_the_floor_caps_the_verdict() -> None:
    pf = plan_file(
        results=[(2021, 100), (2022, 120), (2023, 121)],
        target={"growth_per_year": {"min": 5, "max": 10}},
    )
    r = row(pf)
    assert [g.verdict for g in r.growth] == ["above", "below"]
    assert r.compound_rate == pytest.approx(10.0)
    assert (r.status, r.decision.rule) == ("needs_acceleration", "growth_capped")
    assert r.decision.values[0] == pytest.approx(2.0)


def test_a_year_below_the_floor_judged_by_compound_growth() -> None:
    pf = plan_file(
        results=[(2021, 100), (2022, 106), (2023, 108)],
        target={"growth_per_year": {"min": 5, "max": 10}},
    )
    r = row(pf)
    assert round(r.growth[1].rate, 2) == 1.89
    assert r.compound_rate is not None and round(r.compound_rate, 2) == 3.92
    assert (r.status, r.decision.rule) == ("needs_acceleration", "growth_ratio")
    assert round(r.decision.values[0], 4) == 0.7846


def test_a_ceiling_on_a_total_is_settled_only_when_the_phase_ends() -> None:
    pf = plan_file(
        direction="decrease", kind="flow", results=[(2021, 1), (2022, 1)], target={"at_most": 5}
    )
    assert row(pf).status == "on_track"
    assert row(pf, date(2026, 6, 1)).status == "achieved"
    pf = plan_file(
        direction="decrease", kind="flow", results=[(2021, 4), (2022, 3)], target={"at_most": 5}
    )
    assert row(pf).status == "deteriorating"
    assert row(pf, date(2026, 6, 1)).status == "missed"


def test_computations_use_unrounded_values() -> None:
    r = row(plan_file(baseline=(2020, 0), results=[(2023, 1)], target={"at_least": 3}))
    assert r.progress == 1 / 3
    assert r.pace is not None and r.pace.ratio == (1 / 3) / 0.6


# --- the shapes real plans use ------------------------------------------------------------

SHAPES = Path(__file__).parent / "examples" / "good"


def shape(name: str, as_of: date, **selection: object) -> ProvinceReport:
    from nsclt.checks import check_file
    from nsclt.evaluate import report_of

    checked = check_file(SHAPES / f"{name}.yaml")
    assert checked.plan_file is not None, checked.problems
    return report_of(checked.plan_file, name, as_of, **selection)  # type: ignore[arg-type]


def test_a_count_required_every_year_is_judged_year_by_year() -> None:
    (r,) = shape("shape-each-year", date(2024, 3, 1)).phases[0].targets
    assert [(y.year, y.verdict) for y in r.each_year] == [
        (2021, "within"),
        (2022, "below"),
        (2023, "above"),
    ]
    assert (r.status, r.decision.rule) == ("needs_acceleration", "each_year_ratio")
    assert r.decision.values == (2 / 3,)
    assert shape("shape-each-year", date(2026, 6, 1)).phases[0].targets[0].status == "missed"


def test_every_year_met_and_every_year_recorded_is_achieved_after_the_phase() -> None:
    years = [(year, 1) for year in range(2021, 2026)]
    r = row(
        plan_file(kind="flow", value_type="count", results=years, target={"each_year": {"min": 1}}),
        date(2026, 2, 1),
    )
    assert r.status == "achieved"
    r = row(
        plan_file(
            kind="flow", value_type="count", results=years[:4], target={"each_year": {"min": 1}}
        ),
        date(2026, 2, 1),
    )
    assert (r.status, r.decision.values) == ("no_data", (0.0, 1))


def test_growth_over_the_previous_period_multiplies_its_total() -> None:
    (r,) = shape("shape-growth-over-previous", date(2027, 3, 1)).phases[0].targets
    assert (r.goal, r.start and r.start[:2]) == (3000.0, (0.0, 2025))
    assert r.pace is not None and r.pace.ratio == pytest.approx((700 / 3000) / (1 / 5))


def test_a_decade_total_counts_from_its_first_year_across_phases() -> None:
    report = shape("shape-amendment", date(2027, 3, 1))
    (r,) = report.phases[0].targets
    assert (r.phase, r.start and r.start[:2], r.baseline_assumed) == (
        "2026-2030",
        (0.0, 2020),
        True,
    )
    assert [f.year for f in r.inputs] == [2022]
    assert r.pace is not None and r.pace.elapsed == pytest.approx((2022 - 2020) / (2030 - 2020))


def test_an_amendment_known_by_its_year_applies_from_the_next_first_of_january() -> None:
    during = shape("shape-amendment", date(2023, 12, 31), plan_id="ke-hoach", phase_id="2021-2025")
    after = shape("shape-amendment", date(2024, 1, 1), plan_id="ke-hoach", phase_id="2021-2025")
    (before_row,) = during.phases[0].targets
    (after_row,) = after.phases[0].targets
    assert (before_row.goal, before_row.set_by) == (10.0, None)
    assert (after_row.goal, after_row.set_by) == (15.0, "dieu-chinh-2023")
    assert [a.id for a in during.phases[0].plan.pending] == ["dieu-chinh-2023"]
    assert [a.id for a in after.phases[0].plan.amendments] == ["dieu-chinh-2023"]
    assert [s.added_by for s in after.phases[0].plan.support] == [None, "dieu-chinh-2023"]
    assert len(during.phases[0].plan.support) == 1


def test_a_milestone_done_on_evidence_without_a_date_is_never_overdue() -> None:
    def status(as_of: date) -> str:
        report = shape("shape-amendment", as_of, plan_id="ke-hoach", phase_id="2021-2025")
        return report.phases[0].milestones[0].status

    assert status(date(2023, 12, 1)) == "overdue"  # its source appeared on 2024-02-01
    assert status(date(2024, 2, 1)) == "done_undated"
    assert status(date(2030, 1, 1)) == "done_undated"


def test_money_and_visits_are_judged_like_any_figure() -> None:
    rows = shape("shape-money-and-visits", date(2023, 6, 1)).phases[0].targets
    assert [(r.indicator.unit, r.actual and r.actual.value) for r in rows] == [
        ("tỷ đồng", 6.7),
        ("lượt doanh nghiệp", 25),
    ]


def test_a_share_names_its_population() -> None:
    rows = shape("shape-share", date(2024, 3, 1)).phases[0].targets
    assert (
        rows[0].indicator.share_of
        == "doanh nghiệp sản xuất, cung cấp sản phẩm, hàng hóa trọng điểm"
    )
    assert rows[1].indicator.within == "key_enterprises_with_projects"


def test_the_worked_example_of_a_decade_total() -> None:
    pf = plan_file(
        value_type="count",
        results=[(2027, 40)],
        target={"at_least": 100, "counts_from": 2020},
        start=2026,
        end=2030,
    )
    r = row(pf, date(2028, 3, 1))
    assert r.pace is not None
    assert (r.progress, r.pace.elapsed) == (0.4, pytest.approx(0.7))
    assert round(r.pace.ratio, 4) == 0.5714
    assert r.status == "limited_progress"
