"""Validated plans, remembered so that repeated ``status`` and ``list`` runs skip validation.

The key is the SHA-256 of the file's bytes together with a fingerprint of nsclt
itself (its version and the size and modification time of its modules), so a
change to either is a miss and the file is checked in full again. Entries are
compressed JSON (fields left at their defaults omitted), smaller than the plans they
save, under $NSCLT_CACHE_DIR, else $XDG_CACHE_HOME/nsclt, else ~/.cache/nsclt. When a
file's new entry is stored, its previous one goes (no copy of the file needs it any more);
past ``MAX_CACHE_BYTES`` the least recently used go too.
The cache never causes a failure: an entry it cannot fully verify (unreadable,
truncated, or holding anything but the exact types of a plan) is a miss, and a folder
it cannot use (no home, no permission, a full disk) means no cache.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import hashlib
import json
import os
import sys
import tempfile
import typing
import zlib
from pathlib import Path
from typing import Any, Final, Literal

from nsclt import __version__
from nsclt.failures import InvalidPlan
from nsclt.model import PlanFile, bare, field_types

MAX_CACHE_BYTES: Final = 64 * 1024 * 1024
"""Past this the least recently used entries go; a national plans folder needs a few MiB."""
_SUFFIX: Final = ".json.z"
_RECORD: Final = ".last"
"""A file's record of its last entry (``_forget_replaced``)."""


class _Unverified(Exception):
    """A cache entry that is not exactly what ``_store`` writes."""


def valid_plan(path: Path, shown_as: str | None = None) -> PlanFile:
    """The validated plan in ``path``; raises InvalidPlan with every problem found."""
    from nsclt.loader import LoadedFile, load_bytes, read_plan_bytes

    name = shown_as or str(path)
    raw = read_plan_bytes(path, name)
    key = _key(raw) if not isinstance(raw, LoadedFile) else None
    remembered = _lookup(key) if key is not None else None
    if remembered is not None:
        return remembered
    # Only a miss pays for Pydantic and the checks.
    from nsclt.checks import check_loaded

    loaded = raw if isinstance(raw, LoadedFile) else load_bytes(raw, name)
    checked = check_loaded(loaded, expected_slug=path.stem)
    if checked.plan_file is None or key is None:
        raise InvalidPlan(checked)
    _store(key, checked.plan_file, path)
    return checked.plan_file


def cache_dir(environ: typing.Mapping[str, str] | None = None) -> Path | None:
    """Where entries live, or None when there is nowhere (no home folder known)."""
    env = os.environ if environ is None else environ
    if env.get("NSCLT_CACHE_DIR"):
        return Path(env["NSCLT_CACHE_DIR"])
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "nsclt"
    try:
        return Path.home() / ".cache" / "nsclt"
    except RuntimeError:  # HOME unset and the user not in the password database
        return None


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
    folder = cache_dir()
    if folder is None:
        return None
    entry = folder / f"{key}{_SUFFIX}"
    try:
        data = json.loads(zlib.decompress(entry.read_bytes()))
        plan_file = _from_json(PlanFile, data)
    except (OSError, ValueError, RecursionError, zlib.error, _Unverified):
        return None  # absent, unreadable, or not exactly a plan: check in full
    with contextlib.suppress(OSError):
        os.utime(entry)  # used now: the last to go when the cache is over its cap
    return plan_file if isinstance(plan_file, PlanFile) else None


def _store(key: str, plan_file: PlanFile, path: Path) -> None:
    folder = cache_dir()
    if folder is None:
        return
    text = json.dumps(_compact(plan_file), default=_date_text, ensure_ascii=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write(folder / f"{key}{_SUFFIX}", zlib.compress(text.encode(), 1))  # level 1: cheap
        _forget_replaced(folder, path, key)
        _prune(folder)
    except OSError:
        pass  # a read-only home or a full disk costs speed, never a result


def _write(target: Path, data: bytes) -> None:
    """``data`` in ``target`` whole, through a temporary file; nothing left if that fails."""
    handle, name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        temporary.replace(target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _forget_replaced(folder: Path, path: Path, key: str) -> None:
    """Remove the entry this file had before, which no copy of it needs any longer: the
    file changed, or nsclt did. A small record per file (named by the hash of its path)
    remembers its last entry. Another file with the very same bytes loses that entry too,
    and pays one full check to store it again."""
    record = folder / f"{hashlib.sha256(str(path.resolve()).encode()).hexdigest()}{_RECORD}"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        before = record.read_text(encoding="ascii").strip()
        if before != key and len(before) == len(key) and before.isalnum():
            (folder / f"{before}{_SUFFIX}").unlink()
    _write(record, key.encode("ascii"))


def _compact(value: Any) -> Any:
    """A plan as JSON data without the fields left at their defaults, which reading fills in."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        written = {}
        for each in dataclasses.fields(value):
            item = getattr(value, each.name)
            if each.default is not dataclasses.MISSING and item == each.default:
                continue
            if each.default_factory is not dataclasses.MISSING and item == each.default_factory():
                continue
            written[each.name] = _compact(item)
        return written
    if isinstance(value, list):
        return [_compact(item) for item in value]
    return value


def _prune(folder: Path) -> None:
    """Remove the least recently used entries while the cache is over ``MAX_CACHE_BYTES``,
    down to three quarters of it; entries of files that no longer exist go first that way."""
    entries = []
    for entry in os.scandir(folder):
        if entry.name.endswith(_SUFFIX):
            with contextlib.suppress(OSError):
                status = entry.stat()
                entries.append((status.st_mtime_ns, status.st_size, entry.path))
    total = sum(size for _, size, _ in entries)
    if total <= MAX_CACHE_BYTES:
        return
    for _, size, path in sorted(entries):
        with contextlib.suppress(OSError):
            Path(path).unlink()
            total -= size
        if total <= MAX_CACHE_BYTES * 3 // 4:
            return


def _date_text(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _from_json(annotation: Any, value: Any) -> Any:
    """Rebuild the dataclasses of a plan from the JSON written by ``_store``, checking types.

    Anything but the exact shape ``_store`` writes raises ``_Unverified``.
    """
    optional = _is_optional(annotation)
    annotation = bare(annotation)
    if value is None:
        if optional:
            return None
        raise _Unverified
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [_from_json(item, element) for element in _expect(value, list)]
    if origin is Literal:
        if value not in typing.get_args(annotation) or isinstance(value, bool):
            raise _Unverified
        return value
    if dataclasses.is_dataclass(annotation):
        types = field_types(annotation)  # type: ignore[arg-type]
        fields = _expect(value, dict)
        if not set(fields) <= set(types):
            raise _Unverified
        try:
            return annotation(  # type: ignore[operator]
                **{name: _from_json(types[name], element) for name, element in fields.items()}
            )
        except TypeError:  # a required field is missing
            raise _Unverified from None
    if annotation is datetime.date:
        return datetime.date.fromisoformat(_expect(value, str))
    if annotation is float:
        return float(_expect(value, int | float))
    if annotation is int:
        return _expect(value, int)
    if annotation is str:
        return _expect(value, str)
    raise _Unverified


def _expect(value: Any, kind: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, kind):
        raise _Unverified
    return value


def _is_optional(annotation: Any) -> bool:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return type(None) in typing.get_args(annotation)
