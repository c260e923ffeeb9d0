"""One line per province (``nsclt list``) and the indicator catalogue (``nsclt indicators``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from nsclt.catalogue import STANDARD_INDICATORS
from nsclt.evaluate import STATUSES, PhaseReport
from nsclt.i18n import Translator
from nsclt.model import PlanFile
from nsclt.render.status import STATUS_STYLE, indicator_name, plain, unit
from nsclt.text import printable


def render_overview(
    entries: Sequence[tuple[Path, PlanFile | None, Sequence[PhaseReport]]],
    folder: Path,
    as_of: date,
    t: Translator,
    console: Console,
) -> None:
    """One row per evaluated phase of each file; a file that is not valid gets a row saying so."""
    table = Table(title=t("list.title", path=folder, as_of=as_of.isoformat()), title_justify="left")
    table.add_column(t("list.col.province"))
    table.add_column(t("list.col.plan"))
    table.add_column(t("list.col.phase"))
    table.add_column(t("status.col.status"))
    for path, plan_file, reports in entries:
        if plan_file is None:
            problem = Text(t("list.invalid", path=path), style="red")
            table.add_row(plain(path.stem), "—", "—", problem)
            continue
        name = t.content(plan_file.name, plan_file.name_en)
        for report in reports:
            counts: Counter[str] = Counter(row.status for row in report.targets)
            counts.update(row.status for row in report.milestones)
            summary = Text()
            for status in STATUSES:
                if counts[status]:
                    symbol, style = STATUS_STYLE[status]
                    if summary:
                        summary.append("  ")
                    summary.append(
                        f"{symbol} {counts[status]} {t('status.' + status)}", style=style
                    )
            table.add_row(
                plain(name),
                plain(report.plan.id),
                plain(f"{report.phase.id} ({report.phase.start}–{report.phase.end})"),
                summary or Text(t("status.no_targets"), style="dim"),
            )
    console.print(table)


def render_indicators(t: Translator, console: Console) -> None:
    table = Table()
    for key in (
        "indicators.col.id",
        "status.col.indicator",
        "indicators.col.kind",
        "indicators.col.direction",
    ):
        table.add_column(t(key))
    for indicator in STANDARD_INDICATORS.values():
        table.add_row(
            indicator.id,
            plain(f"{indicator_name(indicator, t)} ({unit(indicator, t)})"),
            t(f"kind.{indicator.kind}"),
            printable(t(f"word.{indicator.direction}")),
        )
    console.print(table)
