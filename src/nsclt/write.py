"""Changing a plan file safely: minimal edits, validated before writing, atomic, locked.

``record`` adds (or with ``replace`` replaces) one result. The edit is made with
ruamel.yaml, which keeps comments, key order, quoting and flow style; then only
the lines that edit needs are spliced into the original text, so a review shows
exactly the added lines and nothing else of the file moves. The new text is
checked with the same checks as ``nsclt validate`` before anything touches the
disk, and the write goes through a temporary file in the same folder, fsynced
and renamed over the original.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from nsclt.checks import check_loaded
from nsclt.failures import Failure, InvalidPlan, UsageFailure
from nsclt.loader import LoadedFile, load_bytes, load_text, read_plan_bytes
from nsclt.model import PlanFile, Qualifier
from nsclt.text import slugify


@dataclass(frozen=True)
class NewResult:
    indicator: str
    year: int
    value: int | float
    source: str
    date: date | None = None
    qualifier: Qualifier | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Edit:
    path: Path
    before: str
    after: str
    new_source: str | None
    """The id of a source entry the edit added, when ``--source`` named none of the file's."""
    replaced_value: float | None
    """The figure the edit replaced, if it replaced one."""

    def diff(self) -> str:
        name = str(self.path)
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=name,
            tofile=name,
        )
        return "".join(lines)


# --- the edit ----------------------------------------------------------------------


def record(
    path: Path, result: NewResult, *, plan_id: str | None = None, replace: bool = False
) -> Edit:
    raw = read_plan_bytes(path, str(path))
    loaded = raw if isinstance(raw, LoadedFile) else load_bytes(raw, str(path))
    checked = check_loaded(loaded, expected_slug=path.stem)
    if checked.plan_file is None or isinstance(raw, LoadedFile):
        raise InvalidPlan(checked, "record.invalid_before")
    bom = raw.startswith(b"\xef\xbb\xbf")
    lines = _lines(raw.decode("utf-8-sig"))  # it passed the checks, so it is UTF-8
    text = "".join(body + "\n" for body, _ in lines)
    plan_index = _choose_plan(checked.plan_file, result.year, plan_id)
    plan = checked.plan_file.plans[plan_index]
    existing = next(
        (
            i
            for i, r in enumerate(plan.results)
            if r.indicator == result.indicator and r.year == result.year
        ),
        None,
    )
    if existing is not None and not replace:
        line = checked.loaded.positions.locate(("plans", plan_index, "results", existing))[0]
        raise Failure(
            "record.exists",
            hint="record.exists.hint",
            indicator=result.indicator,
            year=result.year,
            line=line,
        )

    replaced = plan.results[existing] if existing is not None else None
    edited, new_source = _edited_text(text, checked.plan_file, plan_index, existing, result)
    after = _with_endings(_minimal(lines, edited), lines)
    final = ("\ufeff" if bom else "") + after
    checked_after = check_loaded(load_text(after, str(path)), expected_slug=path.stem)
    if checked_after.plan_file is None:
        raise InvalidPlan(checked_after, "record.invalid_after")
    before = raw.decode("utf-8")
    return Edit(path, before, final, new_source, replaced.value if replaced else None)


def _choose_plan(plan_file: PlanFile, year: int, plan_id: str | None) -> int:
    ids = [plan.id for plan in plan_file.plans]
    if plan_id is not None:
        if plan_id not in ids:
            raise UsageFailure("error.unknown_plan", wanted=plan_id, choices=", ".join(ids))
        return ids.index(plan_id)
    covering = [i for i, plan in enumerate(plan_file.plans) if plan.start <= year <= plan.end]
    if len(covering) == 1:
        return covering[0]
    choices = ", ".join(ids[i] for i in covering) if covering else ", ".join(ids)
    if covering:
        raise UsageFailure(
            "record.several_plans", hint="record.choose_plan", year=year, choices=choices
        )
    raise UsageFailure("record.no_plan", hint="record.choose_plan", year=year, choices=choices)


