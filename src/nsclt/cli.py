"""The ``nsclt`` command: read the options, call the library, hand the result to an output.

Failures are raised, never printed here: ``localised.LocalisedCommand.invoke`` shows
each in the user's language and exits with the code it carries (``failures``).
"""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer
from rich.text import Text

from nsclt import __version__
from nsclt.failures import Failure, ShownInOutput, UsageFailure
from nsclt.localised import LocalisedCommand, LocalisedGroup, translator
from nsclt.provinces import PLANS_BEFORE_COMMAND, plans_folder, province_path, unknown_province
from nsclt.text import TRANSLITERATE, printable
from nsclt.workspace import (
    UnknownProvince,
    plan_files,
    province_file,
    province_slugs,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from nsclt.model import PlanFile, Qualifier
    from nsclt.render.formats import Subject
    from nsclt.report import ProvinceReport

# Each command imports what it needs when it runs (the output formats, the plan models,
# Pydantic): --version and --help need none of it, and each command only its own.

app = typer.Typer(
    cls=LocalisedGroup,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _folder_typed(ctx: typer.Context) -> Path | None:
    """The plans folder of the line being completed; None rather than an error mid-line."""
    try:
        return plans_folder(ctx.params.get("plans"))
    except Failure:
        return None


def _complete_province(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the provinces of the plans folder, and the units of today's map."""
    from nsclt.map2025 import UNITS
    from nsclt.text import slugify

    folder = _folder_typed(ctx)
    try:
        slugs = province_slugs(folder) if folder else []
    except Failure:
        slugs = []
    names = {slugify(name) for unit in UNITS for name in (unit.name, *unit.formed_from)}
    typed = slugify(incomplete) or incomplete
    return sorted(slug for slug in {*slugs, *names} if slug.startswith(typed))


def _plan_of(ctx: typer.Context) -> PlanFile | None:
    """The plan file of the province already typed on the line, for completing its ids."""
    from nsclt.cache import valid_plan

    typed = ctx.params.get("province")
    # A trailing option still waiting for its value (`--plan <TAB>`) leaves Click's
    # parse without the province, so the words of the line are read as well.
    candidates = [typed] if typed else [w for w in _words_on_line()[2:] if not w.startswith("-")]
    plans_dir = _folder_typed(ctx)
    if plans_dir is None:
        return None
    for word in candidates:
        try:
            return valid_plan(province_file(str(word), plans_dir))
        except (UnknownProvince, Failure):
            continue
    return None


def _words_on_line() -> list[str]:
    """The words of the command line being completed, as the shell passed them."""
    import os
    import shlex

    line = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
    try:
        return shlex.split(line)
    except ValueError:  # an unclosed quote while typing
        return line.split()


def _complete_plan(ctx: typer.Context, incomplete: str) -> list[str]:
    plan_file = _plan_of(ctx)
    ids = [plan.id for plan in plan_file.plans] if plan_file else []
    return [i for i in ids if i.startswith(incomplete)]


def _complete_phase(ctx: typer.Context, incomplete: str) -> list[str]:
    plan_file = _plan_of(ctx)
    ids = {phase.id for plan in plan_file.plans for phase in plan.phases} if plan_file else set()
    return sorted(i for i in ids if i.startswith(incomplete))


def _complete_indicator(ctx: typer.Context, incomplete: str) -> list[str]:
    from nsclt.catalogue import STANDARD_INDICATORS, indicators_of

    plan_file = _plan_of(ctx)
    ids = indicators_of(plan_file) if plan_file else STANDARD_INDICATORS
    return sorted(i for i in ids if i.startswith(incomplete))


def _format_completion(subject: Subject) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        from nsclt.render.formats import formats_for

        return [name for name in formats_for(subject) if name.startswith(incomplete)]

    return complete


# Help texts and value placeholders are not declared here: LocalisedCommand looks them
# up in the catalogue by command and parameter name when help is shown (see localised.py).
# Paths are read as text: Click's own path checks would answer in English, with exit 2,
# where an unreadable folder or file is nsclt's to report (exit 1, in the user's language).
PlansOption = Annotated[str | None, typer.Option("--plans")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o")]
AsOfOption = Annotated[str | None, typer.Option("--as-of")]
ReportFormat = Annotated[
    str | None, typer.Option("--format", "-f", autocompletion=_format_completion("status"))
]


def _today() -> date:
    """The clock, read in this one place; every command takes --as-of to replace it."""
    return date.today()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nsclt {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    plans: PlansOption = None,
) -> None:
    """Track productivity-and-quality (NSCL) plan targets and results."""
    if plans is not None:
        ctx.meta[PLANS_BEFORE_COMMAND] = plans


@app.command(cls=LocalisedCommand)
def validate(
    paths: Annotated[list[str] | None, typer.Argument()] = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", autocompletion=_format_completion("problems"))
    ] = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    import os

    from nsclt.checks import check_file
    from nsclt.output import choose_format, emit
    from nsclt.problems import Level

    in_github = os.environ.get("GITHUB_ACTIONS") == "true"
    target = Path(output) if output is not None else None
    chosen = choose_format("problems", output_format, target, "github" if in_github else None)
    files: list[Path] = []
    for path in [Path(p) for p in paths] if paths else [plans_folder(plans)]:
        try:
            is_folder, exists = path.is_dir(), path.exists()
        except OSError:
            is_folder, exists = False, True  # there, but not to be looked at: the loader says why
        if is_folder:
            found = plan_files(path)
            if not found:
                raise UsageFailure("validate.no_files", path=path)
            files.extend(found)
        elif exists:
            files.append(path)  # not a regular file (a pipe, a device): the loader says so
        else:
            raise UsageFailure("error.missing_path", path=path)
    # One file's document at a time: only its findings are kept (flat memory).
    checked = [check_file(path).findings() for path in files]
    emit("problems", checked, chosen, target, translator())
    if any(p.level is Level.ERROR for f in checked for p in f.problems):
        raise ShownInOutput


def _evaluated(path: Path, plan_file: PlanFile, day: date, **selection: object) -> ProvinceReport:
    from nsclt.evaluate import SelectionError, report_of
    from nsclt.provinces import place_of

    place = place_of(path.stem) if plan_file.scope == "province" else None
    try:
        report = report_of(plan_file, path.stem, day, **selection)  # type: ignore[arg-type]
        if place is None:
            return report
        return report._replace(
            current=place.current, formed_from=place.formed_from, merged=place.merged
        )
    except SelectionError as error:
        choices = ", ".join(error.choices)
        if error.what == "plan":
            raise UsageFailure("error.unknown_plan", wanted=error.wanted, choices=choices) from None
        raise UsageFailure("error.unknown_phase", wanted=error.wanted, choices=choices) from None


@app.command(cls=LocalisedCommand)
def status(
    province: Annotated[str, typer.Argument(autocompletion=_complete_province)],
    as_of: AsOfOption = None,
    phase: Annotated[str | None, typer.Option("--phase", autocompletion=_complete_phase)] = None,
    plan: Annotated[str | None, typer.Option("--plan", autocompletion=_complete_plan)] = None,
    every_phase: Annotated[bool, typer.Option("--all")] = False,
    explain: Annotated[bool, typer.Option("--explain")] = False,
    output_format: ReportFormat = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.cache import valid_plan
    from nsclt.output import choose_format, emit
    from nsclt.provinces import resolve
    from nsclt.report import Evaluation
    from nsclt.values import read_as_of

    day = read_as_of(as_of, _today())
    target = Path(output) if output is not None else None
    chosen = choose_format("status", output_format, target)
    folder = plans_folder(plans)
    try:
        resolved = resolve(province, folder)
    except UnknownProvince as error:
        raise unknown_province(error, province, folder) from None
    selection = {"plan_id": plan, "phase_id": phase, "every_phase": every_phase}
    reports: list[ProvinceReport] = []
    refused: UsageFailure | None = None
    for path in resolved.files:
        try:
            reports.append(_evaluated(path, valid_plan(path), day, **selection))
        except UsageFailure as failure:
            # A plan or phase asked for may stand in one of a unit's files only.
            refused = refused or failure
    if not reports:
        assert refused is not None
        raise refused
    evaluation = Evaluation(
        as_of=day,
        provinces=tuple(reports),
        explain=explain,
        redirected_from=resolved.redirected_from,
    )
    emit("status", evaluation, chosen, target, translator())


@app.command("list", cls=LocalisedCommand)
def list_provinces(
    as_of: AsOfOption = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", autocompletion=_format_completion("list"))
    ] = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.cache import valid_plan
    from nsclt.failures import InvalidPlan
    from nsclt.output import choose_format, emit
    from nsclt.report import Evaluation
    from nsclt.values import read_as_of

    day = read_as_of(as_of, _today())
    target = Path(output) if output is not None else None
    chosen = choose_format("list", output_format, target)
    folder = plans_folder(plans)
    reports: list[ProvinceReport] = []
    invalid: list[str] = []
    for path in plan_files(folder):
        try:
            plan_file = valid_plan(path)
        except InvalidPlan:
            invalid.append(str(path))
        else:
            reports.append(_evaluated(path, plan_file, day).without_history())
    evaluation = Evaluation(day, tuple(reports), tuple(invalid), folder=str(folder))
    emit("list", evaluation, chosen, target, translator())
    if invalid:
        raise ShownInOutput  # the list shows which files are invalid


@app.command(cls=LocalisedCommand)
def schema() -> None:
    from nsclt.checks import plan_schema
    from nsclt.output import stdout_console

    stdout_console().file.write(plan_schema())


@app.command(cls=LocalisedCommand)
def indicators() -> None:
    from nsclt.output import stdout_console
    from nsclt.render.overview import render_indicators

    render_indicators(translator(), stdout_console())


@app.command(cls=LocalisedCommand)
def record(
    province: Annotated[str, typer.Argument(autocompletion=_complete_province)],
    indicator: Annotated[str, typer.Argument(autocompletion=_complete_indicator)],
    value: str,
    year: Annotated[str, typer.Option("--year")],
    source: Annotated[str, typer.Option("--source")],
    report_date: Annotated[str | None, typer.Option("--date")] = None,
    quote: Annotated[str | None, typer.Option("--quote")] = None,
    approx: Annotated[bool, typer.Option("--approx")] = False,
    at_least: Annotated[bool, typer.Option("--at-least")] = False,
    more_than: Annotated[bool, typer.Option("--more-than")] = False,
    at_most: Annotated[bool, typer.Option("--at-most")] = False,
    less_than: Annotated[bool, typer.Option("--less-than")] = False,
    plan: Annotated[str | None, typer.Option("--plan")] = None,
    replace: Annotated[bool, typer.Option("--replace")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    plans: PlansOption = None,
) -> None:
    from nsclt.files import folder_lock, write_file
    from nsclt.numbers import for_people
    from nsclt.output import stdout_console
    from nsclt.values import read_date, read_figure, read_year
    from nsclt.write import NewResult
    from nsclt.write import record as record_result

    t = translator()
    flags: dict[Qualifier, bool] = {
        "approx": approx,
        "at_least": at_least,
        "more_than": more_than,
        "at_most": at_most,
        "less_than": less_than,
    }
    chosen = [qualifier for qualifier, given in flags.items() if given]
    if len(chosen) > 1:
        raise click.UsageError(t("record.one_qualifier"))
    figure = read_figure(value)
    new = NewResult(
        indicator=indicator,
        year=read_year(year),
        value=figure,
        source=source,
        date=read_date(report_date, "--date") if report_date else None,
        qualifier=chosen[0] if chosen else None,
        quote=quote,
    )
    folder = plans_folder(plans)
    path = province_path(province, folder)
    console = stdout_console()
    shown = for_people(figure)
    if value.strip() != shown:
        console.print(Text(printable(t("record.reading", typed=value, value=shown))))
    with folder_lock(folder, on_wait=lambda: _say_waiting(folder)):
        edit = record_result(path, new, plan_id=plan, replace=replace)
        if edit.replaced_value is not None:
            change = {"old": for_people(edit.replaced_value), "new": shown}
            console.print(Text(t("record.replacing", indicator=indicator, year=new.year, **change)))
        if dry_run:
            console.print(Text(printable(edit.diff())), end="")
            console.print(Text(t("record.unchanged"), style="dim"))
            return
        write_file(path, edit.after)
    written = t("record.written", indicator=indicator, year=new.year, value=shown, path=path)
    console.print(Text(printable(written), style="green"))
    if edit.new_source:
        console.print(Text(t("record.new_source", id=edit.new_source), style="yellow"))


def _say_waiting(folder: Path) -> None:
    from nsclt.output import stderr_console

    message = translator()("write.waiting", path=folder)
    stderr_console().print(Text(printable(message), style="yellow"))


@app.command(cls=LocalisedCommand)
def new(
    province: str,
    template: Annotated[
        str | None, typer.Option("--from", autocompletion=_complete_province)
    ] = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.files import folder_lock
    from nsclt.output import stderr_console, stdout_console
    from nsclt.scaffold import create

    t = translator()
    folder = plans_folder(plans)
    source = province_path(template, folder) if template else None
    console = stdout_console()
    from nsclt.provinces import merger_of

    merged = merger_of(province)
    if merged is not None:
        former, current = merged
        warning = t("new.former_unit", former=former, current=current)
        stderr_console().print(Text(printable(warning), style="yellow"))
    with folder_lock(folder, on_wait=lambda: _say_waiting(folder)):
        path, dropped = create(province, folder, source)
    console.print(Text(printable(t("new.written", path=path)), style="green"))
    if dropped:
        console.print(Text(t("new.dropped", targets=", ".join(dropped)), style="yellow"))


def main() -> None:
    # What the terminal's encoding can't hold is transliterated, never a crash.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=TRANSLITERATE)
    app(prog_name="nsclt")
