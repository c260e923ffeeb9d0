"""`nsclt report` as a person sees it: opened in Chromium, every result on its chart, on A4."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from browser import (
    A4_POINTS,
    broken_links,
    console_errors,
    is_blank,
    open_page,
    page_sizes,
    pdf_of,
    screenshot,
)
from conftest import AS_OF, PLANS, Run
from nsclt.text import slugify

HANDMADE = Path(__file__).parent / "plans_history"
REPORTS = [
    ("quang-ninh", PLANS, AS_OF),
    ("lang-son", PLANS, AS_OF),
    ("viet-nam", PLANS, AS_OF),
    ("bac-giang", HANDMADE, "2025-06-30"),
]


def expected_marks(
    run: Run, slug: str, plans: Path, as_of: str
) -> dict[str, set[tuple[int, float]]]:
    """Each indicator's results, once each, from `history -f json`: what the charts must mark."""
    years = json.loads(
        run("history", slug, "--plans", str(plans), "--as-of", as_of, "-f", "json").stdout
    )["years"]
    marks: dict[str, set[tuple[int, float]]] = {}
    for row in years:
        marks.setdefault(slugify(row["indicator"]), set())
        if row["value"] is not None:
            marks[slugify(row["indicator"])].add((row["year"], float(row["value"])))
    return marks


def drawn_marks(driver: Any) -> dict[str, list[tuple[int, float]]]:
    found = driver.execute_script(
        "return [...document.querySelectorAll('article.indicator')].map(a => [a.id,"
        " [...a.querySelectorAll('.mark.result')].map(m => [m.dataset.year, m.dataset.value])])"
    )
    return {
        article.split("-indicator-", 1)[1]: [(int(y), float(v)) for y, v in marks]
        for article, marks in found
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("slug", "plans", "as_of"), REPORTS, ids=[r[0] for r in REPORTS])
def test_the_report_opens_clean_charts_every_result_and_prints_on_a4(
    browser: Any, run: Run, tmp_path: Path, slug: str, plans: Path, as_of: str, lang: str
) -> None:
    page = tmp_path / f"{slug}.html"
    args = ("--plans", str(plans), "--as-of", as_of, "--lang", lang)
    assert run("report", slug, *args, "-o", str(page)).code == 0
    open_page(browser, page)
    assert console_errors(browser) == []
    assert broken_links(browser, page) == []
    drawn = drawn_marks(browser)
    expected = expected_marks(run, slug, plans, as_of)
    assert set(drawn) == set(expected)
    for indicator, marks in drawn.items():
        assert len(marks) == len(set(marks)), indicator  # one mark per result
        assert set(marks) == expected[indicator], indicator
    sizes = page_sizes(pdf_of(browser))
    assert sizes, "the page printed no page"
    assert all(abs(w - A4_POINTS[0]) < 1.5 and abs(h - A4_POINTS[1]) < 1.5 for w, h in sizes)
    assert not is_blank(screenshot(browser, f"report-{slug}-{lang}"))


def test_text_from_a_plan_file_is_shown_never_run(browser: Any, run: Run, tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    hostile = (
        (HANDMADE / "bac-giang.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "title: Kế hoạch 2021–2030 (bịa)",
            "title: '<img src=x onerror=\"document.title=1\"><script>document.title=2</script>'",
        )
    )
    (plans / "bac-giang.yaml").write_text(hostile, encoding="utf-8")
    page = tmp_path / "r.html"
    assert (
        run(
            "report", "bac-giang", "--plans", str(plans), "--as-of", "2025-06-30", "-o", str(page)
        ).code
        == 0
    )
    open_page(browser, page)
    assert browser.execute_script("return document.querySelectorAll('img, script').length") == 0
    assert "<script>" in browser.execute_script("return document.body.innerText")
    assert console_errors(browser) == []


def test_the_report_is_one_file_that_needs_nothing_else(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    run("report", "quang-ninh", "--as-of", AS_OF, "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.split("</style>")[0]
    assert "src=" not in html and "@import" not in html
    moved = tmp_path / "elsewhere" / "r.html"
    moved.parent.mkdir()
    shutil.move(page, moved)
    assert moved.read_text(encoding="utf-8") == html


PAGES = [
    ("status", ("status", "quang-ninh", "--as-of", AS_OF, "--all")),
    (
        "status-since",
        (
            "status",
            "bac-giang",
            "--plans",
            str(HANDMADE),
            "--as-of",
            "2025-06-30",
            "--since",
            "2023-01-01",
        ),
    ),
    ("list", ("list", "--as-of", AS_OF)),
    ("history", ("history", "bac-giang", "--plans", str(HANDMADE), "--as-of", "2025-06-30")),
    ("compare", ("compare", "model_enterprises", "--as-of", AS_OF)),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("name", "args"), PAGES, ids=[p[0] for p in PAGES])
def test_every_command_writes_a_page_that_opens_clean_and_prints_on_a4(
    browser: Any, run: Run, tmp_path: Path, name: str, args: tuple[str, ...], lang: str
) -> None:
    page = tmp_path / f"{name}.html"
    assert run(*args, "--lang", lang, "-o", str(page)).code == 0
    open_page(browser, page)
    assert console_errors(browser) == []
    assert broken_links(browser, page) == []
    assert browser.execute_script("return document.querySelectorAll('table').length") > 0
    if name == "history":
        drawn = drawn_marks(browser)
        assert {k: set(v) for k, v in drawn.items()} == expected_marks(
            run, "bac-giang", HANDMADE, "2025-06-30"
        )
    sizes = page_sizes(pdf_of(browser))
    assert sizes and all(
        abs(w - A4_POINTS[0]) < 1.5 and abs(h - A4_POINTS[1]) < 1.5 for w, h in sizes
    )
    assert not is_blank(screenshot(browser, f"{name}-{lang}"))
