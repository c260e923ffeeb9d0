"""Start-up cost of nsclt next to the bare cost of importing its dependencies.

Runs each command alternately, so that all see the same machine state, and prints the
median wall time of each and its ratio to the baseline:

    python benchmarks/startup.py --runs 30

With ``--against REV`` the same commands also run from a checkout of REV (a git worktree
made for the run and removed after it), side by side with the working tree, so a change's
cost is measured in one run on one machine:

    python benchmarks/startup.py --runs 30 --against HEAD~1
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = [sys.executable, "-c", "import typer, pydantic, yaml, rich.table"]
ARGUMENTS = {
    "status quang-ninh": ["status", "quang-ninh", "--as-of", "2026-11-21"],
    "validate plans/": ["validate", "plans/"],
    "--version": ["--version"],
}


def wall_time(command: list[str], source: Path | None) -> float:
    environment = dict(os.environ)
    # Installed, nsclt runs from byte-code compiled once; so does every build measured here.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    if source is not None:
        environment["PYTHONPATH"] = str(source)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True, env=environment)
    return time.perf_counter() - start


@contextlib.contextmanager
def checkout(revision: str) -> Iterator[Path]:
    """The ``src`` folder of ``revision``, checked out in a temporary git worktree."""
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(tree), revision],
            cwd=ROOT,
            check=True,
        )
        try:
            yield tree / "src"
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT)


def measure(commands: dict[str, tuple[list[str], Path | None]], runs: int) -> None:
    for command, source in commands.values():
        wall_time(command, source)  # warm the file cache, byte-code and plan cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, source) in commands.items():
            times[name].append(wall_time(command, source))
    baseline = statistics.median(next(iter(times.values())))
    print(f"{runs} alternating runs, Python {sys.version.split()[0]}")
    print(f"{'command':<52} {'median ms':>10} {'ratio':>7}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:<52} {median * 1000:>10.1f} {median / baseline:>7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--against", metavar="REV", help="also time the build of this revision")
    options = parser.parse_args()
    nsclt = [sys.executable, "-m", "nsclt"]
    with contextlib.ExitStack() as stack:
        builds = {"nsclt": ROOT / "src"}
        if options.against:
            builds = {
                f"{options.against}:": stack.enter_context(checkout(options.against)),
                "nsclt": ROOT / "src",
            }
        commands: dict[str, tuple[list[str], Path | None]] = {
            "baseline: import typer, pydantic, yaml, rich.table": (BASELINE, None)
        }
        for label, arguments in ARGUMENTS.items():
            for build, source in builds.items():
                commands[f"{build} {label}"] = ([*nsclt, *arguments], source)
        measure(commands, options.runs)


if __name__ == "__main__":
    main()
