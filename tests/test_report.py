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


def test_a_summary_keeps_each_phases_counts_and_nothing_it_counted() -> None:
    for path in sorted((ROOT / "plans").glob("*.yaml")):
        full = report_of(valid_plan(path), path.stem, date(2026, 11, 21), every_phase=True)
        summary = full.summary()
        assert [p.counts() for p in summary.phases] == [p.counts() for p in full.phases], path
        assert all(not p.targets and not p.milestones for p in summary.phases)
        assert [p.plan.id for p in summary.phases] == [p.plan.id for p in full.phases]


def test_the_list_on_screen_is_the_same_from_a_summary() -> None:
    import io

    from rich.console import Console

    from nsclt.i18n import Translator
    from nsclt.render.overview import render_overview
    from nsclt.report import Evaluation

    as_of = date(2026, 11, 21)
    reports = [
        report_of(valid_plan(path), path.stem, as_of)
        for path in sorted((ROOT / "plans").glob("*.yaml"))
    ]

    def drawn(evaluation: Evaluation) -> str:
        console = Console(file=io.StringIO(), width=100, record=True)
        render_overview(evaluation, Translator("vi"), console)
        return console.export_text()

    full = drawn(Evaluation(as_of, tuple(reports)))
    assert full == drawn(Evaluation(as_of, tuple(r.summary() for r in reports)))
    assert "Quảng Ninh" in full and "đã đạt" in full
