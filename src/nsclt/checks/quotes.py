"""A result's qualifier agrees with the words its source puts before the figure.

"hơn 20" is more than 20, "ít nhất 20" at least 20, "gần 20" about 20: when the quote
says one and the result records another (or none), the verdict would rest on a figure
read differently from its source. Only the words next to the figure itself count, so a
"trên" that means "on" elsewhere in the sentence ("trên địa bàn tỉnh") is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from nsclt.checks.rules import Context, rule
from nsclt.loader import DataPath
from nsclt.model import Qualifier
from nsclt.numbers import for_people
from nsclt.problems import Level, Problem
from nsclt.text import nfc

# Words before a figure, longest first so that "không quá" is not read as "quá".
_BEFORE: Final[tuple[tuple[str, Qualifier], ...]] = (
    ("không vượt quá", "at_most"),
    ("không quá", "at_most"),
    ("tối đa", "at_most"),
    ("chưa đến", "less_than"),
    ("chưa tới", "less_than"),
    ("dưới", "less_than"),
    ("ít nhất", "at_least"),
    ("tối thiểu", "at_least"),
    ("xấp xỉ", "approx"),
    ("khoảng", "approx"),
    ("gần", "approx"),
    ("hơn", "more_than"),
    ("trên", "more_than"),
)
_AFTER: Final[tuple[tuple[str, Qualifier], ...]] = (("trở lên", "at_least"),)
_NUMBER: Final = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
# Most quotes hold none of the words: one search rules them out before any figure is read.
_ANY_WORD: Final = re.compile("|".join(re.escape(words) for words, _ in (*_BEFORE, *_AFTER)))


def implied(quote: str, value: float) -> tuple[str, Qualifier] | None:
    """The qualifying words next to ``value`` in ``quote``, and what they mean."""
    text = nfc(quote).lower()
    if not _ANY_WORD.search(text):
        return None
    for match in _NUMBER.finditer(text):
        if not _same_figure(match.group(), value):
            continue
        before = text[: match.start()].rstrip()
        for words, qualifier in _BEFORE:
            if before.endswith(words) and not before[: -len(words)][-1:].isalpha():
                return words, qualifier
        after = text[match.end() :]
        for words, qualifier in _AFTER:
            if re.match(rf"(?:\s+\w+){{0,3}}\s+{words}", after):
                return words, qualifier
    return None


def _same_figure(written: str, value: float) -> bool:
    """Whether the digits as a Vietnamese source writes them (1.200; 35,1) are the value."""
    candidates = {written.replace(".", "").replace(",", ".")}
    if float(value).is_integer():
        candidates.add(written.replace(".", "").replace(",", ""))
    for candidate in candidates:
        try:
            if float(candidate) == value:
                return True
        except ValueError:
            continue
    return False


@rule("NSC223")
def _qualifier_matches_quote(c: Context) -> Iterator[Problem]:
    for path, value, qualifier, quote in _quoted(c):
        said = implied(quote, value)
        if said is None or said[1] == qualifier:
            continue
        words, meant = said
        yield c.at(
            (*path, "qualifier") if qualifier else (*path, "value"),
            "NSC223",
            Level.WARNING,
            words=words,
            value=for_people(value),
            qualifier=qualifier or "none",
            meant=meant,
        )


def _quoted(c: Context) -> Iterator[tuple[DataPath, float, Qualifier | None, str]]:
    for p, plan in enumerate(c.plan_file.plans):
        for r, result in enumerate(plan.results):
            if result.quote:
                yield ("plans", p, "results", r), result.value, result.qualifier, result.quote
        for f, phase in enumerate(plan.phases):
            for b, baseline in enumerate(phase.baselines):
                if baseline.quote:
                    path = ("plans", p, "phases", f, "baselines", b)
                    yield path, baseline.value, baseline.qualifier, baseline.quote
