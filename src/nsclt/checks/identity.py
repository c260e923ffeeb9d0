"""Each thing is named once: no id, result or baseline twice, no standard indicator redefined."""

from __future__ import annotations

from collections.abc import Iterator

from nsclt.catalogue import STANDARD_INDICATORS
from nsclt.checks.rules import Context, rule
from nsclt.loader import DataPath
from nsclt.problems import Level, Problem
from nsclt.text import slugify


def _duplicates(ids: list[str], prefix: DataPath) -> Iterator[tuple[DataPath, str, int]]:
    """(path of the repeat, id, index of the first) for each repeated id in a list."""
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            yield (*prefix, index, "id"), item_id, first[item_id]
        else:
            first[item_id] = index


@rule("NSC201")
def _duplicate_ids(c: Context) -> Iterator[Problem]:
    groups: list[tuple[DataPath, list[str]]] = [
        (("sources",), [s.id for s in c.plan_file.sources]),
        (("indicators",), [i.id for i in c.plan_file.indicators]),
        (("plans",), [p.id for p in c.plan_file.plans]),
    ]
    for p, plan in enumerate(c.plan_file.plans):
        groups.append((("plans", p, "phases"), [phase.id for phase in plan.phases]))
        for f, phase in enumerate(plan.phases):
            milestones = [m.id for m in phase.milestones]
            groups.append((("plans", p, "phases", f, "milestones"), milestones))
    for prefix, ids in groups:
        for path, item_id, first in _duplicates(ids, prefix):
            yield c.at(path, "NSC201", id=item_id, first_line=c.line_of((*prefix, first)))


@rule("NSC202")
def _local_shadows_standard(c: Context) -> Iterator[Problem]:
    for i, indicator in enumerate(c.plan_file.indicators):
        if indicator.id in STANDARD_INDICATORS:
            yield c.at(("indicators", i, "id"), "NSC202", id=indicator.id)


@rule("NSC208")
def _repeated_results(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        first: dict[tuple[str, int], int] = {}
        for r, result in enumerate(plan.results):
            key = (result.indicator, result.year)
            if key in first:
                yield c.at(
                    ("plans", p, "results", r),
                    "NSC208",
                    indicator=result.indicator,
                    year=result.year,
                    first_line=c.line_of(("plans", p, "results", first[key])),
                )
            else:
                first[key] = r


@rule("NSC216")
def _repeated_baselines(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            seen: set[str] = set()
            for b, baseline in enumerate(phase.baselines):
                if baseline.indicator in seen:
                    path = ("plans", p, "phases", f, "baselines", b, "indicator")
                    yield c.at(path, "NSC216", indicator=baseline.indicator, phase=phase.id)
                seen.add(baseline.indicator)


@rule("NSC215")
def _file_name_matches(c: Context) -> Iterator[Problem]:
    slug = slugify(c.plan_file.name)
    if c.expected_slug is not None and c.expected_slug != slug:
        yield c.at(("name",), "NSC215", Level.WARNING, name=c.plan_file.name, slug=slug)
