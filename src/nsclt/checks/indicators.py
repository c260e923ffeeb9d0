"""Indicators say what they measure: a share within a share, money in a currency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from nsclt.checks.rules import Context, rule
from nsclt.problems import Problem

CURRENCY_UNITS: Final = ("tỷ đồng", "triệu đồng", "nghìn đồng", "đồng")


@rule("NSC227")
def _share_within_a_share(c: Context) -> Iterator[Problem]:
    for i, indicator in enumerate(c.plan_file.indicators):
        if indicator.within is None:
            continue
        parent = c.indicators.get(indicator.within)
        if indicator.value_type != "percent" or parent is None or parent.value_type != "percent":
            yield c.at(("indicators", i, "within"), "NSC227", parent=indicator.within)


@rule("NSC228")
def _money_in_a_currency(c: Context) -> Iterator[Problem]:
    for i, indicator in enumerate(c.plan_file.indicators):
        if indicator.value_type == "money" and indicator.unit.strip() not in CURRENCY_UNITS:
            yield c.at(
                ("indicators", i, "unit"),
                "NSC228",
                unit=indicator.unit,
                units=", ".join(CURRENCY_UNITS),
            )
