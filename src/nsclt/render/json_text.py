"""JSON text whose numbers are written by ``numbers.for_machines``.

The standard encoder writes floats with ``repr``: exponents (``1e-07``) and, for values
that are not finite, ``NaN`` and ``Infinity``, which are not JSON. Here every number is
positional and a value that is not finite becomes ``null``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from nsclt.numbers import for_machines

JsonValue = object


def dumps(value: JsonValue, indent: int = 2) -> str:
    """``value`` (dicts, lists, tuples, str, int, float, bool, None) as indented JSON text."""
    return _encode(value, indent, 0) + "\n"


def _encode(value: JsonValue, indent: int, depth: int) -> str:
    if value is None or isinstance(value, bool | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return for_machines(value) or "null"
    inner = "\n" + " " * (indent * (depth + 1))
    outer = "\n" + " " * (indent * depth)
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = (
            f"{json.dumps(str(k), ensure_ascii=False)}: {_encode(v, indent, depth + 1)}"
            for k, v in value.items()
        )
        return "{" + inner + ("," + inner).join(items) + outer + "}"
    if isinstance(value, Sequence):
        if not value:
            return "[]"
        items = (_encode(v, indent, depth + 1) for v in value)
        return "[" + inner + ("," + inner).join(items) + outer + "]"
    raise TypeError(f"not a JSON value: {type(value).__name__}")
