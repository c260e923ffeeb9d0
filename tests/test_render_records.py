"""status and list as JSON, CSV, TSV, Markdown, SVG and HTML."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import AS_OF, EXAMPLES, Run, assert_matches_golden
from nsclt import __version__
from nsclt.render.records import COLUMNS, as_json

FORMULA_START = ("=", "+", "-", "@")


@pytest.fixture
def recorded(tmp_path: Path, run: Run) -> Path:
    """The commented example with results, and a local indicator named like a formula."""
    text = (EXAMPLES / "record" / "tinh-chu-thich.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "plans:\n",
        "indicators:\n"
        "  - {id: tricky, name: '=HYPERLINK(\"http://x\")', unit: '@lần', direction: increase,"
        " kind: level, value_type: number}\n"
        "plans:\n",
    ).replace(
        "          - indicator: model_enterprises\n            increase_by: 4",
        "          - {indicator: tricky, at_least: 5, source: bc-2022}\n"
        "          - indicator: model_enterprises\n            increase_by: 4",
    )
    (tmp_path / "tinh-chu-thich.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def status(run: Run, folder: Path, *options: str) -> str:
    outcome = run(
        "status", "tinh-chu-thich", "--plans", str(folder), "--as-of", "2024-03-01", *options
    )
    assert outcome.code == 0, outcome.stderr
    return outcome.stdout


def test_json_shape(run: Run, recorded: Path) -> None:
    document = json.loads(status(run, recorded, "--format", "json"))
    assert (document["nsclt_version"], document["format_version"], document["as_of"]) == (
        __version__,
        1,
        "2024-03-01",
    )
    rows = {row["indicator"]: row for row in document["targets"]}
    model = rows["model_enterprises"]
    assert {
        k: model[k]
        for k in (
            "province",
            "plan",
            "phase",
            "target",
            "baseline",
            "actual",
            "actual_year",
            "progress",
            "status",
            "status_label",
        )
    } == {
        "province": "tinh-chu-thich",
        "plan": "ke-hoach",
        "phase": "2021-2025",
        "target": 7,
        "baseline": 3,
        "actual": 4,
        "actual_year": 2022,
        "progress": 0.25,
        "status": "needs_acceleration",
        "status_label": "needs acceleration",
    }
    assert set(model) == set(COLUMNS)


def test_json_status_labels_follow_the_language(run: Run, recorded: Path) -> None:
    document = json.loads(status(run, recorded, "--format", "json", "--lang", "vi"))
    labels = {row["status_label"] for row in document["targets"]}
    assert labels == {"cần đẩy nhanh", "chưa có số liệu"}


def test_csv_is_utf8_with_bom_and_runs_no_formula(run: Run, recorded: Path) -> None:
    output = recorded / "status.csv"
    status(run, recorded, "-o", str(output))
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    for row in rows[1:]:
        for cell in row:
            is_number = cell.lstrip("-").replace(".", "", 1).isdigit()
            assert is_number or not cell.startswith(FORMULA_START), cell
    tricky = next(row for row in rows if row[COLUMNS.index("indicator")] == "tricky")
    assert tricky[COLUMNS.index("indicator_name")] == '\'=HYPERLINK("http://x")'
    assert tricky[COLUMNS.index("unit")] == "'@lần"


def test_tsv_has_the_same_rows(run: Run, recorded: Path) -> None:
    tsv = list(csv.reader(io.StringIO(status(run, recorded, "--format", "tsv")), delimiter="\t"))
    csv_rows = list(
        csv.reader(io.StringIO(status(run, recorded, "--format", "csv").removeprefix("\ufeff")))
    )
    assert tsv == csv_rows


def test_markdown_table(run: Run, recorded: Path) -> None:
    assert_matches_golden("status-tinh-chu-thich.md", status(run, recorded, "--format", "markdown"))


@pytest.mark.parametrize(("suffix", "marker"), [(".svg", "<svg"), (".html", "<html")])
def test_pictures_of_the_table(run: Run, recorded: Path, suffix: str, marker: str) -> None:
    output = recorded / f"status{suffix}"
    status(run, recorded, "--output", str(output))
    text = output.read_text(encoding="utf-8")
    assert marker in text
    assert "Chú" in text  # SVG spaces are written as &#160;


def test_text_file_has_no_escape_codes(run: Run, recorded: Path) -> None:
    output = recorded / "status.txt"
    status(run, recorded, "-o", str(output))
    text = output.read_text(encoding="utf-8")
    assert "\x1b" not in text and "needs acceleration" in text


def test_no_color_means_no_escape_codes(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    assert "\x1b[" not in run("status", "lang-son", "--as-of", AS_OF).stdout


def test_unknown_format_is_a_usage_error(run: Run) -> None:
    assert run("status", "lang-son", "--format", "xls").code == 2


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_list_in_data_formats(fmt: str) -> None:
    from handmade import list_evaluation
    from nsclt.i18n import Translator
    from nsclt.render.formats import formats_for

    text = formats_for("list")[fmt].renderer("list")(list_evaluation(), Translator("en"))
    assert_matches_golden(f"list.{ {'markdown': 'md'}.get(fmt, fmt) }", text)


def test_vietnamese_screen_has_no_english_labels(run: Run, recorded: Path) -> None:
    shutil.copy(EXAMPLES / "good" / "tinh-mau.yaml", recorded / "tinh-mau.yaml")
    screen = status(run, recorded, "--lang", "vi", "--explain", "--all")
    for english in (
        "Plan",
        "Indicator",
        "Target",
        "Baseline",
        "Status",
        "As of",
        "no data",
        "progress",
        "level:",
        "baseline",
        "Warnings",
        "assumed",
    ):
        assert english not in screen, english


def test_english_screen_has_no_vietnamese_labels(run: Run, recorded: Path) -> None:
    screen = status(run, recorded, "--lang", "en", "--explain", "--all")
    # Plan content (the plan's Vietnamese title) stays as written; labels must not.
    for vietnamese in ("Chỉ tiêu", "Mục tiêu", "Đánh giá", "Tính đến", "chưa có", "Cơ quan"):
        assert vietnamese not in screen, vietnamese


# --- every export read back: the same values as JSON's, not just the same words ----------

NUMERIC = {
    "target",
    "target_year",
    "baseline",
    "baseline_year",
    "actual",
    "actual_year",
    "progress",
    "remaining",
    "compound_growth",
}
BOOLEAN = {"baseline_assumed", "remaining_strict", "approximate", "outside_band"}


def read_cell(column: str, cell: str) -> object:
    """A CSV or TSV cell as the value JSON gives for it."""
    if cell == "":
        return None
    if column in NUMERIC:
        return float(cell)
    if column in BOOLEAN:
        return {"true": True, "false": False}[cell]
    return cell.removeprefix("'") if cell.startswith("'") and cell[1:2] in "=+-@" else cell


def read_number(text: str, language: str) -> float:
    """A figure as a person reads it in LANGUAGE: 1.650,5 in Vietnamese, 1,650.5 in English."""
    if language == "vi":
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", ""))


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Each Markdown table's body rows, cells unescaped."""
    tables: list[list[list[str]]] = []
    rows: list[list[str]] | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            rows = None
            continue
        if rows is None:
            rows = []  # the header line
            tables.append(rows)
        elif not line.startswith("|---"):
            cells = [c.strip().replace("\\|", "|") for c in line.strip("|").split(" | ")]
            rows.append(cells)
    return tables


