"""``-o FILE.svg``: pictures for a slide or a report, drawn as the report's charts are (SVG,
no script, every text escaped).

``status``: a bar per target, filled to its progress in the colour of its verdict, with a
tick where the time elapsed puts the pace (a target on the tick is on pace); ``history``:
each indicator's chart, one under another; ``list``: a bar per province of its targets and
milestones by verdict; ``compare``: a bar per province of what its target is judged on, with
a tick at the target.
"""

from __future__ import annotations

import textwrap
from html import escape
from typing import Final

from nsclt.i18n import Translator
from nsclt.provinces import unit_order
from nsclt.render.chart import HEIGHT as CHART_HEIGHT
from nsclt.render.chart import WIDTH as CHART_WIDTH
from nsclt.render.chart import indicator_chart
from nsclt.render.compare import compared_status_key, target_cell
from nsclt.render.page import CHART_STYLE, text
from nsclt.render.words import figure_text, named_with_unit, progress_words, status_label
from nsclt.report import STATUSES, Evaluation, PhaseReport, TargetRow
from nsclt.text import printable, slugify
from nsclt.views import ComparedRow, Comparison, History

WIDTH: Final = 820
NAME_WIDTH: Final = 330
BAR_WIDTH: Final = 240
ROW: Final = 34
LINE: Final = 15
NAME_CHARACTERS: Final = 46
"""About the characters of a name that fit ``NAME_WIDTH`` at 12 px: longer ones wrap."""
COLOURS: Final = {
    "achieved": "#1a7f37",
    "on_track": "#1a7f37",
    "needs_acceleration": "#9a6700",
    "limited_progress": "#bc4c00",
    "deteriorating": "#b42318",
    "missed": "#b42318",
    "not_started": "#8c959f",
    "no_data": "#b42318",
    "done": "#1a7f37",
    "done_undated": "#1a7f37",
    "due": "#0b5cad",
    "overdue": "#b42318",
}
PICTURE_STYLE: Final = """
text { font-family: "Noto Sans", "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans",
  sans-serif; fill: #1d2433; font-size: 12px; }
.title { font-size: 17px; font-weight: 600; } .phase { font-size: 13px; font-weight: 600; }
.muted { fill: #5b6474; } .track { fill: #e6e9ef; } .pace { stroke: #1d2433; stroke-width: 2; }
"""


def _label(x: float, y: float, words: str, cls: str = "", fill: str = "", end: bool = False) -> str:
    """A line of text from anywhere (a plan file included), escaped."""
    attributes = f' class="{cls}"' if cls else ""
    attributes += f' fill="{fill}"' if fill else ""
    attributes += ' text-anchor="end"' if end else ""
    return f'<text x="{x:g}" y="{y:g}"{attributes}>{text(words)}</text>'


def _svg(width: int, height: int, title: str, body: list[str], style: str) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-labelledby="picture-title">',
            f'<title id="picture-title">{text(title)}</title>',
            f"<style>{style}</style>",
            f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
            *body,
            "</svg>\n",
        ]
    )


# --- status -------------------------------------------------------------------------


def status_svg(evaluation: Evaluation, t: Translator) -> str:
    body: list[str] = []
    y = 28
    for province in evaluation.provinces:
        name = t.content(province.name, province.name_en)
        as_of = f"{t('status.header.as_of')}: {t.date(province.as_of)}"
        body.append(f'<text class="title" x="16" y="{y}">{text(name)}</text>')
        body.append(
            f'<text class="muted" x="{WIDTH - 16}" y="{y}" text-anchor="end">{text(as_of)}</text>'
        )
        y += 14
        for phase in province.phases:
            y += 22
            body += _phase_heading(phase, y, t)
            y += 10
            if not phase.targets:
                y += LINE
                body.append(
                    f'<text class="muted" x="16" y="{y}">{text(t("status.no_targets"))}</text>'
                )
            for row in phase.targets:
                lines, drawn = _target(row, phase, y, t)
                body += drawn
                y += max(ROW, lines * LINE + 12)
        y += 18
    title = " · ".join(t.content(p.name, p.name_en) for p in evaluation.provinces)
    return _svg(WIDTH, y, title, body, PICTURE_STYLE)


