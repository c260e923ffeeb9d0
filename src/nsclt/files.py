"""Writing files one way: a crash or a full disk leaves the old content or the new, never a mix.

Every write of nsclt goes through ``write_file`` or ``create_new``, and every way one can
fail becomes a ``Failure`` naming the path and the cause.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

from nsclt.failures import Failure, os_failure
from nsclt.i18n import Key

if sys.platform != "win32":
    import fcntl

LOCK_WAIT_SECONDS: Final = 30.0
"""How long a writer waits for another run writing to the same plans folder."""

_TEMPORARY_PREFIX: Final = ".nsclt-"
# The temporary file's name does not grow with the target's, so any name that fits the
# file system can be written.


def write_file(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` as its kind of file needs.

    - a regular file, or none yet: atomically, through a temporary file in the same
      folder, fsynced and renamed over it; an existing file keeps its permissions, and a
      read-only one is refused (renaming over it would defeat its protection);
    - a symlink: at the file it points to, which the link keeps pointing to;
    - a character device or a FIFO (``/dev/stdout``, ``/dev/null``, a named pipe):
      written directly, never replaced by a regular file;
    - anything else (a folder, a socket): refused.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        found = path.stat()
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise os_failure(error, "error.cannot_write", path) from None
    if found is not None and (stat.S_ISCHR(found.st_mode) or stat.S_ISFIFO(found.st_mode)):
        _write_stream(path, raw)
        return
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise Failure("write.not_a_file", path=path)
    if found is not None and not found.st_mode & stat.S_IWUSR:
        raise Failure("write.read_only", path=path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    _check_name_fits(target, path)
    try:
        temporary = _written_temporary(target, raw)
        try:
            if found is not None:
                temporary.chmod(stat.S_IMODE(found.st_mode))
            temporary.replace(target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        _sync_folder(target.parent)
    except OSError as error:
        raise os_failure(error, "error.cannot_write", path) from None


def create_new(path: Path, data: str) -> None:
    """Write a whole new file, or nothing; an existing file is never replaced."""
    _check_name_fits(path, path)
    try:
        temporary = _written_temporary(path, data.encode("utf-8"))
        try:
            os.link(temporary, path)  # unlike a rename, a hard link never replaces a file
        finally:
            temporary.unlink(missing_ok=True)
        _sync_folder(path.parent)
    except FileExistsError:
        raise Failure("new.exists", path=path) from None
    except OSError as error:
        raise os_failure(error, "error.cannot_write", path) from None


def _write_stream(path: Path, raw: bytes) -> None:
    try:
        with path.open("wb") as stream:
            stream.write(raw)
    except OSError as error:
        raise os_failure(error, "error.cannot_write", path) from None


def _check_name_fits(target: Path, shown: Path) -> None:
    """Refuse up front a name longer than the folder's file system can hold."""
    try:
        limit = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return  # not knowable here (or no such folder): the write itself will say
    if len(os.fsencode(target.name)) > limit:
        raise Failure(
            "error.cannot_write", path=shown, reason=Key("oserror.ENAMETOOLONG")
        ) from None


def _written_temporary(path: Path, raw: bytes) -> Path:
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=_TEMPORARY_PREFIX, suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes files private; a new plan or report gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles for this)."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def folder_lock(folder: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """One writer at a time in a plans folder, across processes.

    The lock is taken on the folder itself, which opens read-only: nothing is left in
    the folder, and a dry run works where nobody may write. A lock held by another run
    is waited for (``on_wait`` is called once, to say so), then given up with a Failure.
    Where the system has no ``flock`` (Windows), writers are not serialised.
    """
    if sys.platform == "win32":
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError as error:
        raise os_failure(error, "error.cannot_lock", folder) from None
    try:
        if not _locked(descriptor):
            on_wait()
            deadline = time.monotonic() + LOCK_WAIT_SECONDS
            while not _locked(descriptor):
                if time.monotonic() > deadline:
                    raise Failure(
                        "write.lock_timeout", path=folder, seconds=round(LOCK_WAIT_SECONDS)
                    )
                time.sleep(0.05)
        yield
    finally:
        os.close(descriptor)  # closing the descriptor releases the lock


def _locked(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
