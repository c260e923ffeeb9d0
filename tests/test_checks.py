"""What `nsclt validate` finds: an example folder per code, the YAML test suite, each rule."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from conftest import AS_OF, EXAMPLES, PLANS, ROOT, SHARED, Run
from nsclt.checks import ALL_CODES, check_file, check_loaded, parse_plan_file
from nsclt.checks.rules import RULES, findings
from nsclt.checks.shape import SHAPE_CODES, shape_problems
from nsclt.i18n import Translator
from nsclt.loader import LOADER_CODES, load_file, load_text
from nsclt.reasons import SyntaxKind, syntax_kind

GOOD = sorted((EXAMPLES / "good").glob("*.yaml"))
YAML_SUITE = SHARED / "corpora" / "yaml-test-suite"
needs_suite = pytest.mark.skipif(
    not YAML_SUITE.is_dir(), reason="the shared YAML test suite is not beside the project"
)
FORMAT = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
DOCUMENTED = re.findall(r"^\| (NSC\d{3}) \|", FORMAT, flags=re.MULTILINE)
CODE_FOLDER = re.compile(r"NSC\d{3}")
PARSABLE = re.compile(r"^.*?:\d+:\d+: (?:error|warning) (NSC\d{3}) ", flags=re.MULTILINE)


def _fifo(path: Path) -> None:
    """Tests run as root, whom no permission stops: a named pipe is what cannot be read."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes need a POSIX system")
    os.mkfifo(path)


def _oversized(path: Path) -> None:
    """Over the 1 MiB limit, and so over the repository's limit for a committed file."""
    path.write_bytes(b"# padding\n" * 120_000)


GENERATED: dict[str, Callable[[Path], None]] = {
    "NSC000/fifo.yaml": _fifo,
    "NSC001/oversized.yaml": _oversized,
}
"""Examples made at test time rather than committed (each folder has a README saying so)."""

COMMITTED = sorted(
    p.relative_to(EXAMPLES).as_posix()
    for p in EXAMPLES.glob("NSC*/*.yaml")
    if CODE_FOLDER.fullmatch(p.parent.name)
)
EXAMPLE_NAMES = sorted([*COMMITTED, *GENERATED])
"""Every example as ``CODE/name.yaml``, filed under the code it is there to produce."""


