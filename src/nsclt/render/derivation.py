"""What JSON carries besides the rows: each verdict's derivation, the notes, the amendments.

The derivation lists the raw inputs of a verdict (every result of the indicator with its
year, date and qualifier; the target; the baseline; the phase's years; the as-of date) so
that it can be redone without nsclt; see "The derivation" in docs/json.md.
"""

from __future__ import annotations

from datetime import date

from nsclt.ratios import ACCELERATE_AT, ON_TRACK_AT
from nsclt.report import Evaluation, Figure, PhaseReport, TargetRow


def _figure(figure: Figure | None) -> dict[str, object] | None:
    if figure is None:
        return None
    return {
        "value": figure.value,
        "year": figure.year,
        "qualifier": figure.qualifier,
        "source": figure.source,
    }


def derivation(row: TargetRow, as_of: date, phase: PhaseReport) -> dict[str, object]:
    """Everything the verdict used, as data: see "The derivation" in docs/json.md."""
    spec = row.spec
    target: dict[str, object] = {"kind": row.kind}
    if spec.each_year is not None:
        target.update(min=spec.each_year.min, max=spec.each_year.max)
    elif row.band is not None:
        target.update(min=row.band.min, max=row.band.max)
    else:
        target["value"] = getattr(spec, row.kind)
    target["counts_from"] = spec.counts_from
    pace = row.pace
    return {
        "as_of": as_of.isoformat(),
        "phase_start": phase.phase.start,
        "phase_end": phase.phase.end,
        "indicator_kind": row.indicator.kind,
        "direction": row.indicator.direction,
        "value_type": row.indicator.value_type,
        "method": spec.method or row.indicator.method,
        "target": target,
        "baseline": _figure(row.baseline),
        "results": [
            {
                "value": r.value,
                "year": r.year,
                "date": r.date.isoformat() if r.date else None,
                "qualifier": r.qualifier,
                "source": r.source,
            }
            for r in row.recorded
        ],
        "used": [_figure(figure) for figure in row.inputs],
        "start": _figure(row.start),
        "start_assumed": row.baseline_assumed,
        "goal": row.goal,
        "actual": _figure(row.actual),
        "p": row.progress,
        "e": pace.elapsed if pace else None,
        "r": pace.ratio if pace else None,
        "actual_rate": pace.actual_rate if pace else None,
        "required_rate": pace.required_rate if pace else None,
        "fallback_to_linear": pace.fallback if pace else False,
        "growth": [
            {
                "year": g.year,
                "before": g.before,
                "after": g.after,
                "years": g.years,
                "rate": g.rate,
                "verdict": g.verdict,
            }
            for g in row.growth
        ],
        "compound_rate": row.compound_rate,
        "each_year": [
            {"year": y.year, "value": y.value, "qualifier": y.qualifier, "verdict": y.verdict}
            for y in row.each_year
        ],
        "set_by": row.set_by,
        "cut_points": {"on_track": ON_TRACK_AT, "needs_acceleration": ACCELERATE_AT},
        "baseline_meets": row.baseline_meets,
        "decision": {"rule": row.decision.rule, "values": list(row.decision.values)},
    }


def notes(evaluation: Evaluation) -> list[dict[str, object]]:
    """The notes of the file, plans and phases shown: what the data assumes, in its words."""
    found: list[dict[str, object]] = []
    for province in evaluation.provinces:
        if province.note:
            found.append(
                {"province": province.slug, "plan": None, "phase": None, "note": province.note}
            )
        seen_plans: set[str] = set()
        for report in province.phases:
            plan = report.plan
            if plan.note and plan.id not in seen_plans:
                found.append(
                    {"province": province.slug, "plan": plan.id, "phase": None, "note": plan.note}
                )
            seen_plans.add(plan.id)
            if report.phase.note:
                found.append(
                    {
                        "province": province.slug,
                        "plan": plan.id,
                        "phase": report.phase.id,
                        "note": report.phase.note,
                    }
                )
    return found


def amendments(evaluation: Evaluation) -> list[dict[str, object]]:
    """The amendments of the plans shown: in force on the as-of date, or of its own year."""
    found: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for province in evaluation.provinces:
        for report in province.phases:
            plan = report.plan
            if (province.slug, plan.id) in seen:
                continue
            seen.add((province.slug, plan.id))
            for amendment, in_force in (
                *((a, True) for a in plan.amendments),
                *((a, False) for a in plan.pending),
            ):
                found.append(
                    {
                        "province": province.slug,
                        "plan": plan.id,
                        "id": amendment.id,
                        "number": amendment.number,
                        "date": amendment.date.isoformat() if amendment.date else None,
                        "year": amendment.year,
                        "issuer": amendment.issuer,
                        "takes_effect": amendment.takes_effect.isoformat(),
                        "in_force": in_force,
                        "source": amendment.source,
                    }
                )
    return found
