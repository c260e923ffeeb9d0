"""Text helpers: Vietnamese normal forms, slugs, "did you mean", safe terminal output, figures."""

from __future__ import annotations

import codecs
import difflib
import re
import unicodedata

# đ and Đ are letters of their own, not d with a mark: NFKD leaves them whole.
_STROKED_D = str.maketrans({"đ": "d", "Đ": "D"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# C0/C1 control characters except tab; they must never reach a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
    """Text safe to show on a terminal: control characters become visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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
