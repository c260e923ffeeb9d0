"""The published JSON Schema matches the format and accepts the shipped plans."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import PLANS, ROOT, Run
from nsclt.checks import plan_schema

SCHEMA_FILE = ROOT / "schema" / "plan.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == plan_schema(), (
        "schema/plan.schema.json is out of date: run `nsclt schema > schema/plan.schema.json`"
    )


def test_schema_command_prints_it(run: Run) -> None:
    assert run("schema").stdout == SCHEMA_FILE.read_text(encoding="utf-8")


def as_json_data(path: Path) -> object:
    """YAML dates become the ISO strings JSON Schema describes them as."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_plans_pass_an_independent_validator(path: Path) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(as_json_data(path))


def test_every_plan_file_points_editors_at_the_schema() -> None:
    for path in PLANS.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/plan.schema.json"


def test_the_schema_rejects_what_validate_rejects() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = as_json_data(PLANS / "quang-ninh.yaml")
    assert isinstance(data, dict)
    data["plans"][0]["agnecy"] = data["plans"][0].pop("agency")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)
