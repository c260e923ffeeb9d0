"""Shared fixtures: a CLI runner with a pinned date, width, language and environment."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nsclt.cli import app

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
EXAMPLES = Path(__file__).parent / "examples"
GOLDEN = Path(__file__).parent / "golden"
SHARED = ROOT.parent / "shared"
AS_OF = "2026-11-21"
"""Every test that needs "today" uses this date, never the clock."""


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


Run = Callable[..., Outcome]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see neither the developer's locale nor CI's variables."""
    for name in ("NSCLT_LANG", "NSCLT_PLANS", "LANG", "LC_ALL", "GITHUB_ACTIONS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "110")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Invoke ``nsclt`` in-process; the working directory is the repository root."""
    monkeypatch.chdir(ROOT)
    runner = CliRunner()

    def invoke(*args: str) -> Outcome:
        result = runner.invoke(app, list(args), catch_exceptions=False, prog_name="nsclt")
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return invoke


def assert_matches_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; NSCLT_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("NSCLT_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"missing golden file {path}; run with NSCLT_UPDATE_GOLDEN=1"
    with path.open(encoding="utf-8", newline="") as golden:
        assert text == golden.read()


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets an empty plan cache of its own, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("NSCLT_CACHE_DIR", str(folder))
    return folder


# The browser the page tests open their pages in (tests/browser.py says how, and when it skips).
from browser import browser  # noqa: E402, F401
