"""Plan files and reports built from a few keywords, for the engine's tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from nsclt.checks import parse_plan_file
from nsclt.evaluate import evaluate, select_phases
from nsclt.model import PlanFile
from nsclt.report import PhaseReport, TargetRow

AS_OF_2024 = date(2024, 3, 1)


def plan_file(
    *,
    direction: str = "increase",
    kind: str = "level",
    value_type: str = "number",
    method: str = "linear",
    baseline: tuple[int, float] | None = None,
    results: list[tuple[int, float]] | None = None,
    target: dict[str, Any] | None = None,
    qualifier: str | None = None,
    qualifiers: list[str | None] | None = None,
    milestones: list[dict[str, Any]] | None = None,
    start: int = 2021,
    end: int = 2025,
) -> PlanFile:
    indicator = {
        "id": "x",
        "name": "X",
        "unit": "u",
        "direction": direction,
        "kind": kind,
        "value_type": value_type,
        "method": method,
    }
    phase: dict[str, Any] = {"id": "f", "start": start, "end": end}
    if baseline is not None:
        phase["baselines"] = [
            {"indicator": "x", "year": baseline[0], "value": baseline[1], "source": "s"}
        ]
    if target is not None:
        phase["targets"] = [{"indicator": "x", **target, "source": "s"}]
    if milestones is not None:
        phase["milestones"] = milestones
    given = qualifiers or [qualifier] * len(results or [])
    result_rows = [
        {
            "indicator": "x",
            "year": year,
            "value": value,
            "source": "s",
            **({"qualifier": q} if q else {}),
        }
        for (year, value), q in zip(results or [], given, strict=True)
    ]
    return parse_plan_file(
        {
            "format": 1,
            "name": "X",
            "scope": "province",
            "sources": [{"id": "s", "title": "t"}],
            "indicators": [indicator],
            "plans": [
                {
                    "id": "p",
                    "title": "t",
                    "agency": "a",
                    "start": start,
                    "end": end,
                    "phases": [phase],
                    "results": result_rows,
                }
            ],
        }
    )


def report(pf: PlanFile, as_of: date = AS_OF_2024) -> PhaseReport:
    return evaluate(pf, "tinh", as_of, select_phases(pf, as_of)).phases[0]


def row(pf: PlanFile, as_of: date = AS_OF_2024) -> TargetRow:
    return report(pf, as_of).targets[0]
