"""Slugs, normal forms, suggestions and safe output."""

from __future__ import annotations

import unicodedata

import pytest

from nsclt.text import TRANSLITERATE, closest, printable, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Quảng Ninh", "quang-ninh"),
        ("quang ninh", "quang-ninh"),
        ("QUANG-NINH", "quang-ninh"),
        ("Đắk Lắk", "dak-lak"),
        ("Thừa Thiên Huế", "thua-thien-hue"),
        ("  Bà Rịa – Vũng Tàu ", "ba-ria-vung-tau"),
        ("Việt Nam", "viet-nam"),
    ],
)
def test_slug_from_vietnamese_name(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slug_is_the_same_for_nfc_and_nfd() -> None:
    name = "Đồng Tháp"
    assert slugify(unicodedata.normalize("NFD", name)) == slugify(name) == "dong-thap"


def test_closest_suggests_only_near_words() -> None:
    assert closest("at_lest", ["at_least", "at_most"]) == "at_least"
    assert closest("zzz", ["at_least", "at_most"]) is None


def test_printable_makes_control_characters_visible() -> None:
    assert printable("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07"


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [
        ("ascii", "Quang Ninh \\u25cf dung tien do"),
        ("latin-1", "Quang Ninh \\u25cf dúng tiên do"),
        ("utf-8", "Quảng Ninh ● đúng tiến độ"),
    ],
)
def test_what_an_encoding_cannot_hold_is_transliterated_or_escaped(
    encoding: str, shown: str
) -> None:
    text = "Quảng Ninh ● đúng tiến độ"
    assert text.encode(encoding, errors=TRANSLITERATE).decode(encoding) == shown
