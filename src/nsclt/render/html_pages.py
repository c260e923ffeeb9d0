"""``-o FILE.html`` of status, list, history and compare: a page, built as the report is.

Each is a self-contained page in the frame of ``page`` (inline style, prints on A4, every
text escaped): ``status`` its phases' targets, milestones, notices, notes and numbered
sources; ``list`` every province's phases and counts by status; ``history`` each indicator's
chart and years, as in the report; ``compare`` the provinces side by side, as on the site.
"""

from __future__ import annotations

from nsclt.i18n import Translator
from nsclt.provinces import unit_order
from nsclt.render.page import as_of_line, document, header_row, status_span, text
from nsclt.render.report_html import indicator_section, sources_section
from nsclt.render.report_words import facts
from nsclt.render.since import MARK, described, has_new_result, is_new, was_text
from nsclt.render.site import comparison_html
from nsclt.render.status import notice_text, origin_lines
from nsclt.render.words import (
    baseline_text,
    cited,
    done_text,
    figure_text,
    named_with_unit,
    progress_words,
    remaining_text,
    status_label,
    target_headers,
    target_text,
    value_text,
    verdict_flags,
)
from nsclt.report import (
    STATUSES,
    Evaluation,
    PhaseReport,
    ProvinceReport,
    ResultRow,
    TargetRow,
)
from nsclt.views import Comparison, History, ProvinceHistory, ReportPart

# --- status -------------------------------------------------------------------------


def status_html(evaluation: Evaluation, t: Translator) -> str:
    body: list[str] = []
    if evaluation.redirected_from is not None and evaluation.provinces:
        current = evaluation.provinces[0].current or ""
        note = t("status.redirected", former=evaluation.redirected_from, current=current)
        body.append(f'<p class="muted">{text(note)}</p>')
    for index, province in enumerate(evaluation.provinces):
        body += _province(province, f"p{index}-", t)
    names = " · ".join(t.content(p.name, p.name_en) for p in evaluation.provinces)
    return document(names or t("report.kicker"), t.language, "\n".join(body))


def _province(province: ProvinceReport, prefix: str, t: Translator) -> list[str]:
    name = t.content(province.name, province.name_en)
    out = [f'<main id="{prefix}status"><h1>{text(name)}</h1>']
    out += [f'<p class="muted">{text(line)}</p>' for line in origin_lines(province, t)]
    out.append(as_of_line(province.as_of, t))
    for phase in province.phases:
        out.append('<section><dl class="facts">')
        out += [f"<dt>{text(label)}</dt><dd>{text(value)}</dd>" for label, value in facts(phase, t)]
        out.append("</dl>")
        out += _targets(phase, province, t)
        out += _milestones(phase, t)
        out += _untargeted(phase, province, t)
        if phase.notices:
            out.append(f"<h3>{text(t('status.notices'))}</h3><ul>")
            out += [f"<li>{text(notice_text(n, phase, t))}</li>" for n in phase.notices]
            out.append("</ul>")
        notes = [note for note in (phase.plan.note, phase.phase.note) if note]
        if notes:
            out.append(f"<h3>{text(t('status.notes'))}</h3><ul>")
            out += [f"<li>{text(note)}</li>" for note in notes]
            out.append("</ul>")
        out.append("</section>")
    if province.since is not None:
        since = t.date(province.since)
        out.append(f"<h2>{text(t('since.title', since=since))}</h2>")
        items = [f"<li>{text(described(c, province, t))}</li>" for c in province.changes]
        nothing = f"<p>{text(t('since.none', since=since))}</p>"
        out.append(f"<ul>{''.join(items)}</ul>" if items else nothing)
        if any(change.kind == "result_added" for change in province.changes):
            out.append(f'<p class="muted">{text(t("since.mark", since=since))}</p>')
    part = ReportPart(province, _empty_history(province), province.sources)
    out += sources_section(part, prefix, t)
    out.append("</main>")
    return out


def _empty_history(province: ProvinceReport) -> ProvinceHistory:
    return ProvinceHistory(province, ())


def _targets(phase: PhaseReport, province: ProvinceReport, t: Translator) -> list[str]:
    if not phase.targets:
        return [f'<p class="muted">{text(t("status.no_targets"))}</p>']
    out = ["<table>"]
    out.append(header_row(t("status.col.indicator"), *target_headers(t), numeric=(1, 2, 3, 5)))
    out.append("<tbody>")
    for row in phase.targets:
        out.append(_target_row(row, province, t))
    out.append("</tbody></table>")
    return out


def _target_row(row: TargetRow, province: ProvinceReport, t: Translator) -> str:
    actual = figure_text(row.actual, t) + (f" {MARK}" if has_new_result(row, province) else "")
    progress = text(progress_words(row, t))
    if row.progress is not None and row.compound_rate is None:
        share = min(1.0, max(0.0, row.progress))
        progress = f'<meter min="0" max="1" value="{share:.4f}"></meter> {progress}'
    verdict = status_label(row.status, t) + verdict_flags(row, t) + was_text(row, province, t)
    return (
        f"<tr><td>{text(named_with_unit(row.indicator, t))}</td>"
        f'<td class="num">{text(target_text(row, t))}</td>'
        f'<td class="num">{text(baseline_text(row, t))}</td>'
        f'<td class="num">{text(actual)}</td><td>{progress}</td>'
        f'<td class="num">{text(remaining_text(row, t))}</td>'
        f"<td>{status_span(row.status, verdict)}</td></tr>"
    )


