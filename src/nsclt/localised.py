"""The frame of the command line — help screens and usage errors — in the user's language.

Click writes that frame itself and in English ("Usage:", "Options:", "Missing argument"),
and Typer 0.24 under Click 8.5 loses the help line of every argument. nsclt's command
classes draw it instead: every text comes from the catalogue, looked up by command and
parameter name at the moment it is shown:

- ``help.<command>`` for a command (``help.app`` for ``nsclt`` itself), its first line
  in the list of commands;
- ``help.<command>.<parameter>``, else ``help.<parameter>``, for a parameter;
- ``metavar.<parameter>`` for the placeholder of a value (``--year YYYY``).

The language is chosen once per run and shared by every context of it: ``--lang``
wherever it stands on the line, read ahead of parsing because ``--help`` acts as soon as
it is parsed, else NSCLT_LANG, else LC_ALL or LANG.
"""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Any

import click
from click.formatting import join_options
from rich.text import Text
from typer.core import TyperCommand, TyperGroup

from nsclt.failures import Failure, InvalidPlan, ShownInOutput, UsageFailure, os_reason
from nsclt.i18n import LANGUAGES, Translator, choose_language
from nsclt.terminal import COLOR_CHOICES, COLOR_KEY, console
from nsclt.text import one_line

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from click.shell_completion import CompletionItem

_TRANSLATOR = "nsclt.translator"


