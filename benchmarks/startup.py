"""Start-up cost of nsclt next to the bare cost of importing its dependencies.

Runs each command alternately, so that both see the same machine state, and
prints the median wall time of each and the ratio to the baseline:

    python benchmarks/startup.py --runs 30
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = [sys.executable, "-c", "import typer, pydantic, yaml, rich.table"]


def nsclt(*args: str) -> list[str]:
    script = shutil.which("nsclt")
    command = [script] if script else [sys.executable, "-m", "nsclt"]
    return [*command, *args]


COMMANDS = {
    "baseline: import typer, pydantic, yaml, rich.table": BASELINE,
    "nsclt status quang-ninh": nsclt("status", "quang-ninh", "--as-of", "2026-11-21"),
    "nsclt validate plans/": nsclt("validate", "plans/"),
    "nsclt --version": nsclt("--version"),
}


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    for command in COMMANDS.values():
        wall_time(command)  # warm the file cache and byte-code
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, command in COMMANDS.items():
            times[name].append(wall_time(command))
    baseline = statistics.median(next(iter(times.values())))
    print(f"{runs} alternating runs, Python {sys.version.split()[0]}")
    print(f"{'command':<52} {'median ms':>10} {'ratio':>7}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:<52} {median * 1000:>10.1f} {median / baseline:>7.2f}")


if __name__ == "__main__":
    main()
