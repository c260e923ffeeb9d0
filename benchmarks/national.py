"""nsclt at the scale of the whole country and beyond, next to the YAML parser's own cost.

Generates a synthetic corpus shaped like a real plans folder, only fuller (40 indicators,
20 years, four phases and 800 results per province, about 170 KB a file), for each size
asked, and runs side by side, alternately, in one process tree:

- the floor: loading every file with PyYAML's ``CSafeLoader`` in one process;
- ``nsclt validate`` on the folder;
- ``nsclt list`` cold (an empty plan cache) and warm, ``nsclt status`` and ``nsclt report``
  (HTML) of one province, and ``nsclt site`` of them all;
- check-jsonschema with the shipped schema and yamllint, when they are installed;

reporting for each the median wall time, its ratio to the floor, and the largest peak
resident memory of its runs, measured from the child process itself (``wait4``)::

    python benchmarks/national.py --sizes 34 170 340 --runs 5

The corpus is invented and says so in every file; it is written to a temporary folder and
removed after the run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INDICATORS = 40
FIRST_YEAR, LAST_YEAR = 2006, 2025
PHASES = [(2006, 2010), (2011, 2015), (2016, 2020), (2021, 2025)]
AS_OF = "2026-11-21"
ROOT = Path(__file__).resolve().parents[1]

FLOOR = (
    "import pathlib, sys, yaml\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
    "    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


def plan_text(number: int) -> str:
    """One invented province: every indicator has a baseline and a target in each phase and a
    result every year."""
    lines = [
        "# Invented for benchmarks/national.py: not a real province, plan or figure.",
        "format: 1",
        f"name: Tỉnh Thử {number:04}",
        "scope: province",
        "sources:",
        "  - {id: bao-cao, title: Báo cáo tổng hợp (bịa cho đo hiệu năng), date: 2026-01-15}",
        "indicators:",
    ]
    for i in range(INDICATORS):
        lines.append(
            f"  - {{id: chi_tieu_{i:02}, name: Chỉ tiêu thử số {i:02} của kế hoạch,"
            " unit: doanh nghiệp, direction: increase, kind: level, value_type: count}"
        )
    lines += [
        "plans:",
        "  - id: ke-hoach",
        "    title: Kế hoạch thử nâng cao năng suất chất lượng 2006–2025",
        "    agency: Sở Khoa học và Công nghệ",
        f"    start: {FIRST_YEAR}",
        f"    end: {LAST_YEAR}",
        "    phases:",
    ]
    for start, end in PHASES:
        lines += [
            f"      - id: {start}-{end}",
            f"        start: {start}",
            f"        end: {end}",
            "        baselines:",
        ]
        lines += [
            f"          - {{indicator: chi_tieu_{i:02}, year: {start - 1},"
            f" value: {10 + i + start - FIRST_YEAR}, source: bao-cao}}"
            for i in range(INDICATORS)
        ]
        lines.append("        targets:")
        lines += [
            f"          - {{indicator: chi_tieu_{i:02}, at_least: {20 + i + end - FIRST_YEAR},"
            " source: bao-cao}"
            for i in range(INDICATORS)
        ]
    lines.append("    results:")
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        lines += [
            f"      - {{indicator: chi_tieu_{i:02}, year: {year},"
            f" value: {10 + i + year - FIRST_YEAR}, source: bao-cao,"
            f" quote: 'Năm {year}, chỉ tiêu thử số {i:02} đạt {10 + i + year - FIRST_YEAR}"
            " doanh nghiệp (số liệu bịa)'}"
            for i in range(INDICATORS)
        ]
    return "\n".join(lines) + "\n"


def generate(folder: Path, provinces: int) -> None:
    for number in range(provinces):
        (folder / f"tinh-thu-{number:04}.yaml").write_text(plan_text(number), encoding="utf-8")


def run(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1, 2):  # 1, 2: problems found (yamllint: style)
        raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def measure(provinces: int, runs: int) -> None:
    nsclt = [sys.executable, "-m", "nsclt"]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "plans"
        folder.mkdir()
        generate(folder, provinces)
        size = sum(path.stat().st_size for path in folder.iterdir())
        environment = dict(os.environ)
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        warm_cache = Path(scratch) / "cache-warm"
        cold_cache = Path(scratch) / "cache-cold"

        def fresh_cache() -> dict[str, str]:
            for entry in cold_cache.glob("*"):
                entry.unlink()
            return {**environment, "NSCLT_CACHE_DIR": str(cold_cache)}

        warm = {**environment, "NSCLT_CACHE_DIR": str(warm_cache)}
        plans = ["--plans", str(folder), "--as-of", AS_OF]
        commands = {
            "floor: CSafeLoader, every file": ([sys.executable, "-c", FLOOR, str(folder)], None),
            "nsclt validate": ([*nsclt, "validate", str(folder)], None),
            "nsclt list, cold cache": ([*nsclt, "list", *plans], fresh_cache),
            "nsclt list, warm cache": ([*nsclt, "list", *plans], warm),
            "nsclt status, warm cache": ([*nsclt, "status", "tinh-thu-0000", *plans], warm),
            "nsclt report, warm cache": (
                [*nsclt, "report", "tinh-thu-0000", *plans, "-o", str(Path(scratch) / "r.html")],
                warm,
            ),
            "nsclt site, warm cache": (
                [*nsclt, "site", *plans, "-o", str(Path(scratch) / "site")],
                warm,
            ),
        }
        # Other validators, when installed (pip install check-jsonschema yamllint): the same
        # files against the shipped schema, and YAML linted with its default rules.
        files = [str(path) for path in sorted(folder.iterdir())]
        schema = str(ROOT / "schema" / "plan.schema.json")
        for name, command in (
            ("check-jsonschema", ["check-jsonschema", "--schemafile", schema, *files]),
            ("yamllint", ["yamllint", "--no-warnings", *files]),
        ):
            if shutil.which(command[0]):
                commands[name] = (command, None)
        run(commands["nsclt list, warm cache"][0], warm)  # fill the warm cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, float] = dict.fromkeys(commands, 0.0)
        for _ in range(runs):
            for name, (command, env) in commands.items():
                chosen = env() if callable(env) else env or environment
                elapsed, peak = run(command, chosen)
                times[name].append(elapsed)
                peaks[name] = max(peaks[name], peak)
        cache = sum(path.stat().st_size for path in warm_cache.rglob("*") if path.is_file())
        floor = statistics.median(times["floor: CSafeLoader, every file"])
        print(
            f"\n{provinces} provinces, {size / 2**20:.1f} MiB of plans, {runs} alternating runs,"
            f" warm cache {cache / 2**20:.1f} MiB"
        )
        print(f"{'command':<32} {'median ms':>10} {'ratio':>7} {'peak MiB':>9}")
        for name, samples in times.items():
            median = statistics.median(samples)
            print(f"{name:<32} {median * 1000:>10.0f} {median / floor:>7.2f} {peaks[name]:>9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[34, 170, 340])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    print(f"Python {sys.version.split()[0]}")
    for provinces in options.sizes:
        measure(provinces, options.runs)


if __name__ == "__main__":
    main()
