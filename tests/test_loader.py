"""The loader turns bytes into plain data with positions, and refuses what it must."""

from __future__ import annotations

import datetime
import os
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
import yaml

from nsclt.loader import MAX_BYTES, REFUSED, load_bytes, load_file, load_text
from nsclt.reasons import SyntaxKind


def codes(text: str | bytes) -> list[str]:
    loaded = load_bytes(text if isinstance(text, bytes) else text.encode(), "f.yaml")
    return [p.code for p in loaded.problems]


def test_reads_scalars_as_yaml_types() -> None:
    loaded = load_text("a: 1\nb: 2.5\nc: 2018-01-31\nd: text\ne: true\nf: null\n", "f.yaml")
    assert loaded.data == {
        "a": 1,
        "b": 2.5,
        "c": datetime.date(2018, 1, 31),
        "d": "text",
        "e": True,
        "f": None,
    }
    assert loaded.problems == []


def test_positions_are_one_based_for_keys_and_values() -> None:
    loaded = load_text("plans:\n  - id: x\n    title:   T\n", "f.yaml")
    assert loaded.positions.values[("plans", 0, "title")] == (3, 14)
    assert loaded.positions.keys[("plans", 0, "title")] == (3, 5)


def test_locate_falls_back_to_the_nearest_recorded_parent() -> None:
    loaded = load_text("plans:\n  - id: x\n", "f.yaml")
    assert loaded.positions.locate(("plans", 0, "phases", 3, "id")) == (2, 5)


def test_bom_and_crlf_simply_work() -> None:
    loaded = load_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", "f.yaml")
    assert loaded.data == {"a": 1, "b": 2}
    assert loaded.positions.values[("b",)] == (2, 4)


def test_nfd_text_is_read_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "name: Quảng Ninh\n")
    assert load_text(nfd, "f.yaml").data == {"name": "Quảng Ninh"}


def test_duplicate_key_is_reported_at_the_second_and_the_first_is_kept() -> None:
    loaded = load_text("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(p.code, p.line, p.param("first_line")) for p in loaded.problems] == [
        ("NSC004", 3, "1")
    ]
    assert loaded.data == {"a": 1, "b": 2}


def test_python_tags_are_refused_and_never_constructed() -> None:
    loaded = load_text("a: !!python/object/apply:os.system ['echo hacked']\n", "f.yaml")
    assert [p.code for p in loaded.problems] == ["NSC005"]
    assert loaded.data == {"a": REFUSED}


def test_alias_bomb_is_refused_without_expanding(tmp_path: object) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    tracemalloc.start()
    loaded = load_text("\n".join(lines), "bomb.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert {p.code for p in loaded.problems} == {"NSC006"}
    assert len(loaded.problems) == 9  # once per anchor name, not once per use
    assert peak < 5_000_000  # expanded, it would be 9**9 strings


def test_merge_keys_are_refused() -> None:
    assert codes("a: {x: 1}\nb:\n  <<: {x: 1}\n") == ["NSC006"]


def test_deep_nesting_is_stopped_not_recursed() -> None:
    assert codes("a: " + "[" * 100_000 + "]" * 100_000) == ["NSC007"]


def test_integer_of_thousands_of_digits_is_refused() -> None:
    assert codes("a: " + "9" * 5000) == ["NSC008"]


def test_impossible_date_is_reported() -> None:
    assert codes("a: 2018-02-30") == ["NSC012"]


def test_empty_and_comment_only_files_are_empty() -> None:
    assert codes("") == ["NSC009"]
    assert codes("# only a comment\n") == ["NSC009"]


def test_non_utf8_is_reported_with_its_line_and_column() -> None:
    loaded = load_bytes("a: 1\nb: T\xe2y\n".encode("latin-1"), "f.yaml")
    assert [(p.code, p.line, p.column) for p in loaded.problems] == [("NSC002", 2, 5)]


def test_binary_garbage_is_a_problem_not_a_crash() -> None:
    assert codes(bytes(range(256)) * 8) == ["NSC002"]
    assert codes(b"a: \x00\x01\x02") == ["NSC003"]


def test_syntax_error_carries_the_parser_position_and_a_kind_not_its_words() -> None:
    loaded = load_text("a:\n  b: 1\n c: 2\n", "f.yaml")
    assert [(p.code, p.line, p.params) for p in loaded.problems] == [
        ("NSC003", 3, (("syntax", "mapping_indentation"),))
    ]


@pytest.mark.parametrize("parser", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a: b: c\n", SyntaxKind.MAPPING_VALUE),
        ("a:\n  - b\n  \t- c\n", SyntaxKind.TAB),
        ("a: [1, 2\nb: 3\n", SyntaxKind.FLOW_SEQUENCE),
        ("a: {x: 1\n", SyntaxKind.FLOW_MAPPING),
        ("a: 'x\n", SyntaxKind.END_OF_STREAM),
        ("a: @b\n", SyntaxKind.TOKEN_START),
        ("a: !x!y z\n", SyntaxKind.UNDEFINED_TAG_HANDLE),
        ('a: "\\q"\n', SyntaxKind.ESCAPE),
    ],
)
def test_both_parsers_name_a_syntax_error_the_same_kind(
    parser: type, text: str, kind: SyntaxKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("nsclt.loader._Parser", parser)
    assert [p.param("syntax") for p in load_text(text, "f.yaml").problems] == [kind]


def test_a_character_yaml_refuses_is_named_by_its_code_point_where_it_stands() -> None:
    loaded = load_text("tên: Hà Giang\nghi_chú: Lạng Sơn\x07\n", "f.yaml")
    assert [(p.code, p.line, p.column, p.params) for p in loaded.problems] == [
        ("NSC003", 2, 18, (("syntax", "character"), ("code_point", "U+0007")))
    ]


def test_a_top_that_is_not_a_mapping_is_the_loaders_finding() -> None:
    loaded = load_text("- a\n- b\n", "f.yaml")
    assert [(p.code, p.param("found")) for p in loaded.problems] == [("NSC013", "list")]
    assert loaded.data == ["a", "b"]


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    loaded = load_file(tmp_path / "missing.yaml")
    assert [(p.code, p.param("reason")) for p in loaded.problems] == [("NSC000", "ENOENT")]


def test_a_folder_named_like_a_plan_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    loaded = load_file(tmp_path / "x.yaml")
    assert [(p.code, p.param("reason")) for p in loaded.problems] == [("NSC000", "folder")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_refused_without_being_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.yaml")  # opening it to read would wait for a writer forever
    loaded = load_file(tmp_path / "x.yaml")
    assert [(p.code, p.param("reason")) for p in loaded.problems] == [("NSC000", "pipe")]


def test_the_size_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: nothing is written, nothing would be read
    loaded = load_file(big)
    assert [(p.code, p.param("size")) for p in loaded.problems] == [("NSC001", str(MAX_BYTES + 1))]


def test_files_over_the_size_limit_are_not_parsed() -> None:
    assert codes(b"#" * (MAX_BYTES + 1)) == ["NSC001"]


def test_a_second_document_is_reported() -> None:
    assert codes("a: 1\n---\nb: 2\n") == ["NSC011"]
