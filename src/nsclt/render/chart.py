"""An indicator's chart as inline SVG: its results, its targets, their paths and phases.

Drawn here rather than with a charting library: the charts are a few lines and marks on
two axes, and drawing them ourselves keeps the report one self-contained file with no
script, no dependency and the same bytes on every run. Every result is one mark
(``class="mark result"``, its year and value in ``data-year`` and ``data-value``), shaped by
how the source gave it: a filled dot for an exact figure, a ring for an approximate one, a
triangle pointing up for "at least" / "more than" and down for "at most" / "less than".
A flow's running total is a line; each target's path is a dashed line and its target a
solid bar over its phase's years; each phase starts at a thin vertical rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from html import escape
from typing import Final, NamedTuple

from nsclt.i18n import Translator
from nsclt.model import Qualifier
from nsclt.render.words import indicator_name, target_text, unit, value_text
from nsclt.report import Figure
from nsclt.text import printable
from nsclt.views import IndicatorHistory, Track

WIDTH: Final = 640
HEIGHT: Final = 260
LEFT: Final = 60
RIGHT: Final = 16
TOP: Final = 26
BOTTOM: Final = 34
MARK_RADIUS: Final = 4.5
UP: Final = frozenset({"at_least", "more_than"})
DOWN: Final = frozenset({"at_most", "less_than"})


class _Frame(NamedTuple):
    """The years and values the chart spans, and where they fall on the drawing."""

    first: int
    last: int
    low: float
    high: float

    def x(self, year: float) -> float:
        span = max(1, self.last - self.first)
        return LEFT + (year - self.first) / span * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return TOP + (self.high - value) / span * (HEIGHT - TOP - BOTTOM)


def results_of(history: IndicatorHistory) -> list[Figure]:
    """Each result of the indicator once, in year order, whichever targets it counts for."""
    found: dict[tuple[int, float, str | None, str | None], Figure] = {}
    for track in history.tracks:
        for year in track.years:
            if year.figure is not None:
                f = year.figure
                found.setdefault((f.year, f.value, f.qualifier, f.source), f)
    for row in history.untracked:
        f = row.figure
        found.setdefault((f.year, f.value, f.qualifier, f.source), f)
    return sorted(found.values(), key=lambda f: f.year)


def indicator_chart(history: IndicatorHistory, t: Translator, element_id: str) -> str:
    """The chart of one indicator as an ``<svg>`` element, titled and described for readers
    who cannot see it (the tables beside it hold every figure too)."""
    results = results_of(history)
    frame = _frame(history, results)
    name = printable(indicator_name(history.indicator, t))
    title = t("chart.title", indicator=name)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="chart" role="img" aria-labelledby="{element_id}-title {element_id}-desc">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
        f'<desc id="{element_id}-desc">{escape(_description(history, results, t))}</desc>',
        *_axes(frame, t, unit(history.indicator, t)),
    ]
    for track in history.tracks:
        parts += _track(track, frame, t)
    parts += [_mark(figure, frame, t) for figure in results]
    parts.append("</svg>")
    return "\n".join(parts)


def _values(history: IndicatorHistory, results: list[Figure]) -> Iterable[float]:
    yield 0.0
    yield from (f.value for f in results)
    for track in history.tracks:
        row = track.target
        yield from (v for v in (row.goal, row.start.value if row.start else None) if v is not None)
        if row.band is not None:
            yield from (row.band.min, row.band.max)
        for year in track.years:
            yield from (v for v in (year.required, year.total.value if year.total else None) if v)


def _years(history: IndicatorHistory, results: list[Figure]) -> Iterable[int]:
    yield from (f.year for f in results)
    for track in history.tracks:
        yield from (y.year for y in track.years)
        if track.target.start is not None and track.target.kind not in (
            "growth_per_year",
            "each_year",
        ):
            yield track.target.start.year


def _frame(history: IndicatorHistory, results: list[Figure]) -> _Frame:
    values = [v for v in _values(history, results) if math.isfinite(v)]
    years = list(_years(history, results))
    low, high = min(values), max(values)
    step = _step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if high == low:
        high = low + step
    return _Frame(min(years), max(years), low, high)


def _step(span: float) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about five ticks."""
    if span <= 0:
        return 1.0
    raw = span / 5
    power = 10.0 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _axes(frame: _Frame, t: Translator, unit_name: str) -> list[str]:
    parts = ['<g class="axes">']
    step = _step(frame.high - frame.low)
    ticks = round((frame.high - frame.low) / step)
    for index in range(ticks + 1):
        value = frame.low + index * step
        y = frame.y(value)
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        label = escape(t.number(round(value, 6)))
        parts.append(
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>'
        )
    for year in range(frame.first, frame.last + 1):
        x = frame.x(year)
        every = max(1, math.ceil((frame.last - frame.first + 1) / 12))
        if (year - frame.first) % every == 0:
            parts.append(
                f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="middle">{year}</text>'
            )
    # The unit up the y axis, so that a long one ("doanh nghiệp") never runs off the drawing.
    unit_label = escape(printable(unit_name))
    middle = (TOP + HEIGHT - BOTTOM) / 2
    parts.append(
        f'<text class="unit" transform="rotate(-90)" x="{-middle:.1f}" y="12" '
        f'text-anchor="middle">{unit_label}</text>'
    )
    parts.append("</g>")
    return parts


def _track(track: Track, frame: _Frame, t: Translator) -> list[str]:
    row = track.target
    phase = escape(printable(row.phase))
    start, end = frame.x(row.phase_start - 0.5), frame.x(row.target_year + 0.5)
    start, end = max(LEFT, start), min(WIDTH - RIGHT, end)
    parts = [f'<g class="track" data-phase="{phase}">']
    parts.append(
        f'<line class="phase" x1="{start:.1f}" x2="{start:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>'
    )
    parts.append(f'<text class="phase-label" x="{start + 3:.1f}" y="{TOP - 10}">{phase}</text>')
    if row.goal is not None and row.kind != "growth_per_year":
        y = frame.y(row.goal)
        label = escape(target_text(row, t))
        parts.append(
            f'<line class="target" x1="{start:.1f}" x2="{end:.1f}" y1="{y:.1f}" y2="{y:.1f}">'
            f"<title>{label}</title></line>"
        )
    path = [(y.year, y.required) for y in track.years if y.required is not None]
    if row.start is not None and path and row.kind not in ("growth_per_year", "each_year"):
        path.insert(0, (row.start.year, row.start.value))
    if len(path) > 1:
        parts.append(_polyline("path", path, frame))
    totals = [(y.year, y.total.value) for y in track.years if y.total is not None]
    if len(totals) > 1:
        parts.append(_polyline("total", totals, frame))
    parts.append("</g>")
    return parts


def _polyline(kind: str, points: list[tuple[int, float]], frame: _Frame) -> str:
    drawn = " ".join(f"{frame.x(year):.1f},{frame.y(value):.1f}" for year, value in points)
    return f'<polyline class="{kind}" points="{drawn}"/>'


def _mark(figure: Figure, frame: _Frame, t: Translator) -> str:
    x, y = frame.x(figure.year), frame.y(figure.value)
    shape = _shape(figure.qualifier, x, y)
    label = escape(f"{figure.year}: {value_text(figure, t)}")
    qualifier = escape(figure.qualifier or "exact")
    return (
        f'<g class="mark result" data-year="{figure.year}" data-value="{figure.value!r}" '
        f'data-qualifier="{qualifier}"><title>{label}</title>{shape}</g>'
    )


def _shape(qualifier: Qualifier | None, x: float, y: float) -> str:
    r = MARK_RADIUS
    if qualifier in UP or qualifier in DOWN:
        tip = -1.4 * r if qualifier in UP else 1.4 * r
        points = (
            f"{x:.1f},{y + tip:.1f} {x - r:.1f},{y - tip / 2:.1f} {x + r:.1f},{y - tip / 2:.1f}"
        )
        return f'<polygon points="{points}"/>'
    hollow = ' class="hollow"' if qualifier == "approx" else ""
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}"{hollow}/>'


def _description(history: IndicatorHistory, results: list[Figure], t: Translator) -> str:
    """The chart in words: every result and every target."""
    figures = "; ".join(f"{f.year}: {value_text(f, t)}" for f in results) or t("chart.no_results")
    targets = "; ".join(
        t(
            "chart.target",
            phase=track.target.phase,
            target=target_text(track.target, t),
            year=track.target.target_year,
        )
        for track in history.tracks
    )
    return f"{t('history.col.result')}: {figures}." + (f" {targets}." if targets else "")
