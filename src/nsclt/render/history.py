"""A province's course year by year (``nsclt history``): on screen, and as data.

Each target is a block: its plan and phase, the target and where it is measured from, its
verdict on the as-of date and the amendment that set it; then a table of its years: the
result recorded (with its qualifier and source), a flow's total so far, and the value the
target's path required that year. Results of years no target covers follow in a table of
their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from nsclt import __version__
from nsclt.i18n import Translator
from nsclt.render.json_text import dumps
from nsclt.render.screen import fitted, show
from nsclt.render.status import INDICATOR_WIDTH, decisions_of, origin_lines
from nsclt.render.tabular import delimited, markdown_cell, markdown_table
from nsclt.render.words import (
    cited,
    indicator_name,
    named_with_unit,
    plain,
    status_label,
    target_text,
    unit,
    value_text,
    verdict_text,
)
from nsclt.report import PhaseReport, ProvinceReport
from nsclt.views import History, HistoryYear, IndicatorHistory, ProvinceHistory, Track

FORMAT_VERSION: Final = 1
PATH_DECIMALS: Final = 2
"""A path's value is shown to two decimals: it is a yardstick, not a recorded figure."""


# --- the screen ---------------------------------------------------------------------


def render_history(history: History, t: Translator, console: Console) -> None:
    if history.redirected_from is not None and history.provinces:
        current = history.provinces[0].report.current or ""
        note = t("status.redirected", former=history.redirected_from, current=current)
        show(console, plain(note, "yellow"))
        console.print()
    for index, province in enumerate(history.provinces):
        if index:
            console.print()
        _render_province(province, history, t, console)


def _render_province(
    province: ProvinceHistory, history: History, t: Translator, console: Console
) -> None:
    report = province.report
    title = t("history.title", name=t.content(report.name, report.name_en))
    show(console, plain(title, "bold underline"))
    for line in origin_lines(report, t):
        show(console, plain(line, "dim"))
    show(console, plain(f"{t('status.header.as_of')}: {t.date(report.as_of)}"))
    span = _span(history, t)
    if span:
        show(console, plain(span))
    for wanted in province.absent:
        show(console, plain(t("history.absent", indicator=wanted), "yellow"))
    if not province.indicators:
        show(console, Text(t("history.nothing"), style="dim"))
    for indicator in province.indicators:
        console.print()
        show(console, plain(named_with_unit(indicator.indicator, t), "bold"))
        for track in indicator.tracks:
            console.print()
            show(console, _track_header(track, report, t))
            show(console, fitted(console, _years_table(track, report, t)))
        if indicator.untracked:
            console.print()
            show(console, fitted(console, _untracked_table(indicator, report, t)))


def _span(history: History, t: Translator) -> str | None:
    if history.first is None and history.last is None:
        return None
    first = str(history.first) if history.first is not None else "…"
    last = str(history.last) if history.last is not None else "…"
    return t("history.span", first=first, last=last)


def phase_of(track: Track, report: ProvinceReport) -> PhaseReport:
    return next(
        phase
        for phase in report.phases
        if phase.plan.id == track.target.plan and phase.phase.id == track.target.phase
    )


def _track_header(track: Track, report: ProvinceReport, t: Translator) -> Table:
    row = track.target
    phase = phase_of(track, report)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row(t("status.header.plan"), plain(phase_line(track, report, t)))
    grid.add_row(t("status.col.target"), plain(target_line(track, t)))
    grid.add_row(t("status.col.status"), verdict_text(row, t))
    if track.amendment is not None:
        decision = decisions_of(phase, t)[track.amendment.id]
        effective = t.date(track.amendment.takes_effect)
        if track.replaced is not None:
            was = target_text(track.replaced, t)
            line = t("history.replaced", decision=decision, effective=effective, was=was)
        else:
            line = t("history.set_by", decision=decision, effective=effective)
        grid.add_row(t("status.header.amended"), plain(line))
    return grid


def phase_line(track: Track, report: ProvinceReport, t: Translator) -> str:
    """The target's plan and phase with its years: "kh-2021, phase 2021-2025 (2021–2025)"."""
    phase = phase_of(track, report).phase
    years = years_text(phase.start, phase.end)
    return t("history.phase_line", plan=track.target.plan, phase=track.target.phase, years=years)


