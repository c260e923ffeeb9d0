"""What every form of the report says (``nsclt report``): its title, the counts by status,
what needs attention, the facts of each plan, the notes and assumptions, and the sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Final

from nsclt.i18n import Translator
from nsclt.model import Source
from nsclt.render.status import amendment_facts, notice_text, plan_facts
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
    """The header of a phase in the report: its plan, then its amendments in force."""
    return [*plan_facts(phase, t), *amendment_facts(phase, t)]


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
