"""`nsclt new`: a valid starting file, never over an existing one."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import PLANS, Run
from nsclt.checks import check_file


def test_new_province_from_the_built_in_template(tmp_path: Path, run: Run) -> None:
    outcome = run("new", "Hà Giang", "--plans", str(tmp_path))
    assert outcome.code == 0, outcome.stderr
    checked = check_file(tmp_path / "ha-giang.yaml")
    assert checked.problems == []
    assert checked.plan_file is not None
    assert checked.plan_file.name == "Hà Giang"
    targets = [t.indicator for p in checked.plan_file.plans[0].phases for t in p.targets]
    assert targets == [
        "trained_officials",
        "enterprises_reached_per_year",
        "model_enterprises",
        "national_quality_award_winners",
        "supported_enterprises_per_year",
        "model_enterprises",
    ]
    assert checked.plan_file.plans[0].results == []


def test_new_refuses_an_existing_file(tmp_path: Path, run: Run) -> None:
    shutil.copy(PLANS / "quang-ninh.yaml", tmp_path / "quang-ninh.yaml")
    before = (tmp_path / "quang-ninh.yaml").read_bytes()
    outcome = run("new", "Quảng Ninh", "--plans", str(tmp_path))
    assert outcome.code == 1
    assert "already exists" in outcome.stderr
    assert (tmp_path / "quang-ninh.yaml").read_bytes() == before


def test_new_from_another_province_keeps_targets_and_drops_figures(
    tmp_path: Path, run: Run
) -> None:
    shutil.copy(PLANS / "quang-ninh.yaml", tmp_path / "quang-ninh.yaml")
    outcome = run("new", "Bình Định", "--from", "quang-ninh", "--plans", str(tmp_path))
    assert outcome.code == 0, outcome.stderr
    assert "giai-doan-toi/2021-2025/model_enterprises" in outcome.stdout
    checked = check_file(tmp_path / "binh-dinh.yaml")
    assert checked.problems == []
    assert checked.plan_file is not None
    plans = checked.plan_file.plans
    assert all(plan.results == [] and plan.legal_basis == [] for plan in plans)
    assert [t.indicator for t in plans[1].phases[0].targets] == [
        "certified_experts",
        "training_attendances",
    ]
    assert [s.id for s in checked.plan_file.sources] == ["mau"]
