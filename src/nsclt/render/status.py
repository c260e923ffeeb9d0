"""The status screen: one province's phases, target by target, for a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from nsclt.i18n import Translator
from nsclt.render.screen import fitted, show
from nsclt.render.since import MARK, described, has_new_result, is_new, was_text
from nsclt.render.words import (
    baseline_text,
    cited,
    done_text,
    figure_text,
    indicator_name,
    named_with_unit,
    plain,
    progress_words,
    remaining_text,
    status_text,
    target_text,
    value_text,
    verdict_text,
)
from nsclt.report import Evaluation, MilestoneRow, Notice, PhaseReport, ProvinceReport, TargetRow
from nsclt.text import printable

BAR_WIDTH: Final = 5
INDICATOR_WIDTH: Final = 16
"""The least width of the names of indicators, below which the stacked layout reads better."""


def render_status(evaluation: Evaluation, t: Translator, console: Console) -> None:
    if evaluation.redirected_from is not None and evaluation.provinces:
        current = evaluation.provinces[0].current or ""
        note = t("status.redirected", former=evaluation.redirected_from, current=current)
        show(console, Text(printable(note), style="yellow"))
        console.print()
    for index, province in enumerate(evaluation.provinces):
        if index:
            console.print()
        _render_province(province, t, console, evaluation.explain)


def _render_province(
    province: ProvinceReport, t: Translator, console: Console, explain: bool
) -> None:
    name = printable(t.content(province.name, province.name_en))
    show(console, Text(name, style="bold underline"))
    for line in origin_lines(province, t):
        show(console, Text(printable(line), style="dim"))
    for report in province.phases:
        console.print()
        show(console, _header(report, province, t))
        if report.targets:
            show(console, fitted(console, _targets_table(report, province, t)))
        else:
            show(console, Text(t("status.no_targets"), style="dim"))
        if report.milestones:
            show(console, fitted(console, _milestones_table(report.milestones, t)))
        if report.untargeted:
            show(console, fitted(console, _untargeted_table(report, province, t)))
        notes = [note for note in (report.plan.note, report.phase.note) if note]
        if notes:
            show(console, Text(t("status.notes"), style="bold"))
            grid = Table.grid(padding=(0, 1))
            grid.add_column()
            grid.add_column()
            for note in notes:
                grid.add_row("•", plain(note))
            show(console, Padding(grid, (0, 0, 0, 1)))
        if report.notices:
            show(console, Text(t("status.notices"), style="bold yellow"))
            notices = Table.grid(padding=(0, 1))
            notices.add_column(style="yellow")
            notices.add_column()
            for notice in report.notices:
                notices.add_row("⚠", plain(notice_text(notice, report, t)))
            show(console, Padding(notices, (0, 0, 0, 1)))
        if explain and report.targets:
            from nsclt.render.explain import explanation  # only with --explain

            show(console, Text(t("explain.title"), style="bold"))
            for row in report.targets:
                show(console, explanation(row, t, decisions_of(report, t)))
    if province.since is not None:
        console.print()
        _render_changes(province, t, console)


def _render_changes(province: ProvinceReport, t: Translator, console: Console) -> None:
    since = t.date(province.since) if province.since else ""
    if not province.changes:
        show(console, Text(t("since.none", since=since), style="dim"))
        return
    show(console, Text(t("since.title", since=since), style="bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column()
    grid.add_column()
    for change in province.changes:
        grid.add_row("•", plain(described(change, province, t)))
    show(console, Padding(grid, (0, 0, 0, 1)))
    if any(change.kind == "result_added" for change in province.changes):
        show(console, Text(t("since.mark", since=since), style="dim"))


def origin_lines(province: ProvinceReport, t: Translator) -> list[str]:
    """What the 2025 rearrangement made of the file's province, if anything."""
    if province.merged and province.current:
        return [t("status.merged_into", current=province.current, name=province.name)]
    if province.formed_from and province.current:
        parts = ", ".join(province.formed_from)
        return [t("status.formed_from", current=province.current, parts=parts)]
    return []


def notice_text(notice: Notice, report: PhaseReport, t: Translator) -> str:
    """A notice in words, its ids as the names people know them by."""
    return t(notice.key, **_named(dict(notice.params), report, t))


def _named(params: dict[str, str], report: PhaseReport, t: Translator) -> dict[str, str]:
    indicators = {row.indicator.id: row.indicator for row in report.targets}
    milestones = {row.milestone.id: row.milestone for row in report.milestones}
    if params.get("indicator") in indicators:
        params["indicator"] = indicator_name(indicators[params["indicator"]], t)
    if params.get("milestone") in milestones:
        m = milestones[params["milestone"]]
        params["milestone"] = t.content(m.title, m.title_en)
    if "due" in params:
        params["due"] = t.date(date.fromisoformat(params["due"]))
    return params


def plan_facts(report: PhaseReport, t: Translator) -> list[tuple[str, str]]:
    """What a phase's plan is, as its header says it: title, legal basis, agency, phase."""
    plan, phase = report.plan, report.phase
    basis = "; ".join(
        t("status.document", number=doc.number, date=t.date(doc.date), issuer=doc.issuer)
        for doc in plan.legal_basis
    ) or t("status.header.none")
    elapsed = f"{t.number(report.elapsed * 100, 0)}%"
    line = t("status.phase_line", phase=phase.id, start=phase.start, end=phase.end, elapsed=elapsed)
    return [
        (t("status.header.plan"), f"{t.content(plan.title, plan.title_en)} [{plan.id}]"),
        (t("status.header.basis"), basis),
        (t("status.header.agency"), t.content(plan.agency, plan.agency_en)),
        (t("status.header.phase"), line),
    ]


