"""`status --since` and `list --since`: what changed since an earlier date, in every output."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import PLANS, Run

HANDMADE = Path(__file__).parent / "plans_history"
STATUS = ("status", "bac-giang", "--plans", str(HANDMADE), "--as-of", "2025-06-30")


def test_status_marks_a_result_recorded_after_the_date(run: Run) -> None:
    outcome = run(*STATUS, "--since", "2024-06-30")
    assert outcome.code == 0
    lines = outcome.stdout.splitlines()
    pilots = next(line for line in lines if line.lstrip().startswith("Pilot models"))
    assert "≈9 (2024) ✱" in pilots
    assert "Changes since 2024-06-30" in outcome.stdout
    assert "• Pilot models: new result 4 for 2024" in outcome.stdout
    assert "✱ in the table: a result recorded since 2024-06-30" in outcome.stdout


def test_status_says_where_a_verdict_moved_from_in_vietnamese(run: Run) -> None:
    outcome = run(*STATUS, "--since", "01/01/2023", "--lang", "vi")
    assert "(trước: đúng tiến độ)" in outcome.stdout
    assert "Thay đổi từ ngày 01/01/2023" in outcome.stdout
    assert "mục tiêu ≥ 30 → ≥ 40" in outcome.stdout
    assert "Báo cáo đánh giá giữa kỳ (2021-2025): chưa đến hạn → đã xong" in outcome.stdout


def test_status_json_carries_the_change_set(run: Run) -> None:
    document = json.loads(run(*STATUS, "--since", "2023-01-01", "-f", "json").stdout)
    assert document["since"] == "2023-01-01"
    kinds = [change["kind"] for change in document["changes"]]
    assert kinds.count("result_added") == 7
    assert {"target_changed", "verdict_moved", "milestone_moved"} <= set(kinds)
    target = next(c for c in document["changes"] if c["kind"] == "target_changed")
    assert (target["before"], target["after"]) == (30, 40)
    before = {row["indicator"]: row["status_before"] for row in document["targets"]}
    assert before == {
        "pilots": None,
        "share": "no_data",
        "supported": "on_track",
        "clubs": "on_track",
    }


def test_without_since_nothing_is_marked(run: Run) -> None:
    outcome = run(*STATUS)
    assert "✱" not in outcome.stdout and "Changes since" not in outcome.stdout
    document = json.loads(run(*STATUS, "-f", "json").stdout)
    assert document["since"] is None and document["changes"] == []


def test_csv_and_markdown_say_where_a_verdict_moved_from(run: Run) -> None:
    text = run(*STATUS, "--since", "2023-01-01", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {r["indicator"]: r["status_before"] for r in rows if r["status"] != "no_target"} == {
        "pilots": "",
        "share": "no_data",
        "supported": "on_track",
        "clubs": "on_track",
    }
    markdown = run(*STATUS, "--since", "2023-01-01", "-f", "markdown").stdout
    assert "needs acceleration (was on track)" in markdown
    assert "- Pilot models: new result 4 for 2024" in markdown


def test_nothing_changed_is_said(run: Run) -> None:
    outcome = run(*STATUS, "--since", "2025-06-01")
    assert "Nothing changed since 2025-06-01." in outcome.stdout


@pytest.mark.parametrize("since", ["2025-06-30", "2026-01-01"])
def test_since_must_come_before_the_as_of_date(run: Run, since: str) -> None:
    outcome = run(*STATUS, "--since", since)
    assert outcome.code == 2
    assert f"--since {since} is not before the as-of date 2025-06-30" in outcome.stderr


def test_list_counts_the_changes_of_each_province(run: Run, tmp_path: Path) -> None:
    shutil.copy(HANDMADE / "bac-giang.yaml", tmp_path)
    shutil.copy(PLANS / "quang-ninh.yaml", tmp_path)
    args = ("list", "--plans", str(tmp_path), "--as-of", "2025-06-30", "--since", "2023-01-01")
    outcome = run(*args)
    assert outcome.code == 0
    line = next(line for line in outcome.stdout.splitlines() if "Bac Giang" in line)
    assert "new results: 7" in line and "Since" in outcome.stdout
    quang_ninh = next(line for line in outcome.stdout.splitlines() if "Quang Ninh" in line)
    assert "no change" in quang_ninh
    changes = json.loads(run(*args, "-f", "json").stdout)["changes"]
    assert {change["province"] for change in changes} == {"bac-giang"}


def test_a_result_without_a_target_recorded_since_is_marked_too(run: Run) -> None:
    outcome = run(*STATUS, "--since", "2023-01-01")
    line = next(line for line in outcome.stdout.splitlines() if "Certified" in line)
    assert "≥5 ✱" in line
