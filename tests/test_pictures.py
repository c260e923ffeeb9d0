"""`-o FILE.svg`: a picture per command, well-formed, one mark per thing it shows."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest

from browser import console_errors, is_blank, open_page, screenshot
from conftest import AS_OF, Run

HANDMADE = str(Path(__file__).parent / "plans_history")
SVG = "{http://www.w3.org/2000/svg}"
COMMANDS = {
    "status": ("status", "bac-giang", "--plans", HANDMADE, "--as-of", "2025-06-30"),
    "list": ("list", "--as-of", AS_OF),
    "history": ("history", "bac-giang", "--plans", HANDMADE, "--as-of", "2025-06-30"),
    "compare": ("compare", "model_enterprises", "--as-of", AS_OF),
}


def picture(run: Run, tmp_path: Path, name: str, lang: str = "en") -> ElementTree.Element:
    path = tmp_path / f"{name}.svg"
    assert run(*COMMANDS[name], "--lang", lang, "-o", str(path)).code == 0
    return ElementTree.parse(path).getroot()


def test_status_draws_a_bar_per_target_in_the_colour_of_its_verdict(
    run: Run, tmp_path: Path
) -> None:
    root = picture(run, tmp_path, "status")
    drawn = {
        g.get("data-indicator"): g.get("data-status")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "target"
    }
    targets = json.loads(run(*COMMANDS["status"], "-f", "json").stdout)["targets"]
    assert drawn == {row["indicator"]: row["status"] for row in targets}


def test_history_draws_every_result_once(run: Run, tmp_path: Path) -> None:
    root = picture(run, tmp_path, "history")
    marks = [g for g in root.iter(f"{SVG}g") if g.get("class") == "mark result"]
    years = json.loads(run(*COMMANDS["history"], "-f", "json").stdout)["years"]
    results = {(r["indicator"], r["year"], r["value"]) for r in years if r["value"] is not None}
    assert len(marks) == len(results) == 10


def test_compare_draws_a_row_per_province(run: Run, tmp_path: Path) -> None:
    root = picture(run, tmp_path, "compare", "vi")
    words = " ".join(text.text or "" for text in root.iter(f"{SVG}text"))
    rows = json.loads(run(*COMMANDS["compare"], "-f", "json").stdout)["rows"]
    for row in rows:
        assert row["province_name"] in words


def test_text_from_a_plan_file_stays_text(run: Run, tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    source = (Path(HANDMADE) / "bac-giang.yaml").read_text(encoding="utf-8")
    hostile = source.replace("name_en: Pilot models", "name_en: '</text><script>alert(1)</script>'")
    (plans / "bac-giang.yaml").write_text(hostile, encoding="utf-8")
    path = tmp_path / "s.svg"
    args = ("status", "bac-giang", "--plans", str(plans), "--as-of", "2025-06-30", "-o", str(path))
    assert run(*args).code == 0
    root = ElementTree.parse(path).getroot()
    assert not list(root.iter(f"{SVG}script"))
    assert any("<script>" in (text.text or "") for text in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_picture_opens_clean_in_a_browser(
    browser: Any, run: Run, tmp_path: Path, name: str
) -> None:
    path = tmp_path / f"{name}.svg"
    assert run(*COMMANDS[name], "-o", str(path)).code == 0
    open_page(browser, path)
    assert console_errors(browser) == []
    assert not is_blank(screenshot(browser, f"picture-{name}"))
