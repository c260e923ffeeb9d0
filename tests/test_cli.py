"""The command line as a user meets it: output, exit codes and errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import AS_OF, EXAMPLES, PLANS, ROOT, Run, assert_matches_golden
from nsclt import __version__

SHIPPED = sorted(path.stem for path in PLANS.glob("*.yaml"))


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("province", SHIPPED)
def test_status_of_every_shipped_province_names_its_targets(
    run: Run, province: str, lang: str
) -> None:
    from nsclt.cache import valid_plan

    outcome = run("status", province, "--as-of", AS_OF, "--lang", lang, "--all")
    assert (outcome.code, outcome.stderr) == (0, "")
    assert (AS_OF if lang == "en" else "21/11/2026") in outcome.stdout
    plan_file = valid_plan(PLANS / f"{province}.yaml")
    for plan in plan_file.plans:
        assert f"[{plan.id}]" in outcome.stdout
    assert [line for line in outcome.stdout.splitlines() if line != line.rstrip()] == []


def test_status_always_prints_the_as_of_date(run: Run) -> None:
    assert "2019-06-30" in run("status", "lang-son", "--as-of", "2019-06-30").stdout


def test_status_in_the_past_uses_the_phase_running_then(run: Run) -> None:
    outcome = run("status", "lang-son", "--as-of", "2018-03-01", "--plan", "du-an-2012-2020")
    assert "2012-2020 (2012–2020)" in outcome.stdout
    assert "overdue" in outcome.stdout


@pytest.mark.parametrize("spelling", ["Quảng Ninh", "quang ninh", "QUANG-NINH", "Quảng Ninh"])
def test_province_by_name_in_any_spelling(run: Run, spelling: str) -> None:
    outcome = run("status", spelling, "--as-of", AS_OF)
    assert outcome.code == 0
    assert "Quang Ninh" in outcome.stdout


def test_unknown_province_suggests_the_closest(run: Run) -> None:
    outcome = run("status", "quang-nihn", "--as-of", AS_OF)
    assert outcome.code == 2
    assert "did you mean `quang-ninh`?" in outcome.stderr


def test_a_path_is_never_opened_as_a_province(run: Run) -> None:
    outcome = run("status", "../../etc/passwd", "--as-of", AS_OF)
    assert outcome.code == 2
    assert "no plan file" in outcome.stderr
    assert "root:" not in outcome.stdout + outcome.stderr


def test_invalid_plan_prints_its_problems_and_exits_1(run: Run, tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "NSC101" / "unknown-field.yaml", tmp_path / "unknown-field.yaml")
    outcome = run("status", "unknown-field", "--plans", str(tmp_path), "--as-of", AS_OF)
    assert outcome.code == 1
    assert "NSC101" in outcome.stderr
    assert "did you mean `at_least`?" in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_unknown_phase_lists_the_phases(run: Run) -> None:
    outcome = run("status", "viet-nam", "--phase", "2031-2035", "--as-of", AS_OF)
    assert outcome.code == 2
    assert "2021-2025" in outcome.stderr


def test_bad_as_of_is_a_usage_error(run: Run) -> None:
    assert run("status", "quang-ninh", "--as-of", "2025-02-30").code == 2


def test_plans_folder_from_the_environment(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(PLANS / "thai-nguyen.yaml", tmp_path / "thai-nguyen.yaml")
    monkeypatch.setenv("NSCLT_PLANS", str(tmp_path))
    assert run("list", "--as-of", AS_OF).stdout.count("Thai Nguyen") == 1


@pytest.mark.parametrize("before", [True, False])
def test_plans_folder_before_or_after_the_command(run: Run, tmp_path: Path, before: bool) -> None:
    shutil.copy(PLANS / "thai-nguyen.yaml", tmp_path / "thai-nguyen.yaml")
    folder = ("--plans", str(tmp_path))
    args = (*folder, "list", "--as-of", AS_OF) if before else ("list", *folder, "--as-of", AS_OF)
    listed = run(*args).stdout
    assert listed.count("Thai Nguyen") == 1
    assert "Quang Ninh" not in listed


def test_plans_folder_after_the_command_wins(run: Run, tmp_path: Path) -> None:
    outcome = run("--plans", str(tmp_path), "status", "quang-ninh", "--plans", "plans")
    assert outcome.code == 0


def test_plans_folder_found_upward_from_the_current_directory(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(PLANS.parent / "docs")
    assert run("status", "thai-nguyen", "--as-of", AS_OF).code == 0


def test_no_plans_folder_says_where_it_looked(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    outcome = run("list")
    assert outcome.code == 2
    assert str(tmp_path / "plans") in outcome.stderr


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_list_shows_every_shipped_province(run: Run, lang: str) -> None:
    outcome = run("list", "--plans", "plans", "--as-of", AS_OF, "--lang", lang)
    assert outcome.code == 0
    from nsclt.cache import valid_plan

    for province in SHIPPED:
        plan_file = valid_plan(PLANS / f"{province}.yaml")
        name = plan_file.name_en if lang == "en" and plan_file.name_en else plan_file.name
        assert all(word in outcome.stdout for word in name.split()), name


def test_indicators_lists_the_catalogue(run: Run) -> None:
    outcome = run("indicators")
    assert "certified_experts" in outcome.stdout
    assert "training_attendances" in outcome.stdout


def test_validate_shipped_plans_is_clean(run: Run) -> None:
    outcome = run("validate", "plans")
    assert outcome.code == 0
    summary = outcome.stdout.strip().splitlines()[-1]
    checked = f"{len(SHIPPED)} file(s) checked:"
    assert summary in (
        f"{checked} no problems.",
        *(f"{checked} 0 error(s), {n} warning(s)." for n in range(1, 9)),
    )


def test_validate_text_shows_the_line_and_a_caret(run: Run) -> None:
    outcome = run("validate", "tests/examples/NSC101/unknown-field.yaml")
    assert outcome.code == 1
    assert_matches_golden("validate-unknown-field.txt", outcome.stdout)


def test_validate_in_vietnamese(run: Run) -> None:
    outcome = run("validate", "--lang", "vi", "tests/examples/NSC107/typo-in-enum.yaml")
    assert "có phải ý bạn là `province`?" in outcome.stdout


def test_validate_reports_all_files_in_one_run(run: Run) -> None:
    examples = list(EXAMPLES.glob("NSC*/*.yaml"))
    folders = sorted({str(path.parent.relative_to(ROOT)) for path in examples})
    outcome = run("validate", "--format", "parsable", *folders)
    files = {line.split(":", 1)[0] for line in outcome.stdout.splitlines()}
    assert len(files) == len(examples)


def test_validate_missing_path_is_a_usage_error(run: Run) -> None:
    outcome = run("validate", "no/such/file.yaml")
    assert outcome.code == 2
    assert "no/such/file.yaml" in outcome.stderr


def test_validate_unknown_format_is_a_usage_error(run: Run) -> None:
    assert run("validate", "--format", "xml", "plans").code == 2


def test_github_format_is_chosen_inside_github_actions(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    outcome = run("validate", "tests/examples/NSC101/unknown-field.yaml")
    assert outcome.stdout.startswith(
        "::error file=tests/examples/NSC101/unknown-field.yaml,line=26,col=13,title=NSC101::"
    )


def test_json_format_lists_every_problem(run: Run) -> None:
    import json

    outcome = run("validate", "--format", "json", "tests/examples/NSC213/two-target-kinds.yaml")
    document = json.loads(outcome.stdout)
    assert [p["code"] for p in document["problems"]] == ["NSC213", "NSC218"]
    assert document["errors"] == 2


def test_plan_text_is_never_read_as_markup(run: Run) -> None:
    outcome = run(
        "status", "markup-and-control", "--plans", str(EXAMPLES / "NSC014"), "--as-of", AS_OF
    )
    assert "[bold red]Kế hoạch[/]" in outcome.stdout
    assert "\x1b" not in outcome.stdout
    assert "\\x1b" in outcome.stdout


def test_version_and_short_help(run: Run) -> None:
    assert run("--version").stdout.strip() == f"nsclt {__version__}"
    assert run("status", "-h").code == 0


def test_output_has_no_escape_codes_when_not_a_terminal(run: Run) -> None:
    assert "\x1b[" not in run("status", "lang-son", "--as-of", AS_OF, "--all").stdout


def test_list_marks_an_invalid_file_and_exits_1(run: Run, tmp_path: Path) -> None:
    shutil.copy(PLANS / "thai-nguyen.yaml", tmp_path / "thai-nguyen.yaml")
    shutil.copy(EXAMPLES / "NSC101" / "unknown-field.yaml", tmp_path / "unknown-field.yaml")
    outcome = run("list", "--plans", str(tmp_path), "--as-of", AS_OF)
    assert outcome.code == 1
    assert "nsclt validate" in outcome.stdout
    assert "Thai Nguyen" in outcome.stdout


def test_an_unreadable_plans_folder_is_named_with_its_cause(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(self: Path) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", denied)
    for command in (("list",), ("status", "quang-ninh"), ("validate", "plans")):
        outcome = run(*command, "--plans", "plans", "--lang", "vi")
        assert outcome.code == 1, command
        assert outcome.stderr.startswith("nsclt: không đọc được plans: không có quyền truy cập")
        assert outcome.stdout == ""


def test_a_path_the_command_line_names_is_never_checked_by_click_in_english(
    run: Run, tmp_path: Path
) -> None:
    outcome = run("list", "--plans", str(tmp_path / "missing"), "--lang", "vi")
    assert outcome.code == 2
    assert "không tìm thấy thư mục plans" in outcome.stderr
    assert "does not exist" not in outcome.stderr


def test_csv_writes_a_large_count_as_digits(run: Run, tmp_path: Path) -> None:
    text = (EXAMPLES / "record" / "tinh-chu-thich.yaml").read_text(encoding="utf-8")
    text = text.replace("        value: 4\n", "        value: 1234567\n")
    (tmp_path / "tinh-chu-thich.yaml").write_text(text, encoding="utf-8")
    outcome = run(
        "status", "tinh-chu-thich", "--plans", str(tmp_path), "--as-of", AS_OF, "-f", "csv"
    )
    assert outcome.code == 0
    assert ",1234567," in outcome.stdout
    assert "e+" not in outcome.stdout


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("2026-11-21", "2026-11-21"), ("21/11/2026", "2026-11-21"), ("1/2/2026", "2026-02-01")],
)
def test_as_of_in_iso_or_day_first(run: Run, typed: str, shown: str) -> None:
    outcome = run("status", "quang-ninh", "--as-of", typed)
    assert outcome.code == 0
    assert shown in outcome.stdout


@pytest.mark.parametrize(
    "typed", ["20261121", "2026-W47-6", "2026-2-1", "21-11-2026", "2026/11/21", "21.11.2026"]
)
def test_as_of_in_any_other_form_is_refused(run: Run, typed: str) -> None:
    outcome = run("status", "quang-ninh", "--as-of", typed, "--lang", "vi")
    assert outcome.code == 2
    assert "30/11/2026" in outcome.stderr


@pytest.mark.parametrize("typed", ["30/02/2026", "11/21/2026", "2026-02-30"])
def test_an_impossible_date_says_so(run: Run, typed: str) -> None:
    outcome = run("status", "quang-ninh", "--as-of", typed)
    assert outcome.code == 2
    assert "not a day of the calendar" in outcome.stderr