def validate_example(name: str, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """``nsclt validate --format parsable`` on an example, shown as tests/examples/CODE/name.

    A generated example is made in a temporary tree of the same layout, and validated
    from there, so that its output names the same path as a committed one would.
    """
    shown = f"tests/examples/{name}"
    if name in GENERATED:
        made = tmp_path / shown
        made.parent.mkdir(parents=True)
        GENERATED[name](made)
        monkeypatch.chdir(tmp_path)
    outcome = run("validate", "--format", "parsable", shown)
    codes = PARSABLE.findall(outcome.stdout)
    assert outcome.code == (1 if " error NSC" in outcome.stdout else 0), outcome.stdout
    assert len(codes) == len(outcome.stdout.splitlines())  # one problem per line, nothing else
    return outcome.stdout


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_examples_are_clean(path: Path, run: Run) -> None:
    outcome = run("validate", "--format", "parsable", str(path.relative_to(ROOT)))
    assert (outcome.code, outcome.stdout) == (0, "")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_each_example_gives_exactly_its_expected_problems(
    name: str, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = validate_example(name, run, tmp_path, monkeypatch)
    expected = (EXAMPLES / name).with_suffix(".expected")
    if os.environ.get("NSCLT_UPDATE_GOLDEN") == "1":
        expected.write_text(output, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")
    assert name.split("/")[0] in PARSABLE.findall(output), "the example must produce its code"


def test_every_example_has_its_expected_output() -> None:
    expected = sorted(
        p.relative_to(EXAMPLES).with_suffix(".yaml").as_posix()
        for p in EXAMPLES.glob("NSC*/*.expected")
    )
    assert expected == EXAMPLE_NAMES


def test_every_documented_code_has_a_folder_with_an_example() -> None:
    folders = {p.name for p in EXAMPLES.iterdir() if CODE_FOLDER.fullmatch(p.name)}
    assert folders == set(DOCUMENTED)
    assert {name.split("/")[0] for name in EXAMPLE_NAMES} == set(DOCUMENTED)


def test_every_code_nsclt_can_report_is_documented_once() -> None:
    assert len(DOCUMENTED) == len(set(DOCUMENTED))
    assert set(ALL_CODES) == set(DOCUMENTED)


def test_each_code_belongs_to_one_layer_or_rule() -> None:
    declared = [*LOADER_CODES, *SHAPE_CODES, *(code for each in RULES for code in each.codes)]
    assert sorted(declared) == list(ALL_CODES)


def test_each_layer_and_rule_reports_only_its_declared_codes() -> None:
    files = [*(EXAMPLES / name for name in COMMITTED), *GOOD, *sorted(PLANS.glob("*.yaml"))]
    by_rules = 0
    for path in files:
        loaded = load_file(path)
        assert {p.code for p in loaded.problems} <= set(LOADER_CODES), path
        if not isinstance(loaded.data, dict):
            continue
        try:
            plan_file = parse_plan_file(loaded.data)
        except ValidationError as error:
            found = shape_problems(error, loaded.path, loaded.positions)
            assert {p.code for p in found} <= set(SHAPE_CODES), path
            continue
        for each, problem in findings(plan_file, loaded, path.stem):
            assert problem.code in each.codes, (path, each.name, problem.code)
            by_rules += 1
    assert by_rules > 0


def test_validating_a_folder_reports_entries_that_are_not_files(tmp_path: Path, run: Run) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "thai-nguyen.yaml", plans / "thai-nguyen.yaml")
    (plans / "folder.yaml").mkdir()
    (plans / "gone.yaml").symlink_to(plans / "nowhere.yaml")
    if hasattr(os, "mkfifo"):
        os.mkfifo(plans / "pipe.yaml")
    outcome = run("validate", "--format", "parsable", str(plans))
    reasons = {line.split(": ")[-1] for line in outcome.stdout.splitlines()}
    assert outcome.code == 1
    assert reasons >= {"it is a folder, not a file", "no such file or folder"}
    if hasattr(os, "mkfifo"):
        assert "it is a named pipe, not a file" in reasons
        # list and status read files through the cache: they must not wait on the pipe
        assert run("list", "--plans", str(plans), "--as-of", AS_OF).code == 1


@needs_suite
def test_every_yaml_test_suite_file_gets_a_problem_naming_it_and_none_crashes() -> None:
    files = sorted(YAML_SUITE.glob("*.yaml"))
    assert len(files) > 300
    for path in files:
        checked = check_file(path)
        assert checked.problems, path.name
        assert all(p.path == str(path) for p in checked.problems)
        assert all(p.line >= 1 and p.column >= 1 for p in checked.problems)


PARSERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]


@needs_suite
@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.__name__)
def test_every_syntax_error_in_the_yaml_test_suite_has_a_kind(parser: type) -> None:
    kinds: set[SyntaxKind] = set()
    for path in sorted(YAML_SUITE.glob("*.yaml")):
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        try:
            for _ in yaml.parse(text, Loader=parser):
                pass
        except yaml.MarkedYAMLError as error:
            if str(error.problem).endswith("exceeded maximum nesting depth"):
                continue  # NSC007, not a syntax error
            mark = error.problem_mark or error.context_mark
            character = text[mark.index] if mark and mark.index < len(text) else ""
            kind = syntax_kind(error.context, error.problem, character)
            assert kind is not SyntaxKind.OTHER, (path.name, error.context, error.problem)
            kinds.add(kind)
    assert len(kinds) > 10


ENGLISH = ("while", "found", "expected", "could not", "did not", "not allowed", "cannot")
"""Fragments of PyYAML's messages (and of Pydantic's) that must not reach Vietnamese output."""


