"""The frame of every HTML page nsclt writes: one self-contained file, for screen and print.

Everything is inline (style and charts), nothing is fetched: a report opens the same from
a USB stick, an e-mail or a folder with no network. Fonts are the system's, named in an
order that finds one with Vietnamese glyphs on Windows, macOS and Linux. Printed, a page is
A4 and each major section starts a new sheet. Every text from a plan file goes through
``text``, which escapes it; markup is only ever written here and in the renderers.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING, Final

from nsclt import __version__
from nsclt.text import printable

if TYPE_CHECKING:
    from nsclt.i18n import Translator

CHART_STYLE: Final = """
svg.chart .grid { stroke: #d5dae3; stroke-width: 1; }
svg.chart .tick, svg.chart .unit, svg.chart .phase-label { font-size: 11px; fill: #5b6474; }
svg.chart .phase { stroke: #5b6474; stroke-dasharray: 2 3; }
svg.chart .target { stroke: #1a7f37; stroke-width: 2.5; }
svg.chart .path { fill: none; stroke: #8250df; stroke-width: 1.5; stroke-dasharray: 5 4; }
svg.chart .total { fill: none; stroke: #0b5cad; stroke-width: 2; }
svg.chart .result circle, svg.chart .result polygon { fill: #0b5cad; stroke: #0b5cad;
  stroke-width: 1.5; }
svg.chart .result circle.hollow { fill: #fff; }
"""
"""How a chart draws its lines and marks: in every page, and in the SVG pictures."""

STYLE: Final = (
    CHART_STYLE
    + """
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6474; --rule: #d5dae3;
  --good: #1a7f37; --warn: #9a6700; --bad: #b42318; --path: #8250df; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); line-height: 1.45;
  font-family: "Noto Sans", "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-variant-numeric: tabular-nums; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; } h2 { font-size: 1.35rem; margin-top: 2rem;
  border-bottom: 2px solid var(--rule); padding-bottom: .2rem; } h3 { font-size: 1.1rem; }
.kicker, .muted, figcaption, caption { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; padding: .25rem 0; font-weight: 600; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f3f5f8; } td.num, th.num { text-align: right; white-space: nowrap; }
tr.ahead td { color: var(--muted); }
.status-achieved, .status-on_track, .status-done, .status-done_undated { color: var(--good); }
.status-needs_acceleration, .status-limited_progress, .status-due { color: var(--warn); }
.status-deteriorating, .status-missed, .status-overdue, .status-no_data { color: var(--bad); }
.assumption { border-left: 3px solid var(--warn); padding-left: .5rem; }
figure { margin: .5rem 0 1rem; } svg.chart { width: 100%; height: auto; max-height: 18rem; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem;
  font-size: .85rem; margin: .25rem 0; }
.swatch { display: inline-block; width: 1.4rem; height: 0; border-top: 2px solid;
  vertical-align: middle; margin-right: .3rem; }
.swatch.path { border-top: 2px dashed var(--path); } .swatch.target { border-color: var(--good); }
.swatch.total { border-color: var(--accent); }
a { color: var(--accent); }
nav.site { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem;
  border-bottom: 1px solid var(--rule); padding-bottom: .5rem; margin-bottom: 1rem; }
td.indent { padding-left: 1.5rem; }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section.sheet { break-before: page; }
  figure, table, h3 { break-inside: avoid; } h3 { break-after: avoid; }
  svg.chart { max-height: 62mm; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  nav.site { display: none; }
}
"""
)


def text(value: object) -> str:
    """Text from a plan file (or any value) as safe HTML: no markup, no control characters."""
    return escape(printable(str(value)))


def status_span(status: str, words: str) -> str:
    """A status in its colour; the class names a status key, never text from a file."""
    return f'<span class="status-{status}">{text(words)}</span>'


def header_row(*headers: str, numeric: tuple[int, ...] = ()) -> str:
    """A table's head: one column header per text, right-aligned where ``numeric`` says."""
    number = ' class="num"'
    cells = "".join(
        f'<th scope="col"{number if i in numeric else ""}>{text(h)}</th>'
        for i, h in enumerate(headers)
    )
    return f"<thead><tr>{cells}</tr></thead>"


def as_of_line(day: date, t: Translator) -> str:
    """The date a page's verdicts are for, as every page says it."""
    return f"<p><strong>{text(t('status.header.as_of'))}:</strong> {text(t.date(day))}</p>"


def document(title: str, language: str, body: str) -> str:
    """A whole page around ``body``; ``title`` and ``language`` are escaped here."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="nsclt {escape(__version__)}">\n'
        f"<title>{text(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
