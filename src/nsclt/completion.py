"""Shell completion: what <TAB> offers at each place of a command line.

Province names (the plans folder's and today's map's), the plan and phase ids and the
indicators of the province typed, and the output formats. Completion offers less rather
than an error in the middle of a line: every failure here is an empty list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from nsclt.failures import Failure
from nsclt.provinces import plans_folder
from nsclt.workspace import UnknownProvince, province_file, province_slugs

if TYPE_CHECKING:
    from nsclt.model import PlanFile
    from nsclt.render.formats import Subject


def _folder_typed(ctx: typer.Context) -> Path | None:
    """The plans folder of the line being completed; None rather than an error mid-line."""
    try:
        return plans_folder(ctx.params.get("plans"))
    except Failure:
        return None


def complete_province(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the provinces of the plans folder, and the units of today's map."""
    from nsclt.map2025 import UNITS
    from nsclt.text import slugify

    folder = _folder_typed(ctx)
    try:
        slugs = province_slugs(folder) if folder else []
    except Failure:
        slugs = []
    names = {slugify(name) for unit in UNITS for name in (unit.name, *unit.formed_from)}
    typed = slugify(incomplete) or incomplete
    return sorted(slug for slug in {*slugs, *names} if slug.startswith(typed))


def _plan_of(ctx: typer.Context) -> PlanFile | None:
    """The plan file of the province already typed on the line, for completing its ids."""
    from nsclt.cache import valid_plan

    typed = ctx.params.get("province")
    # A trailing option still waiting for its value (`--plan <TAB>`) leaves Click's
    # parse without the province, so the words of the line are read as well.
    candidates = [typed] if typed else [w for w in _words_on_line()[2:] if not w.startswith("-")]
    plans_dir = _folder_typed(ctx)
    if plans_dir is None:
        return None
    for word in candidates:
        try:
            return valid_plan(province_file(str(word), plans_dir))
        except (UnknownProvince, Failure):
            continue
    return None


def _words_on_line() -> list[str]:
    """The words of the command line being completed, as the shell passed them."""
    import os
    import shlex

    line = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
    try:
        return shlex.split(line)
    except ValueError:  # an unclosed quote while typing
        return line.split()


def complete_plan(ctx: typer.Context, incomplete: str) -> list[str]:
    plan_file = _plan_of(ctx)
    ids = [plan.id for plan in plan_file.plans] if plan_file else []
    return [i for i in ids if i.startswith(incomplete)]


def complete_phase(ctx: typer.Context, incomplete: str) -> list[str]:
    plan_file = _plan_of(ctx)
    ids = {phase.id for plan in plan_file.plans for phase in plan.phases} if plan_file else set()
    return sorted(i for i in ids if i.startswith(incomplete))


def complete_indicator(ctx: typer.Context, incomplete: str) -> list[str]:
    from nsclt.catalogue import STANDARD_INDICATORS, indicators_of

    plan_file = _plan_of(ctx)
    ids = indicators_of(plan_file) if plan_file else STANDARD_INDICATORS
    return sorted(i for i in ids if i.startswith(incomplete))


def complete_format(subject: Subject) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        from nsclt.render.formats import formats_for

        return [name for name in formats_for(subject) if name.startswith(incomplete)]

    return complete
