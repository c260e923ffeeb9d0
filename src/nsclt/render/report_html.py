"""The report an officer hands up (``nsclt report``) as one HTML page.

In the order a reader needs it: who and under which documents (the header); where things
stand and what needs attention (the summary); each indicator's chart and years; the
milestones; the notes and assumptions; the numbered sources every figure cites.
"""

from __future__ import annotations

from nsclt.i18n import Translator
from nsclt.render.chart import indicator_chart, results_of
from nsclt.render.history import (
    judgement,
    phase_line,
    required_text,
    result_text,
    target_line,
    year_headers,
)
from nsclt.render.page import as_of_line, document, header_row, status_span, text
from nsclt.render.report_words import (
    ASSUMPTION,
    attention,
    citation,
    facts,
    notes_of,
    report_title,
    source_words,
    status_counts,
    without_mark,
)
from nsclt.render.status import decisions_of, origin_lines
from nsclt.render.words import (
    done_text,
    named_with_unit,
    status_label,
    value_text,
    verdict_flags,
)
from nsclt.report import STATUSES
from nsclt.text import slugify
from nsclt.views import HistoryYear, IndicatorHistory, ReportDocument, ReportPart, Track


def as_html(report: ReportDocument, t: Translator, nav: str = "") -> str:
    """The report as a page; ``nav`` is the site's navigation, when it is part of one."""
    title = " · ".join(report_title(part, t) for part in report.parts) or t("report.kicker")
    return document(title, t.language, nav + report_body(report, t))


def report_body(report: ReportDocument, t: Translator) -> str:
    """The report's HTML, without the page around it."""
    body: list[str] = []
    if report.redirected_from is not None and report.parts:
        current = report.parts[0].current.current or ""
        note = t("status.redirected", former=report.redirected_from, current=current)
        body.append(f'<p class="muted">{text(note)}</p>')
    for index, part in enumerate(report.parts):
        body.append(_html_part(part, index, t))
    return "\n".join(body)


def _html_part(part: ReportPart, index: int, t: Translator) -> str:
    prefix = f"p{index}-"
    out = [f'<main class="report{" sheet" if index else ""}" id="{prefix}report">', "<header>"]
    out.append(f'<p class="kicker">{text(t("report.kicker"))}</p>')
    out.append(f"<h1>{text(report_title(part, t))}</h1>")
    out += [f'<p class="muted">{text(line)}</p>' for line in origin_lines(part.current, t)]
    out.append(as_of_line(part.current.as_of, t))
    for phase in part.current.phases:
        out.append('<dl class="facts">')
        for label, value in facts(phase, t):
            out.append(f"<dt>{text(label)}</dt><dd>{text(value)}</dd>")
        out.append("</dl>")
    out.append("</header>")
    out += _html_summary(part, prefix, t)
    out.append(f'<section class="sheet" id="{prefix}indicators">')
    out.append(f"<h2>{text(t('report.indicators'))}</h2>")
    if not part.history.indicators:
        out.append(f'<p class="muted">{text(t("history.nothing"))}</p>')
    for indicator in part.history.indicators:
        out += indicator_section(indicator, part, prefix, t)
    out.append("</section>")
    out += _html_milestones(part, prefix, t)
    out += _html_notes(part, prefix, t)
    out += sources_section(part, prefix, t)
    footer = t("report.footer", slug=part.current.slug, as_of=t.date(part.current.as_of))
    out.append(f"<footer>{text(footer)}</footer>")
    out.append("</main>")
    return "\n".join(out)


