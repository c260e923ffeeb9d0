"""Why a file could not be loaded, as a few kinds that each language can name.

The system and PyYAML say what went wrong in English only. A problem carries one
of the kinds below instead of their text, and the catalogues hold a sentence for
each: ``reason.<kind>`` for a file that cannot be read (NSC000), ``yaml.<kind>``
for a syntax error (NSC003).
"""

from __future__ import annotations

import errno
import re
import stat
from enum import StrEnum
from typing import Final

from nsclt.failures import OS_REASONS


class Unreadable(StrEnum):
    """What a path named like a plan file is, when it is not a file."""

    FOLDER = "folder"
    PIPE = "pipe"
    DEVICE = "device"
    SOCKET = "socket"
    LINK_OUTSIDE = "link_outside"
    """A symbolic link to a file outside the folder of the link: it is not followed."""
    OTHER = "other"
    """An error of the system that has no sentence of its own, named by its errno symbol."""


_NOT_A_FILE: Final = {
    stat.S_IFDIR: Unreadable.FOLDER,
    stat.S_IFIFO: Unreadable.PIPE,
    stat.S_IFSOCK: Unreadable.SOCKET,
}


def not_a_file(mode: int) -> Unreadable:
    """What a path that is not a regular file is, from its ``st_mode``."""
    return _NOT_A_FILE.get(stat.S_IFMT(mode), Unreadable.DEVICE)


def unreadable(error: OSError) -> dict[str, str]:
    """NSC000's parameters for an error of the system: its errno symbol, which has a
    sentence (``oserror.<symbol>``) when it is one of ``failures.OS_REASONS``."""
    symbol = errno.errorcode.get(error.errno or 0, "?")
    return {"reason": symbol if symbol in OS_REASONS else Unreadable.OTHER, "errno": symbol}


# PyYAML's C parser (libyaml) and its pure-Python one word the same fault differently
# ("mapping values are not allowed in this context" / "... here"). The patterns below
# were drawn from what both say over the YAML test suite and the example files, and
# from the messages libyaml and PyYAML's scanner and parser can raise.


class SyntaxKind(StrEnum):
    MAPPING_VALUE = "mapping_value"
    SEQUENCE_ENTRY = "sequence_entry"
    MISSING_COLON = "missing_colon"
    TAB = "tab"
    TOKEN_START = "token_start"
    MAPPING_INDENTATION = "mapping_indentation"
    LIST_INDENTATION = "list_indentation"
    FLOW_SEQUENCE = "flow_sequence"
    FLOW_MAPPING = "flow_mapping"
    MISSING_VALUE = "missing_value"
    AFTER_DOCUMENT = "after_document"
    END_OF_STREAM = "end_of_stream"
    DOCUMENT_MARKER = "document_marker"
    UNDEFINED_TAG_HANDLE = "undefined_tag_handle"
    DIRECTIVE = "directive"
    TAG = "tag"
    ANCHOR = "anchor"
    ESCAPE = "escape"
    BLOCK_SCALAR = "block_scalar"
    CHARACTER = "character"
    """A character YAML does not allow anywhere; the problem names its code point."""
    OTHER = "other"
    """Anything the patterns below do not recognise."""


# Tried in order against "context\nproblem"; the first match decides. Order matters
# where two could match: a tab inside a block scalar is about the tab, and a %TAG
# directive is a directive before it is a tag.
_PATTERNS: Final[tuple[tuple[re.Pattern[str], SyntaxKind], ...]] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"mapping values are not allowed|found unexpected ':'", SyntaxKind.MAPPING_VALUE),
        (r"sequence entries are not allowed", SyntaxKind.SEQUENCE_ENTRY),
        (r"could not find expected ':'", SyntaxKind.MISSING_COLON),
        (r"tab character|found character '\\t'", SyntaxKind.TAB),
        (r"cannot start any token", SyntaxKind.TOKEN_START),
        (r"',' or '\]'", SyntaxKind.FLOW_SEQUENCE),
        (r"',' or '\}'", SyntaxKind.FLOW_MAPPING),
        (r"while parsing a block mapping", SyntaxKind.MAPPING_INDENTATION),
        (r"while parsing a block collection", SyntaxKind.LIST_INDENTATION),
        (r"node content", SyntaxKind.MISSING_VALUE),
        (r"<document start>", SyntaxKind.AFTER_DOCUMENT),
        (r"unexpected end of stream", SyntaxKind.END_OF_STREAM),
        (r"document (indicator|separator)", SyntaxKind.DOCUMENT_MARKER),
        (r"undefined tag handle", SyntaxKind.UNDEFINED_TAG_HANDLE),
        (r"directive|YAML document", SyntaxKind.DIRECTIVE),
        (r"while (scanning|parsing) a tag|URI", SyntaxKind.TAG),
        (r"while scanning an? (anchor|alias)", SyntaxKind.ANCHOR),
        (r"escape|hexa?decimal", SyntaxKind.ESCAPE),
        (r"while scanning a block scalar", SyntaxKind.BLOCK_SCALAR),
    )
)


def syntax_kind(context: str | None, problem: str | None, character: str = "") -> SyntaxKind:
    """The kind of a parser error, from its English ``context`` and ``problem``.

    ``character`` is the one at the error's position: libyaml does not name the
    character that "cannot start any token", and when it is a tab that is what to say.
    """
    message = f"{context or ''}\n{problem or ''}"
    for pattern, kind in _PATTERNS:
        if pattern.search(message):
            if kind is SyntaxKind.TOKEN_START and character == "\t":
                return SyntaxKind.TAB
            return kind
    return SyntaxKind.OTHER


def code_point(character: str | int) -> str:
    """``U+0007`` for a character, or for a byte PyYAML could not decode."""
    return f"U+{character if isinstance(character, int) else ord(character):04X}"
