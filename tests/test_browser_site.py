"""`nsclt site` as a person sees it: every page opens clean in Chromium, every link leads
somewhere, and the index, the provinces, the indicators and the national roll-up are there."""

from __future__ import annotations

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
from conftest import AS_OF, PLANS
from nsclt.catalogue import STANDARD_INDICATORS


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from nsclt.cli import app

    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(
        app, ["site", "-o", str(out), "--plans", str(PLANS), "--as-of", AS_OF, "--lang", "vi"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_every_page_opens_clean_and_every_link_leads_somewhere(browser: Any, site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    provinces = {p.stem for p in PLANS.glob("*.yaml")} - {"viet-nam"}
    assert {p.stem for p in (site / "provinces").glob("*.html")} == provinces
    assert {p.stem for p in (site / "indicators").glob("*.html")} == {
        i.replace("_", "-") for i in STANDARD_INDICATORS
    }
    for page in pages:
        open_page(browser, page)
        assert console_errors(browser) == [], page
        assert broken_links(browser, page) == [], page


def test_the_index_links_every_province_and_indicator(browser: Any, site: Path) -> None:
    open_page(browser, site / "index.html")
    hrefs = set(
        browser.execute_script(
            "return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))"
        )
    )
    assert {f"provinces/{p.stem}.html" for p in (site / "provinces").glob("*.html")} <= hrefs
    assert {f"indicators/{p.stem}.html" for p in (site / "indicators").glob("*.html")} <= hrefs
    assert "national.html" in hrefs
    text = browser.execute_script("return document.body.innerText")
    assert "Bắc Ninh" in text  # today's unit, with its former Bắc Giang under it
    sizes = page_sizes(pdf_of(browser))
    assert sizes and all(
        abs(w - A4_POINTS[0]) < 1.5 and abs(h - A4_POINTS[1]) < 1.5 for w, h in sizes
    )
    assert not is_blank(screenshot(browser, "site-index"))


def test_the_national_page_adds_up_only_what_is_summable(browser: Any, site: Path) -> None:
    open_page(browser, site / "national.html")
    rows = browser.execute_script(
        "return [...document.querySelectorAll('table')[0].querySelectorAll('tbody tr')]"
        ".map(r => [...r.cells].map(c => c.innerText))"
    )
    names = [row[0] for row in rows]
    assert not any("Tỷ lệ" in name for name in names)  # a share is never summed
    supported = next(row for row in rows if row[0].startswith("Doanh nghiệp được hỗ trợ (lũy kế"))
    assert supported[2] == "≈50"  # Lạng Sơn's ≈20 (2018) and Quảng Ninh's 30 (2020)
    assert "Lạng Sơn: ≈20 (2018)" in supported[3] and "Quảng Ninh: 30 (2020)" in supported[3]
    assert not is_blank(screenshot(browser, "site-national"))
