"""Validated plans, remembered so that repeated ``status`` and ``list`` runs skip validation.

The key is the SHA-256 of the file's bytes together with a fingerprint of nsclt
itself (its version and the size and modification time of its modules), so a
change to either is a miss and the file is checked in full again. Entries are
JSON under $NSCLT_CACHE_DIR, else $XDG_CACHE_HOME/nsclt, else ~/.cache/nsclt.
A cache that cannot be read or written is simply not used: it only saves time.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import json
import os
import sys
import tempfile
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nsclt import __version__
from nsclt.model import PlanFile, bare, field_types

if TYPE_CHECKING:
    from nsclt.checks import CheckedFile


class InvalidPlan(Exception):
    def __init__(self, checked: CheckedFile) -> None:
        super().__init__(checked.loaded.path)
        self.checked = checked


def valid_plan(path: Path, shown_as: str | None = None) -> PlanFile:
    """The validated plan in ``path``; raises InvalidPlan with every problem found."""
    try:
        # Reading a named pipe would wait for a writer: only a regular file is read here,
        # anything else goes to the loader, which refuses it unopened.
        raw = path.read_bytes() if path.is_file() else None
    except OSError:
        raw = None
    key = _key(raw) if raw is not None else None
    remembered = _lookup(key) if key is not None else None
    if remembered is not None:
        return remembered
    # Only a miss pays for Pydantic and the checks.
    from nsclt.checks import check_file, check_loaded
    from nsclt.loader import load_bytes

    if raw is None or key is None:
        raise InvalidPlan(check_file(path, shown_as))
    checked = check_loaded(load_bytes(raw, shown_as or str(path)), expected_slug=path.stem)
    if checked.plan_file is None:
        raise InvalidPlan(checked)
    _store(key, checked.plan_file)
    return checked.plan_file


def cache_dir(environ: typing.Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get("NSCLT_CACHE_DIR"):
        return Path(env["NSCLT_CACHE_DIR"])
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "nsclt"


@functools.cache
def _fingerprint() -> bytes:
    package = Path(__file__).parent
    parts = [__version__, sys.version]
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        parts.append(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts).encode()


def _key(raw: bytes) -> str:
    return hashlib.sha256(_fingerprint() + b"\0" + raw).hexdigest()


def _lookup(key: str) -> PlanFile | None:
    try:
        data = json.loads((cache_dir() / f"{key}.json").read_text(encoding="utf-8"))
        plan_file = _from_json(PlanFile, data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # absent, unreadable or from an older layout: check in full
    return plan_file if isinstance(plan_file, PlanFile) else None


def _store(key: str, plan_file: PlanFile) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(dataclasses.asdict(plan_file), default=_date_text, ensure_ascii=False)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False
        ) as handle:
            handle.write(text)
        Path(handle.name).replace(folder / f"{key}.json")
    except OSError:
        pass  # a read-only home or a full disk costs speed, never a result


def _date_text(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _from_json(annotation: Any, value: Any) -> Any:
    """Rebuild the dataclasses of a plan from the JSON written by ``_store``."""
    if value is None:
        return None
    annotation = bare(annotation)
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return [_from_json(item, element) for element in value]
    if dataclasses.is_dataclass(annotation):
        types = field_types(annotation)  # type: ignore[arg-type]
        fields = {name: _from_json(types[name], element) for name, element in value.items()}
        return annotation(**fields)  # type: ignore[operator]
    if annotation is datetime.date:
        return datetime.date.fromisoformat(value)
    if annotation is float:
        return float(value)
    return value
