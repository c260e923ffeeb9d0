"""`nsclt new`: a valid starting file, never over an existing one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PLANS, ROOT, Run
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


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Tỉnh\x1b[2J X", "Tỉnh\\x1b[2J X"),  # shown escaped, never run
        ("Tỉnh\u202eX", "Tỉnh\\u202eX"),
        ("Tỉnh\nX", "Tỉnh\\x0aX"),
        ("!!!", "!!!"),
        ("a " * 200, "at most 100 characters"),
    ],
)
def test_new_refuses_a_name_no_province_has_before_writing(
    tmp_path: Path, run: Run, name: str, said: str
) -> None:
    outcome = run("new", name, "--plans", str(tmp_path))
    assert outcome.code == 2
    assert said in outcome.stderr
    assert "\x1b" not in outcome.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_from_another_province_keeps_targets_and_drops_figures(
    tmp_path: Path, run: Run
) -> None:
    text = (ROOT / "examples" / "plans" / "tinh-vi-du.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "          - indicator: training_attendances\n",
        "          - {indicator: certified_experts, increase_by: 5, source: vi-du-2023}\n"
        "          - indicator: training_attendances\n",
    )
    (tmp_path / "tinh-vi-du.yaml").write_text(text, encoding="utf-8")
    outcome = run("new", "Điện Biên", "--from", "tinh-vi-du", "--plans", str(tmp_path))
    assert outcome.code == 0, outcome.stderr
    assert "ke-hoach-2021-2025/2021-2025/certified_experts" in outcome.stdout
    checked = check_file(tmp_path / "dien-bien.yaml")
    assert checked.problems == []
    assert checked.plan_file is not None
    (plan,) = checked.plan_file.plans
    assert (plan.results, plan.legal_basis, plan.phases[0].baselines) == ([], [], [])
    assert [t.indicator for t in plan.phases[0].targets] == [
        "certified_experts",
        "training_attendances",
    ]
    assert [s.id for s in checked.plan_file.sources] == ["mau"]


def test_new_writes_the_editor_schema_beside_the_plans_folder(tmp_path: Path, run: Run) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    assert run("new", "Cao Bằng", "--plans", str(plans)).code == 0
    first_line = (plans / "cao-bang.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/plan.schema.json"
    schema = tmp_path / "schema" / "plan.schema.json"
    assert schema.read_text(encoding="utf-8") == (ROOT / "schema" / "plan.schema.json").read_text(
        encoding="utf-8"
    )


def test_new_never_replaces_an_existing_schema(tmp_path: Path, run: Run) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "plan.schema.json").write_text("{}", encoding="utf-8")
    assert run("new", "Cao Bằng", "--plans", str(tmp_path / "plans")).code == 0
    assert (tmp_path / "schema" / "plan.schema.json").read_text(encoding="utf-8") == "{}"
