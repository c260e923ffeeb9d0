"""Bytes on disk -> plain data plus where each piece of it stands in the file.

The YAML is read as a stream of parser events rather than composed into a node
tree, so that:

* every position comes from the parser's own marks;
* aliases, merge keys and unusual tags are refused where they stand, never
  expanded or constructed (an alias bomb costs nothing);
* nesting is followed with an explicit stack, so deep input cannot exhaust
  Python's recursion limit;
* a duplicate key is reported instead of silently replacing the first one.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from nsclt.problems import Position, Problem, problem
from nsclt.text import LINE_BREAK, nfc
from nsclt.unsafe import first_unsafe, unsafe_characters

LOADER_CODES: Final = tuple(f"NSC{number:03}" for number in range(15))
"""NSC000 to NSC014, every code the loader reports (docs/format.md says what each means)."""


MAX_BYTES: Final = 1024 * 1024
"""Plan files are a few kilobytes; anything past a mebibyte is not a plan."""

MAX_DEPTH: Final = 32
"""The format nests seven levels deep; far deeper input is a mistake or an attack."""

DataPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS: Final = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS: Final = {_TAG + "map", _TAG + "seq"}
_LIBYAML_TOO_DEEP: Final = "exceeded maximum nesting depth"

# The C parser is several times faster; the pure-Python one behaves the same here.
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = Resolver()
_constructor = SafeConstructor()


class Refused:
    """Stands in for a value the loader would not construct (a tag or an alias).

    Its problem is already reported; later stages ignore errors about it.
    """

    def __repr__(self) -> str:
        return "<refused>"


REFUSED: Final = Refused()


@dataclass(frozen=True)
class SourceMap:
    """Where each data path starts in the file, as 1-based (line, column)."""

    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)

    def locate(self, path: DataPath, *, key: bool = False) -> Position:
        """The position of ``path``, or of its nearest recorded ancestor."""
        while True:
            if key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return (1, 1)
            path = path[:-1]


@dataclass(frozen=True)
class LoadedFile:
    path: str
    lines: list[str]
    data: object
    """The document as read, ``None`` when it could not be read at all.

    A plan is a mapping; anything else is kept as read but NSC013 reports it.
    """
    positions: SourceMap
    problems: list[Problem]

    def source_line(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def load_file(path: Path, shown_as: str | None = None) -> LoadedFile:
    name = shown_as if shown_as is not None else str(path)
    raw = read_plan_bytes(path, name)
    return raw if isinstance(raw, LoadedFile) else load_bytes(raw, name)


def read_plan_bytes(path: Path, name: str) -> bytes | LoadedFile:
    """The bytes of a plan file, or the problem that refuses it, decided before reading.

    What stat says is enough to refuse a path without opening it: opening a named pipe
    waits for a writer, a device may never end, a link may lead out of the plans folder
    (`plans/x.yaml -> /etc/passwd` must not show that file's lines in an error), and a
    file over the limit is not read into memory at all.
    """
    try:
        status = path.stat()  # os.stat: follows links, opens nothing
        outside = path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve())
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links
        return _refused(name, error)
    if outside or not stat.S_ISREG(status.st_mode):
        return _refused(name, None if outside else status.st_mode)
    if status.st_size > MAX_BYTES:
        return _unreadable(name, "NSC001", size=status.st_size, limit=MAX_BYTES)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)  # a file that grew since stat stops here
    except OSError as error:
        return _refused(name, error)
    if len(raw) > MAX_BYTES:
        return _unreadable(name, "NSC001", size=len(raw), limit=MAX_BYTES)
    return raw


def _refused(name: str, why: OSError | RuntimeError | int | None) -> LoadedFile:
    """NSC000 for a system error, a mode that is not a file's, or (None) a link leading out."""
    from nsclt.reasons import Unreadable, not_a_file, unreadable  # only when refusing

    if isinstance(why, OSError):
        return _unreadable(name, "NSC000", **unreadable(why))
    if isinstance(why, int):
        return _unreadable(name, "NSC000", reason=not_a_file(why))
    return _unreadable(name, "NSC000", reason=Unreadable.LINK_OUTSIDE)


def load_bytes(raw: bytes, path: str) -> LoadedFile:
    if len(raw) > MAX_BYTES:
        return _unreadable(path, "NSC001", size=len(raw), limit=MAX_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        lines = LINE_BREAK.split(raw.decode("utf-8-sig", errors="replace"))
        found = problem(path, (line, column), "NSC002", byte=f"0x{raw[error.start]:02x}")
        return LoadedFile(path, lines, None, SourceMap(), [found])
    return load_text(text, path)


def load_text(text: str, path: str) -> LoadedFile:
    lines = LINE_BREAK.split(text)
    builder = _Builder(path)
    try:
        builder.feed(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if str(error.problem).endswith(_LIBYAML_TOO_DEEP):
            # libyaml scans a flow collection ahead of its events, so its own depth limit
            # can fire before ours; it is the same finding.
            builder.problems.append(problem(path, position, "NSC007", limit=MAX_DEPTH))
            return LoadedFile(path, lines, None, builder.positions, builder.problems)
        at = mark.index if mark else -1
        character = text[at] if 0 <= at < len(text) else ""
        from nsclt.reasons import syntax_kind

        kind = syntax_kind(error.context, error.problem, character)
        builder.problems.append(problem(path, position, "NSC003", syntax=kind))
        return LoadedFile(path, lines, None, builder.positions, builder.problems)
    except yaml.YAMLError as error:
        position = _reader_position(text, error)
        builder.problems.append(problem(path, position, "NSC003", **_reader_params(error)))
        return LoadedFile(path, lines, None, builder.positions, builder.problems)
    if builder.too_deep:
        return LoadedFile(path, lines, None, builder.positions, builder.problems)
    if builder.root is _NOTHING or builder.root is None:
        builder.problems.append(problem(path, (1, 1), "NSC009"))
        return LoadedFile(path, lines, None, builder.positions, builder.problems)
    if not isinstance(builder.root, dict):
        found = yaml_type(builder.root)
        builder.problems.append(problem(path, (1, 1), "NSC013", found=found))
    builder.problems += unsafe_characters(path, text, lines, builder.escaped_unsafe)
    return LoadedFile(path, lines, builder.root, builder.positions, builder.problems)


def yaml_type(value: object) -> str:
    """The YAML name of a loaded value's type; each has a ``word.<name>`` in the catalogues."""
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


def _unreadable(path: str, code: str, **params: object) -> LoadedFile:
    return LoadedFile(path, [], None, SourceMap(), [problem(path, (1, 1), code, **params)])


def _reader_position(text: str, error: yaml.YAMLError) -> Position:
    offset = getattr(error, "position", None)
    character = getattr(error, "character", None)
    if isinstance(character, int) and 0 <= character <= 0x10FFFF and chr(character) in text:
        # libyaml counts the offset in UTF-8 bytes, PyYAML in characters. Either stopped at
        # the first character it refuses, so the first occurrence of that one is the place.
        offset = text.index(chr(character))
    if not isinstance(offset, int):
        return (1, 1)
    before = text[:offset]
    return (before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _reader_params(error: yaml.YAMLError) -> dict[str, str]:
    """NSC003's parameters for an error raised before parsing: a character YAML refuses."""
    from nsclt.reasons import SyntaxKind, code_point  # named only when something is wrong

    character = getattr(error, "character", None)
    if isinstance(character, str | int):
        return {"syntax": SyntaxKind.CHARACTER, "code_point": code_point(character)}
    return {"syntax": SyntaxKind.OTHER}


class _Nothing:
    pass


_NOTHING: Final = _Nothing()


@dataclass
class _Frame:
    container: dict[str, object] | list[object]
    path: DataPath
    pending_key: str | None = None
    key_position: Position = (1, 1)


class _Builder:
    """Turns parser events into plain dicts, lists and scalars, noting positions."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.root: object = _NOTHING
        self.positions = SourceMap()
        self.problems: list[Problem] = []
        self._stack: list[_Frame] = []
        self._documents = 0
        self._anchors_reported: set[str] = set()
        self.escaped_unsafe: list[tuple[Position, int, str]] = []
        """Where a double-quoted value holds an unsafe character: its start, its last
        line and the first such character."""
        self.too_deep = False
        """Nesting passed MAX_DEPTH: what was read is cut off, so it is not a document."""

    def feed(self, events: Any) -> None:
        for event in events:
            if isinstance(event, DocumentStartEvent):
                self._documents += 1
                if self._documents > 1:
                    self._report(event, "NSC011")
                    return
            elif isinstance(event, ScalarEvent):
                self._place(event, self._scalar(event))
            elif isinstance(event, AliasEvent):
                self._report_once(event, event.anchor or "")
                self._place(event, REFUSED)
            elif isinstance(event, CollectionStartEvent):
                if len(self._stack) >= MAX_DEPTH:
                    self._report(event, "NSC007", limit=MAX_DEPTH)
                    self.too_deep = True
                    return
                self._open(event)
            elif isinstance(event, CollectionEndEvent):
                self._stack.pop()

    def _open(self, event: CollectionStartEvent) -> None:
        self._refuse_anchor(event)
        container: dict[str, object] | list[object]
        container = {} if isinstance(event, MappingStartEvent) else []
        if event.tag is not None and event.tag != "!" and event.tag not in _COLLECTION_TAGS:
            self._report(event, "NSC005", tag=_short_tag(event.tag))
            # The refused collection is still read, to keep the stream in step, but
            # nothing of it reaches the document.
            self._place(event, REFUSED)
            self._stack.append(_Frame(container, ("\0refused",)))
            return
        path = self._place(event, container)
        self._stack.append(_Frame(container, path))

    def _place(self, event: Event, value: object) -> DataPath:
        """Attach a value to the open collection (or make it the root); return its path."""
        position = _position(event)
        if not self._stack:
            self.root = value
            self.positions.values[()] = position
            return ()
        frame = self._stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            self.positions.values[path] = position
            return path
        if frame.pending_key is None:
            frame.pending_key = self._key(event, value)
            frame.key_position = position
            # A collection used as a key is refused; give it a throwaway home.
            return (*frame.path, "\0key")
        key, frame.pending_key = frame.pending_key, None
        path = (*frame.path, key)
        if key.startswith("\0"):
            pass  # the key itself was refused; its value has nowhere to go
        elif key in frame.container:
            first = self.positions.keys[path]
            self.problems.append(
                problem(self.path, frame.key_position, "NSC004", key=key, first_line=first[0])
            )
        else:
            frame.container[key] = value
            self.positions.keys[path] = frame.key_position
            self.positions.values[path] = position
        return path

    def _key(self, event: Event, value: object) -> str:
        if isinstance(event, ScalarEvent):
            return nfc(event.value) if value is not REFUSED else f"\0refused {event.value}"
        if not isinstance(event, AliasEvent):
            self._report(event, "NSC010")
        return f"\0complex key at line {_position(event)[0]}"

    def _scalar(self, event: ScalarEvent) -> object:
        self._refuse_anchor(event)
        tag = event.tag
        if tag is None or tag == "!":
            # PyYAML's stubs leave resolve() untyped; it returns the tag as a str.
            tag = str(_resolver.resolve(ScalarNode, event.value, event.implicit))  # type: ignore[no-untyped-call]
        if tag == _TAG + "merge":
            self._report_once(event, "<<")
            return REFUSED
        if tag not in _SCALAR_TAGS:
            self._report(event, "NSC005", tag=_short_tag(tag))
            return REFUSED
        if tag == _TAG + "str":
            # Written as an escape ("\u202e"), the character is in the value all the same.
            unsafe = first_unsafe(event.value) if event.style == '"' else None
            if unsafe is not None:
                last_line = event.end_mark.line + 1 if event.end_mark else 0
                self.escaped_unsafe.append((_position(event), last_line, unsafe))
            return nfc(event.value)
        construct = _constructor.yaml_constructors[tag]
        try:
            return construct(_constructor, ScalarNode(tag, event.value))
        except (ValueError, ConstructorError, OverflowError):
            # int() refuses more than 4,300 digits; a timestamp may name a day that
            # does not exist (2018-02-30). Only those two constructors can fail.
            code = "NSC008" if tag == _TAG + "int" else "NSC012"
            self._report(event, code, value=_shorten(event.value))
            return REFUSED

    def _refuse_anchor(self, event: ScalarEvent | CollectionStartEvent) -> None:
        if event.anchor is not None:
            self._report_once(event, event.anchor)

    def _report_once(self, event: Event, anchor: str) -> None:
        """One problem per anchor name: an alias bomb repeats the same few thousands of times."""
        if anchor not in self._anchors_reported:
            self._anchors_reported.add(anchor)
            self._report(event, "NSC006", anchor=anchor)

    def _report(self, event: Event, code: str, **params: object) -> None:
        self.problems.append(problem(self.path, _position(event), code, **params))


def _position(event: Event) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[: limit // 2]}…{text[-limit // 2 :]}"
