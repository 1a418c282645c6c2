"""Benchmark: how long each hostile upload of tests/test_import_hostile_files.py takes to be answered
(parse + validate against the plan), against the same for the shipped good template in the same run.

    .venv/bin/python bench/hostile.py [--repeat 3]

The goal (issue 17): every upload of at most 5 MB answers within 10 s. Prints the best of `repeat` runs
per file, its ratio to the baseline, and the slowest file.
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


def _best(data: bytes, name: str, targets, tasks, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        ingest.check_file(data, name, targets, "vi", tasks=tasks)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    targets, tasks = store.read_plan_targets(), store.read_plan_tasks()
    baseline_file = ROOT / "tests" / "data" / "good" / "template_filled.xlsx"
    baseline = _best(baseline_file.read_bytes(), baseline_file.name, targets, tasks, args.repeat)
    print(f"baseline  {baseline_file.name:32s} {baseline * 1000:8.0f} ms")
    slowest = ("", 0.0)
    for name, data in sorted(hostile_files().items()):
        took = _best(data, name, targets, tasks, args.repeat)
        slowest = max(slowest, (name, took), key=lambda x: x[1])
        print(f"hostile   {name:32s} {took * 1000:8.0f} ms  {took / baseline:6.1f}× baseline  "
              f"({len(data) / 1024:,.0f} KB)")
    print(f"slowest: {slowest[0]} in {slowest[1]:.2f} s (goal: under 10 s)")


if __name__ == "__main__":
    main()
