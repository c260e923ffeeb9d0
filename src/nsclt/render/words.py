"""The words of a report, shared by every output: names, figures, targets and verdicts."""

from __future__ import annotations

from typing import Final

from rich.text import Text

from nsclt.i18n import Translator
from nsclt.model import Indicator
from nsclt.report import Figure, MilestoneRow, ProvinceReport, TargetRow
from nsclt.text import printable

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
    "done_undated": ("✔", "green"),
    "due": ("○", "cyan"),
    "overdue": ("✖", "bold red"),
}


def status_label(status: str, t: Translator) -> str:
    return t(f"status.{status}")


def status_text(status: str, t: Translator) -> Text:
    symbol, style = STATUS_STYLE[status]
    return Text(f"{symbol} {status_label(status, t)}", style=style)


def indicator_name(indicator: Indicator, t: Translator) -> str:
    return t.content(indicator.name, indicator.name_en)


def unit(indicator: Indicator, t: Translator) -> str:
    return t.content(indicator.unit, indicator.unit_en)


def named_with_unit(indicator: Indicator, t: Translator) -> str:
    return f"{indicator_name(indicator, t)} ({unit(indicator, t)})"


def value_text(figure: Figure, t: Translator) -> str:
    """The value with the mark of its qualifier: ``≈20``, ``>20``."""
    mark = t(f"qualifier.{figure.qualifier}") if figure.qualifier else ""
    return f"{mark}{t.number(figure.value)}"


def figure_text(figure: Figure | None, t: Translator) -> str:
    if figure is None:
        return "—"
    return f"{value_text(figure, t)} ({figure.year})"


def target_text(row: TargetRow, t: Translator) -> str:
    spec = row.spec
    if row.kind == "each_year" and row.band is not None:
        low, high = t.number(row.band.min), t.number(row.band.max)
        return t("target.each_year_range", low=low, high=high)
    if row.band is not None:
        values = {"low": t.number(row.band.min), "high": t.number(row.band.max)}
    elif row.kind in ("increase_by", "increase_by_percent"):
        step = getattr(spec, row.kind)
        goal = t.number(row.goal) if row.goal is not None else "?"
        values = {"value": t.number(step), "goal": goal}
    else:
        values = {"value": t.number(row.goal or 0.0)}
    return t(f"target.{row.kind}", **values)


def plain(value: str, style: str = "") -> Text:
    """Plan content shown literally: no markup, no control characters."""
    return Text(printable(value), style=style)


def baseline_text(row: TargetRow, t: Translator) -> str:
    if row.baseline_assumed:
        return t("status.assumed")
    if row.baseline is not None and row.indicator.kind == "flow" and row.kind != "growth_per_year":
        # A flow's baseline is the previous period's total, not a year's value.
        value = value_text(row.baseline, t)
        return t("status.baseline_total", value=value, year=row.baseline.year)
    return figure_text(row.baseline, t)


def remaining_text(row: TargetRow, t: Translator) -> str:
    if row.remaining is None:
        return "—"
    return f"> {t.number(row.remaining)}" if row.remaining_strict else t.number(row.remaining)


def verdict_flags(row: TargetRow, t: Translator) -> str:
    """What qualifies a verdict: beyond the range, resting on an approximate figure."""
    flags = []
    if row.outside_band:
        flags.append(t(f"flag.outside_band.{row.indicator.direction}"))
    if row.approximate:
        flags.append(t("flag.approximate"))
    return f" ({', '.join(flags)})" if flags else ""


def verdict_text(row: TargetRow, t: Translator) -> Text:
    """The status with its symbol, colour and flags."""
    return status_text(row.status, t) + Text(verdict_flags(row, t), style="dim")


def progress_words(row: TargetRow, t: Translator) -> str:
    """Progress as a percentage, or a growth band's compound rate."""
    if row.compound_rate is not None:
        return t("status.growth_rate", rate=t.number(row.compound_rate, 2))
    if row.progress is None:
        return "—"
    return f"{t.number(row.progress * 100, 0)}%"


def cited(source_id: str, province: ProvinceReport, t: Translator) -> str:
    """A source as a reader knows it: its publisher (or title) and date, not its id."""
    source = next((s for s in province.sources if s.id == source_id), None)
    if source is None:
        return source_id
    text = source.publisher or source.title
    return f"{text}, {t.date(source.date)}" if source.date else text


def done_text(row: MilestoneRow, t: Translator) -> str:
    """When a milestone was done: its date, "?" when done on evidence that gives none, else
    "—"."""
    m = row.milestone
    finished = m.done or (m.completed.date if m.completed else None)
    if finished is not None:
        return t.date(finished)
    return "?" if row.status == "done_undated" else "—"


def target_headers(t: Translator) -> list[str]:
    """The headers of a table of targets after the indicator's, in every output but the screen
    (which sets each column's width and wrapping as it adds it)."""
    return [
        t("status.col.target"),
        t("status.col.baseline"),
        t("status.col.actual"),
        t("status.col.progress"),
        t("status.col.remaining"),
        t("status.col.status"),
    ]
