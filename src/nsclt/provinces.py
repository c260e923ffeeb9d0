"""A name typed on the command line, as the files it stands for on today's map.

A plan file names its province as it was when the plan was made. Since 1 July 2025 many of
those provinces are parts of a larger one: Bắc Kạn of Thái Nguyên, Yên Bái of Lào Cai. So a
name resolves to the files of a current unit (its own, if any, and those of the former units
now inside it, each shown on its own, never added together), or to a former unit's file,
always with what the map says of it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from nsclt.failures import UsageFailure

if TYPE_CHECKING:
    from nsclt.map2025 import Unit
    from nsclt.report import ProvinceReport
from nsclt.text import closest, slugify
from nsclt.workspace import (
    PlansNotFound,
    UnknownProvince,
    find_plans_dir,
    plan_files,
    province_file,
)


class Place(NamedTuple):
    """Where a plan file's province stands on today's map."""

    current: str
    """The name of the current unit it is (or is part of)."""
    formed_from: tuple[str, ...]
    """When the file's province is a current unit formed from several: the former units."""
    merged: bool
    """The file's province is a former unit that is now part of another unit."""


class Resolved(NamedTuple):
    files: tuple[Path, ...]
    """The files to show, the current unit's own first."""
    redirected_from: str | None
    """A former unit asked for that has no file: the name asked for, shown as its current unit."""
    current: str | None


@functools.cache
def _former_to_current() -> dict[str, Unit]:
    from nsclt.map2025 import UNITS  # the map is read only when a name is looked up

    return {slugify(former): unit for unit in UNITS for former in unit.formed_from}


@functools.cache
def _current_by_slug() -> dict[str, Unit]:
    from nsclt.map2025 import UNITS

    return {slugify(unit.name): unit for unit in UNITS}


def place_of(slug: str) -> Place | None:
    """Where the province of the file named ``slug`` stands today, if it is on the map."""
    unit = _former_to_current().get(slug)
    if unit is None:
        return None
    merged = slugify(unit.name) != slug
    formed = unit.formed_from if not merged and len(unit.formed_from) > 1 else ()
    return Place(unit.name, formed, merged)


def unit_order(name: str, current: str | None, merged: bool, slug: str) -> tuple[str, int, str]:
    """Where a file's province stands in a list on today's map: a former unit right after
    the unit it is now part of (or after a heading of that unit, when it has no file)."""
    return (slugify(current or name), int(merged), slug)


def units_without_own_file(places: Iterable[tuple[str | None, bool]]) -> list[str]:
    """Today's units whose files in a list are all of former units: each needs a heading row
    for its former units to stand under. ``places`` are each file's (current unit, merged)."""
    places = list(places)
    own = {slugify(current) for current, merged in places if current and not merged}
    heads: dict[str, str] = {}
    for current, merged in places:
        if merged and current and slugify(current) not in own:
            heads.setdefault(slugify(current), current)
    return list(heads.values())


def placed(report: ProvinceReport, scope: str) -> ProvinceReport:
    """``report`` with what the 2025 rearrangement made of its file's province."""
    place = place_of(report.slug) if scope == "province" else None
    if place is None:
        return report
    return report._replace(
        current=place.current, formed_from=place.formed_from, merged=place.merged
    )


def members(unit: Unit, files: dict[str, Path]) -> tuple[Path, ...]:
    """The files of a current unit: its own first, then its former units', in map order."""
    own = slugify(unit.name)
    slugs = [own, *(slugify(f) for f in unit.formed_from if slugify(f) != own)]
    return tuple(files[slug] for slug in slugs if slug in files)


def resolve(wanted: str, folder: Path) -> Resolved:
    """The files a province's name or slug stands for; raises UnknownProvince.

    Only names of files in the folder and of units on the map are accepted: the input is
    turned into a slug and compared with them, never used as a path.
    """
    files = {path.stem: path for path in plan_files(folder)}
    slug = slugify(wanted)
    former = _former_to_current().get(slug)
    current = _current_by_slug().get(slug)
    if slug in files:
        if current is not None:  # also today's name: the unit with its former parts
            return Resolved(members(current, files), None, current.name)
        return Resolved((files[slug],), None, former.name if former else None)
    unit = current or former
    if unit is not None and members(unit, files):
        merged = merger_of(wanted)
        return Resolved(members(unit, files), merged[0] if merged else None, unit.name)
    known = sorted(files)
    suggestion = closest(slug, known) if slug else None
    raise UnknownProvince(wanted, [suggestion] if suggestion else [], known)


def merger_of(wanted: str) -> tuple[str, str] | None:
    """(the former unit's name, the current unit's) when ``wanted`` names a merged unit."""
    slug = slugify(wanted)
    unit = _former_to_current().get(slug)
    if unit is None or slugify(unit.name) == slug:
        return None
    name = next(f for f in unit.formed_from if slugify(f) == slug)
    return name, unit.name


# --- for the command line: a name or a folder it can't use is a usage error -------------


PLANS_BEFORE_COMMAND = "nsclt.plans"
"""Where ``nsclt --plans DIR <command>`` leaves DIR for the command (Click's ``ctx.meta``)."""


def plans_folder(option: str | None) -> Path:
    """The folder of ``--plans``, given after the command or before it, else found."""
    if option is None:
        import click

        context = click.get_current_context(silent=True)
        option = context.meta.get(PLANS_BEFORE_COMMAND) if context else None
    try:
        return find_plans_dir(Path(option) if option is not None else None)
    except PlansNotFound as error:
        looked = ", ".join(str(path) for path in error.looked[:4])
        if len(error.looked) > 4:
            looked += ", …"
        raise UsageFailure(
            "error.plans_not_found", hint="error.plans_not_found.hint", looked=looked
        ) from None


def province_path(province: str, folder: Path) -> Path:
    try:
        return province_file(province, folder)
    except UnknownProvince as error:
        raise unknown_province(error, province, folder) from None


def unknown_province(error: UnknownProvince, province: str, folder: Path) -> UsageFailure:
    merged = merger_of(province)
    if merged is not None:
        former, current = merged
        return UsageFailure(
            "error.unknown_province",
            hint="error.merged_no_file",
            name=province,
            folder=folder,
            former=former,
            current=current,
        )
    if error.suggestions:
        return UsageFailure(
            "error.unknown_province",
            hint="did_you_mean",
            name=province,
            folder=folder,
            suggestion=error.suggestions[0],
        )
    return UsageFailure(
        "error.unknown_province",
        hint="error.known_provinces",
        name=province,
        folder=folder,
        known=", ".join(error.known),
    )