def _mark(phase: PhaseReport, result: ResultRow, province: ProvinceReport) -> str:
    return f" {MARK}" if is_new(phase, result, province) else ""


def _milestones(phase: PhaseReport, t: Translator) -> list[str]:
    if not phase.milestones:
        return []
    out = [f"<table><caption>{text(t('status.milestones'))}</caption>"]
    out.append(
        header_row(
            t("status.col.milestone"),
            t("status.col.due"),
            t("status.col.done"),
            t("status.col.status"),
        )
    )
    out.append("<tbody>")
    for row in phase.milestones:
        m = row.milestone
        done = done_text(row, t)
        out.append(
            f"<tr><td>{text(t.content(m.title, m.title_en))}</td><td>{text(t.date(m.due))}</td>"
            f"<td>{text(done)}</td><td>{status_span(row.status, status_label(row.status, t))}"
            "</td></tr>"
        )
    out.append("</tbody></table>")
    return out


def _untargeted(phase: PhaseReport, province: ProvinceReport, t: Translator) -> list[str]:
    if not phase.untargeted:
        return []
    out = [f"<table><caption>{text(t('status.untargeted'))}</caption>"]
    out.append(
        header_row(
            t("status.col.indicator"),
            t("status.col.year"),
            t("status.col.value"),
            t("status.col.source"),
            numeric=(1, 2),
        )
    )
    out.append("<tbody>")
    for result in phase.untargeted:
        value = text(value_text(result.figure, t)) + _mark(phase, result, province)
        out.append(
            f"<tr><td>{text(named_with_unit(result.indicator, t))}</td>"
            f'<td class="num">{result.figure.year}</td><td class="num">{value}</td>'
            f"<td>{text(cited(result.source, province, t))}</td></tr>"
        )
    out.append("</tbody></table>")
    return out


# --- list ---------------------------------------------------------------------------


def list_html(evaluation: Evaluation, t: Translator) -> str:
    title = t("list.title", path=evaluation.folder, as_of=t.date(evaluation.as_of))
    body = [f"<h1>{text(title)}</h1>", "<table>"]
    headers = (t("list.col.province"), t("list.col.plan"), t("list.col.phase"))
    body.append(header_row(*headers, t("status.col.status")))
    body.append("<tbody>")
    rows: list[tuple[tuple[str, int, str], str]] = []
    for province in evaluation.provinces:
        name = text(t.content(province.name, province.name_en))
        name = f"↳ {name} ({text(province.current or '')})" if province.merged else name
        order = unit_order(province.name, province.current, province.merged, province.slug)
        for phase in province.phases:
            counts = phase.counts()
            summary = (
                ", ".join(
                    status_span(s, f"{counts[s]} {status_label(s, t)}")
                    for s in STATUSES
                    if counts[s]
                )
                or f'<span class="muted">{text(t("status.no_targets"))}</span>'
            )
            years = f"{phase.phase.id} ({phase.phase.start}–{phase.phase.end})"
            rows.append(
                (
                    order,
                    f"<tr><td>{name}</td><td>{text(phase.plan.id)}</td><td>{text(years)}</td>"
                    f"<td>{summary}</td></tr>",
                )
            )
    for path in evaluation.invalid:
        problem = status_span("missed", t("list.invalid", path=path))
        row = f"<tr><td>{text(path)}</td><td>—</td><td>—</td><td>{problem}</td></tr>"
        rows.append(((path, 0, path), row))
    body += [row for _, row in sorted(rows, key=lambda r: r[0])]
    body.append("</tbody></table>")
    return document(title, t.language, "\n".join(body))


# --- history and compare ------------------------------------------------------------


def history_html(history: History, t: Translator) -> str:
    body: list[str] = []
    for index, province in enumerate(history.provinces):
        report = province.report
        prefix = f"p{index}-"
        part = ReportPart(report, province, report.sources)
        body.append(f'<main id="{prefix}history">')
        title = t("history.title", name=t.content(report.name, report.name_en))
        body.append(f"<h1>{text(title)}</h1>")
        body += [f'<p class="muted">{text(line)}</p>' for line in origin_lines(report, t)]
        body.append(as_of_line(report.as_of, t))
        for wanted in province.absent:
            body.append(f"<p>{text(t('history.absent', indicator=wanted))}</p>")
        if not province.indicators:
            body.append(f'<p class="muted">{text(t("history.nothing"))}</p>')
        for indicator in province.indicators:
            body += indicator_section(indicator, part, prefix, t)
        body += sources_section(part, prefix, t)
        body.append("</main>")
    names = " · ".join(t.content(p.report.name, p.report.name_en) for p in history.provinces)
    return document(names, t.language, "\n".join(body))


def compare_html(comparison: Comparison, t: Translator) -> str:
    return comparison_html(comparison, t, nav="", links=False)
