"""Shape and types: the plan models validated by Pydantic, its errors as NSC1xx problems.

Pydantic's own messages are English only and never reach the user: each kind of
error it reports becomes a code whose sentence is in the catalogues, and a kind
not foreseen here is reported as a plain wrong value (NSC103).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import typing
from collections.abc import Iterator
from typing import Any, Final

from pydantic import TypeAdapter, ValidationError

from nsclt.loader import REFUSED, DataPath, SourceMap, yaml_type
from nsclt.model import PlanFile, bare, field_types
from nsclt.problems import WHOLE_DOCUMENT, Problem, problem
from nsclt.text import closest

SHAPE_CODES: Final = (
    "NSC101",  # unknown field
    "NSC102",  # missing field
    "NSC103",  # wrong type, and any error not named below
    "NSC104",  # a number out of range
    "NSC106",  # NaN or infinity
    "NSC107",  # not one of the allowed values
    "NSC108",  # an id that does not match its pattern
    "NSC109",  # empty text
    "NSC110",  # an empty list that needs an entry
    "NSC111",  # text longer than its limit
)
"""Every code this module reports."""


@functools.cache
def _adapter() -> TypeAdapter[PlanFile]:
    return TypeAdapter(PlanFile)


def plan_schema() -> str:
    """The JSON Schema of the format, as committed in schema/plan.schema.json."""
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_adapter().json_schema(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def parse_plan_file(data: object) -> PlanFile:
    """Validate plain data as a plan file; raises Pydantic's ValidationError."""
    return _adapter().validate_python(data)


_EXPECTED_BY_ERROR: Final = {
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
_EXTRA_ERRORS: Final = {"extra_forbidden", "unexpected_keyword_argument"}
_MISSING_ERRORS: Final = {"missing", "missing_argument"}
_RANGE_ERRORS: Final = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}
_ANY_VALID: Final = "valid"
"""What NSC103 says is expected when Pydantic's error is none of the kinds above."""


def shape_problems(error: ValidationError, path: str, positions: SourceMap) -> Iterator[Problem]:
    for detail in error.errors():
        if detail["input"] is REFUSED and detail["type"] not in _EXTRA_ERRORS:
            continue  # the loader already said why this value was refused
        loc: DataPath = tuple(detail["loc"])
        kind = detail["type"]
        context = detail.get("ctx", {})
        where = positions.locate(loc)
        if kind in _EXTRA_ERRORS:
            field = str(loc[-1])
            suggestion = closest(field, _fields_at(loc[:-1]))
            yield problem(
                path, positions.locate(loc, key=True), "NSC101", field=field, hint=suggestion or ""
            )
        elif kind in _MISSING_ERRORS:
            yield problem(path, positions.locate(loc[:-1]), "NSC102", field=str(loc[-1]))
        elif kind in _RANGE_ERRORS:
            bound = next(iter(context.values()), "")
            yield problem(
                path,
                where,
                "NSC104",
                field=_field_name(loc),
                value=detail["input"],
                rule=kind,
                bound=bound,
            )
        elif kind == "finite_number":
            yield problem(path, where, "NSC106", field=_field_name(loc))
        elif kind == "literal_error":
            allowed = _literal_choices(loc)
            given = str(detail["input"])
            yield problem(
                path,
                where,
                "NSC107",
                field=_field_name(loc),
                value=given,
                allowed=", ".join(allowed),
                hint=closest(given, allowed) or "",
            )
        elif kind == "string_pattern_mismatch":
            yield problem(path, where, "NSC108", field=_field_name(loc), value=detail["input"])
        elif kind == "string_too_short":
            yield problem(path, where, "NSC109", field=_field_name(loc))
        elif kind == "too_short":
            yield problem(path, where, "NSC110", field=_field_name(loc))
        elif kind == "string_too_long":
            limit = context.get("max_length", "")
            yield problem(path, where, "NSC111", field=_field_name(loc), limit=limit)
        else:
            expected = _EXPECTED_BY_ERROR.get(kind, _ANY_VALID)
            found = yaml_type(detail["input"])
            yield problem(
                path, where, "NSC103", field=_field_name(loc), expected=expected, found=found
            )


def _field_name(loc: DataPath) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else WHOLE_DOCUMENT


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
