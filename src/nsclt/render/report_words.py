"""What every form of the report says (``nsclt report``): its title, the counts by status,
what needs attention, the facts of each plan, the notes and assumptions, and the sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Final

from nsclt.i18n import Translator
from nsclt.model import Source
from nsclt.render.status import decisions_of, notice_text
from nsclt.render.words import (
    named_with_unit,
    status_label,
    verdict_flags,
)
from nsclt.report import PhaseReport
from nsclt.views import ReportPart

BEHIND: Final = ("needs_acceleration", "limited_progress", "deteriorating", "missed", "no_data")
"""Target statuses the summary lists as needing attention."""
ASSUMPTION: Final = "Assumption:"
"""How a note in a plan file says it records an assumption (docs/format.md)."""


def report_title(part: ReportPart, t: Translator) -> str:
    report = part.current
    return t("report.title", name=t.content(report.name, report.name_en))


def citation(source_id: str, part: ReportPart) -> tuple[str, int | None]:
    """A source as the report cites it: its publisher (or title) and its number in the list of
    sources; an id the list does not hold, as it is, with no number."""
    for number, source in enumerate(part.sources, start=1):
        if source.id == source_id:
            return source.publisher or source.title, number
    return source_id, None


def status_counts(part: ReportPart) -> Counter[str]:
    return sum((phase.counts() for phase in part.current.phases), Counter())


def attention(part: ReportPart, t: Translator) -> Iterator[str]:
    """What needs attention: targets behind or without data, late results and milestones."""
    for phase in part.current.phases:
        for row in phase.targets:
            if row.status in BEHIND:
                words = status_label(row.status, t) + verdict_flags(row, t)
                name = named_with_unit(row.indicator, t)
                yield t("report.behind", indicator=name, phase=row.phase, status=words)
        for notice in phase.notices:
            yield notice_text(notice, phase, t)


def facts(phase: PhaseReport, t: Translator) -> list[tuple[str, str]]:
    plan = phase.plan
    basis = "; ".join(
        t("status.document", number=doc.number, date=t.date(doc.date), issuer=doc.issuer)
        for doc in plan.legal_basis
    ) or t("status.header.none")
    elapsed = f"{t.number(phase.elapsed * 100, 0)}%"
    facts = [
        (t("status.header.plan"), f"{t.content(plan.title, plan.title_en)} [{plan.id}]"),
        (t("status.header.basis"), basis),
        (t("status.header.agency"), t.content(plan.agency, plan.agency_en)),
        (
            t("status.header.phase"),
            t(
                "status.phase_line",
                phase=phase.phase.id,
                start=phase.phase.start,
                end=phase.phase.end,
                elapsed=elapsed,
            ),
        ),
    ]
    decisions = decisions_of(phase, t)
    for amendment in plan.amendments:
        effective = t.date(amendment.takes_effect)
        line = t("status.amended", decision=decisions[amendment.id], effective=effective)
        facts.append((t("status.header.amended"), line))
    return facts


def notes_of(part: ReportPart, t: Translator) -> list[tuple[str, str]]:
    """Every note the report rests on, where it belongs and what it says, once each."""
    found: dict[str, str] = {}
    if part.current.note:
        found.setdefault(part.current.note, t.content(part.current.name, part.current.name_en))
    for phase in part.history.report.phases:
        where = f"{phase.plan.id} / {phase.phase.id}"
        for note in (phase.plan.note, phase.phase.note):
            if note:
                found.setdefault(note, where)
        for row in phase.targets:
            if row.spec.note:
                found.setdefault(row.spec.note, f"{where} / {row.indicator.id}")
        for milestone in phase.milestones:
            if milestone.milestone.note:
                found.setdefault(milestone.milestone.note, f"{where} / {milestone.milestone.id}")
    return [(where, note) for note, where in found.items()]


def without_mark(note: str) -> str:
    """A note without its "Assumption:" mark, which the report shows as a label instead."""
    return note.removeprefix(ASSUMPTION).lstrip() if note.startswith(ASSUMPTION) else note


def source_words(source: Source, t: Translator) -> str:
    pieces = [source.title]
    pieces += [p for p in (source.publisher, source.document) if p]
    if source.date is not None:
        pieces.append(t.date(source.date))
    return ", ".join(pieces)