def language_in(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` on a command line, before Click parses it (the last one wins)."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found


def translator(ctx: click.Context | None = None) -> Translator:
    """The translator of the current run; outside a run, the one the environment asks for."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is None:
        return Translator(choose_language(None))
    if _TRANSLATOR not in ctx.meta:
        ctx.meta[_TRANSLATOR] = Translator(choose_language(None))
    chosen: Translator = ctx.meta[_TRANSLATOR]
    return chosen


def print_error(t: Translator, message: str, *, usage: str = "", hint: str = "") -> None:
    """nsclt's one way to report an error on stderr: ``nsclt: …`` and indented notes."""
    # One line per message, never wrapped by nsclt: a terminal wraps it for the eye, and
    # a log or grep sees it whole.
    err = console(stderr=True)
    err.print(Text(f"nsclt: {one_line(message)}", style="bold red"))
    for label, note in ((t("usage"), usage), (t("hint"), hint)):
        if note:
            err.print(Text(f"   = {label}: {one_line(note)}", style="cyan"))


class UsageProblem(click.UsageError):
    """A usage error already in the user's language, printed like every other nsclt error."""

    def __init__(self, message: str, ctx: click.Context, hint: str = "") -> None:
        super().__init__(message, ctx)
        self.hint = hint

    def show(self, file: IO[Any] | None = None) -> None:
        # Always stderr, through Rich like every other message, whatever `file` Click offers.
        ctx = self.ctx
        assert ctx is not None
        t = translator(ctx)
        usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
        hint = self.hint or t("usage.see_help", command=ctx.command_path)
        print_error(t, self.message, usage=usage, hint=hint)


def _check_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None and value not in LANGUAGES:
        message = translator(ctx)("usage.bad_language", value=value, choices=", ".join(LANGUAGES))
        raise click.BadParameter(message, ctx, param)


def _choices(values: Sequence[str]) -> Callable[..., list[CompletionItem]]:
    from click.shell_completion import CompletionItem

    def complete(ctx: click.Context, param: click.Parameter, typed: str) -> list[CompletionItem]:
        return [CompletionItem(value) for value in values if value.startswith(typed)]

    return complete


def _set_color(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is None:
        return
    if value not in COLOR_CHOICES:
        t = translator(ctx)
        message = t("usage.bad_color", value=value, choices=", ".join(COLOR_CHOICES))
        raise click.BadParameter(message, ctx, param)
    ctx.meta[COLOR_KEY] = value


def _metavar(param: click.Parameter, t: Translator) -> str:
    return t(f"metavar.{param.name}")


def _term(param: click.Parameter, t: Translator) -> str:
    """How a parameter is named to the user: ``TỈNH``, ``--year NĂM``, ``-f, --format DẠNG``."""
    if isinstance(param, click.Argument):
        return _metavar(param, t)
    names, _ = join_options(param.opts)
    if isinstance(param, click.Option) and param.is_flag:
        return names
    return f"{names} {_metavar(param, t)}"


def _error_name(param: click.Parameter, t: Translator) -> str:
    return _metavar(param, t) if isinstance(param, click.Argument) else " / ".join(param.opts)


def _argument_usage(param: click.Parameter, t: Translator) -> str:
    piece = _metavar(param, t) if param.required else f"[{_metavar(param, t)}]"
    return f"{piece}..." if param.nargs == -1 else piece


class _Localised(click.Command):
    """What nsclt's command and group share: ``--lang``, the help screen, usage errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Like --help, every command takes --lang; it is read ahead of parsing (see
        # parse_args) and checked here, so no command function needs it as a parameter.
        self.params.append(
            click.Option(
                ["--lang"],
                expose_value=False,
                is_eager=True,
                callback=_check_language,
                shell_complete=_choices(LANGUAGES),
            )
        )
        self.params.append(
            click.Option(
                ["--color"],
                expose_value=False,
                is_eager=True,
                callback=_set_color,
                shell_complete=_choices(COLOR_CHOICES),
            )
        )

    @property
    def help_key(self) -> str:
        return "app" if isinstance(self, click.Group) else str(self.name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if _TRANSLATOR not in ctx.meta:
            ctx.meta[_TRANSLATOR] = Translator(choose_language(language_in(args)))
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as error:
            raise _translated(error, ctx) from None
        if ctx.args and not ctx.resilient_parsing and not isinstance(self, click.Group):
            t = translator(ctx)
            raise UsageProblem(t("usage.extra_arguments", args=" ".join(ctx.args)), ctx)
        return rest

    # --- the help screen
    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        t = translator(ctx)
        pieces = [f"[{t('metavar.options')}]"]
        pieces += [
            _argument_usage(p, t) for p in self.get_params(ctx) if p.param_type_name == "argument"
        ]
        if isinstance(self, click.Group):
            pieces.append(f"{t('metavar.command')} [{t('metavar.args')}]...")
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        t = translator(ctx)
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=f"{t('help.usage')}: ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(translator(ctx)(f"help.{self.help_key}"))

    def get_short_help_str(self, limit: int = 45) -> str:
        # The first line, whole: the list of commands wraps it rather than cutting it short.
        return translator()(f"help.{self.help_key}").split("\n", 1)[0]

    def parameter_help(self, ctx: click.Context, param: click.Parameter, t: Translator) -> str:
        if param is self.get_help_option(ctx):
            text = t("help.help")
        elif t.has(f"help.{self.help_key}.{param.name}"):
            text = t(f"help.{self.help_key}.{param.name}")
        elif param.name in ("output_format", "output"):
            text = t(f"help.{param.name}", **_format_words(self.help_key))
        else:
            text = t(f"help.{param.name}")
        return f"{text}  [{t('help.required')}]" if param.required else text

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        # Options completed by the shell carry the same description as in the help.
        items = super().shell_complete(ctx, incomplete)
        t = translator(ctx)
        by_name = {name: param for param in self.get_params(ctx) for name in param.opts}
        for item in items:
            if item.value in by_name:
                item.help = self.parameter_help(ctx, by_name[item.value], t)
        return items

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        t = translator(ctx)
        sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):
            if not getattr(param, "hidden", False):
                row = (_term(param, t), self.parameter_help(ctx, param, t))
                sections[param.param_type_name].append(row)
        for kind, heading in (("argument", t("help.arguments")), ("option", t("help.options"))):
            if sections[kind]:
                with formatter.section(heading):
                    formatter.write_dl(sections[kind])


class LocalisedCommand(_Localised, TyperCommand):
    """A command whose help and usage errors follow ``--lang``, and whose failures are shown.

    Its ``invoke`` is nsclt's one handler of failures: whatever a command raises is
    printed here in the user's language and becomes the exit code it carries.
    """

    # Extra arguments are reported by parse_args, in the user's language.
    allow_extra_args = True

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            if sys.stdout is not None:
                sys.stdout.flush()  # a full disk behind stdout must fail here, not at exit
        except Failure as failure:
            _show_failure(failure, ctx)
            ctx.exit(failure.exit_code)
        except BrokenPipeError:
            # The reader has gone (`nsclt list | head`): that is not an error.
            _discard_stdout()
            ctx.exit(0)
        except OSError as error:
            # Reading and writing files raise Failures; what is left is standard output, or
            # a path the system names itself.
            t = translator(ctx)
            if error.filename is None:
                print_error(t, t("error.cannot_write_stdout", reason=os_reason(error)))
                _discard_stdout()
            else:
                print_error(t, t("error.cannot_use", path=error.filename, reason=os_reason(error)))
            ctx.exit(1)
        return result


def _show_failure(failure: Failure, ctx: click.Context) -> None:
    if isinstance(failure, ShownInOutput):
        return
    t = translator(ctx)
    message = t(failure.key, **failure.params)
    hint = t(failure.hint, **failure.params) if failure.hint else ""
    if isinstance(failure, UsageFailure):
        if failure.option is not None:
            message = t("usage.bad_value", name=t.word(failure.option), message=message)
        UsageProblem(message, ctx, hint).show()
        return
    if isinstance(failure, InvalidPlan):
        from nsclt.render.problems import render_text

        err = console(stderr=True)
        err.print(Text(one_line(message), style="bold red"))
        render_text([failure.checked.findings()], t, err)
        return
    print_error(t, message, hint=hint)


def _discard_stdout() -> None:
    """Point standard output at the null device, so that exiting writes nothing more to it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass  # not a real file (a test's buffer): there is nothing to flush at exit


class LocalisedGroup(_Localised, TyperGroup):
    """``nsclt`` itself: its help, the list of commands, and the usage errors of all of them."""

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        # Typer adds --install-completion after the group is made, with an English message.
        params = super().get_params(ctx)
        for param in params:
            if param.name == "install_completion":
                param.callback = _install_completion
        return params

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        t = translator(ctx)
        rows = [
            (name, command.get_short_help_str())
            for name, command in self.commands.items()
            if not command.hidden
        ]
        with formatter.section(t("help.commands")):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        # Errors raised while a command runs (a bad --as-of, say) come through here.
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise _translated(error, error.ctx or ctx) from None


def _install_completion(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Typer's --install-completion, saying where it wrote in the user's language."""
    if not value or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    shell, path = install(shell=value if isinstance(value, str) else None)
    click.echo(translator(ctx)("completion.installed", shell=shell, path=str(path)))
    raise click.exceptions.Exit(0)


def _translated(error: click.UsageError, ctx: click.Context) -> click.UsageError:
    """Click's usage error, said in the user's language with a hint where one helps."""
    if isinstance(error, (UsageProblem, click.exceptions.NoArgsIsHelpError)):
        return error
    t = translator(ctx)
    command = ctx.command
    if isinstance(error, click.NoSuchOption):
        hint = t("did_you_mean", suggestion=error.possibilities[0]) if error.possibilities else ""
        return UsageProblem(t("usage.no_such_option", name=error.option_name), ctx, hint)
    if isinstance(error, click.exceptions.NoSuchCommand):
        known = ", ".join(command.commands) if isinstance(command, click.Group) else ""
        hint = (
            t("did_you_mean", suggestion=error.possibilities[0])
            if error.possibilities
            else t("usage.commands", known=known)
        )
        return UsageProblem(t("usage.no_such_command", name=error.command_name), ctx, hint)
    if isinstance(error, click.MissingParameter) and error.param is not None:
        kind = error.param.param_type_name
        return UsageProblem(t(f"usage.missing_{kind}", name=_error_name(error.param, t)), ctx)
    if isinstance(error, click.BadParameter):
        if isinstance(error.param_hint, str):
            name = error.param_hint
        else:
            name = _error_name(error.param, t) if error.param else "?"
        return UsageProblem(t("usage.bad_value", name=name, message=error.message), ctx)
    if isinstance(error, click.BadOptionUsage):
        option = next((p for p in command.get_params(ctx) if error.option_name in p.opts), None)
        flag = isinstance(option, click.Option) and option.is_flag
        if flag:
            return UsageProblem(t("usage.takes_no_value", name=error.option_name), ctx)
        return UsageProblem(t("usage.needs_value", name=error.option_name), ctx)
    if isinstance(command, click.Group) and type(error) is click.UsageError:
        # The one plain usage error a group raises itself: no command after the options.
        return UsageProblem(
            t("usage.missing_command"), ctx, t("usage.commands", known=", ".join(command.commands))
        )
    return UsageProblem(error.message, ctx)


def _format_words(command: str) -> dict[str, str]:
    """The formats and extensions a command writes, for the help of --format and -o, read
    from the format table so that the help never lists one it cannot write."""
    from typing import cast

    from nsclt.render.formats import DEFAULT, Subject, extensions_for, formats_for

    subject = cast(Subject, "problems" if command == "validate" else command)
    return {
        "formats": ", ".join(formats_for(subject)),
        "default": DEFAULT[subject],
        "extensions": " ".join(extensions_for(subject)),
    }
