"""The shipped plans say only what their sources say, and say where."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PLANS, ROOT, SHARED
from nsclt.checks import check_file
from nsclt.model import PlanFile
from nsclt.text import nfc

TEMPLATE = ROOT / "src" / "nsclt" / "templates" / "plan-2021-2030.yaml"
SHIPPED = sorted(PLANS.glob("*.yaml"))
SEEDS = SHARED / "seeds"
# The sources of the shipped files that are the articles kept in ../shared/seeds/.
SEED_OF_SOURCE = {
    "baoquangninh-2020-11-16": "000_",
    "mau-ke-hoach-2021-2030": "001_",
    "tdc-thai-nguyen-2014-08-18": "002_",
    "vietq-2018-04-16": "003_",
    "langson-portal-2018-09-20": "004_",
}


def plan_file(path: Path) -> PlanFile:
    checked = check_file(path)
    assert checked.plan_file is not None, checked.problems
    return checked.plan_file


def figures(plan_file: PlanFile) -> Iterator[tuple[str, str | None, str | None]]:
    """(what, source, quote) of every target, baseline and result."""
    for plan in plan_file.plans:
        for phase in plan.phases:
            for target in phase.targets:
                yield f"{plan.id}/{phase.id} target {target.indicator}", target.source, target.quote
            for baseline in phase.baselines:
                what = f"{plan.id}/{phase.id} baseline {baseline.indicator}"
                yield what, baseline.source, baseline.quote
        for amendment in plan.amendments:
            for change in amendment.targets:
                if change.set is not None:
                    what = f"{plan.id} amendment {amendment.id} {change.set.indicator}"
                    yield what, change.set.source, change.set.quote
        for result in plan.results:
            what = f"{plan.id} result {result.indicator} {result.year}"
            yield what, result.source, result.quote


@pytest.mark.parametrize("path", [*SHIPPED, TEMPLATE], ids=lambda p: p.stem)
def test_every_figure_has_a_source_and_the_sources_words(path: Path) -> None:
    unsourced = [what for what, source, quote in figures(plan_file(path)) if not (source and quote)]
    assert unsourced == []


def seed_text(prefix: str) -> str:
    (seed,) = SEEDS.glob(f"{prefix}*.txt")
    return nfc(seed.read_text(encoding="utf-8"))


def quotes_from_seeds(plan_file: PlanFile) -> Iterator[tuple[str, str, str]]:
    for what, source, quote in figures(plan_file):
        if source in SEED_OF_SOURCE and quote:
            yield what, SEED_OF_SOURCE[source], quote
    for plan in plan_file.plans:
        for phase in plan.phases:
            for milestone in phase.milestones:
                if milestone.source in SEED_OF_SOURCE and milestone.quote:
                    yield milestone.id, SEED_OF_SOURCE[milestone.source], milestone.quote
                done = milestone.completed
                if done is not None and done.source in SEED_OF_SOURCE:
                    yield f"{milestone.id} done", SEED_OF_SOURCE[done.source], done.quote
        for amendment in plan.amendments:
            if amendment.source in SEED_OF_SOURCE:
                yield amendment.id, SEED_OF_SOURCE[amendment.source], amendment.quote


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside the project")
@pytest.mark.parametrize("path", [*SHIPPED, TEMPLATE], ids=lambda p: p.stem)
def test_every_quote_from_a_seed_is_its_words(path: Path) -> None:
    misquoted = []
    for what, seed, quote in quotes_from_seeds(plan_file(path)):
        text = re.sub(r"\s+", " ", seed_text(seed))
        # "…" joins two exact pieces of the source; a folded YAML line is one space.
        pieces = [p.strip() for p in re.sub(r"\s+", " ", nfc(quote)).split("…")]
        if not all(piece in text for piece in pieces if piece):
            misquoted.append((what, quote))
    assert misquoted == []


def notes(plan_file: PlanFile) -> Iterator[str]:
    yield from filter(None, [plan_file.note])
    for plan in plan_file.plans:
        yield from filter(None, [plan.note])
        for phase in plan.phases:
            yield from filter(None, [phase.note])
            for item in (*phase.targets, *phase.baselines, *phase.milestones):
                yield from filter(None, [item.note])
        for result in plan.results:
            yield from filter(None, [result.note])


@pytest.mark.parametrize("path", [*SHIPPED, TEMPLATE], ids=lambda p: p.stem)
def test_every_note_that_assumes_says_so_first(path: Path) -> None:
    hidden = [
        note
        for note in notes(plan_file(path))
        if re.search(r"\bassum", note, re.IGNORECASE) and not note.startswith("Assumption:")
    ]
    assert hidden == []


def test_at_least_ten_provinces_are_shipped() -> None:
    provinces = [path for path in SHIPPED if plan_file(path).scope == "province"]
    assert len(provinces) >= 10
