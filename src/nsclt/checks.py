"""Everything that can be wrong with a plan file, as problems pointing at its lines.

Three layers, each run only on what the one before could read: the loader's
findings (syntax, duplicate keys, refused tags), the model's (shape and types,
via Pydantic), and the cross-record rules below (one function, one code each).
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from nsclt.catalogue import STANDARD_INDICATORS, indicators_of
from nsclt.loader import REFUSED, DataPath, LoadedFile, SourceMap, load_file
from nsclt.model import (
    TARGET_KINDS,
    Baseline,
    Indicator,
    Milestone,
    PlanFile,
    Target,
    bare,
    field_types,
)
from nsclt.numbers import for_people as number
from nsclt.problems import Level, Problem, problem
from nsclt.text import closest, slugify


@dataclass(frozen=True)
class CheckedFile:
    loaded: LoadedFile
    plan_file: PlanFile | None
    """The validated document, ``None`` when any error was found."""
    problems: list[Problem]


def check_file(path: Path, shown_as: str | None = None) -> CheckedFile:
    return check_loaded(load_file(path, shown_as), expected_slug=path.stem)


def check_loaded(loaded: LoadedFile, expected_slug: str | None = None) -> CheckedFile:
    problems = list(loaded.problems)
    plan_file: PlanFile | None = None
    if loaded.data is not None:
        if not isinstance(loaded.data, dict):
            found = _yaml_type(loaded.data)
            problems.append(problem(loaded.path, (1, 1), "NSC013", found=found))
        else:
            try:
                plan_file = parse_plan_file(loaded.data)
            except ValidationError as error:
                problems.extend(_schema_problems(error, loaded.path, loaded.positions))
            else:
                problems.extend(_cross_problems(plan_file, loaded, expected_slug))
    problems.sort()
    has_errors = any(p.level is Level.ERROR for p in problems)
    return CheckedFile(loaded, None if has_errors else plan_file, problems)


# --- shape and types (Pydantic) -------------------------------------------------


@functools.cache
def _adapter() -> TypeAdapter[PlanFile]:
    return TypeAdapter(PlanFile)


def plan_schema() -> str:
    """The JSON Schema of the format, as committed in schema/plan.schema.json."""
    import json

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_adapter().json_schema(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def parse_plan_file(data: object) -> PlanFile:
    """Validate plain data as a plan file; raises Pydantic's ValidationError."""
    return _adapter().validate_python(data)


_EXPECTED_BY_ERROR = {
    "int_type": "integer",
    "int_from_float": "integer",
    "float_type": "number",
    "string_type": "text",
    "bool_type": "boolean",
    "date_type": "date",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "dataclass_type": "mapping",
}
_EXTRA_ERRORS = {"extra_forbidden", "unexpected_keyword_argument"}
_MISSING_ERRORS = {"missing", "missing_argument"}
_RANGE_ERRORS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def _schema_problems(error: ValidationError, path: str, positions: SourceMap) -> Iterator[Problem]:
    for detail in error.errors():
        if detail["input"] is REFUSED and detail["type"] not in _EXTRA_ERRORS:
            continue  # the loader already said why this value was refused
        loc: DataPath = tuple(detail["loc"])
        kind = detail["type"]
        context = detail.get("ctx", {})
        if kind in _EXTRA_ERRORS:
            field = str(loc[-1])
            suggestion = closest(field, _fields_at(loc[:-1]))
            yield problem(
                path, positions.locate(loc, key=True), "NSC101", field=field, hint=suggestion or ""
            )
        elif kind in _MISSING_ERRORS:
            yield problem(path, positions.locate(loc[:-1]), "NSC102", field=str(loc[-1]))
        elif kind in _EXPECTED_BY_ERROR:
            yield problem(
                path,
                positions.locate(loc),
                "NSC103",
                field=_field_name(loc),
                expected=_EXPECTED_BY_ERROR[kind],
                found=_yaml_type(detail["input"]),
            )
        elif kind in _RANGE_ERRORS:
            bound = next(iter(context.values()), "")
            yield problem(
                path,
                positions.locate(loc),
                "NSC104",
                field=_field_name(loc),
                value=detail["input"],
                rule=kind,
                bound=bound,
            )
        elif kind == "finite_number":
            yield problem(path, positions.locate(loc), "NSC106", field=_field_name(loc))
        elif kind == "literal_error":
            allowed = _literal_choices(loc)
            given = str(detail["input"])
            yield problem(
                path,
                positions.locate(loc),
                "NSC107",
                field=_field_name(loc),
                value=given,
                allowed=", ".join(allowed),
                hint=closest(given, allowed) or "",
            )
        elif kind == "string_pattern_mismatch":
            yield problem(
                path, positions.locate(loc), "NSC108", field=_field_name(loc), value=detail["input"]
            )
        elif kind == "string_too_short":
            yield problem(path, positions.locate(loc), "NSC109", field=_field_name(loc))
        elif kind == "too_short":
            yield problem(path, positions.locate(loc), "NSC110", field=_field_name(loc))
        else:
            yield problem(
                path, positions.locate(loc), "NSC199", field=_field_name(loc), detail=detail["msg"]
            )


