"""Both languages say everything, with the same blanks to fill."""

from __future__ import annotations

import pytest

from nsclt.i18n import TRANSLATED_PARAMS, Translator, choose_language, en, placeholders, vi
from nsclt.problems import WHOLE_DOCUMENT, problem
from nsclt.reasons import SyntaxKind, Unreadable


def test_every_key_exists_in_both_languages() -> None:
    assert set(en.TEXT) == set(vi.TEXT)


@pytest.mark.parametrize("key", sorted(en.TEXT))
def test_both_languages_use_the_same_placeholders(key: str) -> None:
    assert placeholders(en.TEXT[key]) == placeholders(vi.TEXT[key])


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("vi", {}, "vi"),
        ("en", {"NSCLT_LANG": "vi"}, "en"),
        (None, {"NSCLT_LANG": "vi"}, "vi"),
        (None, {"LANG": "vi_VN.UTF-8"}, "vi"),
        (None, {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        (None, {"LANG": "en_GB.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_language_choice_order(option: str | None, environ: dict[str, str], expected: str) -> None:
    assert choose_language(option, environ) == expected


def test_translator_fills_in_parameters() -> None:
    assert Translator("vi")("explain.goal", goal=20, year=2025) == "mục tiêu: 20 đến năm 2025"


@pytest.mark.parametrize("key", [f"yaml.{kind}" for kind in SyntaxKind])
def test_every_kind_of_syntax_error_has_a_sentence(key: str) -> None:
    assert key in en.TEXT
    assert key in vi.TEXT


@pytest.mark.parametrize("key", [f"reason.{reason}" for reason in Unreadable])
def test_every_reason_a_file_is_unreadable_has_a_sentence(key: str) -> None:
    assert key in en.TEXT
    assert key in vi.TEXT


def test_translated_parameters_have_their_prefix_in_the_catalogue() -> None:
    prefixes = {key.split(".")[0] for key in en.TEXT}
    assert {p for names in TRANSLATED_PARAMS.values() for p in names} <= prefixes


def test_a_syntax_error_is_said_in_the_users_language() -> None:
    found = problem("f.yaml", (1, 1), "NSC003", syntax="character", code_point="U+0007")
    assert Translator("vi").message(found) == (
        "lỗi cú pháp YAML: không được dùng ký tự U+0007 trong YAML"
    )
    assert Translator("en").message(found) == (
        "YAML syntax error: the character U+0007 is not allowed in YAML"
    )


def test_the_whole_document_is_a_translated_word() -> None:
    found = problem(
        "f.yaml", (1, 1), "NSC103", field=WHOLE_DOCUMENT, expected="mapping", found="list"
    )
    assert Translator("vi").message(found) == (
        "`toàn bộ tệp` phải là nhóm trường, nhưng lại là danh sách"
    )
    assert Translator("en").message(found) == "`the document` must be a set of fields, found a list"


def test_an_unreadable_file_says_why_in_the_users_language() -> None:
    found = problem("f.yaml", (1, 1), "NSC000", reason="other", errno="EIO")
    assert Translator("vi").message(found) == "không đọc được tệp: lỗi hệ thống EIO"
