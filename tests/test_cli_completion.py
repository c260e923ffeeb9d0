"""Shell completion: what <TAB> offers at each place of a command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from nsclt.cli import app


def offered(monkeypatch: pytest.MonkeyPatch, line: str) -> list[str]:
    """What bash completion offers for LINE, completing its last (possibly empty) word."""
    monkeypatch.chdir(ROOT)
    words = line.split()
    current = len(words) if line.endswith(" ") else len(words) - 1
    env = {"_NSCLT_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(current)}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, [], prog_name="nsclt", env=env)
    assert result.exit_code == 0, result.output
    return result.stdout.split()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("nsclt status lang-s", ["lang-son"]),
        ("nsclt status quang-n", ["quang-nam", "quang-ngai", "quang-ninh"]),
        # A unit of today's map that has no plan file yet is still a province name.
        ("nsclt status tuyen-q", ["tuyen-quang"]),
    ],
)
def test_province_names(monkeypatch: pytest.MonkeyPatch, line: str, expected: list[str]) -> None:
    assert offered(monkeypatch, line) == expected


@pytest.mark.parametrize(
    "line",
    ["nsclt status quang-ninh --plan ", "nsclt status --as-of 2026-11-21 quang-ninh --plan "],
)
def test_plan_ids_of_the_province_typed(monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    assert offered(monkeypatch, line) == [
        "de-an-2020",
        "ke-hoach-203-2021-2030",
        "ke-hoach-nam-2022",
    ]


def test_phase_ids_of_the_province_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "2021-2025" in offered(monkeypatch, "nsclt status lang-son --phase ")
    assert offered(monkeypatch, "nsclt status lang-son --phase 2016") == ["2016-2020"]


def test_no_plan_ids_before_a_province_is_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert offered(monkeypatch, "nsclt status --plan ") == []


def test_indicator_ids_of_the_province_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "certified_experts" in offered(monkeypatch, "nsclt record quang-ninh ")
    assert offered(monkeypatch, "nsclt record quang-ninh certified_") == ["certified_experts"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("nsclt status x --lang ", ["vi", "en"]),
        ("nsclt status x --color ", ["auto", "always", "never"]),
        ("nsclt validate --format gi", ["github"]),
    ],
)
def test_choices(monkeypatch: pytest.MonkeyPatch, line: str, expected: list[str]) -> None:
    assert offered(monkeypatch, line) == expected


@pytest.mark.parametrize(
    ("language", "said"), [("en", "completion installed in"), ("vi", "Đã cài gợi ý lệnh")]
)
def test_installing_completion_says_where_in_the_chosen_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, language: str, said: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = CliRunner().invoke(
        app, ["--lang", language, "--install-completion", "bash"], prog_name="nsclt"
    )
    assert result.exit_code == 0
    assert said in result.stdout
    assert str(tmp_path / ".bash_completions" / "nsclt.sh") in result.stdout
    assert (tmp_path / ".bash_completions" / "nsclt.sh").exists()
