"""What a plans folder, a plan file or a path can smuggle in: each case ends in a clear
refusal or in inert, visibly escaped text, with no traceback and no file changed."""

from __future__ import annotations

import re
import shutil
import tracemalloc
from pathlib import Path

import pytest

from conftest import AS_OF, EXAMPLES, PLANS, Run
from nsclt.text import UNSAFE_CHARACTERS

SECRET = "root:x:0:0:secret-line"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "lang-son.yaml", plans / "lang-son.yaml")
    (tmp_path / "outside.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    return plans


# --- links --------------------------------------------------------------------------------


def test_a_link_out_of_the_plans_folder_is_never_read(run: Run, folder: Path) -> None:
    (folder / "evil.yaml").symlink_to(folder.parent / "outside.yaml")
    for args in (("validate",), ("status", "evil"), ("list",), ("validate", "--format", "json")):
        outcome = (
            run(*args, "--plans", str(folder)) if args[0] != "validate" else run(*args, str(folder))
        )
        assert outcome.code == 1, (args, outcome.stdout, outcome.stderr)
        assert "secret-line" not in outcome.stdout + outcome.stderr
        assert "Traceback" not in outcome.stdout + outcome.stderr
    said = run("validate", str(folder / "evil.yaml")).stdout
    assert "NSC000" in said and "outside its folder" in said


def test_a_link_out_of_the_plans_folder_is_not_written_through(run: Run, folder: Path) -> None:
    (folder / "evil.yaml").symlink_to(folder.parent / "outside.yaml")
    outcome = run(
        "record", "evil", "certified_experts", "3", "--year", "2024",
        "--source", "x", "--plans", str(folder),
    )  # fmt: skip
    assert outcome.code == 1
    assert (folder.parent / "outside.yaml").read_text(encoding="utf-8") == f"{SECRET}\n"
    assert (folder / "evil.yaml").is_symlink()


def test_a_link_within_the_plans_folder_is_followed_and_written_at_its_target(
    run: Run, tmp_path: Path
) -> None:
    plans = tmp_path / "plans"
    (plans / "archive").mkdir(parents=True)
    shutil.copy(EXAMPLES / "record" / "tinh-chu-thich.yaml", plans / "archive" / "real.yaml")
    text = (plans / "archive" / "real.yaml").read_text(encoding="utf-8")
    (plans / "archive" / "real.yaml").write_text(text, encoding="utf-8")
    (plans / "tinh-chu-thich.yaml").symlink_to(Path("archive") / "real.yaml")
    assert run("status", "tinh-chu-thich", "--plans", str(plans), "--as-of", AS_OF).code == 0
    outcome = run(
        "record", "tinh-chu-thich", "model_enterprises", "6", "--year", "2023",
        "--source", "bc-2023", "--plans", str(plans),
    )  # fmt: skip
    assert outcome.code == 0, outcome.stderr
    assert (plans / "tinh-chu-thich.yaml").is_symlink()
    assert len((plans / "archive" / "real.yaml").read_text(encoding="utf-8")) > len(text)


def test_a_loop_of_links_is_refused(run: Run, folder: Path) -> None:
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    outcome = run("validate", str(folder))
    assert outcome.code == 1
    assert "NSC000" in outcome.stdout and "Traceback" not in outcome.stderr


# --- limits before work -------------------------------------------------------------------


def test_an_oversized_plan_is_refused_before_it_is_read(run: Run, folder: Path) -> None:
    with (folder / "big.yaml").open("wb") as file:
        file.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to make
    tracemalloc.start()
    try:
        outcome = run("status", "big", "--plans", str(folder))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcome.code == 1
    assert "NSC001" in outcome.stderr + outcome.stdout
    assert peak < 8 * 1024 * 1024


# --- text from files is inert everywhere ------------------------------------------------

# Written with YAML's own escapes, so the file holds the characters themselves once loaded.
PAYLOAD = (
    r"\e[2J\e[31mred\e]8;;http://x.example\e\\link\e]8;;\e\\ \u202eevil\u200b \r\x85\x7f"
    r" [bold red]markup[/] <script>alert(1)</script><img src=x onerror=alert(1)> | `tick`"
)
UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}\r]")


def hostile_plan(folder: Path) -> None:
    text = (EXAMPLES / "record" / "tinh-chu-thich.yaml").read_text(encoding="utf-8")
    text = (
        text.replace('title: "Báo cáo năm 2022"', f'title: "Báo cáo {PAYLOAD}"')
        .replace('title: "Kế hoạch: 2021–2030"', f'title: "Kế hoạch {PAYLOAD}"')
        .replace("agency: Sở KH&CN", f'agency: "Sở {PAYLOAD}"\n    note: "Ghi chú {PAYLOAD}"')
        .replace(
            "plans:\n",
            "indicators:\n"
            f'  - {{id: evil, name: "Tên {PAYLOAD}", unit: "đơn vị {PAYLOAD}",'
            " direction: increase, kind: level, value_type: number}\n"
            "plans:\n",
        )
        .replace(
            "          - indicator: model_enterprises\n            increase_by: 4",
            "          - {indicator: evil, at_least: 5, source: bc-2022}\n"
            "          - indicator: model_enterprises\n            increase_by: 4",
        )
        .replace(
            "      - {indicator: training_attendances",
            "      - {indicator: evil, year: 2022, value: 2, source: bc-2022}\n"
            "      - {indicator: training_attendances",
        )
    )
    (folder / "tinh-chu-thich.yaml").write_text(text, encoding="utf-8")


