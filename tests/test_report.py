"""The evaluated report: what a many-province view keeps of it."""

from __future__ import annotations

from datetime import date

from conftest import ROOT
from nsclt.cache import valid_plan
from nsclt.evaluate import report_of


def test_without_history_drops_only_the_results_a_derivation_lists() -> None:
    path = ROOT / "examples" / "plans" / "tinh-vi-du.yaml"
    full = report_of(valid_plan(path), path.stem, date(2026, 11, 21), every_phase=True)
    assert any(row.recorded for phase in full.phases for row in phase.targets)
    lean = full.without_history()
    assert all(row.recorded == () for phase in lean.phases for row in phase.targets)
    restored = [row._replace(recorded=()) for phase in full.phases for row in phase.targets]
    assert [row for phase in lean.phases for row in phase.targets] == restored
    assert lean._replace(phases=full.phases) == full