def _field_name(loc: DataPath) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "(document)"


def _yaml_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, date):
        return "date"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "text"


def _annotation_at(loc: DataPath) -> Any:
    """The type that governs the value at ``loc`` in a plan file, or None."""
    annotation: Any = PlanFile
    for part in loc:
        annotation = bare(annotation)
        if isinstance(part, int) and typing.get_origin(annotation) is list:
            annotation = typing.get_args(annotation)[0]
        elif isinstance(part, str) and dataclasses.is_dataclass(annotation):
            annotation = field_types(annotation).get(part)  # type: ignore[arg-type]
        else:
            return None
    return annotation


def _fields_at(loc: DataPath) -> list[str]:
    cls = bare(_annotation_at(loc))
    return [f.name for f in dataclasses.fields(cls)] if dataclasses.is_dataclass(cls) else []


def _literal_choices(loc: DataPath) -> list[str]:
    annotation = bare(_annotation_at(loc))
    if typing.get_origin(annotation) is typing.Literal:
        return [str(arg) for arg in typing.get_args(annotation)]
    return []


# --- rules across records ---------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    plan_file: PlanFile
    loaded: LoadedFile
    indicators: dict[str, Indicator]
    expected_slug: str | None

    def at(
        self,
        path: DataPath,
        code: str,
        level: Level = Level.ERROR,
        *,
        key: bool = False,
        **params: object,
    ) -> Problem:
        position = self.loaded.positions.locate(path, key=key)
        return replace(problem(self.loaded.path, position, code, **params), level=level)


Rule = Callable[[_Context], Iterator[Problem]]
_RULES: list[Rule] = []


def _rule(function: Rule) -> Rule:
    _RULES.append(function)
    return function


def _cross_problems(plan_file: PlanFile, loaded: LoadedFile, slug: str | None) -> Iterator[Problem]:
    context = _Context(plan_file, loaded, indicators_of(plan_file), slug)
    for rule in _RULES:
        yield from rule(context)


def _duplicates(ids: list[str], prefix: DataPath) -> Iterator[tuple[DataPath, str, int]]:
    """(path of the repeat, id, index of the first) for each repeated id in a list."""
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            yield (*prefix, index, "id"), item_id, first[item_id]
        else:
            first[item_id] = index


@_rule
def _duplicate_ids(c: _Context) -> Iterator[Problem]:
    groups: list[tuple[DataPath, list[str]]] = [
        (("sources",), [s.id for s in c.plan_file.sources]),
        (("indicators",), [i.id for i in c.plan_file.indicators]),
        (("plans",), [p.id for p in c.plan_file.plans]),
    ]
    for p, plan in enumerate(c.plan_file.plans):
        groups.append((("plans", p, "phases"), [phase.id for phase in plan.phases]))
        for f, phase in enumerate(plan.phases):
            milestones = [m.id for m in phase.milestones]
            groups.append((("plans", p, "phases", f, "milestones"), milestones))
    for prefix, ids in groups:
        for path, item_id, first in _duplicates(ids, prefix):
            first_line = c.loaded.positions.locate((*prefix, first))[0]
            yield c.at(path, "NSC201", id=item_id, first_line=first_line)


