"""The national roll-up: only summable indicators, levels carried forward, flows over the
national target's years, a former unit only before it merged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nsclt.cache import valid_plan
from nsclt.catalogue import STANDARD_INDICATORS, SUMMABLE
from nsclt.evaluate import report_of
from nsclt.provinces import placed
from nsclt.report import Figure, ProvinceReport
from nsclt.rollup import contribution, rollup_row, summable_figures
from nsclt.views import Contribution

HANDMADE = Path(__file__).parent / "plans_history" / "bac-giang.yaml"
EXPERTS = STANDARD_INDICATORS["certified_experts"]
PER_YEAR = STANDARD_INDICATORS["model_enterprises_per_year"]


def bac_giang(as_of: date) -> ProvinceReport:
    plan_file = valid_plan(HANDMADE)
    return placed(report_of(plan_file, "bac-giang", as_of), plan_file.scope)


def test_shares_rates_and_growth_are_never_summed() -> None:
    assert "standards_harmonised_share" not in SUMMABLE
    assert all(STANDARD_INDICATORS[i].value_type == "count" for i in SUMMABLE)


def test_a_level_is_the_latest_result_carried_forward_with_its_year() -> None:
    found = contribution(
        bac_giang(date(2025, 6, 30)), EXPERTS, [Figure(3, 2021), Figure(5, 2022, "at_least")], None
    )
    assert found.figure == Figure(5, 2022, "at_least") and found.counted


def test_a_former_unit_counts_only_before_it_merged() -> None:
    before = contribution(bac_giang(date(2025, 6, 30)), EXPERTS, [Figure(5, 2022)], None)
    after = contribution(bac_giang(date(2025, 7, 1)), EXPERTS, [Figure(5, 2022)], None)
    assert before.counted and not after.counted
    assert after.current == "Bắc Ninh"


def test_a_flow_is_summed_over_the_national_targets_years_only() -> None:
    figures = [Figure(2, 2020), Figure(3, 2021), Figure(4, 2025), Figure(9, 2026)]
    found = contribution(bac_giang(date(2025, 6, 30)), PER_YEAR, figures, (2021, 2025))
    assert found.figure is not None and (found.figure.value, found.figure.year) == (7, 2025)
    assert contribution(bac_giang(date(2025, 6, 30)), PER_YEAR, figures, None).figure is None


def test_the_sum_leaves_out_what_is_not_counted_and_combines_qualifiers() -> None:
    rows = [
        Contribution("a", "A", None, Figure(10, 2023), True),
        Contribution("b", "B", None, Figure(5, 2024, "approx"), True),
        Contribution("c", "C", None, Figure(100, 2024), False),
        Contribution("d", "D", None, None, True),
    ]
    total = rollup_row(EXPERTS, None, rows, None).total
    assert total is not None and (total.value, total.qualifier) == (15, "approx")


def test_only_results_of_summable_indicators_known_on_the_date_are_kept() -> None:
    kept = summable_figures(valid_plan(HANDMADE), date(2025, 6, 30))
    assert set(kept) == {"certified_experts"}
