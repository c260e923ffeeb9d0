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
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nsclt.checks import check_loaded
from nsclt.failures import Failure, InvalidPlan, UsageFailure, os_failure
from nsclt.loader import load_bytes, load_text
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
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise os_failure(error, "error.cannot_read", path) from None
    checked = check_loaded(load_bytes(raw, str(path)), expected_slug=path.stem)
    if checked.plan_file is None:
        raise InvalidPlan(checked, "record.invalid_before")
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")  # it passed the checks, so it is UTF-8
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
    after = _minimal(text, edited)
    newline = "\r\n" if "\r\n" in text else "\n"
    if newline != "\n":
        after = after.replace("\r\n", "\n").replace("\n", newline)
    final = ("\ufeff" if bom else "") + after
    checked_after = check_loaded(load_text(after, str(path)), expected_slug=path.stem)
    if checked_after.plan_file is None:
        raise InvalidPlan(checked_after, "record.invalid_after")
    before = ("\ufeff" if bom else "") + text
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


def _minimal(original: str, rewritten: str) -> str:
    """The original with only the rewritten document's added or changed entry lines.

    ruamel.yaml may also re-indent or re-space lines it did not need to touch.
    Keep the original's version of every line except where the rewrite inserts
    lines or replaces a block that holds the edit, and check that the result
    still means the same as the rewrite; if it does not, use the rewrite whole.
    """
    old, new = original.splitlines(keepends=True), rewritten.splitlines(keepends=True)
    if old and not old[-1].endswith("\n"):
        old[-1] += "\n"
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    pieces: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            pieces.extend(new[j1:j2])
        elif tag == "equal" or _same_meaning(old[i1:i2], new[j1:j2]):
            pieces.extend(old[i1:i2])
        else:
            pieces.extend(new[j1:j2])
    spliced = "".join(pieces)
    same = load_text(spliced, "-").data == load_text(rewritten, "-").data
    return spliced if same else rewritten


def _same_meaning(old: list[str], new: list[str]) -> bool:
    """Whether two runs of lines differ only in spacing (indentation, trailing blanks)."""
    return [line.strip() for line in old] == [line.strip() for line in new]
