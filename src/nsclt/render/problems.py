"""Validation problems as text for people, or as lines and JSON for tools and CI.

All formats carry the same problems in the same order; only the dress differs.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from nsclt.checks import Findings
from nsclt.i18n import Translator
from nsclt.problems import Level, Problem
from nsclt.render.json_text import dumps
from nsclt.text import one_line, printable

_STYLE = {Level.ERROR: "bold red", Level.WARNING: "bold yellow"}


def _counts(files: Sequence[Findings]) -> tuple[int, int]:
    problems = [p for f in files for p in f.problems]
    errors = sum(p.level is Level.ERROR for p in problems)
    return errors, len(problems) - errors


def render_text(files: Sequence[Findings], t: Translator, console: Console) -> None:
    """file:line:col, the message, the source line with a caret, then a hint.

    Each is one line however long, never wrapped at the width: a terminal wraps it for
    the eye, and a CI log, grep or an editor's problem matcher gets it whole."""
    for checked in files:
        for found in checked.problems:
            _text_problem(found, checked.source_line(found.line), t, console)
    errors, warnings = _counts(files)
    if errors or warnings:
        summary = t("validate.summary", files=len(files), errors=errors, warnings=warnings)
        _line(console, Text(summary, style="bold"))
    else:
        _line(console, Text(t("validate.ok", files=len(files)), style="green"))


def _line(console: Console, text: Text) -> None:
    console.print(text, soft_wrap=True)


def _text_problem(found: Problem, source: str, t: Translator, console: Console) -> None:
    heading = Text()
    heading.append(f"{one_line(found.path)}:{found.line}:{found.column}: ", style="bold")
    level = t(f"level.{found.level.value}")
    heading.append(f"{level} {found.code}", style=_STYLE[found.level])
    heading.append(f" {one_line(t.message(found))}")
    _line(console, heading)
    if source:
        gutter = len(str(found.line))
        shown = printable(source.replace("\t", " ")).rstrip()
        _line(console, Text(f" {found.line} | ", style="blue") + Text(shown))
        caret = " " * (found.column - 1) + "^"
        _line(console, Text(f" {' ' * gutter} | ", style="blue") + Text(caret, style="bold red"))
    hint = t.hint(found)
    if hint:
        _line(console, Text(f"   = {t('hint')}: {one_line(hint)}", style="cyan"))


def as_parsable(files: Sequence[Findings], t: Translator) -> str:
    """One line per problem: ``path:line:col: level code message``."""
    return "".join(
        one_line(f"{p.path}:{p.line}:{p.column}: {p.level.value} {p.code} {t.message(p)}") + "\n"
        for p in _all(files)
    )


def as_json(files: Sequence[Findings], t: Translator) -> str:
    errors, warnings = _counts(files)
    document = {
        "files": len(files),
        "errors": errors,
        "warnings": warnings,
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "level": p.level.value,
                "code": p.code,
                "message": t.message(p),
                "hint": t.hint(p) or None,
            }
            for p in _all(files)
        ],
    }
    return dumps(document)


def as_github(files: Sequence[Findings], t: Translator) -> str:
    """GitHub Actions workflow commands, shown as annotations on the changed lines."""
    lines = []
    for p in _all(files):
        message = t.message(p) + (f" ({t.hint(p)})" if t.hint(p) else "")
        lines.append(
            f"::{p.level.value} file={_escape_property(p.path)},line={p.line},col={p.column},"
            f"title={p.code}::{_escape_data(message)}\n"
        )
    return "".join(lines)


def _all(files: Sequence[Findings]) -> list[Problem]:
    return [p for f in files for p in f.problems]


def _escape_data(value: str) -> str:
    # GitHub's own escapes for a workflow command, on text already made one line.
    return one_line(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
