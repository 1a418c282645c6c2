"""Benchmark: how long each hostile upload of tests/test_import_hostile_files.py takes to be answered
(parse + validate against the plan), against the same for the shipped good template in the same run.

    .venv/bin/python bench/hostile.py [--repeat 3]

The goal (issues 17, 21): every upload of at most 5 MB answers within 10 s, parsed by a worker whose address
space peaks at most at 600 MB, while this process (the server's place) keeps its memory. Prints the best of
`repeat` runs per file, its ratio to the baseline, the worker's peak (VmPeak; "killed" when a limit stopped
it), the slowest file and this process's RSS before and after.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hue57 import ingest, store  # noqa: E402
from tests.test_import_hostile_files import hostile_files  # noqa: E402


def _best(data: bytes, name: str, targets, tasks, repeat: int) -> tuple[float, str]:
    times, peak = [], "killed"
    for _ in range(repeat):
        start = time.perf_counter()
        parsed = ingest.parse_upload(data, name)
        ingest.validate(parsed, targets, "vi", tasks=tasks)
        times.append(time.perf_counter() - start)
        if parsed.peak_mb:
            peak = f"{parsed.peak_mb['VmPeak']:.0f} MB"
    return min(times), peak


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    targets, tasks = store.read_plan_targets(), store.read_plan_tasks()
    baseline_file = ROOT / "tests" / "data" / "good" / "template_filled.xlsx"
    files = sorted(hostile_files().items())  # generated before the memory is measured
    baseline, peak = _best(baseline_file.read_bytes(), baseline_file.name, targets, tasks, args.repeat)
    rss = _rss_mb()
    print(f"baseline  {baseline_file.name:36s} {baseline * 1000:8.0f} ms  worker peak {peak}")
    slowest = ("", 0.0)
    for name, data in files:
        took, peak = _best(data, name, targets, tasks, args.repeat)
        slowest = max(slowest, (name, took), key=lambda x: x[1])
        print(f"hostile   {name:36s} {took * 1000:8.0f} ms  {took / baseline:6.1f}× baseline  "
              f"({len(data) / 1024:,.0f} KB)  worker peak {peak}")
    print(f"slowest: {slowest[0]} in {slowest[1]:.2f} s (goal: under 10 s)")
    print(f"this process's RSS: {rss:.0f} MB after the baseline, {_rss_mb():.0f} MB after every file (goal: +50 MB)")


if __name__ == "__main__":
    main()
