"""The plan file format, version 1, as plain frozen dataclasses.

The classes describe shape and single-field rules; ``checks`` validates data
against them with Pydantic and adds the rules that look across records. They
are stdlib dataclasses rather than Pydantic models so that a plan read back
from the cache (``cache``) needs no Pydantic at all: that keeps ``nsclt status``
quick to start. No I/O here.

The classes are not ``frozen``: with Python 3.11 that would double what they
cost to define at every start-up. Nothing mutates a plan once it is read; edits
go through the YAML text (``write``), never through these objects.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Annotated, Any, Final, Literal


@dataclass(frozen=True)
class Rule:
    """Constraints for Pydantic's core schema, declared without importing Pydantic.

    Pydantic calls ``__get_pydantic_core_schema__`` on metadata it finds in
    ``Annotated``; the keys are those of its core schemas (``ge``, ``pattern``…).
    """

    keys: tuple[tuple[str, object], ...]

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.keys)
        return schema


def rule(**keys: object) -> Rule:
    return Rule(tuple(keys.items()))


@dataclass(frozen=True)
class SchemaNote:
    """Words and bounds for the published JSON Schema only; ``checks`` enforces them itself,
    each with a problem code of its own (NSC221, NSC222), rather than Pydantic."""

    keys: tuple[tuple[str, object], ...]

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema.update(self.keys)
        return schema


# Scalars are strict: "20" is not 20 and 2020-01-01T10:00 is not a date.
Text = Annotated[str, rule(strict=True, min_length=1)]
Id = Annotated[str, rule(strict=True, pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
IndicatorId = Annotated[str, rule(strict=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Year = Annotated[int, rule(strict=True, ge=1945, le=2100)]
Number = Annotated[
    float,
    rule(strict=True),
    SchemaNote(
        (
            ("minimum", -(10**15)),
            ("maximum", 10**15),
            (
                "description",
                "A figure, at most 10^15 in size. Results, baselines and target figures "
                "of an indicator that counts things (value_type: count) are whole numbers; "
                "growth rates need not be.",
            ),
        )
    ),
]
Date = Annotated[datetime.date, rule(strict=True)]

Direction = Literal["increase", "decrease"]
"""Which way is better. Required on every indicator: it is never guessed."""

IndicatorKind = Literal["level", "flow"]
"""``level``: a stock, the latest value counts (model enterprises built so far).
``flow``: a per-year amount that adds up over a phase (training attendances)."""

ValueType = Literal["count", "percent", "number", "money"]
"""``count``: whole things (enterprises, persons, or "lượt" when one may count twice, named
so in the unit); ``percent``: a share, 0–100 (of what: ``share_of``); ``number``: any other
quantity; ``money``: an amount in the currency its unit names (tỷ đồng, triệu đồng, đồng)."""
Method = Literal["linear", "cagr"]
Qualifier = Literal["approx", "at_least", "more_than", "at_most", "less_than"]
"""How a figure was given: ``approx`` "gần 20", "khoảng 20" (about, nearly);
``at_least`` "ít nhất 20", "từ 20 trở lên"; ``more_than`` "hơn 20", "trên 20";
``at_most`` "tối đa 20", "không quá 20"; ``less_than`` "dưới 20", "chưa đến 20"."""

CONFIG: Final = {"extra": "forbid", "allow_inf_nan": False}
"""Pydantic's configuration for every class (a ConfigDict is a plain dict)."""


@dataclass
class Source:
    """Where a figure comes from: a document, an article, a report."""

    __pydantic_config__ = CONFIG
    id: Id
    title: Text
    publisher: Text | None = None
    author: Text | None = None
    document: Text | None = None
    date: Date | None = None
    url: Text | None = None
    note: Text | None = None


@dataclass
class Indicator:
    __pydantic_config__ = CONFIG
    id: IndicatorId
    name: Text
    unit: Text
    direction: Direction
    kind: IndicatorKind
    value_type: ValueType
    name_en: Text | None = None
    unit_en: Text | None = None
    method: Method = "linear"
    share_of: Text | None = None
    """For a percentage: the population it is a share of ("doanh nghiệp sản xuất …")."""
    share_of_en: Text | None = None
    within: IndicatorId | None = None
    """An "of which" share ("trong đó 50% …"): the share it is part of, by indicator id."""
    note: Text | None = None


@dataclass
class LegalDocument:
    """A decision, plan, proposal or report the plan rests on, e.g. 712/QĐ-TTg."""

    __pydantic_config__ = CONFIG
    number: Text
    date: Date
    issuer: Text
    title: Text | None = None
    source: Id | None = None
    note: Text | None = None


@dataclass
class Band:
    __pydantic_config__ = CONFIG
    min: Number
    max: Number


@dataclass
class YearFloor:
    """What each year must reach: at least ``min``, and at most ``max`` when given."""

    __pydantic_config__ = CONFIG
    min: Number
    max: Number | None = None


