"""Both languages say everything, with the same blanks to fill."""

from __future__ import annotations

import pytest

from nsclt.i18n import Translator, choose_language, en, placeholders, vi


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
    assert (
        Translator("vi")("explain.ended", year=2025)
        == "giai đoạn đã kết thúc năm 2025 mà chưa đạt mục tiêu"
    )
