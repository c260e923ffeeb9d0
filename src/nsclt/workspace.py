"""Finding the plans folder and the file of a province in it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from nsclt.failures import os_failure
from nsclt.text import closest, slugify

PLANS_ENV = "NSCLT_PLANS"
PLAN_SUFFIXES = (".yaml", ".yml")


class PlansNotFound(LookupError):
    def __init__(self, looked: list[Path]) -> None:
        super().__init__(", ".join(map(str, looked)))
        self.looked = looked


class UnknownProvince(LookupError):
    def __init__(self, wanted: str, suggestions: list[str], known: list[str]) -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.suggestions = suggestions
        self.known = known


def find_plans_dir(
    option: Path | None, environ: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Path:
    """``--plans``, else $NSCLT_PLANS, else the nearest ``plans/`` from here upward."""
    env = os.environ if environ is None else environ
    if option is not None:
        if option.is_dir():
            return option
        raise PlansNotFound([option])
    if env.get(PLANS_ENV):
        chosen = Path(env[PLANS_ENV])
        if chosen.is_dir():
            return chosen
        raise PlansNotFound([chosen])
    here = (cwd or Path.cwd()).resolve()
    looked = []
    for folder in (here, *here.parents):
        candidate = folder / "plans"
        looked.append(candidate)
        if candidate.is_dir():
            return candidate
    raise PlansNotFound(looked)


def plan_files(folder: Path) -> list[Path]:
    """Every entry of the folder named like a plan file.

    Not only regular files: a folder, pipe or broken link named ``x.yaml`` is listed
    too, so that validating the folder reports it (the loader refuses it, unopened)
    rather than passing over it in silence.
    """
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in PLAN_SUFFIXES)
    except OSError as error:
        raise os_failure(error, "error.cannot_read", folder) from None


def province_slugs(folder: Path) -> list[str]:
    return [path.stem for path in plan_files(folder)]


def province_file(wanted: str, folder: Path) -> Path:
    """The plan file for a slug or a name ("Quảng Ninh", "quang ninh", "QUANG-NINH").

    Only names of files in the folder are accepted: the input is turned into a
    slug and compared with them, never used as a path.
    """
    by_slug = {path.stem: path for path in plan_files(folder)}
    slug = slugify(wanted)
    if slug in by_slug:
        return by_slug[slug]
    known = sorted(by_slug)
    suggestion = closest(slug, known) if slug else None
    raise UnknownProvince(wanted, [suggestion] if suggestion else [], known)