def years_text(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def target_line(track: Track, t: Translator) -> str:
    """The target, and where its path starts: "≥ 20 by 2025, from 0 (2020, assumed)"."""
    row = track.target
    line = t("history.target", target=target_text(row, t), year=row.target_year)
    if row.start is not None and row.kind not in ("growth_per_year", "each_year"):
        key = "history.from_assumed" if row.baseline is None else "history.from"
        line += t(key, value=value_text(row.start, t), year=row.start.year)
    return line


def _is_flow_total(track: Track) -> bool:
    return any(year.total is not None for year in track.years)


def judgement(year: HistoryYear, t: Translator) -> str:
    """A growth band's growth into the year, or an ``each_year`` figure's verdict."""
    if year.growth is not None:
        rate = t("status.growth_rate", rate=t.number(year.growth.rate, 2))
        return f"{rate} ({t(f'explain.verdict.{year.growth.verdict}')})"
    if year.judged is not None:
        return t(f"explain.verdict.{year.judged}")
    return ""


def _years_table(track: Track, report: ProvinceReport, t: Translator) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(t("status.col.year"), no_wrap=True)
    table.add_column(t("history.col.result"), justify="right", no_wrap=True)
    total = _is_flow_total(track)
    if total:
        table.add_column(t("history.col.total"), justify="right", no_wrap=True)
    table.add_column(t("history.col.required"), justify="right", no_wrap=True)
    judged = any(judgement(year, t) for year in track.years)
    if judged:
        table.add_column(t("history.col.judged"), no_wrap=True)
    table.add_column(t("status.col.source"), min_width=INDICATOR_WIDTH)
    as_of = report.as_of.year
    for year in track.years:
        ahead = year.year > as_of
        cells: list[Text] = [
            Text(str(year.year)),
            Text(result_text(year, t, ahead)),
        ]
        if total:
            cells.append(Text(value_text(year.total, t) if year.total else ""))
        cells.append(Text(required_text(year, t)))
        if judged:
            cells.append(Text(judgement(year, t)))
        source = year.figure.source if year.figure else None
        cells.append(plain(cited(source, report, t)) if source else Text(""))
        table.add_row(*cells, style="dim" if ahead else "")
    return table


def result_text(year: HistoryYear, t: Translator, ahead: bool) -> str:
    if year.figure is not None:
        return value_text(year.figure, t)
    return "" if ahead else "—"


def required_text(year: HistoryYear, t: Translator) -> str:
    if year.required is None:
        return "—"
    return t.number(round(year.required, PATH_DECIMALS))


def _untracked_table(indicator: IndicatorHistory, report: ProvinceReport, t: Translator) -> Table:
    title = t("history.untracked") if indicator.tracks else None
    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False
    )
    table.add_column(t("status.col.year"), no_wrap=True)
    table.add_column(t("history.col.result"), justify="right", no_wrap=True)
    table.add_column(t("status.col.source"), min_width=INDICATOR_WIDTH)
    for result in indicator.untracked:
        table.add_row(
            str(result.figure.year),
            value_text(result.figure, t),
            plain(cited(result.source, report, t)),
        )
    return table


# --- as data ------------------------------------------------------------------------

TRACK_COLUMNS: Final = (
    "as_of",
    "province",
    "province_name",
    "current_unit",
    "indicator",
    "indicator_name",
    "unit",
    "plan",
    "phase",
    "phase_start",
    "phase_end",
    "target_kind",
    "target_text",
    "target",
    "target_year",
    "start",
    "start_year",
    "start_assumed",
    "status",
    "status_label",
    "set_by",
    "replaced_target_text",
    "method",
)
YEAR_COLUMNS: Final = (
    "year",
    "value",
    "qualifier",
    "source",
    "total",
    "total_qualifier",
    "required",
    "growth_rate",
    "year_verdict",
)
COLUMNS: Final = TRACK_COLUMNS + YEAR_COLUMNS


def _about(
    province: ProvinceHistory, indicator: IndicatorHistory, t: Translator
) -> dict[str, object]:
    report = province.report
    return {
        "as_of": report.as_of.isoformat(),
        "province": report.slug,
        "province_name": report.name,
        "current_unit": report.current,
        "indicator": indicator.indicator.id,
        "indicator_name": indicator_name(indicator.indicator, t),
        "unit": unit(indicator.indicator, t),
    }


def _track_fields(province: ProvinceHistory, track: Track, t: Translator) -> dict[str, object]:
    row = track.target
    phase = phase_of(track, province.report).phase
    paced = row.start is not None and row.kind not in ("growth_per_year", "each_year")
    return {
        "plan": row.plan,
        "phase": row.phase,
        "phase_start": phase.start,
        "phase_end": phase.end,
        "target_kind": row.kind,
        "target_text": target_text(row, t),
        "target": row.goal,
        "target_year": row.target_year,
        "start": row.start.value if paced and row.start else None,
        "start_year": row.start.year if paced and row.start else None,
        "start_assumed": paced and row.baseline is None,
        "status": row.status,
        "status_label": status_label(row.status, t),
        "set_by": row.set_by,
        "replaced_target_text": target_text(track.replaced, t) if track.replaced else None,
        "method": (row.spec.method or row.indicator.method) if paced else None,
    }