@_rule
def _local_shadows_standard(c: _Context) -> Iterator[Problem]:
    for i, indicator in enumerate(c.plan_file.indicators):
        if indicator.id in STANDARD_INDICATORS:
            yield c.at(("indicators", i, "id"), "NSC202", id=indicator.id)


def _indicator_uses(c: _Context) -> Iterator[tuple[DataPath, str]]:
    for p, plan in enumerate(c.plan_file.plans):
        for r, result in enumerate(plan.results):
            yield ("plans", p, "results", r), result.indicator
        for f, phase in enumerate(plan.phases):
            here = ("plans", p, "phases", f)
            for t, target in enumerate(phase.targets):
                yield (*here, "targets", t), target.indicator
            for b, baseline in enumerate(phase.baselines):
                yield (*here, "baselines", b), baseline.indicator


@_rule
def _unknown_indicator(c: _Context) -> Iterator[Problem]:
    known = sorted(c.indicators)
    for path, indicator in _indicator_uses(c):
        if indicator not in c.indicators:
            yield c.at(
                (*path, "indicator"), "NSC203", id=indicator, hint=closest(indicator, known) or ""
            )


def _source_uses(c: _Context) -> Iterator[tuple[DataPath, str | None]]:
    for p, plan in enumerate(c.plan_file.plans):
        for d, document in enumerate(plan.legal_basis):
            yield ("plans", p, "legal_basis", d, "source"), document.source
        for r, result in enumerate(plan.results):
            yield ("plans", p, "results", r, "source"), result.source
        for f, phase in enumerate(plan.phases):
            here = ("plans", p, "phases", f)
            groups: tuple[tuple[str, Sequence[Target | Baseline | Milestone]], ...] = (
                ("targets", phase.targets),
                ("baselines", phase.baselines),
                ("milestones", phase.milestones),
            )
            for group, items in groups:
                for n, item in enumerate(items):
                    yield (*here, group, n, "source"), item.source


@_rule
def _unknown_source(c: _Context) -> Iterator[Problem]:
    known = [source.id for source in c.plan_file.sources]
    for path, source in _source_uses(c):
        if source is not None and source not in known:
            yield c.at(path, "NSC204", id=source, hint=closest(source, known) or "")


@_rule
def _band_order(c: _Context) -> Iterator[Problem]:
    for path, target in _targets(c):
        for field in ("range", "growth_per_year"):
            band = getattr(target, field)
            if band is not None and band.min > band.max:
                yield c.at((*path, field), "NSC205", low=number(band.min), high=number(band.max))


