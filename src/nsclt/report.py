"""The evaluated report: everything a renderer shows, decided once, as immutable values.

``evaluate`` builds these from a plan file and an as-of date; every renderer (the
screen, JSON, CSV, Markdown, pictures) receives only these and never opens or walks a
plan file, so what one output says, the others say too. The values are NamedTuples:
immutable, and several times cheaper to define at start-up than dataclasses.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Final, Literal, NamedTuple, get_args

from nsclt.model import (
    Band,
    Baseline,
    Indicator,
    LegalDocument,
    Method,
    Milestone,
    Qualifier,
    Result,
    Source,
)
from nsclt.model import Target as TargetSpec

Status = Literal[
    "achieved",
    "on_track",
    "needs_acceleration",
    "limited_progress",
    "deteriorating",
    "missed",
    "not_started",
    "no_data",
]
MilestoneStatus = Literal["done", "done_undated", "due", "overdue"]
STATUSES: Final[tuple[str, ...]] = get_args(Status) + get_args(MilestoneStatus)
GrowthVerdict = Literal["below", "within", "above"]
GROWTH_VERDICTS: Final[tuple[str, ...]] = get_args(GrowthVerdict)
DECISIONS: Final = (
    "not_started",
    "no_data",
    "no_baseline",
    "met",
    "missed",
    "ceiling_kept",
    "ceiling_passed",
    "same_as_start",
    "pace",
    "growth_ended",
    "growth_every_year",
    "growth_ratio",
    "growth_capped",
    "each_year_ended",
    "each_year_every_year",
    "each_year_ratio",
)


class Figure(NamedTuple):
    value: float
    year: int
    qualifier: Qualifier | None = None
    source: str | None = None
    """The id of the source it was recorded from, one of the report's ``sources``."""


def figure_of(recorded: Result | Baseline) -> Figure:
    """A result or baseline of the file as the figure a report shows."""
    return Figure(recorded.value, recorded.year, recorded.qualifier, recorded.source)


class Pace(NamedTuple):
    method: Method
    elapsed: float
    """e: share of the time from baseline year to target year that has passed."""
    ratio: float
    """R: the method's measure of actual against required pace."""
    actual_rate: float | None = None
    """With cagr: compound yearly growth so far, in percent."""
    required_rate: float | None = None
    """With cagr: compound yearly growth needed to reach the target on time, in percent."""
    fallback: bool = False
    """cagr was asked for but cannot work (a value <= 0); linear was used."""


class YearlyGrowth(NamedTuple):
    year: int
    rate: float
    """Compound yearly growth in percent since the figure before (``before`` to ``after``)."""
    verdict: GrowthVerdict
    before: float
    after: float
    years: int
    """Years between the two figures (more than 1 where a year has no result)."""


class YearlyValue(NamedTuple):
    """A year's figure against what every year must reach (``each_year``)."""

    year: int
    value: float
    qualifier: Qualifier | None
    verdict: GrowthVerdict


class Decision(NamedTuple):
    """What settled a verdict, for ``--explain`` to say in words and JSON to carry.

    ``rule`` is one of ``DECISIONS``; ``values`` are the numbers it compared:
    ``met``/``missed``/``ceiling_kept``/``ceiling_passed``: (the actual or its bound, the goal);
    ``same_as_start``: (actual, goal); ``pace``, ``growth_ratio``, ``growth_capped``:
    (R,); ``growth_ended``: (years below the floor,); ``not_started``: (first year,);
    ``each_year_ended``: (years short, years without a figure); ``each_year_ratio``: (share
    of the recorded years that reached the floor,).
    """

    rule: str
    values: tuple[float, ...]


class TargetRow(NamedTuple):
    plan: str
    phase: str
    indicator: Indicator
    spec: TargetSpec
    kind: str
    goal: float | None
    """The value to reach; an ``increase_by`` target resolved to baseline + N."""
    band: Band | None
    target_year: int
    baseline: Figure | None
    baseline_assumed: bool
    """No baseline was recorded; zero at the year before the phase is used."""
    start: Figure | None
    """Where progress is measured from: the baseline of a level, else 0 before the phase."""
    actual: Figure | None
    progress: float | None
    """p: share of the way from baseline to goal."""
    remaining: float | None
    pace: Pace | None
    status: Status
    outside_band: bool = False
    """A range target passed on its better side (above it, for an increase)."""
    growth: tuple[YearlyGrowth, ...] = ()
    compound_rate: float | None = None
    each_year: tuple[YearlyValue, ...] = ()
    inputs: tuple[Figure, ...] = ()
    """The results the actual is made of (a flow's every year; a growth band's every point)."""
    decision: Decision = Decision("not_started", ())
    baseline_meets: bool = False
    """A level's baseline already meets the target: achieved once a result of the phase does."""
    remaining_strict: bool = False
    """More than ``remaining`` is needed (a strict target of a quantity that need not be whole)."""
    approximate: bool = False
    """The verdict rests on an approximate figure ("gần 20")."""
    phase_start: int = 0
    """The first year of the phase (``target_year`` is its last)."""
    set_by: str | None = None
    """The id of the amendment that set this target; None when set by the plan itself."""
    recorded: tuple[Result, ...] = ()
    """Every result of the plan for the indicator, whatever its date: what a derivation lists
    so that the verdict can be redone from the file's own figures."""


class MilestoneRow(NamedTuple):
    plan: str
    phase: str
    milestone: Milestone
    status: MilestoneStatus


class ResultRow(NamedTuple):
    """A result shown on its own: one recorded for an indicator the phase sets no target for."""

    indicator: Indicator
    figure: Figure
    source: str
    """The id of its source, one of the report's ``sources``."""


