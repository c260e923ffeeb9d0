"""The status and list screens, drawn from reports built by hand (tests/handmade.py)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console

from conftest import assert_matches_golden
from handmade import list_evaluation, status_evaluation
from nsclt.i18n import Translator
from nsclt.render.overview import render_indicators, render_overview
from nsclt.render.status import render_status
from nsclt.report import Evaluation


def drawn(
    render: Callable[[Evaluation, Translator, Console], None],
    evaluation: Evaluation,
    lang: str,
    width: int = 110,
) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False, emoji=False)
    render(evaluation, Translator(lang), console)  # type: ignore[arg-type]
    return out.getvalue()


def assert_no_trailing_spaces(screen: str) -> None:
    assert [line for line in screen.splitlines() if line != line.rstrip()] == []


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("explain", [False, True], ids=["plain", "explain"])
def test_status_screen(lang: str, explain: bool) -> None:
    screen = drawn(render_status, status_evaluation(explain), lang)
    assert_no_trailing_spaces(screen)
    suffix = "-explain" if explain else ""
    assert_matches_golden(f"screen-status{suffix}-{lang}.txt", screen)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_list_screen(lang: str) -> None:
    screen = drawn(render_overview, list_evaluation(), lang)
    assert_no_trailing_spaces(screen)
    assert_matches_golden(f"screen-list-{lang}.txt", screen)


def test_indicator_catalogue_has_no_trailing_spaces() -> None:
    out = io.StringIO()
    render_indicators(Translator("en"), Console(file=out, width=110, color_system=None))
    assert "certified_experts" in out.getvalue()
    assert_no_trailing_spaces(out.getvalue())


def test_the_status_screen_says_the_as_of_date_and_every_target() -> None:
    screen = drawn(render_status, status_evaluation(), "en")
    assert "2024-03-01" in screen
    for name in ("Certified", "Model (pilot)", "Training", "Enterprises reached in", "Award"):
        assert name in screen
    assert "≈41" in screen
    assert "≥1,650" in screen  # whole, though its year may stand on the next line
    assert "(assumed)" in screen
    assert "achieved (above" in screen
