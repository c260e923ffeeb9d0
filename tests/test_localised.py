"""Help screens and usage errors speak the user's language, all of them and every word."""

from __future__ import annotations

import click
import pytest
import typer

from conftest import Run, assert_matches_golden
from nsclt.cli import app
from nsclt.i18n import Translator
from nsclt.localised import LocalisedCommand, LocalisedGroup, language_in

ROOT = typer.main.get_command(app)
assert isinstance(ROOT, click.Group)
COMMANDS = sorted(ROOT.commands)

# What Click and Typer would print if any part of the frame escaped translation.
ENGLISH_FRAME = (
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "required",
    "Show this message",
    "Install completion",
    "[OPTIONS]",
    "TEXT",
    "INTEGER",
    "PATH",
    "Error:",
    "Try '",
)


def _parameters(command: click.Command) -> list[click.Parameter]:
    with click.Context(command, info_name=command.name) as ctx:
        return command.get_params(ctx)


def test_every_command_draws_its_own_frame() -> None:
    assert isinstance(ROOT, LocalisedGroup)
    for name in COMMANDS:
        assert isinstance(ROOT.commands[name], LocalisedCommand), name


@pytest.mark.parametrize("t", [Translator("en"), Translator("vi")], ids=["en", "vi"])
@pytest.mark.parametrize("name", ["app", *COMMANDS])
def test_every_command_and_parameter_has_help_and_placeholder(t: Translator, name: str) -> None:
    command = ROOT if name == "app" else ROOT.commands[name]
    assert isinstance(command, LocalisedCommand | LocalisedGroup)
    with click.Context(command, info_name=name) as ctx:
        for param in _parameters(command):
            assert command.parameter_help(ctx, param, t), (name, param.name)
            if not (isinstance(param, click.Option) and param.is_flag):
                assert t.has(f"metavar.{param.name}"), (name, param.name)
    assert t.has(f"help.{name}")


@pytest.mark.parametrize("args", [(), *((name,) for name in COMMANDS)])
def test_vietnamese_help_has_no_english_frame(run: Run, args: tuple[str, ...]) -> None:
    screen = run(*args, "-h", "--lang", "vi").stdout
    assert screen.startswith("Cách dùng: nsclt")
    for word in ENGLISH_FRAME:
        assert word not in screen, word


def test_arguments_have_their_help_line(run: Run) -> None:
    screen = run("record", "-h").stdout
    assert "PROVINCE   Province slug or name.  [required]" in screen
    assert "INDICATOR  Indicator id (see `nsclt indicators`).  [required]" in screen


@pytest.mark.parametrize("language", ["en", "vi"])
def test_help_screens(run: Run, language: str) -> None:
    assert_matches_golden(f"help-{language}.txt", run("--lang", language, "-h").stdout)
    status = run("status", "-h", "--lang", language).stdout
    assert_matches_golden(f"help-status-{language}.txt", status)


def test_lang_may_stand_anywhere_and_the_last_one_counts(run: Run) -> None:
    vietnamese = run("status", "-h", "--lang", "vi").stdout
    assert run("--lang", "vi", "status", "-h").stdout == vietnamese
    assert run("--lang", "en", "status", "--lang=vi", "-h").stdout == vietnamese


def test_language_from_the_environment(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert run("-h").stdout.startswith("Cách dùng: nsclt [TÙY-CHỌN] LỆNH")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "vi"], "vi"),
        (["status", "x", "--lang=en"], "en"),
        (["--lang", "vi", "--lang", "en"], "en"),
        (["record", "--quote", "x", "--", "--lang", "vi"], None),
        (["status", "--lang"], None),
    ],
)
def test_language_read_ahead(args: list[str], expected: str | None) -> None:
    assert language_in(args) == expected


RECORD = ("record", "quang-ninh", "certified_experts")
USAGE_ERRORS = [
    (("statu", "quang-ninh"), "no such command: statu", "did you mean `status`?"),
    (
        ("frobnicate",),
        "no such command: frobnicate",
        "commands: validate, status, history, compare, report, site, list",
    ),
    (("status",), "missing argument PROVINCE", "`nsclt status -h` explains every option"),
    (("status", "quang-ninh", "--as-off", "2020"), "no such option: --as-off", "`--as-of`"),
    (("status", "quang-ninh", "--as-of"), "option --as-of needs a value", ""),
    (("status", "quang-ninh", "--all=3"), "option --all takes no value", ""),
    (("status", "quang-ninh", "one", "two"), "unexpected extra arguments: one two", ""),
    (
        ("status", "quang-ninh", "--lang", "fr"),
        "invalid value for --lang: fr is not one of the languages vi, en",
        "",
    ),
    (
        ("record", "quang-ninh", "certified_experts", "3", "--source", "x"),
        "missing option --year",
        "",
    ),
    (
        ("record", "quang-ninh", "certified_experts", "3", "--year", "25", "--source", "x"),
        "invalid value for --year: not a year (four digits): 25",
        "",
    ),
    (
        ("record", "quang-ninh", "certified_experts", "many", "--year", "2025", "--source", "x"),
        "invalid value for VALUE: “many” is not a figure",
        "",
    ),
    (
        (*RECORD, "3", "--year", "2025", "--source", "x", "--approx", "--at-least"),
        "give at most one of --approx, --at-least, --more-than, --at-most, --less-than",
        "",
    ),
    (("--lang", "en"), "a command is missing", "commands: validate"),
]


@pytest.mark.parametrize(("args", "message", "hint"), USAGE_ERRORS)
def test_usage_errors_are_said_like_every_other_error(
    run: Run, args: tuple[str, ...], message: str, hint: str
) -> None:
    outcome = run(*args)
    assert outcome.code == 2
    assert outcome.stdout == ""
    first, *notes = outcome.stderr.splitlines()
    assert first == f"nsclt: {message}"
    assert notes[0].startswith("   = usage: nsclt")
    assert hint in notes[1]
    for word in ("Error:", "Try '", "Usage:"):
        assert word not in outcome.stderr


def test_usage_line_marks_optional_and_repeated_arguments(run: Run) -> None:
    outcome = run("validate", "--format")
    assert "   = usage: nsclt validate [OPTIONS] [PATH]..." in outcome.stderr.splitlines()


def test_usage_errors_in_vietnamese(run: Run) -> None:
    outcome = run("status", "--lang", "vi")
    assert outcome.code == 2
    assert outcome.stderr.splitlines() == [
        "nsclt: thiếu đối số TỈNH",
        "   = cách dùng: nsclt status [TÙY-CHỌN] TỈNH",
        "   = gợi ý: `nsclt status -h` giải thích mọi tùy chọn",
    ]


def test_a_bare_nsclt_shows_the_help(run: Run) -> None:
    outcome = run()
    assert outcome.code == 2
    assert outcome.stderr.startswith("Usage: nsclt [OPTIONS] COMMAND [ARGS]...")


def test_completion_describes_options_in_the_chosen_language(run: Run) -> None:
    command = ROOT.commands["status"]
    with command.make_context("status", ["x", "--lang", "vi"], resilient_parsing=True) as ctx:
        items = {item.value: item.help for item in command.shell_complete(ctx, "--al")}
    assert items == {"--all": "Hiện mọi giai đoạn của mọi kế hoạch."}
