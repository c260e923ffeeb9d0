"""`nsclt site -o DIR`: a page per province and per standard indicator, the index and the
national roll-up, written into a folder without touching what else is there."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import AS_OF, PLANS, Run
from nsclt.catalogue import STANDARD_INDICATORS


def test_the_site_of_the_shipped_plans(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "site"
    outcome = run("site", "-o", str(out), "--as-of", AS_OF)
    assert outcome.code == 0
    provinces = len(list(PLANS.glob("*.yaml"))) - 1  # the national plan is the national page
    assert f"wrote {provinces + len(STANDARD_INDICATORS) + 2} pages" in outcome.stderr
    assert (out / "index.html").exists() and (out / "national.html").exists()
    assert "Viet Nam (national programme)" in (out / "national.html").read_text(encoding="utf-8")


def test_other_files_in_the_folder_are_kept(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "README.txt").write_text("mine", encoding="utf-8")
    assert run("site", "-o", str(out), "--as-of", AS_OF).code == 0
    assert (out / "README.txt").read_text(encoding="utf-8") == "mine"


def test_an_invalid_plan_is_listed_on_the_index_and_exits_1(run: Run, tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "quang-ninh.yaml", plans)
    (plans / "son-la.yaml").write_text("format: 1\nname: [\n", encoding="utf-8")
    out = tmp_path / "site"
    outcome = run("site", "-o", str(out), "--plans", str(plans), "--as-of", AS_OF)
    assert outcome.code == 1
    assert "son-la.yaml" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "provinces" / "quang-ninh.html").exists()


def test_a_file_named_as_the_folder_is_refused(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "site.html"
    target.write_text("keep", encoding="utf-8")
    outcome = run("site", "-o", str(target))
    assert outcome.code == 2
    assert "is not a folder" in outcome.stderr
    assert target.read_text(encoding="utf-8") == "keep"