@needs_suite
@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.__name__)
def test_vietnamese_messages_carry_no_english_from_the_parser(
    parser: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("nsclt.loader._Parser", parser)
    t = Translator("vi")
    files = sorted(YAML_SUITE.glob("*.error.yaml"))
    assert files
    for path in files:
        for found in check_file(path).problems:
            # Text between backticks is the file's own (a key, a tag), not a message.
            said = re.sub(r"`[^`]*`", "", f"{t.message(found)} {t.hint(found)}")
            assert not [word for word in ENGLISH if word in said.lower()], (path.name, said)


MINIMAL = """\
format: 1
name: Mẫu
scope: province
sources:
  - id: s
    title: Nguồn
plans:
  - id: p
    title: Kế hoạch
    agency: Sở KH&CN
    start: 2021
    end: 2025
    phases:
      - id: a
        start: 2021
        end: 2025
{phase}
    results:
{results}
"""


def problems(phase: str = "", results: str = "      []") -> list[tuple[str, int]]:
    text = MINIMAL.format(phase=phase, results=results)
    return [(p.code, p.line) for p in check_loaded(load_text(text, "mau.yaml"), "mau").problems]


def test_the_minimal_plan_is_valid() -> None:
    assert problems() == []


def test_a_misspelt_field_suggests_the_right_one() -> None:
    checked = check_loaded(
        load_text(
            MINIMAL.format(phase="", results="      []").replace("agency:", "agnecy:"), "mau.yaml"
        ),
        "mau",
    )
    assert [(p.code, p.param("field"), p.param("hint")) for p in checked.problems] == [
        ("NSC102", "agency", ""),  # reported where the plan starts, line 8
        ("NSC101", "agnecy", "agency"),  # reported at the misspelt key, line 10
    ]


def test_two_results_for_one_indicator_and_year() -> None:
    result = "      - {indicator: model_enterprises, year: 2022, value: 3, source: s}\n"
    assert problems(results=result * 2) == [("NSC208", 20)]


def test_growth_band_with_inverted_bounds() -> None:
    phase = (
        "        targets:\n"
        "          - indicator: supported_enterprises_per_year\n"
        "            growth_per_year: {min: 15, max: 10}\n"
        "            source: s"
    )
    assert problems(phase=phase) == [("NSC205", 19)]


def test_increase_by_needs_a_baseline() -> None:
    phase = (
        "        targets:\n          - {indicator: model_enterprises, increase_by: 10, source: s}"
    )
    assert problems(phase=phase) == [("NSC220", 18)]


def test_baseline_after_the_phase_start() -> None:
    phase = (
        "        baselines:\n"
        "          - {indicator: model_enterprises, year: 2023, value: 3, source: s}"
    )
    assert problems(phase=phase) == [("NSC212", 18)]


def test_result_cannot_be_reported_before_its_year() -> None:
    result = (
        "      - {indicator: model_enterprises, year: 2022, date: 2021-12-05,"
        " value: 3, source: s}\n"
    )
    assert problems(results=result) == [("NSC219", 19)]


def test_file_name_must_match_the_province_name() -> None:
    checked = check_loaded(load_text(MINIMAL.format(phase="", results="      []"), "x.yaml"), "x")
    assert [(p.code, p.level.value) for p in checked.problems] == [("NSC215", "warning")]
    assert checked.plan_file is not None  # a warning does not make the file invalid


def test_an_unforeseen_shape_error_is_a_wrong_value_in_the_users_words() -> None:
    loaded = load_text(MINIMAL.format(phase="", results="      []"), "mau.yaml")
    assert isinstance(loaded.data, dict)
    # A lone surrogate cannot come from a YAML file, but it is an error no branch names.
    data = {**loaded.data, "name": "\ud800"}
    with pytest.raises(ValidationError) as raised:
        parse_plan_file(data)
    found = list(shape_problems(raised.value, "mau.yaml", loaded.positions))
    assert [(p.code, p.param("expected"), p.param("found")) for p in found] == [
        ("NSC103", "valid", "text")
    ]
    assert Translator("vi").message(found[0]) == (
        "`name` phải là một giá trị hợp lệ, nhưng lại là văn bản"
    )


def test_findings_keep_the_problems_and_only_the_lines_they_point_at() -> None:
    checked = check_file(
        EXAMPLES / "NSC101" / sorted(p.name for p in (EXAMPLES / "NSC101").glob("*.yaml"))[0]
    )
    findings = checked.findings()
    assert findings.problems == checked.problems
    assert set(findings.lines) == {p.line for p in checked.problems}
    for found in checked.problems:
        assert findings.source_line(found.line) == checked.loaded.source_line(found.line)
