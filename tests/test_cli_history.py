"""`nsclt history`: a province's results year by year, on screen and in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import AS_OF, Run
from nsclt.render.formats import formats_for

HANDMADE = str(Path(__file__).parent / "plans_history")


def test_every_result_of_quang_ninh_is_shown_with_its_year(run: Run) -> None:
    outcome = run("history", "quang-ninh", "--as-of", AS_OF, "-f", "json")
    years = json.loads(outcome.stdout)["years"]
    recorded = {(row["indicator"], row["year"], row["value"]) for row in years if row["value"]}
    assert ("model_enterprises_per_year", 2021, 10) in recorded
    assert ("model_enterprises", 2020, 30) in recorded
    # every targeted year carries the value its path required
    targeted = [row for row in years if row["phase"] is not None]
    assert targeted and all(row["required"] is not None for row in targeted)


def test_the_screen_shows_results_totals_and_the_path(run: Run) -> None:
    outcome = run("history", "bac-giang", "pilots", "--plans", HANDMADE, "--as-of", "2025-06-30")
    assert outcome.code == 0
    lines = outcome.stdout.splitlines()
    assert any(
        line.split() == ["2022", "≈3", "≈5", "4", "Sở", "KH&CN", "(bịa),", "2023-01-20"]
        for line in lines
    )
    assert "Part of Bắc Ninh since 1 July 2025" in outcome.stdout
    assert "● on track (approximate)" in outcome.stdout


def test_vietnamese_numbers_and_dates(run: Run) -> None:
    outcome = run(
        "history",
        "bac-giang",
        "supported",
        "--plans",
        HANDMADE,
        "--as-of",
        "2025-06-30",
        "--lang",
        "vi",
    )
    assert "133,1" in outcome.stdout
    assert "7,27 %/năm (dưới khoảng)" in outcome.stdout
    assert "20/01/2023" in outcome.stdout


def test_years_can_be_narrowed(run: Run) -> None:
    outcome = run(
        "history", "bac-giang", "pilots", "--plans", HANDMADE, "--as-of", "2025-06-30",
        "--from", "2023", "--to", "2024", "-f", "json",
    )  # fmt: skip
    document = json.loads(outcome.stdout)
    assert (document["from"], document["to"]) == (2023, 2024)
    assert {row["year"] for row in document["years"]} == {2023, 2024}


@pytest.mark.parametrize(
    "name",
    # A workbook is read back cell by cell in test_render_workbook.py.
    sorted(n for n, f in formats_for("history").items() if f.kind != "binary"),
)
def test_every_format_writes_the_same_years(run: Run, name: str, tmp_path: Path) -> None:
    args = ("history", "bac-giang", "--plans", HANDMADE, "--as-of", "2025-06-30")
    rows = json.loads(run(*args, "-f", "json").stdout)["years"]
    text = run(*args, "-f", name).stdout
    if name in ("csv", "tsv"):
        reader = csv.DictReader(
            io.StringIO(text.lstrip("\ufeff")), delimiter="," if name == "csv" else "\t"
        )
        read = list(reader)
        assert len(read) == len(rows)
        assert [r["year"] for r in read] == [str(r["year"]) for r in rows]
        assert {r["qualifier"] for r in read} >= {"approx", "more_than", "at_least"}
    elif name == "markdown":
        assert "| 2022 | ≈3 | ≈5 | 4 |" in text
    elif name == "json":
        assert json.loads(text)["years"] == rows
    else:
        assert "≈3" in text
    output = tmp_path / "out"
    written = run(*args, "-f", name, "-o", str(output))
    assert written.code == 0 and output.stat().st_size > 0


def test_an_unknown_indicator_is_refused_with_the_closest(run: Run) -> None:
    outcome = run("history", "quang-ninh", "model_enterprise", "--as-of", AS_OF)
    assert outcome.code == 2
    assert "did you mean `model_enterprises`?" in outcome.stderr


def test_an_indicator_the_file_does_not_record_is_said(run: Run) -> None:
    outcome = run("history", "quang-ninh", "supported_enterprises_per_year", "--as-of", AS_OF)
    assert outcome.code == 0
    assert "no target and no result for `supported_enterprises_per_year`" in outcome.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2025", "--to", "2020"), "--from 2025 comes after --to 2020"),
        (("--from", "20x"), "not a year (four digits): 20x"),
    ],
)
def test_bad_years_are_usage_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    outcome = run("history", "quang-ninh", *args)
    assert outcome.code == 2
    assert message in outcome.stderr
