"""`nsclt compare`: one indicator in every province of the plans folder."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import AS_OF, PLANS, Run
from nsclt.render.formats import formats_for

HANDMADE = Path(__file__).parent / "plans_history"


def test_one_row_per_province_file(run: Run) -> None:
    outcome = run("compare", "model_enterprises", "--as-of", AS_OF, "-f", "json")
    assert outcome.code == 0
    document = json.loads(outcome.stdout)
    provinces = [row["province"] for row in document["rows"]]
    files = sorted(p.stem for p in PLANS.glob("*.yaml") if p.stem != "viet-nam")
    assert sorted(provinces) == files
    quang_ninh = next(row for row in document["rows"] if row["province"] == "quang-ninh")
    assert (quang_ninh["latest"], quang_ninh["latest_year"]) == (30, 2020)
    assert document["rows"][0]["status"] in ("not_tracking", "no_target")


def test_former_units_stand_under_todays_unit(run: Run) -> None:
    outcome = run("compare", "model_enterprises", "--as-of", AS_OF)
    lines = outcome.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Bắc Ninh"))
    assert "no plan file of its own" in lines[at]
    assert lines[at + 1].lstrip().startswith("↳ Bac Giang")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The invented Bắc Giang beside the shipped Quảng Ninh."""
    shutil.copy(HANDMADE / "bac-giang.yaml", tmp_path)
    shutil.copy(PLANS / "quang-ninh.yaml", tmp_path)
    return tmp_path


def test_a_row_says_what_its_target_is_judged_on(run: Run, folder: Path) -> None:
    outcome = run("compare", "pilots", "--plans", str(folder), "--as-of", "2025-06-30")
    assert outcome.code == 0
    row = next(line for line in outcome.stdout.splitlines() if "Bac Giang" in line)
    assert row.split()[3:] == [
        "4",
        "(2024)",
        "≥",
        "10",
        "by",
        "2025",
        "≈9",
        "(2024)",
        "●",
        "on",
        "track",
        "(approximate)",
    ]
    quang_ninh = next(line for line in outcome.stdout.splitlines() if "Quang Ninh" in line)
    assert "not tracked" in quang_ninh


def test_provinces_can_be_chosen(run: Run, folder: Path) -> None:
    args = ("compare", "pilots", "--plans", str(folder), "--province", "bac giang", "-f", "json")
    document = json.loads(run(*args).stdout)
    assert [row["province"] for row in document["rows"]] == ["bac-giang"]


@pytest.mark.parametrize(
    "name",
    # A workbook is read back cell by cell in test_render_workbook.py.
    sorted(n for n, f in formats_for("compare").items() if f.kind != "binary"),
)
def test_every_format_gives_the_same_rows(run: Run, folder: Path, name: str) -> None:
    args = ("compare", "share", "--plans", str(folder), "--as-of", "2025-06-30")
    rows = json.loads(run(*args, "-f", "json").stdout)["rows"]
    text = run(*args, "-f", name, "--lang", "vi").stdout
    if name in ("csv", "tsv"):
        read = list(
            csv.DictReader(
                io.StringIO(text.lstrip("\ufeff")), delimiter="," if name == "csv" else "\t"
            )
        )
        assert [r["province"] for r in read] == [r["province"] for r in rows]
        assert read[0]["latest_qualifier"] == "more_than" and read[0]["target"] == "40"
    elif name != "json":
        # As a browser shows it: markup dropped, entities and non-breaking spaces read.
        text = html.unescape(re.sub(r"<[^>]*>", "", text)).replace("\xa0", " ")
        assert ">31 (2023)" in text
        if formats_for("compare")[name].kind == "text":  # a picture may wrap
            assert "≥ 40 đến năm 2025" in text


def test_an_invalid_file_is_a_row_and_exit_1(run: Run, folder: Path) -> None:
    (folder / "son-la.yaml").write_text("format: 1\nname: [\n", encoding="utf-8")
    outcome = run("compare", "pilots", "--plans", str(folder), "-f", "json")
    assert outcome.code == 1
    rows = json.loads(outcome.stdout)["rows"]
    assert {"province": "son-la", "status": "invalid"}.items() <= rows[-1].items()


def test_an_unknown_indicator_is_refused_with_the_closest(run: Run) -> None:
    outcome = run("compare", "model_enterprise")
    assert outcome.code == 2
    assert "did you mean `model_enterprises`?" in outcome.stderr
