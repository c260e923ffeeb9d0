"""The ``nsclt`` command: read the options, call the library, hand the result to an output.

Failures are raised, never printed here: ``localised.LocalisedCommand.invoke`` shows
each in the user's language and exits with the code it carries (``failures``).

Annotations are evaluated when this module is imported, not postponed: Typer reads every
command's parameters on every run, and evaluating postponed (string) annotations costs it
about a millisecond a command; the few names only type checkers import are quoted.
"""

import io
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer
from rich.text import Text

from nsclt import __version__
from nsclt.completion import (
    complete_format,
    complete_indicator,
    complete_phase,
    complete_plan,
    complete_province,
)
from nsclt.failures import ShownInOutput, UsageFailure
from nsclt.localised import LocalisedCommand, LocalisedGroup, translator
from nsclt.provinces import PLANS_BEFORE_COMMAND, plans_folder, province_path, unknown_province
from nsclt.text import TRANSLITERATE, printable
from nsclt.workspace import (
    UnknownProvince,
    plan_files,
)

if TYPE_CHECKING:
    from nsclt.model import PlanFile, Qualifier
    from nsclt.provinces import Resolved
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


# Help texts and value placeholders are not declared here: LocalisedCommand looks them
# up in the catalogue by command and parameter name when help is shown (see localised.py).
# Paths are read as text: Click's own path checks would answer in English, with exit 2,
# where an unreadable folder or file is nsclt's to report (exit 1, in the user's language).
PlansOption = Annotated[str | None, typer.Option("--plans")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o")]
AsOfOption = Annotated[str | None, typer.Option("--as-of")]
SinceOption = Annotated[str | None, typer.Option("--since")]
ReportFormat = Annotated[
    str | None, typer.Option("--format", "-f", autocompletion=complete_format("status"))
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
        str | None, typer.Option("--format", "-f", autocompletion=complete_format("problems"))
    ] = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    import os

    from nsclt.checks import check_file
    from nsclt.output import destination, emit
    from nsclt.problems import Level

    in_github = os.environ.get("GITHUB_ACTIONS") == "true"
    chosen, target = destination("problems", output_format, output, "github" if in_github else None)
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


def _evaluated(
    path: Path, plan_file: "PlanFile", day: date, **selection: object
) -> "ProvinceReport":
    from nsclt.evaluate import SelectionError, report_of

    try:
        return report_of(plan_file, path.stem, day, **selection)  # type: ignore[arg-type]
    except SelectionError as error:
        choices = ", ".join(error.choices)
        if error.what == "plan":
            raise UsageFailure("error.unknown_plan", wanted=error.wanted, choices=choices) from None
        raise UsageFailure("error.unknown_phase", wanted=error.wanted, choices=choices) from None


def _read_since(value: str | None, day: date) -> date | None:
    """``--since``: a date before the as-of date, or None."""
    from nsclt.values import read_date

    if value is None:
        return None
    since = read_date(value, "--since")
    if since >= day:
        raise UsageFailure("since.not_before", since=since.isoformat(), as_of=day.isoformat())
    return since


def _with_changes(
    plan_file: "PlanFile", report: "ProvinceReport", since: date | None
) -> "ProvinceReport":
    if since is None:
        return report
    from nsclt.changes import with_changes

    return with_changes(plan_file, report, since)


def _province_files(province: str, plans: str | None) -> "Resolved":
    """The files a province typed on the command line stands for."""
    from nsclt.provinces import resolve

    folder = plans_folder(plans)
    try:
        return resolve(province, folder)
    except UnknownProvince as error:
        raise unknown_province(error, province, folder) from None


@app.command(cls=LocalisedCommand)
def status(
    province: Annotated[str, typer.Argument(autocompletion=complete_province)],
    as_of: AsOfOption = None,
    phase: Annotated[str | None, typer.Option("--phase", autocompletion=complete_phase)] = None,
    plan: Annotated[str | None, typer.Option("--plan", autocompletion=complete_plan)] = None,
    every_phase: Annotated[bool, typer.Option("--all")] = False,
    explain: Annotated[bool, typer.Option("--explain")] = False,
    since: SinceOption = None,
    output_format: ReportFormat = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.cache import valid_plan
    from nsclt.output import destination, emit
    from nsclt.report import Evaluation
    from nsclt.values import read_as_of

    day = read_as_of(as_of, _today())
    earlier = _read_since(since, day)
    chosen, target = destination("status", output_format, output)
    resolved = _province_files(province, plans)
    selection = {"plan_id": plan, "phase_id": phase, "every_phase": every_phase}
    reports: list[ProvinceReport] = []
    refused: UsageFailure | None = None
    for path in resolved.files:
        try:
            plan_file = valid_plan(path)
            reports.append(
                _with_changes(plan_file, _evaluated(path, plan_file, day, **selection), earlier)
            )
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
        since=earlier,
    )
    emit("status", evaluation, chosen, target, translator())


@app.command(cls=LocalisedCommand)
def history(
    province: Annotated[str, typer.Argument(autocompletion=complete_province)],
    indicators: Annotated[
        list[str] | None, typer.Argument(autocompletion=complete_indicator)
    ] = None,
    first: Annotated[str | None, typer.Option("--from")] = None,
    last: Annotated[str | None, typer.Option("--to")] = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", autocompletion=complete_format("history"))
    ] = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.cache import valid_plan
    from nsclt.catalogue import indicators_of
    from nsclt.history import history_of
    from nsclt.output import destination, emit
    from nsclt.values import read_as_of, read_year
    from nsclt.views import History

    day = read_as_of(as_of, _today())
    since = read_year(first, "--from") if first is not None else None
    until = read_year(last, "--to") if last is not None else None
    if since is not None and until is not None and since > until:
        raise UsageFailure("history.reversed", first=since, last=until)
    chosen, target = destination("history", output_format, output)
    resolved = _province_files(province, plans)
    wanted = list(dict.fromkeys(indicators or ()))
    provinces = []
    for path in resolved.files:
        plan_file = valid_plan(path)
        known = list(indicators_of(plan_file))
        for indicator in wanted:
            if indicator not in known:
                raise _unknown_indicator(indicator, known, path)
        provinces.append(history_of(plan_file, path.stem, day, wanted, since, until))
    result = History(day, tuple(provinces), since, until, resolved.redirected_from)
    emit("history", result, chosen, target, translator())


def _unknown_indicator(wanted: str, known: list[str], path: Path | None) -> UsageFailure:
    """An indicator id neither the catalogue nor the file (any file, without ``path``) has."""
    from nsclt.text import closest

    suggestion = closest(wanted, known)
    key = "error.unknown_indicator" if path is None else "history.unknown_indicator"
    if suggestion is None:
        return UsageFailure(key, hint="error.see_indicators", wanted=wanted, path=path)
    return UsageFailure(key, hint="did_you_mean", wanted=wanted, path=path, suggestion=suggestion)


@app.command(cls=LocalisedCommand)
def compare(
    indicator: Annotated[str, typer.Argument(autocompletion=complete_indicator)],
    provinces: Annotated[
        list[str] | None, typer.Option("--province", autocompletion=complete_province)
    ] = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", autocompletion=complete_format("compare"))
    ] = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.cache import valid_plan
    from nsclt.catalogue import STANDARD_INDICATORS, indicators_of
    from nsclt.compare import compared_rows
    from nsclt.failures import InvalidPlan
    from nsclt.output import destination, emit
    from nsclt.values import read_as_of
    from nsclt.views import ComparedRow, Comparison

    day = read_as_of(as_of, _today())
    chosen, target = destination("compare", output_format, output)
    if provinces:
        chosen_files = [path for name in provinces for path in _province_files(name, plans).files]
        files = list(dict.fromkeys(chosen_files))
    else:
        files = plan_files(plans_folder(plans))
    found = STANDARD_INDICATORS.get(indicator)
    known = set(STANDARD_INDICATORS)
    rows: list[ComparedRow] = []
    invalid: list[str] = []
    for path in files:
        try:
            plan_file = valid_plan(path)
        except InvalidPlan:
            invalid.append(str(path))
            continue
        if plan_file.scope != "province":
            continue  # the national plan is not one of the provinces compared
        own = indicators_of(plan_file)
        known.update(own)
        found = found or own.get(indicator)
        # Only what the rows need is kept, one file at a time.
        rows.extend(compared_rows(plan_file, _evaluated(path, plan_file, day), indicator, day))
    if found is None:
        raise _unknown_indicator(indicator, sorted(known), None)
    emit(
        "compare", Comparison(day, found, tuple(rows), tuple(invalid)), chosen, target, translator()
    )
    if invalid:
        raise ShownInOutput  # the rows show which files are invalid


@app.command(cls=LocalisedCommand)
def report(
    province: Annotated[str, typer.Argument(autocompletion=complete_province)],
    as_of: AsOfOption = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", autocompletion=complete_format("report"))
    ] = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.cache import valid_plan
    from nsclt.output import destination, emit
    from nsclt.reporting import report_part
    from nsclt.values import read_as_of
    from nsclt.views import ReportDocument

    day = read_as_of(as_of, _today())
    chosen, target = destination("report", output_format, output)
    resolved = _province_files(province, plans)
    parts = []
    for path in resolved.files:
        plan_file = valid_plan(path)
        parts.append(report_part(plan_file, path.stem, day))
    document = ReportDocument(day, tuple(parts), resolved.redirected_from)
    emit("report", document, chosen, target, translator())


@app.command(cls=LocalisedCommand)
def site(
    site_output: Annotated[str, typer.Option("--output", "-o")],
    as_of: AsOfOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.output import stderr_console
    from nsclt.publish import publish
    from nsclt.values import read_as_of

    day = read_as_of(as_of, _today())
    folder = plans_folder(plans)
    out = Path(site_output)
    if out.exists() and not out.is_dir():
        raise UsageFailure("site.not_a_folder", path=out)
    t = translator()
    published = publish(folder, out, day, t)
    written = t("site.written", pages=published.pages, path=out)
    stderr_console().print(Text(printable(written), style="green"))
    if published.invalid:
        raise ShownInOutput  # the index lists the files that could not be read


@app.command("list", cls=LocalisedCommand)
def list_provinces(
    as_of: AsOfOption = None,
    since: SinceOption = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", autocompletion=complete_format("list"))
    ] = None,
    output: OutputOption = None,
    plans: PlansOption = None,
) -> None:
    from nsclt.cache import valid_plan
    from nsclt.failures import InvalidPlan
    from nsclt.output import destination, emit
    from nsclt.report import Evaluation
    from nsclt.values import read_as_of

    day = read_as_of(as_of, _today())
    earlier = _read_since(since, day)
    chosen, target = destination("list", output_format, output)
    folder = plans_folder(plans)
    reports: list[ProvinceReport] = []
    invalid: list[str] = []
    for path in plan_files(folder):
        try:
            plan_file = valid_plan(path)
        except InvalidPlan:
            invalid.append(str(path))
        else:
            report = _with_changes(plan_file, _evaluated(path, plan_file, day), earlier)
            # Only what the chosen format shows is kept, one file at a time.
            summary = "list" in chosen.summaries
            reports.append(report.summary() if summary else report.without_history())
    evaluation = Evaluation(day, tuple(reports), tuple(invalid), str(folder), since=earlier)
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
    province: Annotated[str, typer.Argument(autocompletion=complete_province)],
    indicator: Annotated[str, typer.Argument(autocompletion=complete_indicator)],
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
        str | None, typer.Option("--from", autocompletion=complete_province)
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