@dataclass
class Target:
    """One target; exactly one of the kind fields (``at_least`` … ``growth_per_year``) is set."""

    __pydantic_config__ = CONFIG
    indicator: IndicatorId
    source: Id
    at_least: Number | None = None
    more_than: Number | None = None
    at_most: Number | None = None
    less_than: Number | None = None
    range: Band | None = None
    increase_by: Number | None = None
    growth_per_year: Band | None = None
    increase_by_percent: Number | None = None
    """Growth over the previous period: the goal is the baseline (that period's total)
    times (1 + this / 100) ("tăng ít nhất 50% so với giai đoạn 2021-2025")."""
    each_year: YearFloor | None = None
    """A count or range required every year of the phase ("mỗi năm có từ 1-2 …")."""
    counts_from: Year | None = None
    """The year progress counts from (t0), when it is not the year before the phase: a
    decade total counted across phases ("100 doanh nghiệp điểm trong 2021–2030")."""
    method: Method | None = None
    quote: Text | None = None
    note: Text | None = None


TARGET_KINDS: Final = (
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
    "increase_by",
    "increase_by_percent",
    "growth_per_year",
    "each_year",
)


@dataclass
class Baseline:
    __pydantic_config__ = CONFIG
    indicator: IndicatorId
    year: Year
    value: Number
    source: Id
    qualifier: Qualifier | None = None
    quote: Text | None = None
    note: Text | None = None


@dataclass
class Completion:
    """A source saying a milestone was done; without a date it is done, date unknown."""

    __pydantic_config__ = CONFIG
    source: Id
    quote: Text
    date: Date | None = None
    note: Text | None = None


@dataclass
class Milestone:
    __pydantic_config__ = CONFIG
    id: Id
    title: Text
    due: Date
    source: Id
    title_en: Text | None = None
    done: Date | None = None
    completed: Completion | None = None
    """Evidence that it was done, which may give no date ("done, date unknown")."""
    quote: Text | None = None
    note: Text | None = None


@dataclass
class Phase:
    __pydantic_config__ = CONFIG
    id: Id
    start: Year
    end: Year
    baselines: list[Baseline] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    note: Text | None = None


@dataclass
class Result:
    __pydantic_config__ = CONFIG
    indicator: IndicatorId
    year: Year
    value: Number
    source: Id
    date: Date | None = None
    qualifier: Qualifier | None = None
    quote: Text | None = None
    note: Text | None = None


@dataclass
class TargetChange:
    """An amendment's change to one phase's targets: ``set`` adds the target of its indicator
    or replaces the one there; ``remove`` names an indicator whose target is dropped."""

    __pydantic_config__ = CONFIG
    phase: Id
    set: Target | None = None
    remove: IndicatorId | None = None


@dataclass
class MilestoneChange:
    """An amendment's milestone: added, or replacing the phase's milestone of the same id."""

    __pydantic_config__ = CONFIG
    phase: Id
    set: Milestone


@dataclass
class Amendment:
    """A later decision that changes a plan: from when it takes effect, the plan as amended.

    Its date may be known only as a year: then it takes effect on 1 January of the next
    year, and an as-of date within that year shows the plan as first approved, with a note.
    """

    __pydantic_config__ = CONFIG
    id: Id
    issuer: Text
    source: Id
    quote: Text
    number: Text | None = None
    date: Date | None = None
    year: Year | None = None
    takes_effect: Date | None = None
    end: Year | None = None
    """A new end year of the plan."""
    add_objectives: list[Text] = field(default_factory=list)
    add_tasks: list[Text] = field(default_factory=list)
    add_support: list[Text] = field(default_factory=list)
    targets: list[TargetChange] = field(default_factory=list)
    milestones: list[MilestoneChange] = field(default_factory=list)
    note: Text | None = None


@dataclass
class Plan:
    __pydantic_config__ = CONFIG
    id: Id
    title: Text
    agency: Text
    start: Year
    end: Year
    phases: Annotated[list[Phase], rule(min_length=1)]
    title_en: Text | None = None
    agency_en: Text | None = None
    legal_basis: list[LegalDocument] = field(default_factory=list)
    objectives: list[Text] = field(default_factory=list)
    tasks: list[Text] = field(default_factory=list)
    support: list[Text] = field(default_factory=list)
    """What (or whom) the plan may support ("nội dung hỗ trợ")."""
    amendments: list[Amendment] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    note: Text | None = None


@dataclass
class PlanFile:
    """One province's (or the national programme's) file in ``plans/``."""

    __pydantic_config__ = CONFIG
    format: Literal[1]
    name: Text
    scope: Literal["province", "national"]
    plans: Annotated[list[Plan], rule(min_length=1)]
    name_en: Text | None = None
    note: Text | None = None
    sources: list[Source] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """Each field's annotation, ``Annotated`` metadata included."""
    return typing.get_type_hints(cls, include_extras=True)


def bare(annotation: Any) -> Any:
    """The type under ``Annotated[...]`` and ``... | None``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation
