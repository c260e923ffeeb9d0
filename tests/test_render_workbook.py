"""Excel workbooks (`-o FILE.xlsx`, `-f xlsx`) of status, list, history and compare.

Each workbook is written by the real command and read back cell by cell with openpyxl, an
independent reader: a sheet per table and an about sheet last; one header row in the reader's
language with the machine name in a note; typed cells that hold what JSON says; text that stays
text; widths measured from the contents; the same bytes on every run.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from rich.console import Console
from typer.testing import CliRunner

from conftest import PLANS, ROOT, Run
from nsclt import __version__
from nsclt.cli import app
from nsclt.i18n import Translator, en, vi
from nsclt.model import Source
from nsclt.render import records
from nsclt.render.workbook import (
    ALL_COLUMNS,
    CHANGE_COLUMNS,
    MAX_WIDTH,
    MILESTONE_COLUMNS,
    _headers,
    sheet_name,
    status_workbook,
)

HANDMADE = Path(__file__).parent / "plans_history"
ON = ("--plans", str(HANDMADE), "--as-of", "2025-06-30")
STATUS = ("status", "bac-giang", *ON)
SINCE = (*STATUS, "--since", "2023-01-01")
HISTORY = ("history", "bac-giang", *ON)
LIST = ("list", *ON)
DATES = {"as_of", "due", "done", "reported", "since"}
SOURCES = {"bc-2022", "bc-2023", "qd-2023"}
"""Every source of the invented Bắc Giang file."""


def workbook(run: Run, tmp_path: Path, *args: str) -> openpyxl.Workbook:
    path = tmp_path / "x.xlsx"
    outcome = run(*args, "-o", str(path))
    assert outcome.code == 0, outcome.stderr
    return openpyxl.load_workbook(path)


def document(run: Run, *args: str) -> dict[str, Any]:
    outcome = run(*args, "-f", "json")
    assert outcome.code == 0, outcome.stderr
    found: dict[str, Any] = json.loads(outcome.stdout)
    return found


def machine_names(sheet: Worksheet) -> list[str]:
    """The column names JSON uses, from the note on each header cell."""
    return [cell.comment.text for cell in sheet[1]]


def headers(sheet: Worksheet) -> list[str]:
    return [str(cell.value) for cell in sheet[1]]


def texts(sheet: Worksheet) -> set[str]:
    return {cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}


def width(sheet: Worksheet, index: int) -> float | None:
    """The width of the column at ``index`` (1-based), where the file sets one.

    Columns of the same width may share one entry, keyed by the first of them."""
    for dimension in sheet.column_dimensions.values():
        if dimension.min <= index <= dimension.max:
            return float(dimension.width)
    return None


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The invented Bắc Giang beside the shipped Quảng Ninh."""
    shutil.copy(HANDMADE / "bac-giang.yaml", tmp_path)
    shutil.copy(PLANS / "quang-ninh.yaml", tmp_path)
    return tmp_path


# --- sheets -------------------------------------------------------------------------------


def test_status_has_a_sheet_per_table_and_the_about_sheet_last(run: Run, tmp_path: Path) -> None:
    book = workbook(run, tmp_path, *SINCE)
    assert book.sheetnames == [
        "Targets",
        "Results without a target",
        "Milestones",
        "Changes",
        "About",
    ]


def test_changes_have_a_sheet_only_with_since(run: Run, tmp_path: Path) -> None:
    assert "Changes" not in workbook(run, tmp_path, *STATUS).sheetnames


def test_results_and_milestones_have_a_sheet_only_when_there_are_any(
    run: Run, tmp_path: Path
) -> None:
    book = workbook(run, tmp_path, "status", "quang-ninh", "--as-of", "2026-11-21")
    json_document = document(run, "status", "quang-ninh", "--as-of", "2026-11-21")
    expected = ["Targets"]
    expected += ["Results without a target"] if json_document["results"] else []
    expected += ["Milestones"] if json_document["milestones"] else []
    assert book.sheetnames == [*expected, "About"]


