"""What a plans folder, a plan file or a path can smuggle in: each case ends in a clear
refusal or in inert, visibly escaped text, with no traceback and no file changed."""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pytest

from conftest import AS_OF, EXAMPLES, PLANS, Run

SECRET = "root:x:0:0:secret-line"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "lang-son.yaml", plans / "lang-son.yaml")
    (tmp_path / "outside.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    return plans


# --- links --------------------------------------------------------------------------------


def test_a_link_out_of_the_plans_folder_is_never_read(run: Run, folder: Path) -> None:
    (folder / "evil.yaml").symlink_to(folder.parent / "outside.yaml")
    for args in (("validate",), ("status", "evil"), ("list",), ("validate", "--format", "json")):
        outcome = (
            run(*args, "--plans", str(folder)) if args[0] != "validate" else run(*args, str(folder))
        )
        assert outcome.code == 1, (args, outcome.stdout, outcome.stderr)
        assert "secret-line" not in outcome.stdout + outcome.stderr
        assert "Traceback" not in outcome.stdout + outcome.stderr
    said = run("validate", str(folder / "evil.yaml")).stdout
    assert "NSC000" in said and "outside its folder" in said


def test_a_link_out_of_the_plans_folder_is_not_written_through(run: Run, folder: Path) -> None:
    (folder / "evil.yaml").symlink_to(folder.parent / "outside.yaml")
    outcome = run(
        "record", "evil", "certified_experts", "3", "--year", "2024",
        "--source", "x", "--plans", str(folder),
    )  # fmt: skip
    assert outcome.code == 1
    assert (folder.parent / "outside.yaml").read_text(encoding="utf-8") == f"{SECRET}\n"
    assert (folder / "evil.yaml").is_symlink()


def test_a_link_within_the_plans_folder_is_followed_and_written_at_its_target(
    run: Run, tmp_path: Path
) -> None:
    plans = tmp_path / "plans"
    (plans / "archive").mkdir(parents=True)
    shutil.copy(EXAMPLES / "record" / "tinh-chu-thich.yaml", plans / "archive" / "real.yaml")
    text = (plans / "archive" / "real.yaml").read_text(encoding="utf-8")
    (plans / "archive" / "real.yaml").write_text(text, encoding="utf-8")
    (plans / "tinh-chu-thich.yaml").symlink_to(Path("archive") / "real.yaml")
    assert run("status", "tinh-chu-thich", "--plans", str(plans), "--as-of", AS_OF).code == 0
    outcome = run(
        "record", "tinh-chu-thich", "model_enterprises", "6", "--year", "2023",
        "--source", "bc-2023", "--plans", str(plans),
    )  # fmt: skip
    assert outcome.code == 0, outcome.stderr
    assert (plans / "tinh-chu-thich.yaml").is_symlink()
    assert len((plans / "archive" / "real.yaml").read_text(encoding="utf-8")) > len(text)


def test_a_loop_of_links_is_refused(run: Run, folder: Path) -> None:
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    outcome = run("validate", str(folder))
    assert outcome.code == 1
    assert "NSC000" in outcome.stdout and "Traceback" not in outcome.stderr


# --- limits before work -------------------------------------------------------------------


def test_an_oversized_plan_is_refused_before_it_is_read(run: Run, folder: Path) -> None:
    with (folder / "big.yaml").open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to make
    tracemalloc.start()
    try:
        outcome = run("status", "big", "--plans", str(folder))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcome.code == 1
    assert "NSC001" in outcome.stderr + outcome.stdout
    assert peak < 8 * 1024 * 1024
