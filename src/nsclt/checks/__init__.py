"""Everything that can be wrong with a plan file, as problems pointing at its lines.

Three layers, each run only on what the one before could read: the loader's
findings (syntax, duplicate keys, refused tags: ``nsclt.loader``), the shape and
types (Pydantic: ``shape``), and the rules across records, one module per family
(``identity``, ``references``, ``periods``, ``values``, ``targets``, ``quotes``,
``amendments``, ``indicators``), each rule
declaring the codes it reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pydantic import ValidationError

# Importing a family registers its rules; problems are sorted afterwards, so order is free.
from nsclt.checks import (  # noqa: F401
    amendments,
    identity,
    indicators,
    periods,
    quotes,
    references,
    targets,
    values,
)
from nsclt.checks.rules import RULES, findings
from nsclt.checks.shape import SHAPE_CODES, parse_plan_file, plan_schema, shape_problems
from nsclt.loader import LOADER_CODES, LoadedFile, load_file
from nsclt.model import PlanFile
from nsclt.problems import Level, Problem

__all__ = [
    "ALL_CODES",
    "CheckedFile",
    "Findings",
    "check_file",
    "check_loaded",
    "parse_plan_file",
    "plan_schema",
]

ALL_CODES: Final = tuple(
    sorted({*LOADER_CODES, *SHAPE_CODES, *(code for each in RULES for code in each.codes)})
)
"""Every code nsclt can report, each documented in docs/format.md."""


@dataclass(frozen=True)
class CheckedFile:
    loaded: LoadedFile
    plan_file: PlanFile | None
    """The validated document, ``None`` when any error was found."""
    problems: list[Problem]

    def findings(self) -> Findings:
        """What a report of the problems needs, without the document and its positions."""
        lines = {p.line: self.loaded.source_line(p.line) for p in self.problems}
        return Findings(self.loaded.path, self.problems, lines)


@dataclass(frozen=True)
class Findings:
    """A checked file as ``validate`` keeps it: its problems and the lines they point at.

    Checking a folder holds one file's document at a time, so memory stays flat however
    many files there are."""

    path: str
    problems: list[Problem]
    lines: dict[int, str]

    def source_line(self, line: int) -> str:
        return self.lines.get(line, "")


def check_file(path: Path, shown_as: str | None = None) -> CheckedFile:
    return check_loaded(load_file(path, shown_as), expected_slug=path.stem)


def check_loaded(loaded: LoadedFile, expected_slug: str | None = None) -> CheckedFile:
    problems = list(loaded.problems)
    plan_file: PlanFile | None = None
    # Anything but a mapping at the top is the loader's NSC013 and goes no further.
    if isinstance(loaded.data, dict):
        try:
            plan_file = parse_plan_file(loaded.data)
        except ValidationError as error:
            problems.extend(shape_problems(error, loaded.path, loaded.positions))
        else:
            problems.extend(found for _, found in findings(plan_file, loaded, expected_slug))
    problems.sort()
    has_errors = any(p.level is Level.ERROR for p in problems)
    return CheckedFile(loaded, None if has_errors else plan_file, problems)