def amendment_facts(report: PhaseReport, t: Translator) -> list[tuple[str, str]]:
    """The amendments in force on the as-of date, each named as its decision."""
    decisions = decisions_of(report, t)
    return [
        (
            t("status.header.amended"),
            t(
                "status.amended",
                decision=decisions[amendment.id],
                effective=t.date(amendment.takes_effect),
            ),
        )
        for amendment in report.plan.amendments
    ]


def _header(report: PhaseReport, province: ProvinceReport, t: Translator) -> Table:
    plan = report.plan
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold")
    grid.add_column()
    rows = [
        *plan_facts(report, t),
        (t("status.header.as_of"), t.date(province.as_of)),
        *amendment_facts(report, t),
    ]
    for label, value in rows:
        grid.add_row(label, plain(value))
    decisions = decisions_of(report, t)
    for amendment in plan.pending:
        line = t("status.amended_this_year", decision=decisions[amendment.id], year=amendment.year)
        grid.add_row(t("status.header.amended"), plain(line))
    for index, item in enumerate(plan.support):
        label = t("status.header.support") if index == 0 else ""
        text = item.text
        if item.added_by is not None:
            text += " " + t("status.added_by", decision=decisions.get(item.added_by, item.added_by))
        grid.add_row(label, plain(f"• {text}"))
    return grid


def decisions_of(report: PhaseReport, t: Translator) -> dict[str, str]:
    """Each amendment of the plan named as its decision: number, date or year, issuer."""
    named = {}
    for amendment in (*report.plan.amendments, *report.plan.pending):
        when = t.date(amendment.date) if amendment.date else str(amendment.year)
        if amendment.number:
            text = t("status.document", number=amendment.number, date=when, issuer=amendment.issuer)
        elif amendment.date:
            text = t("status.decision_unnumbered_date", date=when, issuer=amendment.issuer)
        else:
            text = t("status.decision_unnumbered_year", year=when, issuer=amendment.issuer)
        named[amendment.id] = text
    return named


def progress_text(row: TargetRow, t: Translator) -> Text:
    if row.progress is None or row.compound_rate is not None:
        return Text(progress_words(row, t), style="" if row.compound_rate is not None else "dim")
    share = min(1.0, max(0.0, row.progress))
    filled = round(share * BAR_WIDTH)
    bar = Text("█" * filled, style="green") + Text("░" * (BAR_WIDTH - filled), style="dim")
    return bar + Text(f" {progress_words(row, t)}")


def _widest_status(rows: Sequence[TargetRow | MilestoneRow], t: Translator) -> int:
    """The status column's least width: every status word whole on one line (a qualifying
    flag after it may wrap). Where that cannot fit, ``fitted`` stacks the rows instead."""
    return max(status_text(row.status, t).cell_len for row in rows)


def _targets_table(report: PhaseReport, province: ProvinceReport, t: Translator) -> Table:
    # Names and verdicts wrap between words; figures never wrap. Where that cannot fit the
    # width, the stacked layout is shown instead (``fitted``).
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(t("status.col.indicator"), min_width=INDICATOR_WIDTH)
    table.add_column(t("status.col.target"), justify="right", no_wrap=True)
    table.add_column(t("status.col.baseline"), justify="right")
    table.add_column(t("status.col.actual"), justify="right")
    table.add_column(t("status.col.progress"), no_wrap=True)
    table.add_column(t("status.col.remaining"), justify="right", no_wrap=True)
    table.add_column(t("status.col.status"), min_width=_widest_status(report.targets, t))
    for row in report.targets:
        table.add_row(
            plain(named_with_unit(row.indicator, t)),
            target_text(row, t),
            baseline_text(row, t),
            figure_text(row.actual, t) + (f" {MARK}" if has_new_result(row, province) else ""),
            progress_text(row, t),
            remaining_text(row, t),
            verdict_text(row, t) + Text(was_text(row, province, t), style="dim"),
        )
    return table


def _milestones_table(rows: Sequence[MilestoneRow], t: Translator) -> Table:
    table = Table(
        title=t("status.milestones"), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    table.add_column(t("status.col.milestone"), min_width=INDICATOR_WIDTH)
    table.add_column(t("status.col.due"), no_wrap=True)
    table.add_column(t("status.col.done"), no_wrap=True)
    table.add_column(t("status.col.status"), min_width=_widest_status(rows, t))
    for row in rows:
        m = row.milestone
        title = t.content(m.title, m.title_en)
        done = done_text(row, t)
        table.add_row(plain(title), t.date(m.due), done, status_text(row.status, t))
    return table


def _untargeted_table(report: PhaseReport, province: ProvinceReport, t: Translator) -> Table:
    table = Table(
        title=t("status.untargeted"), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    table.add_column(t("status.col.indicator"), min_width=INDICATOR_WIDTH)
    table.add_column(t("status.col.year"), justify="right", no_wrap=True)
    table.add_column(t("status.col.value"), justify="right", no_wrap=True)
    table.add_column(t("status.col.source"), min_width=INDICATOR_WIDTH)
    for result in report.untargeted:
        table.add_row(
            plain(named_with_unit(result.indicator, t)),
            str(result.figure.year),
            value_text(result.figure, t) + (f" {MARK}" if is_new(report, result, province) else ""),
            plain(cited(result.source, province, t)),
        )
    return table
