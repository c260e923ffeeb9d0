"""One line per province (``nsclt list``) and the indicator catalogue (``nsclt indicators``)."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from rich.console import Console
from rich.table import Table
from rich.text import Text

from nsclt.catalogue import STANDARD_INDICATORS
from nsclt.i18n import Translator
from nsclt.render.screen import show
from nsclt.render.words import STATUS_STYLE, named_with_unit, plain, status_label
from nsclt.report import STATUSES, Evaluation, PhaseReport
from nsclt.text import printable


def render_overview(evaluation: Evaluation, t: Translator, console: Console) -> None:
    """One row per evaluated phase of each file; a file that is not valid gets a row saying so."""
    title = t("list.title", path=evaluation.folder, as_of=evaluation.as_of.isoformat())
    table = Table(title=printable(title), title_justify="left")
    table.add_column(t("list.col.province"))
    table.add_column(t("list.col.plan"))
    table.add_column(t("list.col.phase"))
    table.add_column(t("status.col.status"))
    rows: list[tuple[str, Text, Text, Text, Text]] = []
    for province in evaluation.provinces:
        name = plain(t.content(province.name, province.name_en))
        for report in province.phases:
            phase = report.phase
            rows.append(
                (
                    province.slug,
                    name,
                    plain(report.plan.id),
                    plain(f"{phase.id} ({phase.start}–{phase.end})"),
                    _summary(report, t),
                )
            )
    for path in evaluation.invalid:
        problem = Text(t("list.invalid", path=printable(path)), style="red")
        slug = PurePath(path).stem
        rows.append((slug, plain(slug), Text("—"), Text("—"), problem))
    for _, *cells in sorted(rows, key=lambda row: row[0]):
        table.add_row(*cells)
    show(console, table)


def _summary(report: PhaseReport, t: Translator) -> Text:
    counts: Counter[str] = Counter(row.status for row in report.targets)
    counts.update(row.status for row in report.milestones)
    summary = Text()
    for status in STATUSES:
        if counts[status]:
            symbol, style = STATUS_STYLE[status]
            if summary:
                summary.append("  ")
            summary.append(f"{symbol} {counts[status]} {status_label(status, t)}", style=style)
    return summary or Text(t("status.no_targets"), style="dim")


def render_indicators(t: Translator, console: Console) -> None:
    table = Table()
    for heading in (
        t("indicators.col.id"),
        t("status.col.indicator"),
        t("indicators.col.kind"),
        t("indicators.col.direction"),
    ):
        table.add_column(heading)
    for indicator in STANDARD_INDICATORS.values():
        table.add_row(
            indicator.id,
            plain(named_with_unit(indicator, t)),
            t(f"kind.{indicator.kind}"),
            printable(t(f"word.{indicator.direction}")),
        )
    show(console, table)
