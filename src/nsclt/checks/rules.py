"""The frame of the rules across records: what a rule sees, how it declares its codes.

A rule is a function from a :class:`Context` to the problems it finds, registered
with ``@rule("NSC2xx", ...)`` naming every code it may report. The families of
rules live in their own modules (identity, references, periods, values, targets);
importing one registers its rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from nsclt.catalogue import indicators_of
from nsclt.loader import DataPath, LoadedFile
from nsclt.model import Indicator, PlanFile, Target
from nsclt.problems import Level, Problem, problem


@dataclass(frozen=True)
class Context:
    """A plan file that has the right shape, with what every rule needs to judge it."""

    plan_file: PlanFile
    loaded: LoadedFile
    indicators: dict[str, Indicator]
    """The standard indicators and the file's own, by id."""
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

    def line_of(self, path: DataPath) -> int:
        return self.loaded.positions.locate(path)[0]


Check = Callable[[Context], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    name: str
    codes: tuple[str, ...]
    """The only codes the rule reports."""
    check: Check


RULES: list[Rule] = []
"""Every registered rule, in the order the family modules were imported."""


def rule(*codes: str) -> Callable[[Check], Check]:
    """Register a rule that reports ``codes`` (and nothing else)."""

    def register(check: Check) -> Check:
        RULES.append(Rule(check.__name__.lstrip("_"), codes, check))
        return check

    return register


def findings(
    plan_file: PlanFile, loaded: LoadedFile, expected_slug: str | None
) -> Iterator[tuple[Rule, Problem]]:
    """Each problem the rules find, with the rule that found it."""
    context = Context(plan_file, loaded, indicators_of(plan_file), expected_slug)
    for each in RULES:
        for found in each.check(context):
            yield each, found


def each_target(c: Context) -> Iterator[tuple[DataPath, Target]]:
    """Every target of the file: those of the phases and those amendments set."""
    for path, target, _ in each_target_in_phase(c):
        yield path, target


def each_target_in_phase(c: Context) -> Iterator[tuple[DataPath, Target, str]]:
    """Every target with the id of the phase it belongs to (an amendment's names it)."""
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            for t, target in enumerate(phase.targets):
                yield ("plans", p, "phases", f, "targets", t), target, phase.id
        for a, amendment in enumerate(plan.amendments):
            for k, change in enumerate(amendment.targets):
                if change.set is not None:
                    path = ("plans", p, "amendments", a, "targets", k, "set")
                    yield path, change.set, change.phase