@pytest.mark.parametrize(
    ("args", "english", "vietnamese"),
    [
        (
            SINCE,
            ["Targets", "Results without a target", "Milestones", "Changes", "About"],
            ["Mục tiêu", "Kết quả không có mục tiêu", "Các mốc", "Thay đổi", "Thông tin"],
        ),
        (
            LIST,
            ["Targets", "Results without a target", "Milestones", "About"],
            ["Mục tiêu", "Kết quả không có mục tiêu", "Các mốc", "Thông tin"],
        ),
        (HISTORY, ["Targets", "Years", "About"], ["Mục tiêu", "Từng năm", "Thông tin"]),
        (("compare", "share", *ON), ["Provinces", "About"], ["Các tỉnh", "Thông tin"]),
    ],
)
def test_sheet_names_are_in_the_readers_language(
    run: Run, tmp_path: Path, args: tuple[str, ...], english: list[str], vietnamese: list[str]
) -> None:
    assert workbook(run, tmp_path, *args).sheetnames == english
    assert workbook(run, tmp_path, *args, "--lang", "vi").sheetnames == vietnamese


@pytest.mark.parametrize("catalogue", [en.TEXT, vi.TEXT], ids=["en", "vi"])
def test_the_catalogues_sheet_names_are_names_excel_accepts_as_they_are(
    catalogue: dict[str, str],
) -> None:
    names = [v for k, v in catalogue.items() if k.startswith("xlsx.sheet.")]
    names.append(catalogue["status.milestones"])
    assert len(names) == 7
    assert [sheet_name(name, []) for name in names] == names


def test_a_sheet_name_is_mended_to_what_excel_accepts() -> None:
    assert sheet_name("a/b:c*d?[e]\\f", []) == "a-b-c-d--e--f"
    assert sheet_name("'quoted'", []) == "quoted"
    assert sheet_name("x" * 40, []) == "x" * 31
    assert sheet_name("Targets", ["targets"]) == "Targets (2)"
    assert sheet_name("y" * 40, ["y" * 31]) == "y" * 27 + " (2)"


# --- the header ---------------------------------------------------------------------------


def test_one_header_row_in_english_with_each_columns_machine_name_in_a_note(
    run: Run, tmp_path: Path
) -> None:
    sheet = workbook(run, tmp_path, *STATUS)["Targets"]
    assert headers(sheet)[:9] == [
        "As of",
        "Province id",
        "Province",
        "Current unit",
        "Plan",
        "Phase",
        "Indicator id",
        "Indicator",
        "Unit",
    ]
    assert machine_names(sheet) == list(records.COLUMNS)
    assert all(cell.font.b for cell in sheet[1])
    # one header row only: the second is data
    assert not any(cell.font.b for cell in sheet[2])
    assert sheet["A2"].is_date


def test_the_header_in_vietnamese(run: Run, tmp_path: Path) -> None:
    sheet = workbook(run, tmp_path, *STATUS, "--lang", "vi")["Mục tiêu"]
    labels = dict(zip(machine_names(sheet), headers(sheet), strict=True))
    assert labels["as_of"] == "Tính đến ngày"
    assert labels["province_name"] == "Tỉnh"
    assert labels["target_text"] == "Mục tiêu"
    assert labels["target"] == "Giá trị mục tiêu"
    assert labels["status_label"] == "Đánh giá"
    assert labels["status"] == "Mã đánh giá"


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_column_any_sheet_can_have_has_a_header(language: str) -> None:
    found = _headers(Translator(language))
    assert sorted(found) == sorted(ALL_COLUMNS)
    assert all(found.values())


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize(
    "args", [SINCE, HISTORY, ("compare", "share", *ON)], ids=["status", "history", "compare"]
)
def test_every_table_has_distinct_headers_frozen_and_filtered(
    run: Run, tmp_path: Path, args: tuple[str, ...], language: str
) -> None:
    book = workbook(run, tmp_path, *args, "--lang", language)
    for sheet in book.worksheets[:-1]:
        labels = headers(sheet)
        assert len(set(labels)) == len(labels), sheet.title
        assert not set(labels) & set(machine_names(sheet)) - {"URL"}, sheet.title
        assert sheet.freeze_panes == "A2", sheet.title
        last = get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title


# --- typed cells that hold what JSON says ----------------------------------------------------


def assert_holds(sheet: Worksheet, rows: Sequence[dict[str, Any]]) -> None:
    """Row by row, the sheet holds each JSON field, typed as JSON types it."""
    names = machine_names(sheet)
    body = list(sheet.iter_rows(min_row=2))
    assert len(body) == len(rows), sheet.title
    for cells, row in zip(body, rows, strict=True):
        assert set(row) - {"derivation"} <= set(names)
        by_name = dict(zip(names, cells, strict=True))
        for name, expected in row.items():
            if name != "derivation":
                assert_cell(by_name[name], name, expected)


def assert_cell(cell: Cell, name: str, expected: object) -> None:
    where = f"{cell.parent.title}!{cell.coordinate} ({name})"
    if expected is None:
        assert cell.value is None, where
    elif isinstance(expected, bool):
        assert (cell.data_type, cell.value) == ("b", expected), where
    elif isinstance(expected, int | float):
        assert (cell.data_type, cell.value) == ("n", expected), where
    elif name in DATES:
        assert isinstance(expected, str)
        assert cell.is_date and cell.value == datetime.fromisoformat(expected), where
    else:
        assert (cell.data_type, cell.value) == ("s", expected), where


def test_status_cells_hold_the_json_values(run: Run, tmp_path: Path) -> None:
    book = workbook(run, tmp_path, *SINCE)
    found = document(run, *SINCE)
    assert_holds(book["Targets"], found["targets"])
    assert_holds(book["Results without a target"], found["results"])
    assert_holds(book["Milestones"], found["milestones"])
    assert_holds(book["Changes"], found["changes"])
    kinds = {row["kind"] for row in found["changes"]}
    assert kinds == {"result_added", "target_changed", "verdict_moved", "milestone_moved"}


def test_status_explained_still_holds_the_same_rows(run: Run, tmp_path: Path) -> None:
    book = workbook(run, tmp_path, *STATUS, "--explain")
    assert_holds(book["Targets"], document(run, *STATUS, "--explain")["targets"])


def test_list_cells_hold_the_json_values(run: Run, tmp_path: Path) -> None:
    book = workbook(run, tmp_path, *LIST, "--lang", "vi")
    found = document(run, *LIST, "--lang", "vi")
    assert_holds(book["Mục tiêu"], found["targets"])
    assert_holds(book["Kết quả không có mục tiêu"], found["results"])
    assert_holds(book["Các mốc"], found["milestones"])


def test_history_cells_hold_the_json_values(run: Run, tmp_path: Path) -> None:
    book = workbook(run, tmp_path, *HISTORY)
    found = document(run, *HISTORY)
    assert_holds(book["Targets"], found["targets"])
    # The years carry the target's columns too, as CSV does; JSON joins them by key.
    assert_holds(book["Years"], found["years"])
    assert machine_names(book["Years"])[-9:] == [
        "year",
        "value",
        "qualifier",
        "source",
        "total",
        "total_qualifier",
        "required",
        "growth_rate",
        "year_verdict",
    ]


def test_every_digit_of_a_number_is_kept(run: Run, tmp_path: Path) -> None:
    """XlsxWriter alone writes 16 significant digits: 110.00000000000001 would read as 110."""
    required = [row["required"] for row in document(run, *HISTORY)["years"]]
    assert 110.00000000000001 in required
    sheet = workbook(run, tmp_path, *HISTORY)["Years"]
    column = machine_names(sheet).index("required") + 1
    assert [sheet.cell(row, column).value for row in range(2, sheet.max_row + 1)] == required


