"""The ``nsclt`` command: parse options, call the library, render, choose the exit code.

Exit codes: 0 all good, 1 problems found in the plans, 2 a usage error.
"""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from nsclt import __version__
from nsclt.i18n import LANGUAGES, Translator, choose_language
from nsclt.text import printable
from nsclt.workspace import (
    PlansNotFound,
    UnknownProvince,
    find_plans_dir,
    plan_files,
    province_file,
    province_slugs,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from nsclt.checks import CheckedFile
    from nsclt.evaluate import PhaseReport
    from nsclt.model import PlanFile

# Each command imports what it needs when it runs: Pydantic and the plan models
# cost more than the rest of start-up, and --version or --help need neither.

USAGE_ERROR = 2


def _language_from_argv(argv: list[str]) -> str | None:
    """``--lang`` read ahead of parsing, so that help texts follow it too."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


_t = Translator(choose_language(_language_from_argv(sys.argv[1:])))

app = typer.Typer(
    help=_t("help.app"),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

LangOption = Annotated[
    str | None, typer.Option("--lang", help=_t("help.lang"), metavar="vi|en", show_default=False)
]
PlansOption = Annotated[
    Path | None, typer.Option("--plans", help=_t("help.plans"), metavar="DIR", show_default=False)
]
FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", help=_t("help.format"), metavar="FORMAT", show_default=False),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=_t("help.output"), metavar="FILE", show_default=False),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help=_t("help.as_of"), metavar="YYYY-MM-DD", show_default=False),
]


def _complete_province(incomplete: str) -> list[str]:
    """Shell completion: the provinces of the plans folder that start with what was typed."""
    try:
        folder = find_plans_dir(None)
    except PlansNotFound:
        return []
    return [slug for slug in province_slugs(folder) if slug.startswith(incomplete)]


def _translator(lang: str | None) -> Translator:
    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter(f"{lang} ∉ {{{', '.join(LANGUAGES)}}}", param_hint="--lang")
    return Translator(choose_language(lang))


def _console() -> Console:
    return Console(highlight=False, emoji=False)


def _err_console() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)


def _fail(
    t: Translator, key: str, *, hint: str = "", code: int = USAGE_ERROR, **params: object
) -> NoReturn:
    """Print a message (and a hint, already in the user's language) to stderr and exit."""
    err = _err_console()
    err.print(Text(f"nsclt: {printable(t(key, **params))}", style="bold red"))
    if hint:
        err.print(Text(f"   = {t('hint')}: {printable(hint)}", style="cyan"))
    raise typer.Exit(code)


def _fail_with_problems(t: Translator, key: str, checked: CheckedFile) -> NoReturn:
    """Print a heading and every problem of a file to stderr, and exit 1."""
    from nsclt.render.problems import render_text

    err = _err_console()
    err.print(Text(printable(t(key, path=checked.loaded.path)), style="bold red"))
    render_text([checked], t, err)
    raise typer.Exit(1)


def _plans_dir(option: Path | None, t: Translator) -> Path:
    try:
        return find_plans_dir(option)
    except PlansNotFound as error:
        looked = ", ".join(str(path) for path in error.looked[:4])
        if len(error.looked) > 4:
            looked += ", …"
        _fail(t, "error.plans_not_found", hint=t("error.plans_not_found.hint"), looked=looked)


def _as_of(value: str | None, t: Translator) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(t("error.bad_date", value=value), param_hint="--as-of") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nsclt {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_t("help.version"))
    ] = False,
) -> None:
    """Track productivity-and-quality (NSCL) plan targets and results."""


@app.command(help=_t("help.validate"))
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help=_t("help.validate.paths"), show_default=False)
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help=_t("help.validate.format"), metavar="FORMAT", show_default=False
        ),
    ] = None,
    plans: PlansOption = None,
    lang: LangOption = None,
) -> None:
    from nsclt.checks import check_file
    from nsclt.render.problems import PROBLEM_RENDERERS

    t = _translator(lang)
    chosen = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if chosen not in PROBLEM_RENDERERS:
        raise typer.BadParameter(
            t("error.bad_format", value=chosen, choices=", ".join(PROBLEM_RENDERERS)),
            param_hint="--format",
        )
    files: list[Path] = []
    for path in paths or [_plans_dir(plans, t)]:
        if path.is_dir():
            found = plan_files(path)
            if not found:
                _fail(t, "validate.no_files", path=path)
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            _fail(t, "error.missing_path", path=path)
    checked = [check_file(path) for path in files]
    PROBLEM_RENDERERS[chosen](checked, t, _console())
    from nsclt.problems import exit_code

    raise typer.Exit(exit_code([p for f in checked for p in f.problems]))


def _province_path(province: str, folder: Path, t: Translator) -> Path:
    try:
        return province_file(province, folder)
    except UnknownProvince as error:
        hint = (
            t("did_you_mean", hint=error.suggestions[0])
            if error.suggestions
            else t("error.known_provinces", known=", ".join(error.known))
        )
        _fail(t, "error.unknown_province", hint=hint, name=province, folder=folder)


