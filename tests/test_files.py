"""Writing files one way: atomic for regular files, through links, straight into devices."""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from nsclt import files
from nsclt.failures import Failure
from nsclt.files import create_new, folder_lock, write_file


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def reason(failure: pytest.ExceptionInfo[Failure]) -> object:
    return failure.value.params.get("reason")


def test_a_regular_file_is_replaced_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    write_file(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert names(tmp_path) == ["out.json"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    write_file(tmp_path / "new.json", "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o666 & ~umask


def test_a_symlink_is_written_at_its_target_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    write_file(tmp_path / "link.json", "new")
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_text() == "new"


def test_a_character_device_is_written_into_never_replaced() -> None:
    before = Path("/dev/null").stat()
    write_file(Path("/dev/null"), "discarded")
    after = Path("/dev/null").stat()
    assert stat.S_ISCHR(after.st_mode)
    assert (before.st_ino, before.st_rdev) == (after.st_ino, after.st_rdev)


def test_a_fifo_is_written_into_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_file(fifo, "through the pipe")
    reader.join(timeout=5)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "ro.json"
    target.write_text("keep")
    target.chmod(0o444)
    with pytest.raises(Failure) as refused:
        write_file(target, "new")
    assert refused.value.key == "write.read_only"
    assert target.read_text() == "keep"


def test_a_folder_where_the_file_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.json").mkdir()
    with pytest.raises(Failure) as refused:
        write_file(tmp_path / "out.json", "x")
    assert refused.value.key == "write.not_a_file"
    assert (tmp_path / "out.json").is_dir()


def test_a_missing_folder_is_named_with_its_cause(tmp_path: Path) -> None:
    with pytest.raises(Failure) as refused:
        write_file(tmp_path / "missing" / "out.json", "x")
    assert refused.value.key == "error.cannot_write"
    assert reason(refused) == "oserror.ENOENT"


def test_a_name_too_long_for_the_file_system_is_refused_up_front(tmp_path: Path) -> None:
    with pytest.raises(Failure) as refused:
        write_file(tmp_path / ("a" * 300 + ".json"), "x")
    assert reason(refused) == "oserror.ENAMETOOLONG"
    assert names(tmp_path) == []


def test_the_longest_name_that_fits_is_written(tmp_path: Path) -> None:
    longest = "a" * (os.pathconf(tmp_path, "PC_NAME_MAX") - len(".json")) + ".json"
    write_file(tmp_path / longest, "x")
    assert names(tmp_path) == [longest]


@pytest.mark.parametrize(
    ("code", "step"),
    [
        (errno.ENOSPC, "fsync"),
        (errno.EACCES, "replace"),
        (errno.EIO, "write"),
    ],
)
def test_a_failure_at_any_step_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, step: str
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old")

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    if step == "fsync":
        monkeypatch.setattr(os, "fsync", crash)
    elif step == "replace":
        monkeypatch.setattr(Path, "replace", crash)
    else:
        monkeypatch.setattr(os, "fdopen", crash)
    with pytest.raises(Failure) as failed:
        write_file(target, "new")
    assert reason(failed) == f"oserror.{errno.errorcode[code]}"
    assert target.read_text() == "old"
    assert names(tmp_path) == ["plan.yaml"]


def test_create_new_never_replaces_a_file(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("mine")
    with pytest.raises(Failure) as refused:
        create_new(tmp_path / "x.yaml", "theirs")
    assert refused.value.key == "new.exists"
    assert (tmp_path / "x.yaml").read_text() == "mine"
    assert names(tmp_path) == ["x.yaml"]


def test_the_folder_lock_leaves_nothing_in_the_folder(tmp_path: Path) -> None:
    with folder_lock(tmp_path, on_wait=lambda: None):
        pass
    assert names(tmp_path) == []


def test_a_held_lock_is_waited_for_with_a_message_then_given_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.3)
    waited: list[bool] = []
    with folder_lock(tmp_path, on_wait=lambda: None):
        started = time.monotonic()
        with pytest.raises(Failure) as gave_up, folder_lock(tmp_path, lambda: waited.append(True)):
            pass
    assert waited == [True]
    assert gave_up.value.key == "write.lock_timeout"
    assert time.monotonic() - started >= 0.3


def test_a_lock_released_while_waiting_is_taken(tmp_path: Path) -> None:
    import fcntl

    holder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    threading.Timer(0.2, os.close, (holder,)).start()
    waited: list[bool] = []
    with folder_lock(tmp_path, on_wait=lambda: waited.append(True)):
        pass
    assert waited == [True]
