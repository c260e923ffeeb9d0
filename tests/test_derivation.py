"""Every verdict can be redone from the derivation in `status --explain --format json`.

The judge below is written from docs/format.md ("How progress is judged") and imports
nothing of nsclt: it reads the raw inputs the JSON lists (every result with its year, date
and qualifier, the target, the baseline, the phase's years, the as-of date, what kind of
indicator it is) and never the engine's own p, e, R or comparison. On generated plans it
must reach the verdict nsclt printed.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run

S, T = 2021, 2025
Doc = dict[str, Any]


# --- an independent judge --------------------------------------------------------------


def _known(result: Doc, as_of: date) -> bool:
    if result["date"] is not None:
        return date.fromisoformat(result["date"]) <= as_of
    return bool(result["year"] <= as_of.year)


def _cut(ratio: float) -> str:
    if ratio >= 0.95:
        return "on_track"
    if ratio >= 0.6:
        return "needs_acceleration"
    return "limited_progress" if ratio >= 0 else "deteriorating"


def _rate(first: float, last: float, years: int) -> float | None:
    if years <= 0 or first <= 0 or last < 0:
        return None
    rate = float((last / first) ** (1 / years) - 1) * 100
    return rate if math.isfinite(rate) else None


def _lowest(value: float, qualifier: str | None, whole: bool) -> tuple[float, bool] | None:
    """(least value allowed, whether that bound is excluded), None when unbounded below."""
    if qualifier in (None, "approx", "at_least"):
        return value, False
    if qualifier == "more_than":
        return (math.floor(value) + 1, False) if whole else (value, True)
    return None


def _highest(value: float, qualifier: str | None, whole: bool) -> tuple[float, bool] | None:
    if qualifier in (None, "approx", "at_most"):
        return value, False
    if qualifier == "less_than":
        return (math.ceil(value) - 1, False) if whole else (value, True)
    return None


def _meets(target: Doc, goal: float, value: float, qualifier: str | None, d: Doc) -> bool:
    whole = d["value_type"] == "count"
    if d["direction"] == "increase":
        bound = _lowest(value, qualifier, whole)
        if bound is None:
            return False
        least, excluded = bound
        if target["kind"] == "more_than":
            return least >= goal if excluded else least > goal
        return least >= goal
    bound = _highest(value, qualifier, whole)
    if bound is None:
        return False
    most, excluded = bound
    if target["kind"] == "less_than":
        return most <= goal if excluded else most < goal
    return most <= goal


def _total_qualifier(qualifiers: list[str | None]) -> str | None:
    found = {q for q in qualifiers if q}
    if not found:
        return None
    if found <= {"at_least", "more_than"}:
        return "more_than" if "more_than" in found else "at_least"
    if found <= {"at_most", "less_than"}:
        return "less_than" if "less_than" in found else "at_most"
    return "approx"


def judge(d: Doc) -> str:
    as_of = date.fromisoformat(d["as_of"])
    first, last = d["phase_start"], d["phase_end"]
    if as_of.year < first:
        return "not_started"
    results = sorted(
        (r for r in d["results"] if _known(r, as_of) and r["year"] <= last),
        key=lambda r: r["year"],
    )
    target, baseline = d["target"], d["baseline"]
    increase = d["direction"] == "increase"
    if target["kind"] == "growth_per_year":
        return _judge_growth(d, results, as_of)
    if target["kind"] == "each_year":
        return _judge_each_year(d, results, as_of)
    flow = d["indicator_kind"] == "flow"
    counts_from = target["counts_from"]
    if counts_from is not None and baseline is not None and baseline["year"] != counts_from:
        baseline = None  # only a baseline of the year it counts from is its start
    if target["kind"] == "range":
        goal = target["min"] if increase else target["max"]
    elif target["kind"] in ("increase_by", "increase_by_percent") and baseline is None:
        return "no_data"  # nothing to count from
    elif target["kind"] == "increase_by":
        goal = baseline["value"] + target["value"]
    elif target["kind"] == "increase_by_percent":
        goal = baseline["value"] * (1 + target["value"] / 100)
    else:
        goal = target["value"]
    t0 = counts_from if counts_from is not None else first - 1
    if baseline is not None and not flow:
        start_value, start_year = baseline["value"], baseline["year"]
    else:
        start_value, start_year = 0.0, t0
    if flow:
        used = [r for r in results if r["year"] > t0]
        if not used:
            return "no_data"
        value = math.fsum(r["value"] for r in used)
        qualifier = _total_qualifier([r["qualifier"] for r in used])
    else:
        used = [r for r in results if r["year"] > start_year][-1:]
        if not used:
            return "no_data"
        value, qualifier = used[0]["value"], used[0]["qualifier"]
    year = used[-1]["year"]
    met = _meets(target, goal, value, qualifier, d)
    if flow and not increase and as_of.year <= last:
        return "on_track" if met else "deteriorating"
    if met:
        return "achieved"
    if as_of.year > last:
        return "missed"
    if goal == start_value:
        away = value < goal if increase else value > goal
        return "deteriorating" if away else "needs_acceleration"
    elapsed = (year - start_year) / (last - start_year)
    if d["method"] == "cagr" and start_value > 0 and value > 0 and goal > 0:
        actual_rate = _rate(start_value, value, year - start_year)
        required_rate = _rate(start_value, goal, last - start_year)
        if actual_rate is not None and required_rate:
            return _cut(actual_rate / required_rate)
    return _cut(((value - start_value) / (goal - start_value)) / elapsed)


def _judge_each_year(d: Doc, results: list[Doc], as_of: date) -> str:
    low = d["target"]["min"]  # max only flags a year above the range: it is still met
    whole = d["value_type"] == "count"
    years = [r for r in results if r["year"] >= d["phase_start"]]
    if not years:
        return "no_data"
    short = 0
    for r in years:
        bound = _lowest(r["value"], r["qualifier"], whole)
        if bound is None or bound[0] < low or (bound[1] and bound[0] < low):
            short += 1
    if as_of.year > d["phase_end"]:
        missing = d["phase_end"] - d["phase_start"] + 1 - len(years)
        return "missed" if short else "no_data" if missing else "achieved"
    if not short:
        return "on_track"
    status = _cut((len(years) - short) / len(years))
    return "needs_acceleration" if status == "on_track" else status


def _judge_growth(d: Doc, results: list[Doc], as_of: date) -> str:
    target, baseline = d["target"], d["baseline"]
    points = [(r["year"], r["value"]) for r in results if r["year"] >= d["phase_start"]]
    if baseline is not None and baseline["year"] < d["phase_start"]:
        points.insert(0, (baseline["year"], baseline["value"]))
    rates = [_rate(a, b, y2 - y1) for (y1, a), (y2, b) in pairwise(points)]
    yearly = [rate for rate in rates if rate is not None]
    compound = (
        _rate(points[0][1], points[-1][1], points[-1][0] - points[0][0])
        if len(points) > 1
        else None
    )
    if not yearly or compound is None:
        return "no_data"
    increase = d["direction"] == "increase"
    floor = target["min"] if increase else target["max"]
    below = [rate for rate in yearly if (rate < floor if increase else rate > floor)]
    if as_of.year > d["phase_end"]:
        return "missed" if below else "achieved"
    if not below:
        return "on_track"
    ratio = compound / floor if floor else (1.0 if compound >= 0 else -1.0)
    status = _cut(ratio)
    return "needs_acceleration" if status == "on_track" else status


# --- generated plans -------------------------------------------------------------------

QUALIFIERS = st.sampled_from(
    [None, None, None, "approx", "at_least", "more_than", "at_most", "less_than"]
)


@st.composite
def plans(draw: st.DrawFn) -> tuple[Doc, date]:
    direction = draw(st.sampled_from(["increase", "decrease"]))
    kind = draw(st.sampled_from(["level", "flow"]))
    value_type = draw(st.sampled_from(["count", "number"]))
    method = draw(st.sampled_from(["linear", "cagr"]))
    whole = value_type == "count"
    # Small ranges, so that results often equal their goals and bounds: where rules differ.
    values = st.integers(0, 12).map(float) if whole else st.integers(0, 24).map(lambda v: v / 2)
    if direction == "increase":
        kinds = [
            "at_least",
            "more_than",
            "range",
            "increase_by",
            "increase_by_percent",
            "growth_per_year",
            "each_year",
        ]
    else:
        kinds = ["at_most", "less_than", "range", "growth_per_year"]
    target_kind = draw(st.sampled_from(kinds))
    has_baseline = target_kind.startswith("increase_by") or draw(st.booleans())
    phase: Doc = {"id": "f", "start": S, "end": T}
    if has_baseline:
        phase["baselines"] = [
            {
                "indicator": "x",
                "year": draw(st.integers(S - 2, S)),
                "value": draw(values),
                "source": "s",
            }
        ]
    target: Doc = {"indicator": "x", "source": "s"}
    if target_kind in ("range", "growth_per_year", "each_year"):
        low, high = sorted((draw(values), draw(values)))
        target[target_kind] = {"min": low, "max": high}
    elif target_kind == "increase_by":
        target["increase_by"] = draw(values.filter(lambda v: v > 0))
    elif target_kind == "increase_by_percent":
        target["increase_by_percent"] = draw(st.sampled_from([10.0, 25.0, 50.0, 100.0]))
    else:
        target[target_kind] = draw(values)
    if target_kind not in ("growth_per_year", "each_year") and draw(st.integers(0, 3)) == 0:
        target["counts_from"] = draw(st.sampled_from([S - 2, S - 1, S + 1]))
    if draw(st.booleans()):
        target["method"] = draw(st.sampled_from(["linear", "cagr"]))
    phase["targets"] = [target]
    years = draw(st.lists(st.sampled_from(range(S, T + 3)), unique=True, min_size=1, max_size=6))
    results = []
    for year in years:
        result: Doc = {"indicator": "x", "year": year, "value": draw(values), "source": "s"}
        qualifier = draw(QUALIFIERS)
        if qualifier:
            result["qualifier"] = qualifier
        if draw(st.integers(0, 3)) == 0:
            result["date"] = date(year + 1, 1, 1) + timedelta(days=draw(st.integers(0, 500)))
        results.append(result)
    plan_file = {
        "format": 1,
        "name": "Tinh Thu",
        "scope": "province",
        "sources": [{"id": "s", "title": "Nguồn thử, dữ liệu bịa để kiểm thử"}],
        "indicators": [
            {
                "id": "x",
                "name": "X",
                "unit": "u",
                "direction": direction,
                "kind": kind,
                "value_type": value_type,
                "method": method,
            }
        ],
        "plans": [
            {
                "id": "p",
                "title": "t",
                "agency": "a",
                "start": S,
                "end": T + 2,
                "phases": [phase],
                "results": results,
            }
        ],
    }
    year = draw(st.sampled_from([2023, 2024, 2022, 2025, 2026, 2021, 2027, 2020]))
    as_of = date(year, 1, 1) + timedelta(days=draw(st.sampled_from([0, 59, 180, 364])))
    return plan_file, as_of


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(generated=plans())
def test_every_verdict_can_be_redone_from_its_derivation(
    generated: tuple[Doc, date], run: Run, tmp_path: Path
) -> None:
    plan_file, as_of = generated
    (tmp_path / "tinh-thu.yaml").write_text(yaml.safe_dump(plan_file), encoding="utf-8")
    outcome = run(
        "status",
        "tinh-thu",
        "--plans",
        str(tmp_path),
        "--as-of",
        as_of.isoformat(),
        "--all",
        "--explain",
        "--format",
        "json",
    )
    assert outcome.code == 0, outcome.stderr
    (target,) = json.loads(outcome.stdout)["targets"]
    assert judge(target["derivation"]) == target["status"], target["derivation"]
