"""``nsclt new``: a starting plan file for a province, from the template or another file."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Final

import yaml

from nsclt.checks import check_loaded
from nsclt.failures import Failure, InvalidPlan, UsageFailure, os_failure
from nsclt.files import create_new
from nsclt.loader import load_bytes, load_text
from nsclt.text import slugify, unsafe_character

TEMPLATE = "plan-2021-2030.yaml"
_COPIED_SOURCE = "mau"


def new_plan_text(name: str, template: Path | None = None) -> tuple[str, list[str]]:
    """The text of a new province's file, and the ids of targets left out of the copy."""
    quoted = json.dumps(name, ensure_ascii=False)  # a JSON string is a YAML string
    if template is None:
        text = resources.files("nsclt").joinpath("templates", TEMPLATE).read_text("utf-8")
        return text.replace("__NAME__", quoted), []
    return _copied(template, name)


def _copied(template: Path, name: str) -> tuple[str, list[str]]:
    """Another province's file as a template: its plans and targets, none of its figures.

    Results, baselines, legal documents and sources belong to that province and are
    dropped; every target then cites one source saying where it was copied from.
    A target that counts from a baseline (``increase_by``) cannot stand without
    one and is left out.
    """
    try:
        raw = template.read_bytes()
    except OSError as error:
        raise os_failure(error, "error.cannot_read", template) from None
    checked = check_loaded(load_bytes(raw, str(template)), template.stem)
    if checked.plan_file is None:
        raise InvalidPlan(checked)
    data: dict[str, Any] = checked.loaded.data  # type: ignore[assignment]
    dropped: list[str] = []
    plans = []
    for plan in data["plans"]:
        plan = {k: v for k, v in plan.items() if k not in ("results", "legal_basis", "note")}
        phases = []
        for phase in plan["phases"]:
            phase = {k: v for k, v in phase.items() if k != "baselines"}
            kept = []
            for target in phase.get("targets", []):
                if "increase_by" in target or "increase_by_percent" in target:
                    dropped.append(f"{plan['id']}/{phase['id']}/{target['indicator']}")
                    continue
                kept.append({**target, "source": _COPIED_SOURCE})
            milestones = [{**m, "source": _COPIED_SOURCE} for m in phase.get("milestones", [])]
            phase.update(targets=kept, milestones=milestones)
            phases.append(phase)
        plan["phases"] = phases
        plans.append(plan)
    document = {
        "format": 1,
        "name": name,
        "scope": "province",
        "note": (
            f"Created from plans/{template.name} as a template: its plans and targets, none of its "
            "figures. Replace them with this province's own plan and sources."
        ),
        "sources": [{"id": _COPIED_SOURCE, "title": f"Mẫu: sao từ tệp {template.name}"}],
        "indicators": data.get("indicators", []),
        "plans": plans,
    }
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    return text, dropped


MAX_NAME: Final = 100
"""Province names run to some 20 characters; a file name from a longer one is a mistake."""


def create(name: str, folder: Path, template: Path | None = None) -> tuple[Path, list[str]]:
    """Write ``folder/<slug>.yaml``; never over an existing file. Returns the path and drops."""
    slug = slugify(name)
    if not slug or unsafe_character(name):
        raise UsageFailure("new.bad_name", name=name)
    if len(name) > MAX_NAME:
        raise UsageFailure("new.long_name", limit=MAX_NAME)
    path = folder / f"{slug}.yaml"
    text, dropped = new_plan_text(name, template)
    checked = check_loaded(load_text(text, str(path)), expected_slug=slug)
    if checked.plan_file is None:
        raise InvalidPlan(checked)
    create_new(path, text)
    _schema_beside(folder)
    return path, dropped


def _schema_beside(folder: Path) -> None:
    """The editor schema every plan file's first line points to (../schema/), if missing."""
    schema = folder.parent / "schema" / "plan.schema.json"
    if schema.exists():
        return
    from nsclt.checks import plan_schema

    try:
        schema.parent.mkdir(exist_ok=True)
        create_new(schema, plan_schema())
    except (OSError, Failure):
        pass  # the plan is written; an editor without the schema only checks less
