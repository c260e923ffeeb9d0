"""The documentation stays true to the code."""

from __future__ import annotations

import re

from conftest import ROOT
from nsclt.catalogue import STANDARD_INDICATORS
from nsclt.cli import app
from nsclt.i18n import en

FORMAT = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_problem_code_is_documented() -> None:
    codes = {key for key in en.TEXT if re.fullmatch(r"NSC\d{3}", key)}
    documented = set(re.findall(r"^\| (NSC\d{3}) \|", FORMAT, flags=re.MULTILINE))
    assert documented == codes


def test_every_standard_indicator_is_documented() -> None:
    for indicator_id in STANDARD_INDICATORS:
        assert f"| `{indicator_id}` |" in FORMAT


def test_every_command_is_in_the_readme() -> None:
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert f"nsclt {name}" in README


def test_readme_starts_with_the_two_set_up_commands() -> None:
    assert "pip install . && nsclt status quang-ninh" in README
    assert "pip install -e '.[test]' && pytest" in README


def test_every_json_column_is_documented() -> None:
    from nsclt.render import compare, history, records

    json_doc = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    for column in (*records.COLUMNS, *history.COLUMNS, *compare.COLUMNS):
        assert f"`{column}`" in json_doc, column


def test_every_output_format_and_extension_is_in_the_readme() -> None:
    from nsclt.render.formats import FORMATS

    for output_format in FORMATS:
        assert re.search(rf"(--format |[`|]){output_format.name}[`|]", README), output_format.name
        for extension in output_format.extensions:
            if extension not in (".markdown", ".htm"):  # aliases, not worth a mention
                assert f"`{extension}`" in README, extension


def test_the_architecture_map_names_every_module() -> None:
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "nsclt"
    for module in package.rglob("*.py"):
        if module.name in ("__init__.py", "__main__.py", "en.py", "vi.py"):
            continue
        if module.parent.name == "checks":
            assert f"`{module.stem}" in architecture, module
        else:
            assert f"`{module.relative_to(package).as_posix()}`" in architecture, module


def test_the_pre_commit_example_names_this_version() -> None:
    from nsclt import __version__

    assert f"rev: v{__version__}" in README


def test_the_workflow_cannot_run_forever() -> None:
    workflow = (ROOT / ".github" / "workflows" / "validate-plans.yml").read_text(encoding="utf-8")
    assert re.search(r"timeout-minutes: \d+", workflow)
