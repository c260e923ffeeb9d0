"""One line per province (``nsclt list``) and the indicator catalogue (``nsclt indicators``)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Final

from rich.console import Console
from rich.table import Table
from rich.text import Text

from nsclt.catalogue import STANDARD_INDICATORS
from nsclt.i18n import Translator
from nsclt.provinces import unit_order, units_without_own_file
from nsclt.render.screen import fitted, show
from nsclt.render.since import counted, of_phase
from nsclt.render.words import STATUS_STYLE, named_with_unit, plain, status_label
from nsclt.report import STATUSES, Evaluation, PhaseReport
from nsclt.text import printable, slugify

PROVINCE_WIDTH: Final = 14
PLAN_WIDTH: Final = 24


def render_overview(evaluation: Evaluation, t: Translator, console: Console) -> None:
    """One row per evaluated phase of each file; a file that is not valid gets a row saying so."""
    title = t("list.title", path=evaluation.folder, as_of=t.date(evaluation.as_of))
    # A Text, not a str, as the title: Rich would read markup in a folder's name.
    table = Table(title=Text(printable(title)), title_justify="left")
    table.add_column(t("list.col.province"), min_width=PROVINCE_WIDTH)
    # Ids are unbreakable: a long one ends in "…" rather than breaking inside.
    table.add_column(t("list.col.plan"), overflow="ellipsis", no_wrap=True, max_width=PLAN_WIDTH)
    table.add_column(t("list.col.phase"), no_wrap=True)
    table.add_column(t("status.col.status"), min_width=PROVINCE_WIDTH)
    since = evaluation.since
    if since is not None:
        table.add_column(t("since.col", since=t.date(since)), no_wrap=True)
    rows: list[tuple[tuple[str, int, str], Text, Text, Text, Text, Text]] = []
    for province in evaluation.provinces:
        name = plain(t.content(province.name, province.name_en))
        if province.merged:
            # A former unit stands under the unit it is now part of.
            name = Text("↳ ") + name + Text(f" ({province.current})", style="dim")
        order = unit_order(province.name, province.current, province.merged, province.slug)
        for report in province.phases:
            phase = report.phase
            rows.append(
                (
                    order,
                    name,
                    plain(report.plan.id),
                    plain(f"{phase.id} ({phase.start}–{phase.end})"),
                    _summary(report, t),
                    Text(counted(of_phase(province, report), t, separator="\n")),
                )
            )
    places = ((province.current, province.merged) for province in evaluation.provinces)
    for unit in units_without_own_file(places):
        missing = Text(t("list.no_own_file"), style="dim")
        rows.append(((slugify(unit), 0, ""), Text(unit), Text("—"), Text("—"), missing, Text("")))
    for path in evaluation.invalid:
        problem = Text(t("list.invalid", path=printable(path)), style="red")
        slug = PurePath(path).stem
        rows.append(((slug, 0, slug), plain(slug), Text("—"), Text("—"), problem, Text("")))
    for _, *cells in sorted(rows, key=lambda row: row[0]):
        table.add_row(*(cells if since is not None else cells[:-1]))
    show(console, fitted(console, table))


def _summary(report: PhaseReport, t: Translator) -> Text:
    counts = report.counts()
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