def _phase_heading(phase: PhaseReport, y: int, t: Translator) -> list[str]:
    elapsed = f"{t.number(phase.elapsed * 100, 0)}%"
    words = t(
        "status.phase_line",
        phase=phase.phase.id,
        start=phase.phase.start,
        end=phase.phase.end,
        elapsed=elapsed,
    )
    plan = t.content(phase.plan.title, phase.plan.title_en)
    heading = textwrap.shorten(f"{plan} — {words}", width=110, placeholder=" …")
    return [f'<text class="phase" x="16" y="{y}">{text(heading)}</text>']


def _target(row: TargetRow, phase: PhaseReport, y: int, t: Translator) -> tuple[int, list[str]]:
    """A target's name, its bar with the pace tick, and its progress and verdict in words."""
    names = textwrap.wrap(printable(named_with_unit(row.indicator, t)), NAME_CHARACTERS) or [""]
    colour = COLOURS[row.status]
    x = 16 + NAME_WIDTH
    top = y + 6
    indicator = slugify(row.indicator.id)
    out = [
        f'<g class="target" data-indicator="{indicator}" data-status="{row.status}">',
        *(_label(16, top + 11 + index * LINE, line) for index, line in enumerate(names[:3])),
        f'<rect class="track" x="{x}" y="{top}" width="{BAR_WIDTH}" height="14" rx="3"/>',
    ]
    if row.progress is not None and row.compound_rate is None:
        share = min(1.0, max(0.0, row.progress))
        out.append(
            f'<rect class="bar" x="{x}" y="{top}" width="{BAR_WIDTH * share:.1f}" height="14" '
            f'rx="3" fill="{colour}"/>'
        )
    tick = x + BAR_WIDTH * phase.elapsed
    out.append(
        f'<line class="pace" x1="{tick:.1f}" x2="{tick:.1f}" y1="{top - 3}" y2="{top + 17}"/>'
    )
    words = f"{progress_words(row, t)}  {status_label(row.status, t)}"
    out.append(
        f'<text x="{x + BAR_WIDTH + 10}" y="{top + 11}" fill="{colour}">{text(words)}</text>'
    )
    out.append("</g>")
    return min(len(names), 3), out


# --- history ------------------------------------------------------------------------


def history_svg(history: History, t: Translator) -> str:
    """Each indicator's chart, under its name, one below another."""
    body: list[str] = []
    y = 0
    for index, province in enumerate(history.provinces):
        report = province.report
        y += 28
        title = t("history.title", name=t.content(report.name, report.name_en))
        body.append(f'<text class="title" x="16" y="{y}">{text(title)}</text>')
        for indicator in province.indicators:
            y += 30
            body.append(_label(16, y, named_with_unit(indicator.indicator, t), "phase"))
            chart = indicator_chart(indicator, t, f"p{index}-{slugify(indicator.indicator.id)}")
            # A chart is an <svg> of its own: placed in a box of its size, it keeps its scale.
            box = f'x="0" y="{y + 4}" width="{CHART_WIDTH}" height="{CHART_HEIGHT}"'
            body.append(f"<svg {box}>{chart}</svg>")
            y += CHART_HEIGHT + 4
    title = " · ".join(t.content(p.report.name, p.report.name_en) for p in history.provinces)
    return _svg(CHART_WIDTH, y + 16, title, body, PICTURE_STYLE + CHART_STYLE)


# --- list and compare ---------------------------------------------------------------