def _year_fields(year: HistoryYear) -> dict[str, object]:
    figure, total = year.figure, year.total
    return {
        "year": year.year,
        "value": figure.value if figure else None,
        "qualifier": figure.qualifier if figure else None,
        "source": figure.source if figure else None,
        "total": total.value if total else None,
        "total_qualifier": total.qualifier if total else None,
        "required": year.required,
        "growth_rate": year.growth.rate if year.growth else None,
        "year_verdict": year.growth.verdict if year.growth else year.judged,
    }


def track_rows(history: History, t: Translator) -> list[dict[str, object]]:
    """One row per target: what it is, where it starts and its verdict."""
    return [
        {**_about(province, indicator, t), **_track_fields(province, track, t)}
        for province in history.provinces
        for indicator in province.indicators
        for track in indicator.tracks
    ]


def year_rows(history: History, t: Translator) -> Iterator[dict[str, object]]:
    """One row per year of each target, then one per result of a year no target covers
    (its target columns empty)."""
    for province in history.provinces:
        for indicator in province.indicators:
            about = _about(province, indicator, t)
            for track in indicator.tracks:
                fields = _track_fields(province, track, t)
                for year in track.years:
                    yield {**about, **fields, **_year_fields(year)}
            for result in indicator.untracked:
                figure = result.figure
                yield {
                    **about,
                    "year": figure.year,
                    "value": figure.value,
                    "qualifier": figure.qualifier,
                    "source": result.source,
                }


def as_json(history: History, t: Translator) -> str:
    keys = ("province", "plan", "phase", "indicator", *YEAR_COLUMNS)
    document = {
        "nsclt_version": __version__,
        "format_version": FORMAT_VERSION,
        "as_of": history.as_of.isoformat(),
        "language": t.language,
        "from": history.first,
        "to": history.last,
        "targets": track_rows(history, t),
        "years": [{key: row.get(key) for key in keys} for row in year_rows(history, t)],
        "absent": [
            {"province": p.report.slug, "indicator": wanted}
            for p in history.provinces
            for wanted in p.absent
        ],
    }
    return dumps(document)


def as_csv(history: History, t: Translator) -> str:
    return delimited(COLUMNS, year_rows(history, t), ",")


def as_tsv(history: History, t: Translator) -> str:
    return delimited(COLUMNS, year_rows(history, t), "\t")


def as_markdown(history: History, t: Translator) -> str:
    lines = [f"{t('status.header.as_of')}: {t.date(history.as_of)}"]
    for province in history.provinces:
        report = province.report
        name = t.content(report.name, report.name_en)
        lines += ["", f"## {markdown_cell(t('history.title', name=name))}"]
        for indicator in province.indicators:
            lines += ["", f"### {markdown_cell(named_with_unit(indicator.indicator, t))}"]
            for track in indicator.tracks:
                where = phase_line(track, report, t)
                verdict = status_label(track.target.status, t)
                summary = f"{where} · {target_line(track, t)} · {verdict}"
                lines += ["", markdown_cell(summary), ""]
                lines += markdown_table(year_headers(t), markdown_years(track, report, t))
            if indicator.untracked:
                lines += ["", markdown_cell(t("history.untracked")), ""]
                rows = [
                    (
                        str(r.figure.year),
                        value_text(r.figure, t),
                        "",
                        "",
                        "",
                        cited(r.source, report, t),
                    )
                    for r in indicator.untracked
                ]
                lines += markdown_table(year_headers(t), rows)
    return "\n".join(lines) + "\n"


def year_headers(t: Translator) -> list[str]:
    return [
        t("status.col.year"),
        t("history.col.result"),
        t("history.col.total"),
        t("history.col.required"),
        t("history.col.judged"),
        t("status.col.source"),
    ]


def markdown_years(track: Track, report: ProvinceReport, t: Translator) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for year in track.years:
        ahead = year.year > report.as_of.year
        source = year.figure.source if year.figure else None
        rows.append(
            (
                str(year.year),
                result_text(year, t, ahead),
                value_text(year.total, t) if year.total else "",
                required_text(year, t),
                judgement(year, t),
                cited(source, report, t) if source else "",
            )
        )
    return rows
