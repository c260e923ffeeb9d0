"""The ``nsclt`` command: parse options, call the library, render, choose the exit code.

Exit codes: 0 all good, 1 problems found in the plans, 2 a usage error.
"""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import click
import typer
from rich.console import Console
from rich.text import Text

from nsclt import __version__
from nsclt.localised import LocalisedCommand, LocalisedGroup, print_error, translator
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
    from nsclt.i18n import Translator
    from nsclt.model import PlanFile

# Each command imports what it needs when it runs: Pydantic and the plan models
# cost more than the rest of start-up, and --version or --help need neither.

USAGE_ERROR = 2

app = typer.Typer(
    cls=LocalisedGroup,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

# Help texts and value placeholders are not declared here: LocalisedCommand looks them
# up in the catalogue by command and parameter name when help is shown (see localised.py).
PlansOption = Annotated[Path | None, typer.Option("--plans")]
FormatOption = Annotated[str | None, typer.Option("--format", "-f")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o")]
AsOfOption = Annotated[str | None, typer.Option("--as-of")]


def _complete_province(incomplete: str) -> list[str]:
    """Shell completion: the provinces of the plans folder that start with what was typed."""
    try:
        folder = find_plans_dir(None)
    except PlansNotFound:
        return []
    return [slug for slug in province_slugs(folder) if slug.startswith(incomplete)]


def _console() -> Console:
    return Console(highlight=False, emoji=False)


def _err_console() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)


def _fail(
    t: Translator, key: str, *, hint: str = "", code: int = USAGE_ERROR, **params: object
) -> NoReturn:
    """Print a message (and a hint, already in the user's language) to stderr and exit."""
    print_error(t, t(key, **params), hint=hint)
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


def _as_of(value: str | None, t: Translator, option: str = "--as-of") -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(t("error.bad_date", value=value), param_hint=option) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nsclt {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    """Track productivity-and-quality (NSCL) plan targets and results."""


@app.command(cls=LocalisedCommand)
def validate(
    paths: Annotated[list[Path] | None, typer.Argument()] = None,
    output_format: Annotated[str | None, typer.Option("--format", "-f")] = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.checks import check_file
    from nsclt.render.problems import PROBLEM_RENDERERS

    t = translator()
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
        elif path.exists():
            files.append(path)  # not a regular file (a pipe, a device): the loader says so
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


@app.command(cls=LocalisedCommand)
def status(
    province: Annotated[str, typer.Argument(autocompletion=_complete_province)],
    as_of: AsOfOption = None,
    phase: Annotated[str | None, typer.Option("--phase")] = None,
    plan: Annotated[str | None, typer.Option("--plan")] = None,
    every_phase: Annotated[bool, typer.Option("--all")] = False,
    explain: Annotated[bool, typer.Option("--explain")] = False,
    output_format: FormatOption = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.evaluate import SelectionError, evaluate, select_phases
    from nsclt.render.status import render_status

    t = translator()
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


@app.command("list", cls=LocalisedCommand)
def list_provinces(
    as_of: AsOfOption = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.cache import InvalidPlan, valid_plan
    from nsclt.evaluate import evaluate, select_phases
    from nsclt.render.overview import render_overview

    t = translator()
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


@app.command(cls=LocalisedCommand)
def schema() -> None:
    from nsclt.checks import plan_schema

    typer.echo(plan_schema(), nl=False)


@app.command(cls=LocalisedCommand)
def indicators() -> None:
    from nsclt.render.overview import render_indicators

    render_indicators(translator(), _console())


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
    from nsclt.render.records import DATA_FORMATS, PICTURE_FORMATS, ProvinceReport

    if output_format in DATA_FORMATS:
        rows = [ProvinceReport(*report) for report in reports]
        text = DATA_FORMATS[output_format](rows, day, t)
    else:
        recorder = Console(
            record=True,
            file=io.StringIO(),
            width=_console().width,
            force_terminal=output_format in PICTURE_FORMATS,
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
        raise typer.BadParameter(t("record.bad_value", value=value), param_hint=t("metavar.value"))
    return int(number) if number.is_integer() and "." not in value else number


def _year(value: str, t: Translator) -> int:
    # Read here rather than by Click, whose message would be in English.
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise typer.BadParameter(t("record.bad_year", value=value), param_hint="--year")
    return int(value)


@app.command(cls=LocalisedCommand)
def record(
    province: Annotated[str, typer.Argument(autocompletion=_complete_province)],
    indicator: str,
    value: str,
    year: Annotated[str, typer.Option("--year")],
    source: Annotated[str, typer.Option("--source")],
    report_date: Annotated[str | None, typer.Option("--date")] = None,
    quote: Annotated[str | None, typer.Option("--quote")] = None,
    approx: Annotated[bool, typer.Option("--approx")] = False,
    at_least: Annotated[bool, typer.Option("--at-least")] = False,
    plan: Annotated[str | None, typer.Option("--plan")] = None,
    replace: Annotated[bool, typer.Option("--replace")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    plans: PlansOption = None,
) -> None:
    from nsclt.files import atomic_write, folder_lock
    from nsclt.write import EditRefused, InvalidFile, NewResult, check_writable
    from nsclt.write import record as record_result

    t = translator()
    if approx and at_least:
        raise click.UsageError(t("record.both_qualifiers"))
    new = NewResult(
        indicator=indicator,
        year=_year(year, t),
        value=_number(value, t),
        source=source,
        date=_as_of(report_date, t, "--date") if report_date else None,
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
            printable(
                t("record.written", indicator=indicator, year=new.year, value=value, path=path)
            ),
            style="green",
        )
    )
    if edit.new_source:
        console.print(Text(t("record.new_source", id=edit.new_source), style="yellow"))


@app.command(cls=LocalisedCommand)
def new(
    province: str,
    template: Annotated[
        str | None, typer.Option("--from", autocompletion=_complete_province)
    ] = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.scaffold import create
    from nsclt.write import EditRefused, InvalidFile

    t = translator()
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
