"""The screens read whole at every width, in both languages, on a terminal or piped.

Checked on the shipped plans by property, not by golden files, so that correcting a
figure never breaks a test: no line longer than the width, none ending in a space, no word
of a name broken, and every verdict whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import AS_OF, PLANS, Run
from nsclt.cache import valid_plan
from nsclt.catalogue import indicators_of
from nsclt.i18n import Translator

WIDTHS = (60, 80, 100, 120, 200)
PROVINCES = sorted(path.stem for path in PLANS.glob("*.yaml"))
HANDMADE_HISTORY = str(Path(__file__).parent / "plans_history")


def words_of_names(province: str | Path, lang: str) -> set[str]:
    """The words of the names of the indicators a file targets."""
    path = province if isinstance(province, Path) else PLANS / f"{province}.yaml"
    plan_file = valid_plan(path)
    t = Translator(lang)  # type: ignore[arg-type]
    names = set()
    for indicator in indicators_of(plan_file).values():
        used = any(
            target.indicator == indicator.id
            for plan in plan_file.plans
            for phase in plan.phases
            for target in phase.targets
        )
        if used:
            names.add(f"{t.content(indicator.name, indicator.name_en)}")
    return {word for name in names for word in name.split()}


def check_screen(text: str, width: int) -> None:
    lines = text.splitlines()
    assert [line for line in lines if len(line) > width] == []
    assert [line for line in lines if line != line.rstrip()] == []


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("province", PROVINCES)
def test_status_reads_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch, province: str, width: int, lang: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    outcome = run("status", province, "--as-of", AS_OF, "--lang", lang, "--all", "--explain")
    assert outcome.code == 0
    check_screen(outcome.stdout, width)
    tokens = set(outcome.stdout.split())
    broken = sorted(word for word in words_of_names(province, lang) if word not in tokens)
    assert broken == []
    if width >= 80:
        shown = run("status", province, "--as-of", AS_OF, "--lang", lang, "--all", "-f", "json")
        labels = {row["status_label"] for row in json.loads(shown.stdout)["targets"]}
        lines = outcome.stdout.splitlines()
        assert sorted(label for label in labels if not any(label in line for line in lines)) == []


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("plans", [str(PLANS), HANDMADE_HISTORY])
def test_history_reads_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch, plans: str, width: int, lang: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    for path in sorted(Path(plans).glob("*.yaml")):
        outcome = run("history", path.stem, "--as-of", AS_OF, "--lang", lang, "--plans", plans)
        assert outcome.code == 0
        check_screen(outcome.stdout, width)
        tokens = set(outcome.stdout.split())
        assert sorted(w for w in words_of_names(path, lang) if w not in tokens) == []


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("indicator", ["model_enterprises", "model_enterprises_per_year"])
def test_compare_reads_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch, indicator: str, width: int, lang: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    outcome = run("compare", indicator, "--as-of", AS_OF, "--lang", lang)
    assert outcome.code == 0
    check_screen(outcome.stdout, width)
    shown = run("compare", indicator, "--as-of", AS_OF, "--lang", lang, "-f", "json")
    labels = {row["status_label"] for row in json.loads(shown.stdout)["rows"]}
    if width >= 80:
        assert sorted(label for label in labels if label not in outcome.stdout) == []


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", ["status", "list"])
def test_changes_since_read_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch, command: str, width: int, lang: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    args = ("--plans", HANDMADE_HISTORY, "--as-of", "2025-06-30", "--since", "2023-01-01")
    province = ("bac-giang",) if command == "status" else ()
    outcome = run(command, *province, *args, "--lang", lang)
    assert outcome.code == 0
    check_screen(outcome.stdout, width)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", WIDTHS)
def test_list_reads_whole(run: Run, monkeypatch: pytest.MonkeyPatch, width: int, lang: str) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    outcome = run("list", "--as-of", AS_OF, "--lang", lang)
    lines = outcome.stdout.splitlines()
    assert [line for line in lines if len(line) > width] == []
    assert [line for line in lines if line != line.rstrip()] == []


@pytest.mark.parametrize("width", WIDTHS)
def test_validate_of_a_broken_file_keeps_one_line_per_problem_off_a_terminal(
    run: Run, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    outcome = run("validate", "--format", "parsable", "tests/examples/NSC101")
    assert outcome.code == 1
    assert all(line.startswith("tests/examples/NSC101/") for line in outcome.stdout.splitlines())


@pytest.mark.parametrize("width", WIDTHS)
def test_validate_text_never_wraps_a_problem_off_a_terminal(
    run: Run, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    outcome = run("validate", "tests/examples/NSC101")
    assert outcome.code == 1
    lines = outcome.stdout.splitlines()
    headings = [line for line in lines if " NSC" in line]
    assert headings and all(line.startswith("tests/examples/NSC101/") for line in headings)
    kinds = ("tests/examples/", " ", "")  # a heading, an excerpt, a caret or a hint
    assert all(line.startswith(kinds) for line in lines)
    assert [line for line in lines if line != line.rstrip()] == []
    assert any(len(line) > width for line in headings) or width >= 100
