"""`nsclt record`: minimal, validated, atomic and serialised edits."""

from __future__ import annotations

import difflib
import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, PLANS, Run, assert_matches_golden
from nsclt.checks import check_file

COMMENTED = EXAMPLES / "record" / "tinh-chu-thich.yaml"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run) -> Path:
    """A plans folder holding the commented example, as the current directory."""
    shutil.copy(COMMENTED, tmp_path / COMMENTED.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def record(run: Run, indicator: str, value: str, *options: str) -> tuple[int, str, str]:
    """Options first and "--" before the figure, so that a negative figure is not an option."""
    outcome = run("record", *options, "--plans", ".", "--", "tinh-chu-thich", indicator, value)
    return outcome.code, outcome.stdout, outcome.stderr


def only_added_lines(before: str, after: str) -> list[str]:
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert all(op[0] == "insert" for op in opcodes), opcodes
    return [line for op in opcodes for line in after.splitlines()[op[3] : op[4]]]


def test_dry_run_prints_exactly_the_added_lines(folder: Path, run: Run) -> None:
    code, stdout, _ = record(
        run, "model_enterprises", "6", "--year", "2023", "--source", "bc-2023", "--dry-run"
    )
    assert code == 0
    # A unified diff writes an empty context line as a single space; the golden file keeps
    # no trailing blanks, so compare without them.
    trimmed = "".join(line.rstrip() + "\n" for line in stdout.splitlines())
    assert_matches_golden("record-dry-run.diff", trimmed)
    assert (folder / COMMENTED.name).read_bytes() == COMMENTED.read_bytes()


def test_recording_adds_only_the_result_and_keeps_everything_else(folder: Path, run: Run) -> None:
    code, _, _ = record(
        run,
        "training_attendances",
        "150",
        "--year",
        "2023",
        "--date",
        "2024-01-12",
        "--source",
        "bc-2023",
        "--approx",
        "--quote",
        "gần 150 lượt",
    )
    assert code == 0
    after = (folder / COMMENTED.name).read_text(encoding="utf-8")
    assert only_added_lines(COMMENTED.read_text(encoding="utf-8"), after) == [
        "      - indicator: training_attendances",
        "        year: 2023",
        "        date: 2024-01-12",
        "        value: 150",
        "        qualifier: approx",
        "        quote: gần 150 lượt",
        "        source: bc-2023",
    ]
    assert check_file(folder / COMMENTED.name).plan_file is not None


def test_a_citation_that_is_not_a_source_id_becomes_a_new_source(folder: Path, run: Run) -> None:
    code, stdout, _ = record(
        run, "model_enterprises", "6", "--year", "2024", "--source", "Báo cáo 45/BC-SKHCN"
    )
    assert code == 0
    assert "bao-cao-45-bc-skhcn" in stdout
    checked = check_file(folder / COMMENTED.name)
    assert checked.plan_file is not None
    assert checked.plan_file.sources[-1].title == "Báo cáo 45/BC-SKHCN"
    assert checked.plan_file.plans[0].results[-1].source == "bao-cao-45-bc-skhcn"


def test_a_second_result_for_the_same_year_needs_replace(folder: Path, run: Run) -> None:
    code, _, stderr = record(run, "model_enterprises", "5", "--year", "2022", "--source", "bc-2022")
    assert code == 1
    assert "line 35" in stderr and "--replace" in stderr
    assert (folder / COMMENTED.name).read_bytes() == COMMENTED.read_bytes()
    code, _, _ = record(
        run, "model_enterprises", "5", "--year", "2022", "--source", "bc-2022", "--replace"
    )
    assert code == 0
    plan_file = check_file(folder / COMMENTED.name).plan_file
    assert plan_file is not None
    values = [
        (r.year, r.value) for r in plan_file.plans[0].results if r.indicator == "model_enterprises"
    ]
    assert values == [(2022, 5)]


@pytest.mark.parametrize(
    "args",
    [
        ("model_enterprises", "-3", "--year", "2023"),  # negative count
        ("model_enterprizes", "3", "--year", "2023"),  # unknown indicator
        ("model_enterprises", "3", "--year", "2035", "--plan", "ke-hoach"),  # outside the plan
    ],
    ids=["negative-count", "unknown-indicator", "year-outside-plan"],
)
def test_an_invalid_result_changes_nothing_and_exits_1(
    folder: Path, run: Run, args: tuple[str, ...]
) -> None:
    code, _, stderr = record(run, *args[:2], *args[2:], "--source", "bc-2023")
    assert code == 1
    assert "nothing was written" in stderr
    assert (folder / COMMENTED.name).read_bytes() == COMMENTED.read_bytes()


def test_a_year_no_plan_covers_is_a_usage_error(folder: Path, run: Run) -> None:
    code, _, stderr = record(run, "model_enterprises", "3", "--year", "2035", "--source", "bc-2023")
    assert code == 2
    assert "--plan" in stderr


def test_a_read_only_file_is_not_touched(folder: Path, run: Run) -> None:
    path = folder / COMMENTED.name
    path.chmod(0o444)
    code, _, stderr = record(run, "model_enterprises", "6", "--year", "2023", "--source", "bc-2023")
    assert code == 1
    assert "read-only" in stderr
    assert path.read_bytes() == COMMENTED.read_bytes()


def test_an_already_invalid_file_is_not_touched(tmp_path: Path, run: Run) -> None:
    broken = tmp_path / "syntax-error.yaml"
    shutil.copy(EXAMPLES / "NSC003" / "syntax-error.yaml", broken)
    outcome = run(
        "record",
        "syntax-error",
        "model_enterprises",
        "6",
        "--year",
        "2023",
        "--source",
        "x",
        "--plans",
        str(tmp_path),
    )
    assert outcome.code == 1
    assert "NSC003" in outcome.stderr
    assert broken.read_bytes() == (EXAMPLES / "NSC003" / "syntax-error.yaml").read_bytes()


def test_an_unknown_province_changes_nothing(folder: Path, run: Run) -> None:
    outcome = run(
        "record",
        "tinh-khong-co",
        "model_enterprises",
        "6",
        "--year",
        "2023",
        "--source",
        "x",
        "--plans",
        ".",
    )
    assert outcome.code == 2
    assert [p.name for p in folder.iterdir()] == [COMMENTED.name]


def test_crlf_and_bom_and_permissions_are_kept(folder: Path, run: Run) -> None:
    path = folder / COMMENTED.name
    original = b"\xef\xbb\xbf" + COMMENTED.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    path.chmod(0o640)
    code, _, _ = record(run, "model_enterprises", "6", "--year", "2023", "--source", "bc-2023")
    assert code == 0
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert after.startswith(original[: original.index(b"# end of results")][:200])
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def added_lines(before: bytes, after: bytes) -> list[bytes]:
    """The lines (with their endings) that ``after`` adds to ``before``, which it must
    otherwise hold byte for byte."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert all(op[0] == "insert" for op in opcodes), opcodes
    return [line for op in opcodes for line in new[op[3] : op[4]]]


def test_each_line_keeps_its_own_ending(folder: Path, run: Run) -> None:
    path = folder / COMMENTED.name
    lines = COMMENTED.read_bytes().splitlines(keepends=True)
    lines[3] = lines[3].replace(b"\n", b"\r\n")  # one CRLF line in an LF file
    original = b"".join(lines)
    path.write_bytes(original)
    code, _, _ = record(run, "model_enterprises", "6", "--year", "2023", "--source", "bc-2023")
    assert code == 0
    added = added_lines(original, path.read_bytes())
    assert added and all(line.endswith(b"\n") and not line.endswith(b"\r\n") for line in added)


def test_a_file_of_lone_carriage_returns_stays_one(folder: Path, run: Run) -> None:
    path = folder / COMMENTED.name
    original = COMMENTED.read_bytes().replace(b"\n", b"\r")
    path.write_bytes(original)
    code, _, _ = record(run, "model_enterprises", "6", "--year", "2023", "--source", "bc-2023")
    assert code == 0
    after = path.read_bytes()
    assert b"\n" not in after
    assert added_lines(original, after)


def test_a_last_line_without_an_ending_keeps_none(folder: Path, run: Run) -> None:
    path = folder / COMMENTED.name
    original = COMMENTED.read_bytes().rstrip(b"\n")
    path.write_bytes(original)
    code, _, _ = record(run, "model_enterprises", "6", "--year", "2023", "--source", "bc-2023")
    assert code == 0
    after = path.read_bytes()
    assert not after.endswith(b"\n")
    assert after.endswith(original.splitlines()[-1])


def test_a_failure_before_the_rename_leaves_the_original(
    folder: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(self: Path, target: object) -> None:
        raise OSError(errno.EACCES, "injected failure before the rename")

    monkeypatch.setattr(Path, "replace", crash)
    code, stdout, stderr = record(
        run, "model_enterprises", "6", "--year", "2023", "--source", "bc-2023"
    )
    assert (code, stdout) == (1, "")
    assert "cannot write" in stderr
    assert "permission denied" in stderr
    assert (folder / COMMENTED.name).read_bytes() == COMMENTED.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == [COMMENTED.name]


def test_a_full_disk_during_the_write_leaves_the_original(
    folder: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "injected: no space")

    monkeypatch.setattr(os, "fsync", crash)
    code, _, stderr = record(
        run, "model_enterprises", "6", "--year", "2023", "--source", "bc-2023", "--lang", "vi"
    )
    assert code == 1
    assert "thiết bị đã hết dung lượng" in stderr
    assert "Traceback" not in stderr
    assert (folder / COMMENTED.name).read_bytes() == COMMENTED.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == [COMMENTED.name]


def test_twenty_concurrent_records_all_land(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(COMMENTED, plans / COMMENTED.name)
    environment = {**os.environ, "NSCLT_CACHE_DIR": str(tmp_path / "cache")}
    years = range(2021, 2031)
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "nsclt",
                "record",
                "tinh-chu-thich",
                indicator,
                str(year - 2000),
                "--year",
                str(year),
                "--source",
                "bc-2023",
                "--plans",
                str(plans),
            ],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for year in years
        for indicator in ("certified_experts", "trained_officials")
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0] * 20, outputs
    plan_file = check_file(plans / COMMENTED.name).plan_file
    assert plan_file is not None
    recorded = {(r.indicator, r.year) for r in plan_file.plans[0].results}
    assert {(i, y) for y in years for i in ("certified_experts", "trained_officials")} <= recorded


def test_recording_into_a_shipped_plan_keeps_it_valid(tmp_path: Path, run: Run) -> None:
    shutil.copy(PLANS / "lang-son.yaml", tmp_path / "lang-son.yaml")
    outcome = run(
        "record",
        "Lạng Sơn",
        "model_enterprises",
        "3",
        "--year",
        "2019",
        "--plan",
        "du-an-2012-2020",
        "--source",
        "vietq-2018-04-16",
        "--plans",
        str(tmp_path),
    )
    assert outcome.code == 0, outcome.stderr
    assert check_file(tmp_path / "lang-son.yaml").plan_file is not None