def test_compare_cells_hold_the_json_values(run: Run, tmp_path: Path, folder: Path) -> None:
    args = ("compare", "share", "--plans", str(folder), "--as-of", "2025-06-30")
    book = workbook(run, tmp_path, *args)
    found = document(run, *args)
    assert len(found["rows"]) > 1
    assert_holds(book["Provinces"], found["rows"])


def test_milestone_and_change_columns_are_those_of_json(run: Run) -> None:
    found = document(run, *SINCE)
    assert all(tuple(row) == MILESTONE_COLUMNS for row in found["milestones"])
    assert all(tuple(row) == CHANGE_COLUMNS for row in found["changes"])


@pytest.mark.parametrize(("language", "shown"), [("en", "yyyy-mm-dd"), ("vi", "dd/mm/yyyy")])
def test_dates_are_dates_shown_as_the_language_writes_them(
    run: Run, tmp_path: Path, language: str, shown: str
) -> None:
    book = workbook(run, tmp_path, *SINCE, "--lang", language)
    milestones = book.worksheets[2]
    due, done = milestones["F2"], milestones["G2"]
    assert machine_names(milestones)[5:7] == ["due", "done"]
    assert (due.value, done.value) == (datetime(2024, 12, 31), datetime(2024, 6, 1))
    assert due.is_date and due.number_format == shown
    assert book.worksheets[0]["A2"].number_format == shown


def test_progress_is_the_share_shown_as_a_percentage(run: Run, tmp_path: Path) -> None:
    sheet = workbook(run, tmp_path, *STATUS)["Targets"]
    cell = sheet.cell(2, records.COLUMNS.index("progress") + 1)
    assert (cell.value, cell.number_format) == (0.9, "0%")


# --- text stays text ----------------------------------------------------------------------


@pytest.fixture
def formula_like(tmp_path: Path) -> Path:
    """Bắc Giang with a plan note, a source title and a URL a spreadsheet could act on."""
    text = (HANDMADE / "bac-giang.yaml").read_text(encoding="utf-8")
    text = text.replace("    end: 2030\n", '    end: 2030\n    note: "=1+1 is not a sum"\n', 1)
    source = "{id: qd-2023, title: Quyết định sửa đổi (bịa)}"
    assert source in text
    text = text.replace(
        source,
        '{id: qd-2023, title: "=HYPERLINK(\\"http://x.example\\")", url: "http://x.example"}',
    )
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "bac-giang.yaml").write_text(text, encoding="utf-8")
    return plans


def test_text_that_looks_like_a_formula_stays_text(
    run: Run, tmp_path: Path, formula_like: Path
) -> None:
    assert run("validate", str(formula_like)).code == 0
    args = ("status", "bac-giang", "--plans", str(formula_like), "--as-of", "2025-06-30")
    book = workbook(run, tmp_path, *args)
    note = book["Targets"].cell(2, records.COLUMNS.index("plan_note") + 1)
    assert (note.data_type, note.value) == ("s", "=1+1 is not a sum")
    assert note.quotePrefix  # and stays text when edited in Excel
    about = book["About"]
    title = next(c for row in about.iter_rows() for c in row if c.value == "qd-2023").offset(0, 1)
    assert (title.data_type, title.value) == ("s", '=HYPERLINK("http://x.example")')
    url = title.offset(0, 3)
    assert (url.data_type, url.value, url.hyperlink) == ("s", "http://x.example", None)
    with zipfile.ZipFile(tmp_path / "x.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(
            b"<f>" in archive.read(n) or b"<hyperlink" in archive.read(n) for n in sheets
        )