def list_svg(evaluation: Evaluation, t: Translator) -> str:
    """A row per phase of each province: a bar of its targets and milestones by verdict."""
    body: list[str] = []
    title = t("list.title", path=evaluation.folder, as_of=t.date(evaluation.as_of))
    body.append(f'<text class="title" x="16" y="28">{text(title)}</text>')
    y = 40
    rows = sorted(
        (
            (unit_order(p.name, p.current, p.merged, p.slug), p, phase)
            for p in evaluation.provinces
            for phase in p.phases
        ),
        key=lambda row: row[0],
    )
    for _, province, phase in rows:
        name = t.content(province.name, province.name_en)
        name = f"↳ {name}" if province.merged else name
        counts = phase.counts()
        total = sum(counts.values())
        y += ROW
        body.append(
            f'<text x="16" y="{y}">{text(textwrap.shorten(name, 30, placeholder="…"))}</text>'
        )
        body.append(f'<text class="muted" x="230" y="{y}">{text(phase.phase.id)}</text>')
        x = 330.0
        body.append(
            f'<rect class="track" x="{x}" y="{y - 11}" width="{BAR_WIDTH}" height="14" rx="3"/>'
        )
        for status in STATUSES:
            if counts[status]:
                width = BAR_WIDTH * counts[status] / total
                label = text(f"{counts[status]} {status_label(status, t)}")
                body.append(
                    f'<rect class="status" data-status="{status}" x="{x:.1f}" y="{y - 11}" '
                    f'width="{width:.1f}" height="14" fill="{COLOURS.get(status, "#1a7f37")}">'
                    f"<title>{label}</title></rect>"
                )
                x += width
        words = ", ".join(f"{counts[s]} {status_label(s, t)}" for s in STATUSES if counts[s])
        shown = textwrap.shorten(words or t("status.no_targets"), 26, placeholder="…")
        body.append(f'<text class="muted" x="{330 + BAR_WIDTH + 10}" y="{y}">{text(shown)}</text>')
    return _svg(WIDTH, y + 24, title, body, PICTURE_STYLE)


def compare_svg(comparison: Comparison, t: Translator) -> str:
    """A row per province: what its target is judged on, against the target (a tick)."""
    indicator = comparison.indicator
    title = t(
        "compare.title", indicator=named_with_unit(indicator, t), as_of=t.date(comparison.as_of)
    )
    body = [_label(16, 28, textwrap.shorten(title, 75, placeholder="…"), "title")]
    values = [v for row in comparison.rows for v in _compared_values(row)]
    scale = max(values, default=0.0) or 1.0
    y = 40
    rows = sorted(comparison.rows, key=lambda r: unit_order(r.name, r.current, r.merged, r.slug))
    for row in rows:
        y += ROW
        name = t.content(row.name, row.name_en)
        name = f"↳ {name}" if row.merged else name
        body.append(
            f'<text x="16" y="{y}">{text(textwrap.shorten(name, 30, placeholder="…"))}</text>'
        )
        x = 230
        body.append(
            f'<rect class="track" x="{x}" y="{y - 11}" width="{BAR_WIDTH}" height="14" rx="3"/>'
        )
        target = row.target
        shown = target.actual if target else row.latest
        key = compared_status_key(row)
        colour = COLOURS.get(key, "#8c959f")
        if shown is not None and shown.value > 0:
            width = BAR_WIDTH * min(1.0, shown.value / scale)
            body.append(
                f'<rect class="bar" data-province="{escape(row.slug)}" x="{x}" y="{y - 11}" '
                f'width="{width:.1f}" height="14" rx="3" fill="{colour}"/>'
            )
        if target is not None and target.goal is not None and target.goal > 0:
            tick = x + BAR_WIDTH * min(1.0, target.goal / scale)
            body.append(
                f'<line class="pace" x1="{tick:.1f}" x2="{tick:.1f}" y1="{y - 14}" y2="{y + 6}"/>'
            )
        figure = figure_text(shown, t) if shown else "—"
        words = status_label(key, t) if target else t(f"compare.{key}")
        against = f" / {target_cell(row, t)}" if target is not None else ""
        body.append(_label(x + BAR_WIDTH + 10, y, f"{figure}{against} · {words}", fill=colour))
    return _svg(WIDTH, y + 24, title, body, PICTURE_STYLE)


def _compared_values(row: ComparedRow) -> list[float]:
    target = row.target
    found = [row.latest.value] if row.latest else []
    if target is not None:
        found += [v for v in (target.goal, target.actual.value if target.actual else None) if v]
    return [v for v in found if v > 0]
