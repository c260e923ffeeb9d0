"""Figures within what their indicator allows, and bounds in the right order."""

from __future__ import annotations

from collections.abc import Iterator

from nsclt.checks.rules import Context, each_target, rule
from nsclt.figures import MAX_MAGNITUDE
from nsclt.loader import DataPath
from nsclt.numbers import for_people
from nsclt.problems import Problem


def _values(c: Context) -> Iterator[tuple[DataPath, str, float]]:
    """Every figure that is a value of its indicator (not a growth rate), with its path."""
    for p, plan in enumerate(c.plan_file.plans):
        for r, result in enumerate(plan.results):
            yield ("plans", p, "results", r, "value"), result.indicator, result.value
        for f, phase in enumerate(plan.phases):
            for b, baseline in enumerate(phase.baselines):
                here = ("plans", p, "phases", f, "baselines", b, "value")
                yield here, baseline.indicator, baseline.value
    for path, target in each_target(c):
        for field in ("at_least", "more_than", "at_most", "less_than"):
            value = getattr(target, field)
            if value is not None:
                yield (*path, field), target.indicator, value
        if target.range is not None:
            yield (*path, "range", "min"), target.indicator, target.range.min
            yield (*path, "range", "max"), target.indicator, target.range.max
        if target.increase_by is not None:
            yield (*path, "increase_by"), target.indicator, target.increase_by
        if target.each_year is not None:
            yield (*path, "each_year", "min"), target.indicator, target.each_year.min
            if target.each_year.max is not None:
                yield (*path, "each_year", "max"), target.indicator, target.each_year.max


@rule("NSC209", "NSC210")
def _value_bounds(c: Context) -> Iterator[Problem]:
    for path, indicator_id, value in _values(c):
        indicator = c.indicators.get(indicator_id)
        if indicator is None:
            continue
        if indicator.value_type == "percent" and not 0 <= value <= 100:
            yield c.at(path, "NSC209", value=for_people(value), indicator=indicator_id)
        elif indicator.value_type == "count" and value < 0:
            yield c.at(path, "NSC210", value=for_people(value), indicator=indicator_id)


@rule("NSC221", "NSC222")
def _exact_figures(c: Context) -> Iterator[Problem]:
    """Counts are whole, and no figure is beyond what a float holds as the decimal written."""
    for path, indicator_id, value in _values(c):
        if abs(value) > MAX_MAGNITUDE:
            yield c.at(path, "NSC222")
            continue
        indicator = c.indicators.get(indicator_id)
        if indicator is not None and indicator.value_type == "count" and not value.is_integer():
            yield c.at(path, "NSC221", value=for_people(value), indicator=indicator_id)


@rule("NSC205")
def _band_order(c: Context) -> Iterator[Problem]:
    for path, target in each_target(c):
        for field in ("range", "growth_per_year", "each_year"):
            band = getattr(target, field)
            if band is not None and band.max is not None and band.min > band.max:
                yield c.at(
                    (*path, field), "NSC205", low=for_people(band.min), high=for_people(band.max)
                )


@rule("NSC217")
def _increase_by_bounds(c: Context) -> Iterator[Problem]:
    for path, target in each_target(c):
        if target.increase_by is not None and target.increase_by <= 0:
            yield c.at((*path, "increase_by"), "NSC217", value=for_people(target.increase_by))