def test_control_and_invisible_characters_are_escaped() -> None:
    from handmade import status_evaluation

    evaluation = status_evaluation()
    province = evaluation.provinces[0]
    source = province.sources[0]
    province = province._replace(
        name_en="Sample\x1b[2J Province",
        note="red\x1b[31m text \u202eevil",
        sources=(Source(id=source.id, title="zero\u200bwidth", url="http://x.example/\x07"),),
    )
    written = status_workbook(evaluation._replace(provinces=(province,)), Translator("en"))
    book = openpyxl.load_workbook(io.BytesIO(written))
    assert {
        "Sample\\x1b[2J Province",
        "red\\x1b[31m text \\u202eevil",
        "zero\\u200bwidth",
        "http://x.example/\\x07",
    } <= texts(book["About"])
    # the invalid file's path, listed on the about sheet of `list`
    listed = evaluation._replace(provinces=(province,), invalid=("plans/\u202eevil.yaml",))
    about = openpyxl.load_workbook(io.BytesIO(status_workbook(listed, Translator("en"))))["About"]
    assert "plans/\\u202eevil.yaml" in texts(about)
    assert not any(
        character in text
        for sheet in book.worksheets
        for text in texts(sheet)
        for character in "\x1b\x07\u202e\u200b"
    )


# --- widths -------------------------------------------------------------------------------


def shown_length(cell: Cell) -> int:
    """How many characters wide a text or a date is shown (a number's width depends on its
    format, and is not checked)."""
    if cell.is_date:
        return len("yyyy-mm-dd")
    if cell.data_type == "s":
        return max(len(line) for line in str(cell.value).split("\n"))
    return 0


def test_columns_are_as_wide_as_their_contents_up_to_a_cap(run: Run, tmp_path: Path) -> None:
    """The shipped plans' long notes reach the cap; ids and numbers keep columns narrow."""
    sheet = workbook(run, tmp_path, "list", "--as-of", "2026-11-21")["Targets"]
    widths = []
    for index, column in enumerate(sheet.iter_cols(), start=1):
        header, *body = column
        texts_only = all(c.value is None or c.data_type == "s" for c in body)
        longest = max([len(str(header.value)), *(shown_length(c) for c in body if c.value)])
        wide = width(sheet, index)
        assert wide is not None, header.value
        widths.append(wide)
        assert min(longest, MAX_WIDTH) <= wide <= MAX_WIDTH + 1, header.value
        if texts_only:
            assert wide <= min(longest, MAX_WIDTH) + 5, header.value
        if longest > MAX_WIDTH:
            # text beyond the cap wraps within it
            assert all(c.alignment.wrap_text for c in body if c.value), header.value
    assert len(set(widths)) > 5
    assert max(widths) > MAX_WIDTH  # the notes
    assert min(widths) < 15  # "Plan", "Phase"


# --- the about sheet ----------------------------------------------------------------------


def about_rows(sheet: Worksheet) -> Iterator[tuple[Any, ...]]:
    yield from sheet.iter_rows(values_only=True)


def test_about_says_the_date_language_version_and_since(run: Run, tmp_path: Path) -> None:
    about = workbook(run, tmp_path, *SINCE)["About"]
    rows = list(about_rows(about))
    assert rows[0][:2] == ("As of", datetime(2025, 6, 30))
    assert about["B1"].is_date
    assert rows[1][:2] == ("Language", "English (en)")
    assert rows[2][:2] == ("nsclt version", __version__)
    assert rows[3][:2] == ("Changes since", datetime(2023, 1, 1))


def test_about_lists_the_province_its_plans_and_its_numbered_sources(
    run: Run, tmp_path: Path
) -> None:
    book = workbook(run, tmp_path, *STATUS)
    about = book["About"]
    rows = list(about_rows(about))
    assert ("Province", "Bac Giang", "bac-giang") in [row[:3] for row in rows]
    assert (None, "kh-2021", "Kế hoạch 2021–2030 (bịa)") in [row[:3] for row in rows]
    numbered = {row[2]: row[1] for row in rows if row[2] in SOURCES}
    assert numbered == {"bc-2022": 1, "bc-2023": 2, "qd-2023": 3}
    first = next(row for row in rows if row[2] == "bc-2022")
    assert first[3:7] == ("Báo cáo năm 2022 (bịa)", "Sở KH&CN (bịa)", datetime(2023, 1, 20), None)
    cited = {row["actual_source"] for row in document(run, *STATUS)["targets"]} - {None}
    assert cited and cited <= texts(about)
    assert book.sheetnames[-1] == "About"