def assert_inert(text: str) -> None:
    # CSV starts with a byte-order mark, which is how Excel knows it is UTF-8.
    raw = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text.removeprefix("\ufeff"))})
    assert raw == [], raw
    assert "Traceback" not in text


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    "options",
    [
        (),
        ("--explain", "--all"),
        ("-f", "table"),
        ("-f", "json", "--explain"),
        ("-f", "csv"),
        ("-f", "tsv"),
        ("-f", "markdown", "--all"),
        ("-f", "html"),
        ("-f", "svg"),
    ],
)
def test_plan_text_reaches_no_output_raw(
    run: Run, tmp_path: Path, options: tuple[str, ...], lang: str
) -> None:
    hostile_plan(tmp_path)
    args = ("status", "tinh-chu-thich", "--plans", str(tmp_path), "--as-of", AS_OF)
    outcome = run(*args, "--lang", lang, *options)
    assert outcome.code == 0, outcome.stderr
    assert_inert(outcome.stdout + outcome.stderr)
    assert "\\x1b" in outcome.stdout or "\\u001b" in outcome.stdout  # shown, escaped
    if "markdown" in options:
        assert "<script" not in outcome.stdout and "<img" not in outcome.stdout
        for line in outcome.stdout.splitlines():
            if line.startswith(("| Tỉnh", "| Tinh")):
                cells = line.replace("\\|", "").count("|")
                assert cells in (10, 7), line  # 9 or 6 columns: nothing split a row
    if options in ((), ("-f", "table")):
        assert "[bold red]markup[/]" in outcome.stdout  # markup shown as written


@pytest.mark.parametrize("fmt", ["text", "parsable", "github", "json"])
def test_a_key_full_of_escapes_is_one_inert_problem(run: Run, tmp_path: Path, fmt: str) -> None:
    text = (EXAMPLES / "record" / "tinh-chu-thich.yaml").read_text(encoding="utf-8")
    text = text.replace("scope:", f'"bad\\e[2J\\nkey\\u202e{PAYLOAD}": 1\nscope:')
    (tmp_path / "tinh-chu-thich.yaml").write_text(text, encoding="utf-8")
    outcome = run("validate", str(tmp_path), "--format", fmt)
    assert outcome.code == 1
    assert_inert(outcome.stdout + outcome.stderr)
    lines = outcome.stdout.splitlines()
    # Two problems: the unknown key (NSC101) and its unsafe characters (NSC014), a line each.
    if fmt == "parsable":
        assert len(lines) == 2 and all(line.startswith(str(tmp_path)) for line in lines)
    if fmt == "github":
        assert len(lines) == 2 and all(line.startswith("::") for line in lines)


def test_the_list_title_shows_the_folder_as_it_is_named(run: Run, tmp_path: Path) -> None:
    plans = tmp_path / "[bold]x[red]\x1b[2J"
    plans.mkdir()
    shutil.copy(PLANS / "lang-son.yaml", plans / "lang-son.yaml")
    outcome = run("list", "--plans", str(plans), "--as-of", AS_OF)
    assert outcome.code == 0
    assert_inert(outcome.stdout)
    assert "[bold]x[red]\\x1b[2J" in outcome.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_list_shows_hostile_plans_inert(run: Run, tmp_path: Path, fmt: str) -> None:
    hostile_plan(tmp_path)
    outcome = run("list", "--plans", str(tmp_path), "--as-of", AS_OF, "--format", fmt)
    assert outcome.code == 0, outcome.stderr
    assert_inert(outcome.stdout + outcome.stderr)


def test_a_dry_run_shows_the_files_own_characters_escaped(run: Run, tmp_path: Path) -> None:
    hostile_plan(tmp_path)
    path = tmp_path / "tinh-chu-thich.yaml"
    text = path.read_text(encoding="utf-8").replace("# end of results", "# end \u202e\u200b\u2066")
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    outcome = run(
        "record", "tinh-chu-thich", "evil", "3", "--year", "2023", "--source", "bc-2022",
        "--plans", str(tmp_path), "--dry-run",
    )  # fmt: skip
    assert outcome.code == 0, outcome.stderr
    assert_inert(outcome.stdout + outcome.stderr)
    assert path.read_bytes() == before
