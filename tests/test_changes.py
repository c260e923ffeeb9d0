"""What changed between two as-of dates, read from the plan file alone (``--since``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nsclt.cache import valid_plan
from nsclt.changes import with_changes
from nsclt.evaluate import report_of
from nsclt.report import Change, ProvinceReport

HANDMADE = Path(__file__).parent / "plans_history" / "bac-giang.yaml"


def changed(since: date, as_of: date = date(2025, 6, 30)) -> ProvinceReport:
    plan_file = valid_plan(HANDMADE)
    return with_changes(plan_file, report_of(plan_file, "bac-giang", as_of), since)


def of_kind(report: ProvinceReport, kind: str) -> list[Change]:
    return [change for change in report.changes if change.kind == kind]


def test_a_result_reported_after_the_earlier_date_is_added() -> None:
    report = changed(date(2024, 1, 1))
    added = [
        (c.indicator.id, c.figure.year, c.figure.value)
        for c in of_kind(report, "result_added")
        if c.indicator and c.figure
    ]
    assert added == [("pilots", 2024, 4), ("share", 2023, 31)]
    [share] = [
        c for c in of_kind(report, "result_added") if c.indicator and c.indicator.id == "share"
    ]
    assert share.figure is not None and share.figure.qualifier == "more_than"
    assert share.reported == date(2024, 1, 15)


def test_a_verdict_that_moved_gives_both_statuses() -> None:
    moved = {
        c.indicator.id: (c.before, c.after)
        for c in of_kind(changed(date(2023, 1, 1)), "verdict_moved")
        if c.indicator
    }
    assert moved == {
        "share": ("no_data", "needs_acceleration"),
        "supported": ("on_track", "needs_acceleration"),
        "clubs": ("on_track", "limited_progress"),
    }


def test_an_amendment_taking_effect_between_the_dates_changes_the_target() -> None:
    [change] = of_kind(changed(date(2023, 5, 31)), "target_changed")
    assert change.indicator is not None and change.indicator.id == "share"
    assert change.target_before is not None and change.target_before.goal == 30
    assert change.target_after is not None and change.target_after.goal == 40
    assert of_kind(changed(date(2023, 6, 1)), "target_changed") == []


def test_a_milestone_done_between_the_dates_moved() -> None:
    [change] = of_kind(changed(date(2024, 1, 1)), "milestone_moved")
    assert change.milestone is not None and change.milestone.id == "danh-gia"
    assert (change.before, change.after) == ("due", "done")


def test_nothing_changed_between_two_close_dates() -> None:
    report = changed(date(2025, 6, 1))
    assert report.changes == () and report.since == date(2025, 6, 1)
