"""The status screen: one province's phases, target by target, for a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from nsclt.catalogue import indicators_of
from nsclt.evaluate import Figure, MilestoneRow, PhaseReport, TargetRow
from nsclt.i18n import Translator
from nsclt.model import Indicator, PlanFile
from nsclt.text import number, printable

STATUS_STYLE: Final = {
    "achieved": ("✔", "bold green"),
    "on_track": ("●", "green"),
    "needs_acceleration": ("▲", "yellow"),
    "limited_progress": ("▼", "dark_orange"),
    "deteriorating": ("✖", "bold red"),
    "missed": ("✖", "red"),
    "not_started": ("○", "dim"),
    "no_data": ("?", "magenta"),
    "done": ("✔", "green"),
    "due": ("○", "cyan"),
    "overdue": ("✖", "bold red"),
}
BAR_WIDTH: Final = 5


def status_text(status: str, t: Translator) -> Text:
    symbol, style = STATUS_STYLE[status]
    return Text(f"{symbol} {t('status.' + status)}", style=style)


def indicator_name(indicator: Indicator, t: Translator) -> str:
    return t.content(indicator.name, indicator.name_en)


def unit(indicator: Indicator, t: Translator) -> str:
    return t.content(indicator.unit, indicator.unit_en)


def figure_text(figure: Figure | None, t: Translator) -> str:
    if figure is None:
        return "—"
    mark = t(f"qualifier.{figure.qualifier}") if figure.qualifier else ""
    return f"{mark}{number(figure.value)} ({figure.year})"


def target_text(row: TargetRow, t: Translator) -> str:
    spec = row.spec
    if row.band is not None:
        values = {"low": number(row.band.min), "high": number(row.band.max)}
    elif row.kind == "increase_by" and spec.increase_by is not None and row.goal is not None:
        values = {"value": number(spec.increase_by), "goal": number(row.goal)}
    else:
        values = {"value": number(row.goal or 0.0)}
    return t(f"target.{row.kind}", **values)


def progress_text(row: TargetRow, t: Translator) -> Text:
    if row.compound_rate is not None:
        return Text(t("status.growth_rate", rate=f"{row.compound_rate:.2f}"))
    if row.progress is None:
        return Text("—", style="dim")
    share = min(1.0, max(0.0, row.progress))
    filled = round(share * BAR_WIDTH)
    bar = Text("█" * filled, style="green") + Text("░" * (BAR_WIDTH - filled), style="dim")
    return bar + Text(f" {row.progress * 100:.0f}%")


def plain(value: str) -> Text:
    """Plan content shown literally: no markup, no control characters."""
    return Text(printable(value))


def render_status(
    plan_file: PlanFile,
    reports: Sequence[PhaseReport],
    t: Translator,
    console: Console,
    explain: bool = False,
) -> None:
    console.print(
        Text(printable(t.content(plan_file.name, plan_file.name_en)), style="bold underline")
    )
    for report in reports:
        console.print()
        console.print(_header(report, t))
        console.print(
            _targets_table(report, t)
            if report.targets
            else Text(t("status.no_targets"), style="dim")
        )
        if report.milestones:
            console.print(_milestones_table(report.milestones, t))
        if report.untargeted:
            console.print(_untargeted_table(report, plan_file, t))
        if report.notices:
            console.print(Text(t("status.notices"), style="bold yellow"))
            notices = Table.grid(padding=(0, 1))
            notices.add_column(style="yellow")
            notices.add_column()
            for notice in report.notices:
                notices.add_row("⚠", plain(t(notice.key, **dict(notice.params))))
            console.print(Padding(notices, (0, 0, 0, 1)))
        if explain and report.targets:
            console.print(Text(t("explain.title"), style="bold"))
            for row in report.targets:
                console.print(_explanation(row, t))


def _header(report: PhaseReport, t: Translator) -> RenderableType:
    plan, phase = report.plan, report.phase
    title = t.content(plan.title, plan.title_en)
    agency = t.content(plan.agency, plan.agency_en)
    basis = "; ".join(
        t("status.document", number=doc.number, date=doc.date.isoformat(), issuer=doc.issuer)
        for doc in plan.legal_basis
    ) or t("status.header.none")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold")
    grid.add_column()
    elapsed = f"{report.elapsed * 100:.0f}%"
    rows = (
        ("status.header.plan", f"{title} [{plan.id}]"),
        ("status.header.basis", basis),
        ("status.header.agency", agency),
        (
            "status.header.phase",
            t(
                "status.phase_line",
                phase=phase.id,
                start=phase.start,
                end=phase.end,
                elapsed=elapsed,
            ),
        ),
        ("status.header.as_of", report.as_of.isoformat()),
    )
    for label, value in rows:
        grid.add_row(t(label), plain(value))
    return grid


def _targets_table(report: PhaseReport, t: Translator) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(t("status.col.indicator"), min_width=10, overflow="fold")
    for key, justify in (
        ("target", "right"),
        ("baseline", "right"),
        ("actual", "right"),
        ("progress", "left"),
        ("remaining", "right"),
    ):
        table.add_column(
            t(f"status.col.{key}"),
            justify=justify,  # type: ignore[arg-type]
            no_wrap=key in ("target", "progress"),
        )
    table.add_column(t("status.col.status"), min_width=12)
    for row in report.targets:
        baseline = t("status.assumed") if row.baseline_assumed else figure_text(row.baseline, t)
        status = status_text(row.status, t)
        if row.outside_band:
            status.append(f" ({t('flag.outside_band.' + row.indicator.direction)})", style="dim")
        remaining = "—" if row.remaining is None else number(row.remaining)
        table.add_row(
            plain(f"{indicator_name(row.indicator, t)} ({unit(row.indicator, t)})"),
            target_text(row, t),
            baseline,
            figure_text(row.actual, t),
            progress_text(row, t),
            remaining,
            status,
        )
    return table


def _milestones_table(rows: Sequence[MilestoneRow], t: Translator) -> Table:
    table = Table(
        title=t("status.milestones"), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    for key in ("milestone", "due", "done", "status"):
        table.add_column(t(f"status.col.{key}"))
    for row in rows:
        m = row.milestone
        title = t.content(m.title, m.title_en)
        done = m.done.isoformat() if m.done else "—"
        table.add_row(plain(title), m.due.isoformat(), done, status_text(row.status, t))
    return table


def _untargeted_table(report: PhaseReport, plan_file: PlanFile, t: Translator) -> Table:
    indicators = indicators_of(plan_file)
    sources = {source.id: source for source in plan_file.sources}
    table = Table(
        title=t("status.untargeted"), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    for key, justify in (
        ("indicator", "left"),
        ("year", "right"),
        ("value", "right"),
        ("source", "left"),
    ):
        table.add_column(t(f"status.col.{key}"), justify=justify)  # type: ignore[arg-type]
    for result in report.untargeted:
        indicator = indicators[result.indicator]
        figure = Figure(result.value, result.year, result.qualifier)
        mark = t(f"qualifier.{figure.qualifier}") if figure.qualifier else ""
        source = sources.get(result.source)
        cited = f"{source.publisher or source.title}" if source else result.source
        if source and source.date:
            cited += f", {source.date.isoformat()}"
        table.add_row(
            plain(f"{indicator_name(indicator, t)} ({unit(indicator, t)})"),
            str(result.year),
            f"{mark}{number(result.value)}",
            plain(cited),
        )
    return table


def _explanation(row: TargetRow, t: Translator) -> RenderableType:
    lines: list[str] = []
    if row.kind == "growth_per_year" and row.band is not None:
        increase = row.indicator.direction == "increase"
        floor = row.band.min if increase else row.band.max
        lines.append(
            t(
                "explain.growth_rule",
                floor=number(floor),
                low=number(row.band.min),
                high=number(row.band.max),
            )
        )
        for g in row.growth:
            lines.append(
                t(
                    "explain.growth_year",
                    year=g.year,
                    rate=f"{g.rate:.2f}",
                    verdict=t(f"explain.verdict.{g.verdict}"),
                )
            )
        if row.compound_rate is not None:
            lines.append(t("explain.growth_compound", rate=f"{row.compound_rate:.2f}"))
    else:
        lines.extend(_threshold_explanation(row, t))
    if row.actual is not None and row.actual.qualifier == "approx":
        lines.append(t("explain.approx"))
    if row.actual is not None and row.actual.qualifier == "at_least":
        lines.append(t("explain.lower_bound"))
    if row.status == "achieved":
        lines.append(t("explain.met"))
    elif row.status == "missed":
        lines.append(t("explain.ended", year=row.target_year))
    lines.append(t("explain.status", status=t(f"status.{row.status}")))
    heading = Text(f"• {row.indicator.id} ", style="bold") + Text(target_text(row, t))
    body = Text("\n".join(f"  {line}" for line in lines))
    return Padding(Group(heading, body), (0, 0, 0, 1))


def _threshold_explanation(row: TargetRow, t: Translator) -> list[str]:
    start = row.start
    assert start is not None and row.goal is not None
    lines = [t(f"explain.kind.{row.indicator.kind}")]
    if row.indicator.kind == "flow":
        lines.append(t("explain.flow_start", year=start.year))
    elif row.baseline_assumed:
        lines.append(t("explain.baseline_assumed", year=start.year))
    else:
        lines.append(t("explain.baseline", value=number(start.value), year=start.year))
    lines.append(t("explain.goal", goal=number(row.goal), year=row.target_year))
    actual = row.actual
    if actual is None:
        lines.append(t("explain.no_actual"))
        return lines
    lines.append(t("explain.actual", value=figure_text(actual, t)))
    pace = row.pace
    if pace is None:
        return lines
    if pace.fallback:
        lines.append(t("explain.fallback"))
    if pace.method == "cagr":
        lines.append(
            t(
                "explain.cagr",
                actual=number(actual.value),
                start=number(start.value),
                goal=number(row.goal),
                passed=actual.year - start.year,
                span=row.target_year - start.year,
                actual_rate=f"{pace.actual_rate:.2f}",
                required_rate=f"{pace.required_rate:.2f}",
                ratio=f"{pace.ratio:.4f}",
            )
        )
    else:
        lines.append(
            t(
                "explain.linear",
                actual=number(actual.value),
                start=number(start.value),
                goal=number(row.goal),
                p=f"{row.progress or 0.0:.4f}",
                year=actual.year,
                start_year=start.year,
                target_year=row.target_year,
                e=f"{pace.elapsed:.4f}",
                ratio=f"{pace.ratio:.4f}",
            )
        )
    lines.append(t("explain.cuts"))
    return lines
