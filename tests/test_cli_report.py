"""`nsclt report`: the report an officer hands up, as a page and as Markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import AS_OF, Run

HANDMADE = str(Path(__file__).parent / "plans_history")
ARGS = ("report", "bac-giang", "--plans", HANDMADE, "--as-of", "2025-06-30")


def test_markdown_on_standard_output_by_default(run: Run) -> None:
    outcome = run(*ARGS)
    assert outcome.code == 0
    text = outcome.stdout
    assert text.startswith("# Bac Giang\n")
    for heading in (
        "## Summary",
        "### Needs attention",
        "## Indicators year by year",
        "## Milestones",
        "## Sources",
    ):
        assert heading in text
    assert "- Share of enterprises applying (%) (2021-2025): needs acceleration" in text
    assert "| 2022 | ≈3 | ≈5 | 4 |  | Sở KH&amp;CN (bịa) [1] |" in text
    assert "1. Báo cáo năm 2022 (bịa), Sở KH&amp;CN (bịa), 2023-01-20." in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_cites_numbered_sources_that_exist(run: Run, tmp_path: Path, lang: str) -> None:
    page = tmp_path / "r.html"
    assert run(*ARGS, "--lang", lang, "-o", str(page)).code == 0
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html
    cited = set(re.findall(r'href="#(p0-source-\d+)"', html))
    listed = set(re.findall(r'<li id="(p0-source-\d+)"', html))
    assert cited and cited <= listed


def test_the_page_marks_every_result_once(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    run(*ARGS, "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert html.count('class="mark result"') == 10  # the plan's ten results, each once


def test_assumptions_are_labelled_and_notes_kept(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "q.html"
    run("report", "quang-ninh", "--as-of", AS_OF, "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert '<li class="assumption"><strong>Assumption.</strong>' in html
    assert "Assumption: Assumption" not in html


def test_a_report_is_a_document_not_a_picture_of_the_terminal(run: Run, tmp_path: Path) -> None:
    outcome = run(*ARGS, "-o", str(tmp_path / "r.svg"))
    assert outcome.code == 2
    assert "extension does not name an output format" in outcome.stderr


@pytest.mark.parametrize("slug", ["quang-ninh", "lang-son", "viet-nam"])
def test_the_report_as_a_workbook_has_typed_figures(run: Run, tmp_path: Path, slug: str) -> None:
    import openpyxl

    book = tmp_path / "r.xlsx"
    assert run("report", slug, "--as-of", AS_OF, "-o", str(book)).code == 0
    years = json.loads(run("history", slug, "--as-of", AS_OF, "-f", "json").stdout)["years"]
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Years"]
    headers = [cell.value for cell in sheet[1]]
    value = headers.index("Result")
    cells = [row[value] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [row["value"] for row in years]
    assert all(c.data_type == "n" for c in cells if c.value is not None)
    assert "About" in workbook.sheetnames
