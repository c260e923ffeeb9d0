"""An indicator's chart: one mark per result, shaped by its qualifier, within its frame."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from nsclt.cache import valid_plan
from nsclt.history import history_of
from nsclt.i18n import Translator
from nsclt.render.chart import HEIGHT, WIDTH, indicator_chart, results_of
from nsclt.views import IndicatorHistory

HANDMADE = Path(__file__).parent / "plans_history" / "bac-giang.yaml"


def indicator(wanted: str) -> IndicatorHistory:
    found = history_of(valid_plan(HANDMADE), "bac-giang", date(2025, 6, 30))
    return next(i for i in found.indicators if i.indicator.id == wanted)


def marks(svg: str) -> list[tuple[str, str, str]]:
    return re.findall(
        r'class="mark result" data-year="(\d+)" data-value="([^"]+)" data-qualifier="(\w+)"', svg
    )


def test_a_result_counted_by_two_targets_is_one_mark() -> None:
    pilots = indicator("pilots")  # its results count for the phase and for the decade total
    assert len(pilots.tracks) == 2
    drawn = marks(indicator_chart(pilots, Translator("en"), "c"))
    assert drawn == [("2021", "2.0", "exact"), ("2022", "3.0", "approx"), ("2024", "4.0", "exact")]
    assert len(results_of(pilots)) == 3


@pytest.mark.parametrize(
    ("wanted", "shape"), [("share", "<polygon"), ("certified_experts", "<polygon")]
)
def test_a_bound_is_a_triangle(wanted: str, shape: str) -> None:
    svg = indicator_chart(indicator(wanted), Translator("en"), "c")
    bounded = re.search(r'data-qualifier="(more_than|at_least)"><title>[^<]*</title>(<\w+)', svg)
    assert bounded is not None and bounded.group(2) == shape


def test_an_approximate_figure_is_a_ring() -> None:
    svg = indicator_chart(indicator("pilots"), Translator("en"), "c")
    assert re.search(
        r'data-qualifier="approx"><title>2022: ≈3</title><circle [^>]*class="hollow"', svg
    )


def test_every_mark_lies_inside_the_drawing() -> None:
    for wanted in ("pilots", "share", "supported", "clubs"):
        svg = indicator_chart(indicator(wanted), Translator("vi"), "c")
        for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg):
            assert 0 <= float(x) <= WIDTH and 0 <= float(y) <= HEIGHT


def test_the_chart_is_titled_and_described_in_the_language() -> None:
    svg = indicator_chart(indicator("share"), Translator("vi"), "c")
    title = "Tỷ lệ doanh nghiệp áp dụng: kết quả so với mục tiêu và lộ trình"
    assert f'<title id="c-title">{title}</title>' in svg
    assert "2022: 26; 2023: &gt;31" in svg
    assert "mục tiêu ≥ 40 đến năm 2025 (giai đoạn 2021-2025)" in svg
