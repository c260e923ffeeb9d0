"""JSON text whose numbers are written by ``numbers.for_machines``.

The standard encoder writes floats with ``repr``: exponents (``1e-07``) and, for values
that are not finite, ``NaN`` and ``Infinity``, which are not JSON. Here every number is
positional and a value that is not finite becomes ``null``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from nsclt.numbers import for_machines
from nsclt.text import UNSAFE

JsonValue = object


def dumps(value: JsonValue, indent: int = 2) -> str:
    """``value`` (dicts, lists, tuples, str, int, float, bool, None) as indented JSON text."""
    return _encode(value, indent, 0) + "\n"


def _string(value: str) -> str:
    """A JSON string in which no unsafe character stands raw: JSON escapes C0 controls
    itself, and the others (DEL, C1, bidirectional and zero-width characters) too here."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _encode(value: JsonValue, indent: int, depth: int) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return for_machines(value) or "null"
    inner = "\n" + " " * (indent * (depth + 1))
    outer = "\n" + " " * (indent * depth)
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = (f"{_string(str(k))}: {_encode(v, indent, depth + 1)}" for k, v in value.items())
        return "{" + inner + ("," + inner).join(items) + outer + "}"
    if isinstance(value, Sequence):
        if not value:
            return "[]"
        items = (_encode(v, indent, depth + 1) for v in value)
        return "[" + inner + ("," + inner).join(items) + outer + "]"
    raise TypeError(f"not a JSON value: {type(value).__name__}")