def _valid_plan(path: Path, t: Translator) -> PlanFile:
    from nsclt.cache import InvalidPlan, valid_plan

    try:
        return valid_plan(path)
    except InvalidPlan as error:
        _fail_with_problems(t, "error.invalid_plan", error.checked)


@app.command(help=_t("help.status"))
def status(
    province: Annotated[
        str,
        typer.Argument(
            help=_t("help.status.province"),
            show_default=False,
            autocompletion=_complete_province,
        ),
    ],
    as_of: AsOfOption = None,
    phase: Annotated[
        str | None, typer.Option("--phase", help=_t("help.status.phase"), show_default=False)
    ] = None,
    plan: Annotated[
        str | None, typer.Option("--plan", help=_t("help.status.plan"), show_default=False)
    ] = None,
    every_phase: Annotated[bool, typer.Option("--all", help=_t("help.status.all"))] = False,
    explain: Annotated[bool, typer.Option("--explain", help=_t("help.status.explain"))] = False,
    output_format: FormatOption = None,
    output: OutputOption = None,
    plans: PlansOption = None,
    lang: LangOption = None,
) -> None:
    from nsclt.evaluate import SelectionError, evaluate, select_phases
    from nsclt.render.status import render_status

    t = _translator(lang)
    day = _as_of(as_of, t)
    chosen_format = _output_format(output_format, output, t)
    path = _province_path(province, _plans_dir(plans, t), t)
    plan_file = _valid_plan(path, t)
    try:
        chosen = select_phases(plan_file, day, plan, phase, every_phase)
    except SelectionError as error:
        _fail(
            t, f"error.unknown_{error.what}", wanted=error.wanted, choices=", ".join(error.choices)
        )
    reports = evaluate(plan_file, day, chosen)
    _emit(
        chosen_format,
        output,
        lambda console: render_status(plan_file, reports, t, console, explain=explain),
        [(path.stem, plan_file, reports)],
        day,
        t,
    )


@app.command("list", help=_t("help.list"))
def list_provinces(
    as_of: AsOfOption = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    plans: PlansOption = None,
    lang: LangOption = None,
) -> None:
    from nsclt.cache import InvalidPlan, valid_plan
    from nsclt.evaluate import evaluate, select_phases
    from nsclt.render.overview import render_overview

    t = _translator(lang)
    day = _as_of(as_of, t)
    chosen_format = _output_format(output_format, output, t)
    folder = _plans_dir(plans, t)
    entries: list[tuple[Path, PlanFile | None, list[PhaseReport]]] = []
    for path in plan_files(folder):
        try:
            plan_file = valid_plan(path)
        except InvalidPlan:
            entries.append((path, None, []))
        else:
            entries.append(
                (path, plan_file, evaluate(plan_file, day, select_phases(plan_file, day)))
            )
    _emit(
        chosen_format,
        output,
        lambda console: render_overview(entries, folder, day, t, console),
        [(path.stem, plan_file, reports) for path, plan_file, reports in entries if plan_file],
        day,
        t,
    )
    raise typer.Exit(1 if any(plan_file is None for _, plan_file, _ in entries) else 0)


@app.command(help=_t("help.schema"))
def schema() -> None:
    from nsclt.checks import plan_schema

    typer.echo(plan_schema(), nl=False)


@app.command(help=_t("help.indicators"))
def indicators(lang: LangOption = None) -> None:
    from nsclt.render.overview import render_indicators

    render_indicators(_translator(lang), _console())


def _output_format(option: str | None, output: Path | None, t: Translator) -> str:
    """--format, else the output file's extension, else a table."""
    if option is None and output is None:
        return "table"
    from nsclt.render.records import FORMAT_BY_EXTENSION, OUTPUT_FORMATS

    chosen = option or (FORMAT_BY_EXTENSION.get(output.suffix.lower()) if output else None)
    chosen = chosen or "table"
    if chosen not in OUTPUT_FORMATS:
        raise typer.BadParameter(
            t("error.bad_format", value=chosen, choices=", ".join(OUTPUT_FORMATS)),
            param_hint="--format",
        )
    return chosen


def _emit(
    output_format: str,
    output: Path | None,
    draw: Callable[[Console], None],
    reports: Sequence[tuple[str, PlanFile, list[PhaseReport]]],
    day: date,
    t: Translator,
) -> None:
    """Print or save the result in the chosen format."""
    if output_format == "table" and output is None:
        draw(_console())
        return
    from nsclt.render.records import DATA_FORMATS, ProvinceReport

    if output_format in DATA_FORMATS:
        rows = [ProvinceReport(*report) for report in reports]
        text = DATA_FORMATS[output_format](rows, day, t)
    else:
        picture = output_format in ("svg", "html")
        recorder = Console(
            record=True,
            file=io.StringIO(),
            width=_console().width,
            force_terminal=picture,
            highlight=False,
            emoji=False,
        )
        draw(recorder)
        if output_format == "svg":
            text = recorder.export_svg(title="nsclt")
        elif output_format == "html":
            text = recorder.export_html()
        else:
            text = recorder.export_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    from nsclt.files import atomic_write

    try:
        atomic_write(output, text)
    except OSError as error:
        _fail(t, "error.cannot_write", path=output, reason=error.strerror or str(error), code=1)
    _err_console().print(Text(printable(t("output.written", path=output)), style="green"))