def test_about_holds_the_notes_the_figures_rest_on(run: Run, tmp_path: Path) -> None:
    about = workbook(run, tmp_path, "status", "quang-ninh", "--as-of", "2026-11-21")["About"]
    found = document(run, "status", "quang-ninh", "--as-of", "2026-11-21")["notes"]
    assert found
    assert {note["note"] for note in found} <= texts(about)
    assert "Notes" in texts(about)


def test_history_about_in_vietnamese(run: Run, tmp_path: Path) -> None:
    about = workbook(run, tmp_path, *HISTORY, "--lang", "vi", "--from", "2021")["Thông tin"]
    rows = list(about_rows(about))
    assert rows[0][:2] == ("Tính đến ngày", datetime(2025, 6, 30))
    assert about["B1"].number_format == "dd/mm/yyyy"
    assert rows[1][:2] == ("Ngôn ngữ", "Tiếng Việt (vi)")
    assert ("Từ năm", 2021) in [row[:2] for row in rows]
    assert texts(about) >= SOURCES


def test_compare_about_names_the_indicator_and_no_sources(run: Run, tmp_path: Path) -> None:
    about = workbook(run, tmp_path, "compare", "share", *ON)["About"]
    rows = [row[:2] for row in about_rows(about)]
    assert rows == [
        ("As of", datetime(2025, 6, 30)),
        ("Language", "English (en)"),
        ("nsclt version", __version__),
        ("Indicator id", "share"),
        ("Indicator", "Share of enterprises applying"),
        ("Unit", "%"),
    ]


# --- the file -----------------------------------------------------------------------------


def test_two_runs_write_the_same_bytes_dated_by_the_as_of_date(run: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    assert run(*SINCE, "-o", str(first)).code == 0
    assert run(*SINCE, "-o", str(second)).code == 0
    assert first.read_bytes() == second.read_bytes()
    assert openpyxl.load_workbook(first).properties.created == datetime(2025, 6, 30)
    earlier = ("status", "bac-giang", "--plans", str(HANDMADE), "--as-of", "2024-12-31")
    assert workbook(run, tmp_path, *earlier).properties.created == datetime(2024, 12, 31)


def test_piped_the_workbook_is_written_as_it_is(run: Run, tmp_path: Path) -> None:
    written = tmp_path / "x.xlsx"
    assert run(*STATUS, "--lang", "vi", "-o", str(written)).code == 0
    # the CliRunner's standard output is not a terminal; its bytes are the file's
    result = CliRunner().invoke(app, [*STATUS, "--lang", "vi", "-f", "xlsx"])
    assert result.exit_code == 0
    assert result.stdout_bytes == written.read_bytes()
    assert openpyxl.load_workbook(io.BytesIO(result.stdout_bytes)).sheetnames[0] == "Mục tiêu"


def test_a_workbook_is_not_written_to_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from nsclt import output

    terminal = Console(file=io.StringIO(), force_terminal=True)
    monkeypatch.setattr(output, "stdout_console", lambda: terminal)
    outcome = run(*STATUS, "--format", "xlsx")
    assert outcome.code == 2
    assert "a xlsx file is not for a terminal; write it with -o FILE.xlsx" in outcome.stderr
    assert terminal.file.getvalue() == ""


def test_other_formats_do_not_import_xlsxwriter() -> None:
    """Start-up stays as it was: only the workbook renderer imports XlsxWriter."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from nsclt.cli import app\n"
        f"CliRunner().invoke(app, {[*STATUS, '-f', 'json']!r})\n"
        "print('xlsxwriter' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False"
