"""The consoles nsclt writes to, and whether they may carry escape codes.

``--color auto|always|never`` decides, wherever it stands on the line; an explicit choice
wins over NO_COLOR. With ``auto``, a terminal gets colours and styles, and anything else
(a pipe, a file, ``TERM=dumb``, NO_COLOR set) gets none at all: no colour, bold,
underline, dim or italic.
"""

from __future__ import annotations

import os
from typing import Final

import click
from rich.console import Console

COLOR_KEY: Final = "nsclt.color"
COLOR_CHOICES: Final = ("auto", "always", "never")


class _Output(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit with 1; a reader that has gone (`| head`) is no error, and the
        # command's one failure handler decides what it means.
        raise BrokenPipeError


def console(*, stderr: bool = False) -> Console:
    """A console on standard output (or error) that follows ``--color`` and NO_COLOR."""
    ctx = click.get_current_context(silent=True)
    choice = ctx.meta.get(COLOR_KEY, "auto") if ctx is not None else "auto"
    # soft_wrap: a message is one line, which a terminal wraps for the eye and a log, grep
    # or a pipe gets whole; tables are laid out to the width by ``render.screen`` itself.
    base = {"stderr": stderr, "highlight": False, "emoji": False, "soft_wrap": True}
    if choice == "always":
        # Asked for: even on a "dumb" terminal, and whatever NO_COLOR says; 16 colours are safe.
        return _Output(force_terminal=True, no_color=False, color_system="standard", **base)  # type: ignore[arg-type]
    plain = _Output(color_system=None, **base)  # type: ignore[arg-type]
    if choice == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return plain
    styled = _Output(**base)  # type: ignore[arg-type]
    return styled if styled.is_terminal else plain