class Notice(NamedTuple):
    """A warning about the data rather than a verdict: something missing or late."""

    key: str
    params: tuple[tuple[str, str], ...]


class AmendmentInfo(NamedTuple):
    id: str
    takes_effect: date
    number: str | None
    issuer: str
    source: str
    year: int | None
    date: date | None


class SupportItem(NamedTuple):
    text: str
    added_by: str | None
    """The id of the amendment that added it; None when the plan had it from the start."""


class PlanInfo(NamedTuple):
    """What the report says of a plan: who, under which documents, and what it assumes."""

    id: str
    title: str
    title_en: str | None
    agency: str
    agency_en: str | None
    start: int
    end: int
    legal_basis: tuple[LegalDocument, ...]
    note: str | None
    amendments: tuple[AmendmentInfo, ...] = ()
    """The amendments in effect on the as-of date, in the order they took effect."""
    pending: tuple[AmendmentInfo, ...] = ()
    """Amendments known only by the as-of date's own year: the plan is shown as before them."""
    support: tuple[SupportItem, ...] = ()


class PhaseInfo(NamedTuple):
    id: str
    start: int
    end: int
    note: str | None


class PhaseReport(NamedTuple):
    plan: PlanInfo
    phase: PhaseInfo
    elapsed: float
    """Share of the phase's time that has passed on the as-of date, 0 to 1."""
    targets: tuple[TargetRow, ...]
    milestones: tuple[MilestoneRow, ...]
    untargeted: tuple[ResultRow, ...]
    """Results recorded in the phase's years for indicators it sets no target for."""
    notices: tuple[Notice, ...]
    tally: tuple[tuple[str, int], ...] = ()
    """In a summary (``ProvinceReport.summary``), which keeps no targets or milestones: how
    many of them stood at each status."""

    def counts(self) -> Counter[str]:
        """How many of the phase's targets and milestones stand at each status."""
        if self.tally:
            return Counter(dict(self.tally))
        found: Counter[str] = Counter(row.status for row in self.targets)
        found.update(row.status for row in self.milestones)
        return found


ChangeKind = Literal["result_added", "target_changed", "verdict_moved", "milestone_moved"]
CHANGE_KINDS: Final[tuple[str, ...]] = get_args(ChangeKind)


class Change(NamedTuple):
    """What differs between two as-of dates (``--since``), read from the plan file alone."""

    kind: ChangeKind
    plan: str
    phase: str | None
    """None for a result: it belongs to its plan, not to a phase."""
    indicator: Indicator | None = None
    milestone: Milestone | None = None
    figure: Figure | None = None
    """``result_added``: the result, known on the as-of date but not on the earlier one."""
    reported: date | None = None
    """``result_added``: the date the result was reported, when the file gives it."""
    before: str | None = None
    """``verdict_moved``, ``milestone_moved``: the status on the earlier date."""
    after: str | None = None
    """``verdict_moved``, ``milestone_moved``: the status on the as-of date."""
    target_before: TargetRow | None = None
    """``target_changed``: the target on the earlier date; None when there was none."""
    target_after: TargetRow | None = None


class ProvinceReport(NamedTuple):
    """One plan file evaluated on one date: the unit every renderer receives."""

    slug: str
    """The file's name in the plans folder, which commands accept as the province."""
    name: str
    name_en: str | None
    as_of: date
    phases: tuple[PhaseReport, ...]
    sources: tuple[Source, ...]
    """The file's sources that the figures shown cite."""
    note: str | None
    current: str | None = None
    """Today's unit the file's province is, or is part of (since the 2025 rearrangement)."""
    formed_from: tuple[str, ...] = ()
    """When the province is a current unit formed from several former ones: their names."""
    merged: bool = False
    """The province is a former unit, now part of ``current``."""
    since: date | None = None
    """The earlier date asked for with ``--since``, if any."""
    changes: tuple[Change, ...] = ()
    """What differs between ``since`` and ``as_of`` in the phases shown."""

    def without_history(self) -> ProvinceReport:
        """The report without each target's ``recorded`` results, which only a derivation
        (``--explain``) lists: a view of every province keeps this, so that its memory
        does not grow with each file's years of results."""
        phases = tuple(
            phase._replace(targets=tuple(row._replace(recorded=()) for row in phase.targets))
            for phase in self.phases
        )
        return self._replace(phases=phases)

    def summary(self) -> ProvinceReport:
        """The report as a list shows it on screen: each phase's plan and years and its counts
        by status, without the targets and milestones counted, so that a view of every
        province holds a few hundred bytes of each, whatever the size of its plans."""
        phases = tuple(
            phase._replace(
                plan=phase.plan._replace(legal_basis=(), support=()),
                targets=(),
                milestones=(),
                untargeted=(),
                notices=(),
                tally=tuple(phase.counts().items()),
            )
            for phase in self.phases
        )
        return self._replace(phases=phases, sources=())


class Evaluation(NamedTuple):
    """What ``status`` and ``list`` hand to a renderer: the reports of one run, on one date."""

    as_of: date
    provinces: tuple[ProvinceReport, ...]
    invalid: tuple[str, ...] = ()
    """Files of the plans folder that could not be evaluated, by their shown path."""
    folder: str = ""
    """The plans folder, as the user named it."""
    explain: bool = False
    """Whether the reader asked for the derivation of each verdict."""
    redirected_from: str | None = None
    """A former unit asked for by name that has no file: shown as today's unit instead."""
    since: date | None = None
    """The earlier date changes are shown against (``--since``), if any."""
