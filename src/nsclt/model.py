"""The plan file format, version 1, as Pydantic models.

Models describe shape and single-field rules only. Rules that look across
records (an indicator that must exist, a phase that must sit inside its plan)
live in ``checks`` where they can point at the exact line. No I/O here.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
IndicatorId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Year = Annotated[int, Field(ge=1945, le=2100)]
Number = float

Direction = Literal["increase", "decrease"]
"""Which way is better. Required on every indicator: it is never guessed."""

IndicatorKind = Literal["level", "flow"]
"""``level``: a stock, the latest value counts (model enterprises built so far).
``flow``: a per-year amount that adds up over a phase (training attendances)."""

ValueType = Literal["count", "percent", "number"]
Method = Literal["linear", "cagr"]
Qualifier = Literal["approx", "at_least"]
"""``approx``: "gần 20", about or nearly. ``at_least``: "hơn 20", a lower bound."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class Source(Strict):
    """Where a figure comes from: a document, an article, a report."""

    id: Id
    title: Text
    publisher: Text | None = None
    author: Text | None = None
    document: Text | None = None
    date: datetime.date | None = None
    url: Text | None = None
    note: Text | None = None


class Indicator(Strict):
    id: IndicatorId
    name: Text
    name_en: Text | None = None
    unit: Text
    unit_en: Text | None = None
    direction: Direction
    kind: IndicatorKind
    value_type: ValueType
    method: Method = "linear"
    note: Text | None = None


class LegalDocument(Strict):
    """A decision, plan, proposal or report the plan rests on, e.g. 712/QĐ-TTg."""

    number: Text
    date: datetime.date
    issuer: Text
    title: Text | None = None
    source: Id | None = None
    note: Text | None = None


class Band(Strict):
    min: Number
    max: Number


class Target(Strict):
    """One target; exactly one of the kind fields (``at_least`` … ``growth_per_year``) is set."""

    indicator: IndicatorId
    at_least: Number | None = None
    more_than: Number | None = None
    at_most: Number | None = None
    less_than: Number | None = None
    range: Band | None = None
    increase_by: Number | None = None
    growth_per_year: Band | None = None
    method: Method | None = None
    quote: Text | None = None
    source: Id
    note: Text | None = None


TARGET_KINDS = (
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
    "increase_by",
    "growth_per_year",
)


class Baseline(Strict):
    indicator: IndicatorId
    year: Year
    value: Number
    qualifier: Qualifier | None = None
    quote: Text | None = None
    source: Id
    note: Text | None = None


class Milestone(Strict):
    id: Id
    title: Text
    title_en: Text | None = None
    due: datetime.date
    done: datetime.date | None = None
    quote: Text | None = None
    source: Id
    note: Text | None = None


class Phase(Strict):
    id: Id
    start: Year
    end: Year
    baselines: list[Baseline] = []
    targets: list[Target] = []
    milestones: list[Milestone] = []
    note: Text | None = None


class Result(Strict):
    indicator: IndicatorId
    year: Year
    date: datetime.date | None = None
    value: Number
    qualifier: Qualifier | None = None
    quote: Text | None = None
    source: Id
    note: Text | None = None


class Plan(Strict):
    id: Id
    title: Text
    title_en: Text | None = None
    agency: Text
    agency_en: Text | None = None
    start: Year
    end: Year
    legal_basis: list[LegalDocument] = []
    objectives: list[Text] = []
    tasks: list[Text] = []
    phases: Annotated[list[Phase], Field(min_length=1)]
    results: list[Result] = []
    note: Text | None = None


class PlanFile(Strict):
    """One province's (or the national programme's) file in ``plans/``."""

    format: Literal[1]
    name: Text
    name_en: Text | None = None
    scope: Literal["province", "national"]
    note: Text | None = None
    sources: list[Source] = []
    indicators: list[Indicator] = []
    plans: Annotated[list[Plan], Field(min_length=1)]
