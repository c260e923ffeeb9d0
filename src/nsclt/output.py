"""Where a command's result goes: the terminal, standard output or an ``-o`` file, in a format.

The format is ``--format``, else the one the output file's extension names, else the
subject's default. An extension the format table does not know is refused rather than
guessed: ``-o report.docx`` must not quietly write a text table. A device or pipe named
without an extension (``-o /dev/stdout``) takes the default, as the screen would.
"""

from __future__ import annotations

import io
import stat
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from nsclt.failures import Failure, UsageFailure
from nsclt.i18n import Translator
from nsclt.render.formats import (
    DEFAULT,
    OutputFormat,
    Subject,
    by_extension,
    extensions_for,
    formats_for,
)
from nsclt.terminal import console
from nsclt.text import printable


def stdout_console() -> Console:
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise Failure("error.stdout_closed")
    return console()


def stderr_console() -> Console:
    return console(stderr=True)


def choose_format(
    subject: Subject, option: str | None, output: Path | None, default: str | None = None
) -> OutputFormat:
    available = formats_for(subject)
    if option is not None:
        if option not in available:
            raise UsageFailure("error.bad_format", value=option, choices=", ".join(available))
        return available[option]
    if output is not None and not (output.suffix == "" and _is_stream(output)):
        found = by_extension(subject, output.suffix)
        if found is None:
            raise UsageFailure(
                "error.bad_extension",
                hint="error.bad_extension.hint",
                path=output,
                extensions=" ".join(extensions_for(subject)),
            )
        return found
    return available[default or DEFAULT[subject]]


def destination(
    subject: Subject, option: str | None, output: str | None, default: str | None = None
) -> tuple[OutputFormat, Path | None]:
    """The format and the file (None: standard output) of ``--format`` and ``-o`` as typed."""
    target = Path(output) if output is not None else None
    return choose_format(subject, option, target, default), target


def _is_stream(path: Path) -> bool:
    """A device or a pipe (``/dev/stdout``, ``/dev/null``): it takes the default format."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def emit(
    subject: Subject, value: Any, chosen: OutputFormat, output: Path | None, t: Translator
) -> None:
    """Render ``value`` in the chosen format to standard output or to the ``-o`` file."""
    render = chosen.renderer(subject)
    kind = chosen.kind
    if kind == "drawn" and output is None:
        render(value, t, stdout_console())
        return
    if kind == "binary" and output is None and stdout_console().is_terminal:
        # A workbook's bytes would only garble a terminal.
        raise UsageFailure("error.binary_to_terminal", format=chosen.name)
    document: str | bytes
    if kind == "drawn":
        # The screen written to a file: as plain text, as wide as the terminal it came from.
        recorder = Console(
            record=True,
            file=io.StringIO(),
            width=stderr_console().width,
            highlight=False,
            emoji=False,
        )
        render(value, t, recorder)
        document = recorder.export_text()
    else:
        document = render(value, t)
    if output is None:
        stream = stdout_console().file
        if isinstance(document, bytes):
            stream.flush()
            sys.stdout.buffer.write(document)
            sys.stdout.buffer.flush()
            return
        stream.write(document)
        stream.flush()
        return
    from nsclt.files import write_file

    write_file(output, document)
    stderr_console().print(Text(printable(t("output.written", path=output)), style="green"))