def _html_summary(part: ReportPart, prefix: str, t: Translator) -> list[str]:
    out = [f'<section id="{prefix}summary"><h2>{text(t("report.summary"))}</h2>']
    counts = status_counts(part)
    if counts:
        out.append(f'<table class="counts"><caption>{text(t("report.counts"))}</caption>')
        out.append(header_row(t("status.col.status"), t("report.count"), numeric=(1,)) + "<tbody>")
        for status in STATUSES:
            if counts[status]:
                label = text(status_label(status, t))
                out.append(
                    f'<tr><td class="status-{status}">{label}</td>'
                    f'<td class="num">{counts[status]}</td></tr>'
                )
        out.append("</tbody></table>")
    else:
        out.append(f'<p class="muted">{text(t("status.no_targets"))}</p>')
    out.append(f"<h3>{text(t('report.attention'))}</h3>")
    items = list(attention(part, t))
    if items:
        out.append("<ul>" + "".join(f"<li>{text(item)}</li>" for item in items) + "</ul>")
    else:
        out.append(f'<p class="muted">{text(t("report.nothing_to_watch"))}</p>')
    out.append("</section>")
    return out


def _cite(source_id: str | None, prefix: str, part: ReportPart) -> str:
    if not source_id:
        return ""
    words, number = citation(source_id, part)
    if number is None:
        return text(words)
    return f'{text(words)} <a href="#{prefix}source-{number}">[{number}]</a>'


def sources_section(part: ReportPart, prefix: str, t: Translator) -> list[str]:
    """The numbered list of the sources the part cites, each with its address."""
    out = [f'<section class="sheet" id="{prefix}sources"><h2>{text(t("report.sources"))}</h2>']
    out.append("<ol>")
    for number, source in enumerate(part.sources, start=1):
        link = f' <a href="{text(source.url)}">{text(source.url)}</a>' if source.url else ""
        out.append(f'<li id="{prefix}source-{number}">{text(source_words(source, t))}.{link}</li>')
    out.append("</ol></section>")
    return out


def indicator_section(
    indicator: IndicatorHistory, part: ReportPart, prefix: str, t: Translator
) -> list[str]:
    """An indicator's chart, legend and table of years per target."""
    anchor = f"{prefix}indicator-{slugify(indicator.indicator.id)}"
    out = [f'<article class="indicator" id="{anchor}">']
    out.append(f"<h3>{text(named_with_unit(indicator.indicator, t))}</h3>")
    out.append(f"<figure>{indicator_chart(indicator, t, f'{anchor}-chart')}")
    out.append(_legend(indicator, t))
    out.append("</figure>")
    for track in indicator.tracks:
        out += _html_track(track, part, prefix, t)
    if indicator.untracked:
        out.append(f"<table><caption>{text(t('history.untracked'))}</caption>")
        headers = (t("status.col.year"), t("history.col.result"), t("status.col.source"))
        out.append(header_row(*headers) + "<tbody>")
        for row in indicator.untracked:
            value = text(value_text(row.figure, t))
            cite = _cite(row.source, prefix, part)
            out.append(
                f'<tr><td>{row.figure.year}</td><td class="num">{value}</td><td>{cite}</td></tr>'
            )
        out.append("</tbody></table>")
    out.append("</article>")
    return out


def _legend(indicator: IndicatorHistory, t: Translator) -> str:
    """What the chart's marks and lines mean: only those it draws."""
    qualifiers = {figure.qualifier for figure in results_of(indicator)}
    years = [year for track in indicator.tracks for year in track.years]
    drawn = [
        (None in qualifiers, "●", "chart.legend.result"),
        ("approx" in qualifiers, "○", "chart.legend.approx"),
        (bool(qualifiers - {None, "approx"}), "▲ ▼", "chart.legend.bound"),
        (
            any(track.target.goal is not None for track in indicator.tracks),
            "target",
            "chart.legend.target",
        ),
        (any(year.required is not None for year in years), "path", "chart.legend.path"),
        (any(year.total is not None for year in years), "total", "chart.legend.total"),
    ]
    cells = "".join(
        f"<li>{_swatch(mark)} {text(t(key))}</li>" for shown, mark, key in drawn if shown
    )
    return f'<figcaption><ul class="legend">{cells}</ul></figcaption>'


def _swatch(mark: str) -> str:
    if mark in ("target", "path", "total"):
        return f'<span class="swatch {mark}"></span>'
    return mark


