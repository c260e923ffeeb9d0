"""What ``history``, ``compare``, ``report`` and ``site`` hand to their renderers.

Built from the evaluated report (``report``), in the same way: immutable NamedTuples that
renderers only read. Kept apart from ``report`` so that ``status``, which needs none of
them, does not pay for defining them at start-up.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from nsclt.model import Indicator, Source
from nsclt.report import (
    AmendmentInfo,
    Figure,
    GrowthVerdict,
    ProvinceReport,
    ResultRow,
    TargetRow,
    YearlyGrowth,
)

# --- a province's course over the years (``history``) -----------------------------------


class HistoryYear(NamedTuple):
    """One year of a target's course: what was recorded against what its path required."""

    year: int
    figure: Figure | None
    """The result recorded for the year and known on the as-of date."""
    total: Figure | None = None
    """A flow's sum over the target's years up to this one, which its path is measured on."""
    required: float | None = None
    """Where the target's path stands this year (a flow's total): reaching it keeps pace."""
    growth: YearlyGrowth | None = None
    """Growth bands: the growth into this year from the figure before."""
    judged: GrowthVerdict | None = None
    """``each_year`` targets: this year's figure against what every year must reach."""


class Track(NamedTuple):
    """One target's course year by year, and its verdict on the as-of date."""

    target: TargetRow
    years: tuple[HistoryYear, ...]
    amendment: AmendmentInfo | None = None
    """The amendment that set the target, when one did."""
    replaced: TargetRow | None = None
    """The target it replaced, as it stood the day before the amendment took effect."""


class IndicatorHistory(NamedTuple):
    indicator: Indicator
    tracks: tuple[Track, ...]
    """One per target of the indicator, in the order of their phases."""
    untracked: tuple[ResultRow, ...] = ()
    """Results of years that no target of their plan covers."""


class ProvinceHistory(NamedTuple):
    report: ProvinceReport
    """The file evaluated on the as-of date, every phase: names, plans, sources."""
    indicators: tuple[IndicatorHistory, ...]
    absent: tuple[str, ...] = ()
    """Indicators asked for that the file neither targets nor records."""


class History(NamedTuple):
    """What ``history`` hands to a renderer."""

    as_of: date
    provinces: tuple[ProvinceHistory, ...]
    first: int | None = None
    """The first year asked for (``--from``), if any."""
    last: int | None = None
    """The last year asked for (``--to``), if any."""
    redirected_from: str | None = None


# --- one indicator across provinces (``compare``) --------------------------------------


class ComparedRow(NamedTuple):
    """One province file's standing on one indicator."""

    slug: str
    name: str
    name_en: str | None
    current: str | None
    """Today's unit the file's province is, or is part of."""
    merged: bool
    """The file's province is a former unit, now part of ``current``."""
    tracking: bool
    """The file has a target or a result for the indicator, in any phase."""
    latest: Figure | None
    """The latest result known on the as-of date, in any of the file's plans."""
    target: TargetRow | None = None
    """A target of a phase shown on the as-of date (as ``status`` chooses it); a file with
    several has a row for each."""


class Comparison(NamedTuple):
    """What ``compare`` hands to a renderer."""

    as_of: date
    indicator: Indicator
    rows: tuple[ComparedRow, ...]
    invalid: tuple[str, ...] = ()
    """Files of the plans folder that could not be evaluated, by their shown path."""


# --- the report an officer hands up (``report``) ----------------------------------------


class ReportPart(NamedTuple):
    """One plan file in the report: where it stands now, and how it got there."""

    current: ProvinceReport
    """The phases ``status`` shows on the as-of date."""
    history: ProvinceHistory
    """Every target's years, in every phase."""
    sources: tuple[Source, ...]
    """Every source the report cites, in the file's order: the report numbers them."""


class ReportDocument(NamedTuple):
    as_of: date
    parts: tuple[ReportPart, ...]
    redirected_from: str | None = None


# --- the programme-wide view (``site``) --------------------------------------------------


class Contribution(NamedTuple):
    """One province file's figure for a summable indicator in the national roll-up."""

    slug: str
    name: str
    name_en: str | None
    figure: Figure | None
    """A level's latest result on the as-of date (carried forward, with its year); a flow's
    total over the national target's phase; None when the file records none."""
    counted: bool
    """False for a former unit on a date after it merged: its new unit reports for it."""
    current: str | None = None


class RollupRow(NamedTuple):
    """A summable standard indicator: the provinces' figures added up, beside the national
    plan's target for it."""

    indicator: Indicator
    national: TargetRow | None
    """The national plan's target for the indicator in the phase shown on the as-of date."""
    total: Figure | None
    """The sum of the counted figures (its qualifier combined from theirs); None when none."""
    contributions: tuple[Contribution, ...]
    first: int | None = None
    """For a flow: the first year of the years summed (the national target's phase)."""
    last: int | None = None


class SiteEntry(NamedTuple):
    """A plan file on the site's index."""

    slug: str
    name: str
    name_en: str | None
    current: str | None
    merged: bool
    national: bool
    counts: tuple[tuple[str, int], ...]
    """Targets and milestones of the phases shown on the as-of date, by status."""
    latest_year: int | None
    """The year of the latest result known on the as-of date."""
    phases: tuple[str, ...]
    """The plans and phases shown, as ``plan / phase``."""