FIGURE = r"(?P<mark>[≈≥>≤<]?)(?P<value>[\d.,]+) \((?P<year>\d{4})\)"
QUALIFIER_MARKS = {
    "≈": "approx",
    "≥": "at_least",
    ">": "more_than",
    "≤": "at_most",
    "<": "less_than",
}


def read_figure(cell: str, language: str) -> tuple[float, int, str | None] | None:
    import re

    if cell == "—":
        return None
    found = re.fullmatch(FIGURE, cell)
    assert found, cell
    qualifier = QUALIFIER_MARKS.get(found["mark"])
    return read_number(found["value"], language), int(found["year"]), qualifier


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_export_reads_back_to_the_values_of_json(language: str) -> None:
    from handmade import status_evaluation
    from nsclt.i18n import Translator
    from nsclt.render.records import as_csv, as_markdown, as_tsv

    evaluation, t = status_evaluation(), Translator(language)
    document = json.loads(as_json(evaluation, t))
    expected = document["targets"] + document["results"]
    assert {row["actual_qualifier"] for row in expected} >= {"approx", "at_least"}
    assert any(row["baseline_assumed"] for row in expected)
    assert document["results"], "the hand-made report has a result without a target"

    as_data = [{column: row.get(column) for column in COLUMNS} for row in expected]
    for text, delimiter in (
        (as_csv(evaluation, t).removeprefix("\ufeff"), ","),
        (as_tsv(evaluation, t), "\t"),
    ):
        rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
        assert [{c: read_cell(c, row[c]) for c in COLUMNS} for row in rows] == as_data

    targets, results = markdown_tables(as_markdown(evaluation, t))
    assert len(targets) == len(document["targets"])
    for cells, row in zip(targets, document["targets"], strict=True):
        _, phase, indicator, target, baseline, actual, progress, remaining, status = cells
        assert phase == row["phase"]
        assert indicator == f"{row['indicator_name']} ({row['unit']})"
        assert target == row["target_text"]
        if row["baseline_assumed"]:
            assert baseline == t("status.assumed")
        else:
            shown = read_figure(baseline, language)
            assert shown == (
                None if row["baseline"] is None else (row["baseline"], row["baseline_year"], None)
            )
        shown = read_figure(actual, language)
        recorded = (row["actual"], row["actual_year"], row["actual_qualifier"])
        assert shown == (None if row["actual"] is None else recorded)
        if row["compound_growth"] is not None:
            assert read_number(progress.split()[0], language) == round(row["compound_growth"], 2)
        elif row["progress"] is not None:
            assert read_number(progress.removesuffix("%"), language) == round(row["progress"] * 100)
        else:
            assert progress == "—"
        assert remaining == ("—" if row["remaining"] is None else t.number(row["remaining"]))
        assert status.startswith(row["status_label"])
        assert ("(" in status) == (row["approximate"] or row["outside_band"])
    assert len(results) == len(document["results"])
    for cells, row in zip(results, document["results"], strict=True):
        _, phase, indicator, year, value, _source = cells
        assert (phase, indicator) == (row["phase"], f"{row['indicator_name']} ({row['unit']})")
        assert (int(year), read_number(value, language)) == (row["actual_year"], row["actual"])
