"""Unusable environments give one clear message and an exit code, never a traceback.

These run nsclt as its own process, since what is tested is the process's standard
streams and exit status.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, PLANS

NSCLT = [sys.executable, "-m", "nsclt"]


def nsclt(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*NSCLT, *args, "--plans", str(PLANS), "--as-of", AS_OF],
        env=environment,
        capture_output=kwargs.pop("capture_output", True),
        timeout=60,
        **kwargs,
    )


def test_a_reader_that_goes_away_ends_the_run_quietly() -> None:
    process = subprocess.Popen(
        [*NSCLT, "status", "viet-nam", "--all", "--explain", "--plans", str(PLANS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # like `| head -c 10`
    assert process.wait(timeout=60) == 0
    with process.stderr:
        assert process.stderr.read() == b""


def test_a_full_disk_behind_standard_output_is_a_message() -> None:
    with Path("/dev/full").open("wb") as full:
        done = nsclt("status", "quang-ninh", stdout=full, capture_output=False, stderr=-1)
    assert done.returncode == 1
    assert b"cannot write to standard output: no space left" in done.stderr
    assert b"Traceback" not in done.stderr


def test_a_closed_standard_output_is_a_message_not_a_silent_success() -> None:
    done = subprocess.run(
        [*NSCLT, "status", "quang-ninh", "--plans", str(PLANS)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 1
    assert b"standard output is closed" in done.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_encoding_that_cannot_hold_vietnamese_is_transliterated(encoding: str) -> None:
    done = nsclt("status", "quang-ninh", "--lang", "vi", env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 0
    assert b"Quang Ninh" in done.stdout
    done.stdout.decode(encoding)  # every byte is of the terminal's encoding
    assert done.stderr == b""


def test_no_home_folder_and_no_cache_setting_still_answers() -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ("HOME", "NSCLT_CACHE_DIR")}
    environment.pop("XDG_CACHE_HOME", None)
    done = subprocess.run(
        [*NSCLT, "status", "quang-ninh", "--plans", str(PLANS), "--as-of", AS_OF],
        env=environment,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def on_a_terminal(*args: str, env: dict[str, str] | None = None) -> bytes:
    """What nsclt writes to a pseudo-terminal."""
    import pty

    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", **(env or {})}
    environment.pop("NO_COLOR", None)
    environment.update(env or {})
    command = [*NSCLT, *args, "--plans", str(PLANS), "--as-of", AS_OF]
    output = bytearray()

    def read(fd: int) -> bytes:
        data = os.read(fd, 1024)
        output.extend(data)
        return data

    pid, fd = pty.fork()
    if pid == 0:  # the child: run nsclt on the terminal
        os.execvpe(command[0], command, environment)
    while True:
        try:
            if not read(fd):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    return bytes(output)


def test_a_terminal_gets_colours() -> None:
    assert b"\x1b[" in on_a_terminal("status", "lang-son")


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("status", "lang-son"), {"NO_COLOR": "1"}),
        (("status", "lang-son", "--color", "never"), {}),
        (("status", "lang-son"), {"TERM": "dumb"}),
        (("--color", "never", "list"), {}),
    ],
)
def test_no_escape_code_at_all_when_asked_for_none(
    args: tuple[str, ...], env: dict[str, str]
) -> None:
    assert b"\x1b" not in on_a_terminal(*args, env=env)


def test_an_explicit_colour_wins_over_no_color() -> None:
    done = nsclt("status", "lang-son", "--color", "always", env={"NO_COLOR": "1"})
    assert b"\x1b[" in done.stdout
