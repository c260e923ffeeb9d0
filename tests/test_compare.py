"""One indicator in one plan file: its latest result, current targets and their verdicts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import PLANS
from nsclt.cache import valid_plan
from nsclt.compare import compared_rows
from nsclt.evaluate import report_of
from nsclt.views import ComparedRow

HANDMADE = Path(__file__).parent / "plans_history" / "bac-giang.yaml"


def rows(indicator: str, as_of: date, path: Path = HANDMADE) -> tuple[ComparedRow, ...]:
    plan_file = valid_plan(path)
    return compared_rows(plan_file, report_of(plan_file, path.stem, as_of), indicator, as_of)


def test_a_flow_gives_its_latest_year_and_the_total_its_target_is_judged_on() -> None:
    [row] = rows("pilots", date(2025, 6, 30))
    assert row.latest is not None and (row.latest.value, row.latest.year) == (4, 2024)
    assert row.target is not None and row.target.actual is not None
    assert (row.target.actual.value, row.target.actual.qualifier) == (9, "approx")
    assert row.target.status == "on_track" and row.tracking


def test_the_latest_result_is_the_one_known_on_the_date() -> None:
    [row] = rows("pilots", date(2024, 12, 31))  # 2024's figure was reported in 2025
    assert row.latest is not None and row.latest.year == 2022
    assert row.latest.qualifier == "approx"


def test_the_target_in_force_on_the_date() -> None:
    [before] = rows("share", date(2023, 5, 31))
    [after] = rows("share", date(2023, 6, 1))
    assert before.target is not None and before.target.goal == 30
    assert after.target is not None and after.target.goal == 40


def test_a_result_without_a_current_target_is_still_the_latest() -> None:
    [row] = rows("certified_experts", date(2025, 6, 30))
    assert row.target is None and row.tracking
    assert row.latest is not None and (row.latest.value, row.latest.qualifier) == (5, "at_least")


def test_a_file_that_never_mentions_the_indicator_does_not_track_it() -> None:
    [row] = rows("budget_total", date(2025, 6, 30))
    assert (row.tracking, row.latest, row.target) == (False, None, None)


def test_a_file_targeting_the_indicator_only_in_another_phase_tracks_it() -> None:
    [row] = rows("model_enterprises", date(2026, 11, 21), PLANS / "ha-noi.yaml")
    assert row.tracking and row.target is None
