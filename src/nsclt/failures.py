"""Every way a command can fail for its user, each carrying its exit code and its message.

The library raises these; the command line's one handler (``localised.LocalisedCommand``)
prints them in the user's language and exits with their code. Nothing else chooses an
exit code, and nothing looks at a message's text to choose one:

- **2**: the command line itself can't be read — an unknown option, command, province,
  plan or phase; a value that can't be read as what it should be (a date, a figure, a
  format, an output extension).
- **1**: a file or a rule says no — an invalid plan, a figure that breaks a rule, a
  refused or failed read or write.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING, ClassVar, Final

from nsclt.i18n import Key

if TYPE_CHECKING:
    from pathlib import Path

    from nsclt.checks import CheckedFile

USAGE: Final = 2
REFUSED: Final = 1

# The errors people meet in practice, each said in their language; any other is named by
# its errno symbol, which reads the same in every language.
OS_REASONS: Final = (
    "EACCES",
    "EPERM",
    "ENOENT",
    "ENOTDIR",
    "EISDIR",
    "ENOSPC",
    "EDQUOT",
    "EROFS",
    "ENAMETOOLONG",
    "EEXIST",
    "ELOOP",
    "EBUSY",
    "EIO",
)


class Failure(Exception):
    """A command that cannot do what was asked; ``key`` names the message, ``params`` fill it."""

    exit_code: ClassVar[int] = REFUSED

    def __init__(self, key: str, /, *, hint: str | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.hint = hint
        """The key of a hint to print under the message, if any."""
        self.params = params


class UsageFailure(Failure):
    """The command line names or holds something that can't be read.

    ``option`` names the option or argument whose value it is (``--year``, or a Key
    such as ``metavar.value``), so the message can say "invalid value for …".
    """

    exit_code = USAGE

    def __init__(
        self, key: str, /, *, option: str | None = None, hint: str | None = None, **params: object
    ) -> None:
        super().__init__(key, hint=hint, **params)
        self.option = option


class InvalidPlan(Failure):
    """A plan file, before or after an edit, does not pass the checks; every problem is shown."""

    def __init__(self, checked: CheckedFile, key: str = "error.invalid_plan") -> None:
        super().__init__(key, path=checked.loaded.path)
        self.checked = checked


class ShownInOutput(Failure):
    """The command's own output has said what is wrong (invalid files in a list, problems
    found by validate); only the exit code is left to give."""

    def __init__(self) -> None:
        super().__init__("")


def os_failure(error: OSError, key: str, path: Path | str) -> Failure:
    """An operating-system error while reading or writing ``path``, as a Failure."""
    return Failure(key, path=path, reason=os_reason(error))


def os_reason(error: OSError) -> Key | str:
    name = errno.errorcode.get(error.errno or 0, "")
    if name in OS_REASONS:
        return Key(f"oserror.{name}")
    return name or type(error).__name__