def _html_track(track: Track, part: ReportPart, prefix: str, t: Translator) -> list[str]:
    row = track.target
    report = part.history.report
    status = status_span(row.status, status_label(row.status, t) + verdict_flags(row, t))
    caption = f"{text(phase_line(track, report, t))} · {text(target_line(track, t))} · {status}"
    if track.amendment is not None:
        caption += f'<br><span class="muted">{text(_amended(track, part, t))}</span>'
    as_of = report.as_of.year
    rows = [_year_cells(year, year.year > as_of, part, prefix, t) for year in track.years]
    # A column no year fills (a level's total, the verdict of a year) is left out.
    shown = [i for i in range(len(rows[0])) if i in (0, 1, 3) or any(r[i][1] for r in rows)]
    headers = [year_headers(t)[index] for index in shown]
    numeric = tuple(at for at, index in enumerate(shown) if index in (1, 2, 3))
    out = [
        f"<table><caption>{caption}</caption>",
        header_row(*headers, numeric=numeric) + "<tbody>",
    ]
    for year, cells in zip(track.years, rows, strict=True):
        html = "".join(f"<td{cells[i][0]}>{cells[i][1]}</td>" for i in shown)
        out.append(f'<tr class="ahead">{html}</tr>' if year.year > as_of else f"<tr>{html}</tr>")
    out.append("</tbody></table>")
    return out


def _amended(track: Track, part: ReportPart, t: Translator) -> str:
    from nsclt.render.history import phase_of

    assert track.amendment is not None
    phase = phase_of(track, part.history.report)
    decision = decisions_of(phase, t)[track.amendment.id]
    effective = t.date(track.amendment.takes_effect)
    if track.replaced is not None:
        from nsclt.render.words import target_text

        was = target_text(track.replaced, t)
        return t("history.replaced", decision=decision, effective=effective, was=was)
    return t("history.set_by", decision=decision, effective=effective)


def _year_cells(
    year: HistoryYear,
    ahead: bool,
    part: ReportPart,
    prefix: str,
    t: Translator,
) -> list[tuple[str, str]]:
    """Each cell of a year's row as (attributes, HTML): year, result, total, path, verdict,
    source."""
    total = value_text(year.total, t) if year.total else ""
    source = year.figure.source if year.figure else None
    num = ' class="num"'
    return [
        ("", str(year.year)),
        (num, text(result_text(year, t, ahead))),
        (num, text(total)),
        (num, text(required_text(year, t))),
        ("", text(judgement(year, t))),
        ("", _cite(source, prefix, part)),
    ]


def _html_milestones(part: ReportPart, prefix: str, t: Translator) -> list[str]:
    rows = [row for phase in part.current.phases for row in phase.milestones]
    if not rows:
        return []
    out = [f'<section id="{prefix}milestones"><h2>{text(t("status.milestones"))}</h2>']
    headers = (
        t("status.col.milestone"),
        t("status.col.due"),
        t("status.col.done"),
        t("status.col.status"),
        t("status.col.source"),
    )
    out.append("<table>" + header_row(*headers) + "<tbody>")
    for row in rows:
        m = row.milestone
        done = done_text(row, t)
        out.append(
            f"<tr><td>{text(t.content(m.title, m.title_en))}</td><td>{text(t.date(m.due))}</td>"
            f"<td>{text(done)}</td><td>{status_span(row.status, status_label(row.status, t))}</td>"
            f"<td>{_cite(m.source, prefix, part)}</td></tr>"
        )
    out.append("</tbody></table></section>")
    return out


def _html_notes(part: ReportPart, prefix: str, t: Translator) -> list[str]:
    notes = notes_of(part, t)
    if not notes:
        return []
    out = [f'<section id="{prefix}notes"><h2>{text(t("report.notes"))}</h2><ul>']
    for where, note in notes:
        assumption = note.startswith(ASSUMPTION)
        cls = ' class="assumption"' if assumption else ""
        label = f"<strong>{text(t('report.assumption'))}</strong> " if assumption else ""
        said = text(without_mark(note))
        out.append(f'<li{cls}>{label}<span class="muted">{text(where)}:</span> {said}</li>')
    out.append("</ul></section>")
    return out
