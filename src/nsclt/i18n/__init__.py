"""Everything a user reads, in Vietnamese and English, looked up by key.

Code asks for a key and passes the figures; the sentences live in one catalogue
per language (``vi.py``, ``en.py``) so a translator edits one file.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from string import Formatter
from typing import TYPE_CHECKING, Final, Literal, get_args

from nsclt.problems import WHOLE_DOCUMENT

if TYPE_CHECKING:
    from nsclt.problems import Problem

Language = Literal["vi", "en"]
LANGUAGES: tuple[str, ...] = get_args(Language)

TRANSLATED_PARAMS: Final = {
    "expected": "word",
    "found": "word",
    "rule": "word",
    "direction": "word",
    "reason": "reason",
    "syntax": "yaml",
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


class Translator:
    def __init__(self, language: Language) -> None:
        self.language = language
        # Only the language in use is loaded.
        catalogue = importlib.import_module(f"nsclt.i18n.{language}")
        self._text: Mapping[str, str] = catalogue.TEXT

    def __call__(self, key: str, /, **params: object) -> str:
        template = self._text[key]
        return template.format(**params) if params else template

    def content(self, written: str, english: str | None) -> str:
        """Plan content as written, or its English form in English output when it has one."""
        return english if self.language == "en" and english else written

    def has(self, key: str) -> bool:
        return key in self._text

    def message(self, found: Problem) -> str:
        return self(found.code, **self._words(found))

    def hint(self, found: Problem) -> str:
        if found.param("hint"):
            return self("did_you_mean", hint=found.param("hint"))
        key = f"{found.code}.hint"
        return self(key, **self._words(found)) if self.has(key) else ""

    def _words(self, found: Problem) -> dict[str, str]:
        """Problem parameters, with the names of types, rules and reasons translated."""
        params = dict(found.params)
        words = dict(params)
        for name, prefix in TRANSLATED_PARAMS.items():
            key = f"{prefix}.{params.get(name)}"
            if name in params and self.has(key):
                # A sentence may have blanks of its own (the code point of a character).
                words[name] = self(key, **params)
        if params.get("field") == WHOLE_DOCUMENT:
            words["field"] = self("word.document")
        return words


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}