@_rule
def _periods(c: _Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        if plan.end < plan.start:
            yield c.at(("plans", p, "end"), "NSC206", start=plan.start, end=plan.end)
        for f, phase in enumerate(plan.phases):
            path = ("plans", p, "phases", f)
            if phase.end < phase.start:
                yield c.at((*path, "end"), "NSC206", start=phase.start, end=phase.end)
            elif phase.start < plan.start or phase.end > plan.end:
                yield c.at(
                    path,
                    "NSC207",
                    phase=phase.id,
                    start=phase.start,
                    end=phase.end,
                    plan_start=plan.start,
                    plan_end=plan.end,
                )


@_rule
def _repeated_results(c: _Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        first: dict[tuple[str, int], int] = {}
        for r, result in enumerate(plan.results):
            key = (result.indicator, result.year)
            if key in first:
                first_line = c.loaded.positions.locate(("plans", p, "results", first[key]))[0]
                yield c.at(
                    ("plans", p, "results", r),
                    "NSC208",
                    indicator=result.indicator,
                    year=result.year,
                    first_line=first_line,
                )
            else:
                first[key] = r


@_rule
def _repeated_baselines(c: _Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            seen: set[str] = set()
            for b, baseline in enumerate(phase.baselines):
                if baseline.indicator in seen:
                    path = ("plans", p, "phases", f, "baselines", b, "indicator")
                    yield c.at(path, "NSC216", indicator=baseline.indicator, phase=phase.id)
                seen.add(baseline.indicator)


def _values(c: _Context) -> Iterator[tuple[DataPath, str, float]]:
    """Every figure that is a value of its indicator (not a growth rate), with its path."""
    for p, plan in enumerate(c.plan_file.plans):
        for r, result in enumerate(plan.results):
            yield ("plans", p, "results", r, "value"), result.indicator, result.value
        for f, phase in enumerate(plan.phases):
            for b, baseline in enumerate(phase.baselines):
                here = ("plans", p, "phases", f, "baselines", b, "value")
                yield here, baseline.indicator, baseline.value
    for path, target in _targets(c):
        for field in ("at_least", "more_than", "at_most", "less_than"):
            value = getattr(target, field)
            if value is not None:
                yield (*path, field), target.indicator, value
        if target.range is not None:
            yield (*path, "range", "min"), target.indicator, target.range.min
            yield (*path, "range", "max"), target.indicator, target.range.max


@_rule
def _value_bounds(c: _Context) -> Iterator[Problem]:
    for path, indicator_id, value in _values(c):
        indicator = c.indicators.get(indicator_id)
        if indicator is None:
            continue
        if indicator.value_type == "percent" and not 0 <= value <= 100:
            yield c.at(path, "NSC209", value=number(value), indicator=indicator_id)
        elif indicator.value_type == "count" and value < 0:
            yield c.at(path, "NSC210", value=number(value), indicator=indicator_id)


@_rule
def _increase_by_bounds(c: _Context) -> Iterator[Problem]:
    for path, target in _targets(c):
        if target.increase_by is not None and target.increase_by <= 0:
            yield c.at((*path, "increase_by"), "NSC217", value=number(target.increase_by))


@_rule
def _result_years(c: _Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for r, result in enumerate(plan.results):
            path = ("plans", p, "results", r)
            if not plan.start <= result.year <= plan.end:
                yield c.at(
                    (*path, "year"),
                    "NSC211",
                    year=result.year,
                    plan=plan.id,
                    start=plan.start,
                    end=plan.end,
                )
            if result.date is not None and result.date.year < result.year:
                yield c.at((*path, "date"), "NSC219", date=result.date, year=result.year)


@_rule
def _baseline_years(c: _Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            for b, baseline in enumerate(phase.baselines):
                if baseline.year > phase.start:
                    path = ("plans", p, "phases", f, "baselines", b, "year")
                    yield c.at(
                        path, "NSC212", year=baseline.year, phase=phase.id, start=phase.start
                    )


@_rule
def _one_kind_per_target(c: _Context) -> Iterator[Problem]:
    for path, target in _targets(c):
        kinds = [kind for kind in TARGET_KINDS if getattr(target, kind) is not None]
        if len(kinds) != 1:
            yield c.at(
                path, "NSC213", found=", ".join(kinds) or "-", allowed=", ".join(TARGET_KINDS)
            )


_BETTER_WHEN_HIGHER = {"at_least", "more_than", "increase_by"}
_BETTER_WHEN_LOWER = {"at_most", "less_than"}


@_rule
def _kind_matches_direction(c: _Context) -> Iterator[Problem]:
    for path, target in _targets(c):
        indicator = c.indicators.get(target.indicator)
        if indicator is None:
            continue
        contrary = _BETTER_WHEN_LOWER if indicator.direction == "increase" else _BETTER_WHEN_HIGHER
        for kind in contrary:
            if getattr(target, kind) is not None:
                yield c.at(
                    (*path, kind),
                    "NSC218",
                    kind=kind,
                    indicator=indicator.id,
                    direction=indicator.direction,
                )


@_rule
def _increase_needs_baseline(c: _Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            with_baseline = {baseline.indicator for baseline in phase.baselines}
            for t, target in enumerate(phase.targets):
                if target.increase_by is not None and target.indicator not in with_baseline:
                    path = ("plans", p, "phases", f, "targets", t, "increase_by")
                    yield c.at(path, "NSC220", indicator=target.indicator, phase=phase.id)


@_rule
def _file_name_matches(c: _Context) -> Iterator[Problem]:
    slug = slugify(c.plan_file.name)
    if c.expected_slug is not None and c.expected_slug != slug:
        yield c.at(("name",), "NSC215", Level.WARNING, name=c.plan_file.name, slug=slug)


def _targets(c: _Context) -> Iterator[tuple[DataPath, Target]]:
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            for t, target in enumerate(phase.targets):
                yield ("plans", p, "phases", f, "targets", t), target
