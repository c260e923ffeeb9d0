"""Text helpers: Vietnamese normal forms, slugs, "did you mean", safe terminal output, figures."""

from __future__ import annotations

import codecs
import difflib
import re
import unicodedata
from typing import Final

# đ and Đ are letters of their own, not d with a mark: NFKD leaves them whole.
_STROKED_D = str.maketrans({"đ": "d", "Đ": "D"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# What must never reach a reader raw: C0 and C1 control characters and DEL (escape
# sequences, carriage returns that hide a line), bidirectional embeddings, overrides and
# isolates (text that reads other than it is stored), and zero-width characters.
UNSAFE_CHARACTERS: Final = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
UNSAFE: Final = re.compile(f"[{UNSAFE_CHARACTERS}]")
LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
"""Where YAML breaks lines: LF, CRLF and a lone CR, nowhere else."""
_UNSAFE_OR_BREAK = re.compile(f"[{UNSAFE_CHARACTERS}\t\n]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slugify(name: str) -> str:
    """ "Quảng Ninh" -> "quang-ninh"; accepts NFC or NFD input, any case or spacing."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_STROKED_D))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_SLUG.sub("-", ascii_only.lower()).strip("-")


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The nearest choice to a misspelt word, or None when nothing is close."""
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def printable(text: str) -> str:
    """Text safe to show anywhere: each unsafe character as a visible escape (``\\x1b``,
    ``\\u202e``); tabs and line breaks are kept."""
    return UNSAFE.sub(_escaped, text)


def unsafe_character(text: str) -> str | None:
    """The first character of ``text`` that ``printable`` would escape, if any."""
    found = _UNSAFE_OR_BREAK.search(text)
    return found.group() if found else None


def one_line(text: str) -> str:
    """``printable`` text that stays on one line: tabs and line breaks are escaped too."""
    return _UNSAFE_OR_BREAK.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


TRANSLITERATE = "nsclt-transliterate"
"""An encoding error handler: what a terminal's encoding can't hold, written as near as it can.

Vietnamese letters lose their marks ("Quảng Ninh" on an ASCII terminal reads
"Quang Ninh"); anything else becomes a visible escape (``\\u25cf``). Output never fails
for want of an encoding.
"""


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    replaced = []
    for character in error.object[error.start : error.end]:
        replaced.append(_nearest(character, error.encoding))
    return "".join(replaced), error.end


def _nearest(character: str, encoding: str) -> str:
    """The letter with as many of its marks as the encoding holds ("ế" is "ê" in Latin-1)."""
    decomposed = unicodedata.normalize("NFKD", character.translate(_STROKED_D))
    for end in range(len(decomposed), 0, -1):
        candidate = unicodedata.normalize("NFC", decomposed[:end])
        try:
            candidate.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            continue
        if not unicodedata.combining(candidate[0]):
            return candidate
    return character.encode("ascii", "backslashreplace").decode("ascii")


codecs.register_error(TRANSLITERATE, _transliterate)