def _edited_text(
    text: str, plan_file: PlanFile, plan_index: int, existing: int | None, result: NewResult
) -> tuple[str, str | None]:
    """The whole document with the result in place, as ruamel.yaml writes it."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, sequence_indent = load_yaml_guess_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line that was not folded before
    yaml.indent(mapping=2, sequence=indent or 4, offset=sequence_indent or 2)
    document = yaml.load(text)

    source_id, new_source = _source_for(plan_file, result.source)
    if new_source:
        sources = document.get("sources")
        if sources is None:
            sources = document["sources"] = CommentedSeq()
        if not sources:
            sources.fa.set_block_style()
        sources.append(CommentedMap([("id", source_id), ("title", result.source)]))

    plan = document["plans"][plan_index]
    results = plan.get("results")
    if results is None:
        results = plan["results"] = CommentedSeq()
    if not results:
        results.fa.set_block_style()
    if existing is None:
        entry = CommentedMap()
        entry["indicator"] = result.indicator
        entry["year"] = result.year
        results.append(entry)
    else:
        # Replaced in place: what the new figure does not say (the report's date, the
        # source's words, a note) stays as it was, and so does its layout.
        entry = results[existing]
    if result.date is not None:
        entry["date"] = result.date
    entry["value"] = result.value
    if result.qualifier is not None:
        entry["qualifier"] = result.qualifier
    if result.quote is not None:
        entry["quote"] = result.quote
    entry["source"] = source_id
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue(), source_id if new_source else None


def _source_for(plan_file: PlanFile, given: str) -> tuple[str, bool]:
    """The id of the named source, or a fresh id for a new entry titled with the text."""
    ids = {source.id for source in plan_file.sources}
    if given in ids:
        return given, False
    base = slugify(given)[:48].strip("-") or "source"
    candidate, n = base, 2
    while candidate in ids:
        candidate, n = f"{base}-{n}", n + 1
    return candidate, True


_LINE: Final = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
"""A line and its own ending: YAML breaks lines at LF, CRLF and a lone CR, nowhere else."""

Line = tuple[str, str | None]
"""A line's text and its ending; None for a line the edit adds, which has none yet."""


def _lines(text: str) -> list[tuple[str, str]]:
    found = (match.group() for match in _LINE.finditer(text))
    return [(line.rstrip("\r\n"), line[len(line.rstrip("\r\n")) :]) for line in found]


def _minimal(original: list[tuple[str, str]], rewritten: str) -> list[Line]:
    """The original lines, each with its own ending, and only the rewritten document's
    added or changed entry lines.

    ruamel.yaml may also re-indent or re-space lines it did not need to touch.
    Keep the original's version of every line except where the rewrite inserts
    lines or replaces a block that holds the edit, and check that the result
    still means the same as the rewrite; if it does not, use the rewrite whole.
    """
    old = [body for body, _ in original]
    new = rewritten.split("\n")[:-1] if rewritten.endswith("\n") else rewritten.split("\n")
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    pieces: list[Line] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            pieces.extend((body, None) for body in new[j1:j2])
        elif tag == "equal" or _same_meaning(old[i1:i2], new[j1:j2]):
            pieces.extend(original[i1:i2])
        else:
            pieces.extend((body, None) for body in new[j1:j2])
    spliced = "".join(body + "\n" for body, _ in pieces)
    same = load_text(spliced, "-").data == load_text(rewritten, "-").data
    return pieces if same else [(body, None) for body in new]


def _with_endings(pieces: list[Line], original: list[tuple[str, str]]) -> str:
    """The text of ``pieces``: each kept line with its own ending, each added line with
    the ending of the line before it (or the file's most common one)."""
    endings = [ending for _, ending in original if ending]
    common = max(set(endings), key=endings.count) if endings else "\n"
    unended = bool(original) and not original[-1][1]
    text: list[str] = []
    previous = common
    for index, (body, ending) in enumerate(pieces):
        last = index == len(pieces) - 1
        if ending is None:  # added: its neighbour's ending, none if it ends an unended file
            ending = "" if last and unended else previous
        elif not ending and not last:  # the file's unended last line, now followed by more
            ending = common
        text.append(body + ending)
        previous = ending or previous
    return "".join(text)


def _same_meaning(old: list[str], new: list[str]) -> bool:
    """Whether two runs of lines differ only in spacing (indentation, trailing blanks)."""
    return [line.strip() for line in old] == [line.strip() for line in new]
