"""The pages of the programme-wide site (``nsclt site``) beside the provinces' reports.

The index lists every plan file in the order of today's map (a former unit under the unit it
is now part of), with its targets and milestones by status and the year of its latest
result; a page per standard indicator compares the provinces; the national page adds up
the summable indicators beside the national plan's targets. Every link is relative, so the
folder works from a disk, a USB stick or any web server.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import PurePath
from typing import Final

from nsclt.i18n import Translator
from nsclt.model import Indicator
from nsclt.provinces import unit_order, units_without_own_file
from nsclt.render.compare import NOT_TRACKING, compared_status_key, target_cell
from nsclt.render.page import as_of_line, document, header_row, status_span, text
from nsclt.render.words import figure_text, named_with_unit, status_label, target_text, value_text
from nsclt.text import slugify
from nsclt.views import Comparison, RollupRow, SiteEntry

INDEX: Final = "index.html"
NATIONAL: Final = "national.html"


def province_page(slug: str) -> str:
    return f"provinces/{slugify(slug)}.html"


def indicator_page(indicator_id: str) -> str:
    return f"indicators/{slugify(indicator_id)}.html"


def site_nav(t: Translator, depth: int) -> str:
    """The site's links, from a page ``depth`` folders below the site's root."""
    up = "../" * depth
    links = [(f"{up}{INDEX}", t("site.index")), (f"{up}{NATIONAL}", t("site.national"))]
    cells = "".join(f'<a href="{text(href)}">{text(words)}</a>' for href, words in links)
    return f'<nav class="site" aria-label="{text(t("site.nav"))}">{cells}</nav>'


def _headings(
    places: Iterable[tuple[str | None, bool]], t: Translator, columns: int
) -> list[tuple[tuple[str, int, str], str]]:
    """A row for each unit of today with no file of its own, for its former units to stand
    under, in a table of ``columns`` columns."""
    word = f'<td colspan="{columns - 1}" class="muted">{text(t("list.no_own_file"))}</td>'
    return [
        ((slugify(unit), 0, ""), f"<tr><td>{text(unit)}</td>{word}</tr>")
        for unit in units_without_own_file(places)
    ]


def _status_cells(counts: tuple[tuple[str, int], ...], t: Translator) -> str:
    parts = [status_span(status, f"{count} {status_label(status, t)}") for status, count in counts]
    return ", ".join(parts) or f'<span class="muted">{text(t("status.no_targets"))}</span>'


def index_html(
    entries: Sequence[SiteEntry],
    invalid: Sequence[str],
    indicators: Sequence[Indicator],
    as_of: date,
    t: Translator,
) -> str:
    body = [site_nav(t, 0), f"<h1>{text(t('site.title'))}</h1>"]
    body.append(as_of_line(as_of, t))
    body.append(f"<h2>{text(t('site.provinces'))}</h2>")
    headers = (
        t("list.col.province"),
        t("list.col.phase"),
        t("status.col.status"),
        t("site.latest_year"),
    )
    body.append("<table>" + header_row(*headers) + "<tbody>")
    rows: list[tuple[tuple[str, int, str], str]] = []
    for entry in entries:
        name = text(t.content(entry.name, entry.name_en))
        page = NATIONAL if entry.national else province_page(entry.slug)
        link = f'<a href="{text(page)}">{name}</a>'
        cls = ' class="indent"' if entry.merged else ""
        link = f"↳ {link}" if entry.merged else link
        phases = "<br>".join(text(p) for p in entry.phases) or "—"
        latest = str(entry.latest_year) if entry.latest_year is not None else "—"
        row = (
            f"<tr><td{cls}>{link}</td><td>{phases}</td><td>{_status_cells(entry.counts, t)}</td>"
            f'<td class="num">{latest}</td></tr>'
        )
        order = unit_order(entry.name, entry.current, entry.merged, entry.slug)
        rows.append(((f"~{order[0]}", *order[1:]) if entry.national else order, row))
    rows += _headings(((e.current, e.merged) for e in entries), t, columns=4)
    for path in invalid:
        problem = f'<span class="status-missed">{text(t("list.invalid", path=path))}</span>'
        stem = PurePath(path).stem
        rows.append(
            (
                (stem, 0, stem),
                f"<tr><td>{text(stem)}</td><td>—</td><td>{problem}</td><td>—</td></tr>",
            )
        )
    body += [row for _, row in sorted(rows, key=lambda r: r[0])]
    body.append("</tbody></table>")
    body.append(f"<h2>{text(t('site.indicators'))}</h2><ul>")
    for indicator in indicators:
        href = text(indicator_page(indicator.id))
        body.append(f'<li><a href="{href}">{text(named_with_unit(indicator, t))}</a></li>')
    body.append("</ul>")
    body.append(f'<p><a href="{NATIONAL}">{text(t("site.national"))}</a></p>')
    return document(t("site.title"), t.language, "\n".join(body))


def comparison_html(
    comparison: Comparison, t: Translator, nav: str | None = None, links: bool = True
) -> str:
    """The provinces side by side on one indicator; ``links`` to their pages on the site."""
    indicator = comparison.indicator
    title = t(
        "compare.title", indicator=named_with_unit(indicator, t), as_of=t.date(comparison.as_of)
    )
    body = [
        site_nav(t, 1) if nav is None else nav,
        f"<h1>{text(named_with_unit(indicator, t))}</h1>",
    ]
    body.append(as_of_line(comparison.as_of, t))
    headers = (
        t("list.col.province"),
        t("compare.col.latest"),
        t("status.col.target"),
        t("status.col.actual"),
        t("status.col.status"),
    )
    body.append("<table>" + header_row(*headers) + "<tbody>")
    rows: list[tuple[tuple[str, int, str], str]] = []
    for row in comparison.rows:
        name = text(t.content(row.name, row.name_en))
        anchor = f"#p0-indicator-{slugify(indicator.id)}" if row.tracking else ""
        link = f'<a href="../{text(province_page(row.slug))}{anchor}">{name}</a>' if links else name
        link = f"↳ {link}" if row.merged else link
        target = row.target
        key = compared_status_key(row)
        words = status_label(key, t) if target is not None else t(f"compare.{key}")
        cls = ' class="muted"' if key == NOT_TRACKING else f' class="status-{key}"'
        cells = (
            f'<td>{link}</td><td class="num">{text(figure_text(row.latest, t))}</td>'
            f"<td>{text(target_cell(row, t))}</td>"
            f'<td class="num">{text(figure_text(target.actual, t)) if target else "—"}</td>'
            f"<td{cls}>{text(words)}</td>"
        )
        rows.append((unit_order(row.name, row.current, row.merged, row.slug), f"<tr>{cells}</tr>"))
    rows += _headings(((row.current, row.merged) for row in comparison.rows), t, columns=5)
    body += [html for _, html in sorted(rows, key=lambda r: r[0])]
    body.append("</tbody></table>")
    return document(title, t.language, "\n".join(body))


def national_html(rows: Sequence[RollupRow], report_html: str, as_of: date, t: Translator) -> str:
    """The roll-up, then the national plan's own report (its body, already rendered)."""
    body = [site_nav(t, 0), f"<h1>{text(t('site.national'))}</h1>"]
    body.append(as_of_line(as_of, t))
    body.append(f"<p>{text(t('site.rollup_rule'))}</p>")
    headers = (
        t("status.col.indicator"),
        t("site.national_target"),
        t("site.sum"),
        t("site.counted"),
    )
    body.append("<table>" + header_row(*headers) + "<tbody>")
    for row in rows:
        body.append(_rollup_row(row, t))
    body.append("</tbody></table>")
    body.append(report_html)
    return document(t("site.national"), t.language, "\n".join(body))


def _rollup_row(row: RollupRow, t: Translator) -> str:
    indicator = row.indicator
    link = (
        f'<a href="{text(indicator_page(indicator.id))}">{text(named_with_unit(indicator, t))}</a>'
    )
    national = "—"
    if row.national is not None:
        national = text(
            t("history.target", target=target_text(row.national, t), year=row.national.target_year)
        )
        verdict = text(status_label(row.national.status, t))
        national += f' <span class="status-{row.national.status}">({verdict})</span>'
    total = text(value_text(row.total, t)) if row.total else "—"
    if row.first is not None and row.last is not None:
        total += f' <span class="muted">({row.first}–{row.last})</span>'
    counted = []
    for c in row.contributions:
        if c.figure is None:
            continue
        name = text(t.content(c.name, c.name_en))
        figure = text(figure_text(c.figure, t))
        if c.counted:
            counted.append(f"{name}: {figure}")
        else:
            left = text(t("site.not_counted", current=c.current or ""))
            counted.append(f'<span class="muted">{name}: {figure} — {left}</span>')
    listed = "<br>".join(counted) or '<span class="muted">—</span>'
    return (
        f'<tr><td>{link}</td><td>{national}</td><td class="num">{total}</td><td>{listed}</td></tr>'
    )