def _refused(t: Translator, error: Exception) -> NoReturn:
    """Report an EditRefused or InvalidFile from ``write``; exit 1, or 2 for usage mistakes."""
    from nsclt.write import EditRefused, InvalidFile

    if isinstance(error, InvalidFile):
        key = "record.invalid_before" if error.before else "record.invalid_after"
        _fail_with_problems(t, key, error.checked)
    assert isinstance(error, EditRefused)
    usage = error.key in {
        "error.unknown_plan",
        "record.no_plan",
        "record.several_plans",
        "new.bad_name",
    }
    hint = t(f"{error.key}.hint") if t.has(f"{error.key}.hint") else ""
    _fail(t, error.key, hint=hint, code=USAGE_ERROR if usage else 1, **error.params)


def _number(value: str, t: Translator) -> int | float:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        number = float("nan")
    if number != number or number in (float("inf"), float("-inf")):
        raise typer.BadParameter(t("record.bad_value", value=value), param_hint="VALUE")
    return int(number) if number.is_integer() and "." not in value else number


@app.command(help=_t("help.record"))
def record(
    province: Annotated[
        str,
        typer.Argument(
            help=_t("help.record.province"),
            show_default=False,
            autocompletion=_complete_province,
        ),
    ],
    indicator: Annotated[str, typer.Argument(help=_t("help.record.indicator"), show_default=False)],
    value: Annotated[str, typer.Argument(help=_t("help.record.value"), show_default=False)],
    year: Annotated[int, typer.Option("--year", help=_t("help.record.year"), show_default=False)],
    source: Annotated[
        str, typer.Option("--source", help=_t("help.record.source"), show_default=False)
    ],
    report_date: Annotated[
        str | None,
        typer.Option(
            "--date", help=_t("help.record.date"), metavar="YYYY-MM-DD", show_default=False
        ),
    ] = None,
    quote: Annotated[
        str | None, typer.Option("--quote", help=_t("help.record.quote"), show_default=False)
    ] = None,
    approx: Annotated[bool, typer.Option("--approx", help=_t("help.record.approx"))] = False,
    at_least: Annotated[bool, typer.Option("--at-least", help=_t("help.record.at_least"))] = False,
    plan: Annotated[
        str | None, typer.Option("--plan", help=_t("help.record.plan"), show_default=False)
    ] = None,
    replace: Annotated[bool, typer.Option("--replace", help=_t("help.record.replace"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_t("help.record.dry_run"))] = False,
    plans: PlansOption = None,
    lang: LangOption = None,
) -> None:
    from nsclt.files import atomic_write, folder_lock
    from nsclt.write import EditRefused, InvalidFile, NewResult, check_writable
    from nsclt.write import record as record_result

    t = _translator(lang)
    if approx and at_least:
        raise typer.BadParameter(t("record.both_qualifiers"), param_hint="--approx/--at-least")
    new = NewResult(
        indicator=indicator,
        year=year,
        value=_number(value, t),
        source=source,
        date=_as_of(report_date, t) if report_date else None,
        qualifier="approx" if approx else "at_least" if at_least else None,
        quote=quote,
    )
    folder = _plans_dir(plans, t)
    path = _province_path(province, folder, t)
    console = _console()
    try:
        with folder_lock(folder):
            if not dry_run:
                check_writable(path)
            edit = record_result(path, new, plan_id=plan, replace=replace)
            if dry_run:
                console.print(Text(edit.diff()), end="", soft_wrap=True)
                console.print(Text(t("record.unchanged"), style="dim"))
                return
            atomic_write(path, edit.after)
    except (EditRefused, InvalidFile) as error:
        _refused(t, error)
    console.print(
        Text(
            printable(t("record.written", indicator=indicator, year=year, value=value, path=path)),
            style="green",
        )
    )
    if edit.new_source:
        console.print(Text(t("record.new_source", id=edit.new_source), style="yellow"))


@app.command(help=_t("help.new"))
def new(
    province: Annotated[str, typer.Argument(help=_t("help.new.province"), show_default=False)],
    template: Annotated[
        str | None,
        typer.Option(
            "--from",
            help=_t("help.new.from"),
            show_default=False,
            autocompletion=_complete_province,
        ),
    ] = None,
    plans: PlansOption = None,
    lang: LangOption = None,
) -> None:
    from nsclt.scaffold import create
    from nsclt.write import EditRefused, InvalidFile

    t = _translator(lang)
    folder = _plans_dir(plans, t)
    source = _province_path(template, folder, t) if template else None
    try:
        path, dropped = create(province, folder, source)
    except (EditRefused, InvalidFile) as error:
        _refused(t, error)
    _console().print(Text(printable(t("new.written", path=path)), style="green"))
    if dropped:
        _console().print(Text(t("new.dropped", targets=", ".join(dropped)), style="yellow"))


def main() -> None:
    app(prog_name="nsclt")
