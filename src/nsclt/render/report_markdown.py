"""The report an officer hands up (``nsclt report``) as Markdown: the page's words and tables,
without its charts."""

from __future__ import annotations

from nsclt.i18n import Translator
from nsclt.render.history import (
    phase_line,
    target_line,
    year_headers,
)
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
from nsclt.render.status import origin_lines
from nsclt.render.tabular import markdown_cell, markdown_table
from nsclt.render.words import (
    named_with_unit,
    status_label,
    value_text,
    verdict_flags,
)
from nsclt.report import STATUSES
from nsclt.views import ReportDocument, ReportPart, Track


def as_markdown(report: ReportDocument, t: Translator) -> str:
    lines: list[str] = []
    for part in report.parts:
        lines += _markdown_part(part, t)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_part(part: ReportPart, t: Translator) -> list[str]:
    lines = [f"# {markdown_cell(report_title(part, t))}", ""]
    lines += [markdown_cell(line) for line in origin_lines(part.current, t)]
    lines += [f"**{markdown_cell(t('status.header.as_of'))}:** {t.date(part.current.as_of)}", ""]
    for phase in part.current.phases:
        lines += [
            f"- **{markdown_cell(label)}:** {markdown_cell(value)}"
            for label, value in facts(phase, t)
        ]
        lines.append("")
    lines += [f"## {markdown_cell(t('report.summary'))}", ""]
    counts = status_counts(part)
    rows = [(status_label(s, t), str(counts[s])) for s in STATUSES if counts[s]]
    if rows:
        lines += markdown_table([t("status.col.status"), t("report.count")], rows)
    else:
        lines.append(markdown_cell(t("status.no_targets")))
    lines += ["", f"### {markdown_cell(t('report.attention'))}", ""]
    items = list(attention(part, t))
    lines += [f"- {markdown_cell(item)}" for item in items] or [
        markdown_cell(t("report.nothing_to_watch"))
    ]
    lines += ["", f"## {markdown_cell(t('report.indicators'))}"]
    for indicator in part.history.indicators:
        lines += ["", f"### {markdown_cell(named_with_unit(indicator.indicator, t))}"]
        for track in indicator.tracks:
            report = part.history.report
            verdict = status_label(track.target.status, t) + verdict_flags(track.target, t)
            summary = f"{phase_line(track, report, t)} · {target_line(track, t)} · {verdict}"
            lines += ["", markdown_cell(summary), ""]
            years = [
                (
                    *cells[:-1],
                    _markdown_cite(year.figure.source if year.figure else None, part),
                )
                for year, cells in zip(
                    track.years, _markdown_year_cells(track, part, t), strict=True
                )
            ]
            lines += markdown_table(year_headers(t), years)
        if indicator.untracked:
            lines += ["", markdown_cell(t("history.untracked")), ""]
            headers = [t("status.col.year"), t("history.col.result"), t("status.col.source")]
            lines += markdown_table(
                headers,
                [
                    (
                        str(r.figure.year),
                        value_text(r.figure, t),
                        _markdown_cite(r.source, part),
                    )
                    for r in indicator.untracked
                ],
            )
    milestones = [row for phase in part.current.phases for row in phase.milestones]
    if milestones:
        lines += ["", f"## {markdown_cell(t('status.milestones'))}", ""]
        headers = [t("status.col.milestone"), t("status.col.due"), t("status.col.status")]
        lines += markdown_table(
            headers,
            [
                (
                    t.content(r.milestone.title, r.milestone.title_en),
                    t.date(r.milestone.due),
                    status_label(r.status, t),
                )
                for r in milestones
            ],
        )
    notes = notes_of(part, t)
    if notes:
        lines += ["", f"## {markdown_cell(t('report.notes'))}", ""]
        for where, note in notes:
            label = f"**{t('report.assumption')}** " if note.startswith(ASSUMPTION) else ""
            lines.append(f"- {label}{markdown_cell(where)}: {markdown_cell(without_mark(note))}")
    lines += ["", f"## {markdown_cell(t('report.sources'))}", ""]
    for number, source in enumerate(part.sources, start=1):
        link = f" {markdown_cell(source.url)}" if source.url else ""
        lines.append(f"{number}. {markdown_cell(source_words(source, t))}.{link}")
    return [*lines, ""]


def _markdown_year_cells(track: Track, part: ReportPart, t: Translator) -> list[tuple[str, ...]]:
    from nsclt.render.history import markdown_years

    return markdown_years(track, part.history.report, t)


def _markdown_cite(source_id: str | None, part: ReportPart) -> str:
    if not source_id:
        return ""
    words, number = citation(source_id, part)
    return f"{words} [{number}]" if number else words
