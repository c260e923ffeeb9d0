"""Everything a user reads, in Vietnamese and English, looked up by key.

Code asks for a key and passes the figures; the sentences live in one catalogue
per language (``vi.py``, ``en.py``) so a translator edits one file.
"""

from __future__ import annotations

import datetime
import importlib
import os
from collections.abc import Mapping
from string import Formatter
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    from nsclt.problems import Problem

Language = Literal["vi", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)

TRANSLATED_PARAMS: Final = {
    "expected": ("word",),
    "found": ("word",),
    "rule": ("word",),
    "direction": ("word",),
    "reason": ("reason", "oserror"),
    "syntax": ("yaml",),
    "qualifier": ("qualifier_name",),
}
"""Problem parameters that hold a name from an enumerated set rather than words from the
file, with the catalogue prefix under which each name has its sentence."""


def choose_language(option: str | None, environ: Mapping[str, str] | None = None) -> Language:
    """``--lang``, else NSCLT_LANG, else a locale starting with ``vi``, else English."""
    env = os.environ if environ is None else environ
    for wanted in (option, env.get("NSCLT_LANG")):
        if wanted:
            return "vi" if wanted.lower().startswith("vi") else "en"
    locale = env.get("LC_ALL") or env.get("LANG") or ""
    return "vi" if locale.lower().startswith("vi") else "en"


class Key(str):
    """A message key passed as a parameter: translated when the message is shown.

    Lets code that knows no language (the library, its failures) name a word such as
    the reason a write failed, and have it said in the user's language.
    """

    __slots__ = ()


class Translator:
    def __init__(self, language: Language) -> None:
        self.language = language
        # Only the language in use is loaded.
        catalogue = importlib.import_module(f"nsclt.i18n.{language}")
        self._text: Mapping[str, str] = catalogue.TEXT

    def __call__(self, key: str, /, **params: object) -> str:
        template = self._text[key]
        if not params:
            return template
        words = {name: self.word(v) if isinstance(v, str) else v for name, v in params.items()}
        return template.format(**words)

    def word(self, text: str) -> str:
        """``text`` translated if it is a Key, else as it is."""
        return self(text) if isinstance(text, Key) else text

    def number(self, value: float, decimals: int | None = None) -> str:
        """A figure for people, in this language's conventions (1.234,5 or 1,234.5)."""
        from nsclt.numbers import for_people, in_language

        return in_language(for_people(value, decimals), self.language)

    def date(self, day: datetime.date) -> str:
        """A date for people: 30/11/2026 in Vietnamese, 2026-11-30 in English."""
        return (
            f"{day.day:02d}/{day.month:02d}/{day.year}"
            if self.language == "vi"
            else day.isoformat()
        )

    def content(self, written: str, english: str | None) -> str:
        """Plan content as written, or its English form in English output when it has one."""
        return english if self.language == "en" and english else written

    def has(self, key: str) -> bool:
        return key in self._text

    def message(self, found: Problem) -> str:
        return self(found.code, **self._words(found))

    def hint(self, found: Problem) -> str:
        if found.param("hint"):
            return self("did_you_mean", suggestion=found.param("hint"))
        key = f"{found.code}.hint"
        return self(key, **self._words(found)) if self.has(key) else ""

    def _words(self, found: Problem) -> dict[str, str]:
        """Problem parameters, with the names of types, rules and reasons translated."""
        params = dict(found.params)
        words = dict(params)
        for name, prefixes in TRANSLATED_PARAMS.items():
            if name not in params:
                continue
            for key in (f"{prefix}.{params[name]}" for prefix in prefixes):
                if self.has(key):
                    # A sentence may have blanks of its own (the code point of a character).
                    words[name] = self(key, **params)
                    break
        from nsclt.problems import WHOLE_DOCUMENT  # only when problems are shown

        if params.get("field") == WHOLE_DOCUMENT:
            words["field"] = self("word.document")
        return words


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}
