"""Every nsclt command the README shows runs as written, in order, on a copy of the project."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from nsclt.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def shown_commands() -> list[str]:
    """The nsclt commands of the README's shell blocks, continuation lines joined."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            for part in line.split("&&"):
                command = part.split(" #", 1)[0].strip()
                if command.startswith("nsclt "):
                    commands.append(command)
    return commands


def test_the_readme_shows_commands() -> None:
    assert len(shown_commands()) >= 8


def test_every_command_in_the_readme_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("plans", "examples", "schema"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for command in shown_commands():
        outcome = runner.invoke(app, shlex.split(command)[1:], prog_name="nsclt")
        assert outcome.exit_code == 0, (command, outcome.stdout, outcome.stderr)
        assert "Traceback" not in outcome.stderr, command
