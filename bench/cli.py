"""Benchmark: `python -m hue57 targets --format csv` against `python -c "import duckdb, pandas"` (the floor
any command pays), each a fresh interpreter, alternated so both see the same machine load.

Goal: the command ≤ 2× the floor. Prints the median wall time of each, their ratio, then where the
command's own time goes: `python -X importtime`'s cumulative import time of the packages it loads
(top level), and whether Streamlit, Altair, vl-convert or pandera were imported (they must not be).
Run: `.venv/bin/python bench/cli.py [runs]` (default 15 runs of each; a database is made in a temp dir).

Measured on the shared 2-core machine (other work running): before issue 14, 2061 ms against 884 ms
(2.33x; Altair, pandera and vl-convert loaded: ~1.5 s of the command's 2 s of imports); now 916 ms
against 725 ms (1.26x). What is left is pandas (~140 ms of its own modules), numpy (~100 ms) and
pyarrow (~45 ms), which the baseline pays too, and hue57's own modules (~30 ms).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COMMAND = [sys.executable, "-m", "hue57", "targets", "--format", "csv"]
FLOOR = [sys.executable, "-c", "import duckdb, pandas"]
HEAVY = ("streamlit", "altair", "vl_convert", "pandera", "openpyxl", "segno")


def wall(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def import_profile(env: dict) -> list[tuple[str, float]]:
    """Packages the command imports, each with the import time of its own modules in ms (the 'self' column
    of -X importtime summed by top-level package, so pandas loaded by hue57 counts as pandas), slowest first."""
    done = subprocess.run([sys.executable, "-X", "importtime", *COMMAND[1:]], cwd=ROOT, env=env, check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    own: dict[str, float] = {}
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \| \s*(\S+)", line)
        if m:
            name = m.group(2).split(".")[0]
            own[name] = own.get(name, 0.0) + int(m.group(1)) / 1000
    return sorted(own.items(), key=lambda kv: -kv[1])


def main(runs: int = 15) -> None:
    from hue57 import store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "hue57.duckdb"
        store.init(db)
        env = {**os.environ, "HUE57_DB": str(db)}
        for argv in (COMMAND, FLOOR):  # warm the file cache once
            wall(argv, env)
        command, floor = [], []
        for _ in range(runs):
            command.append(wall(COMMAND, env))
            floor.append(wall(FLOOR, env))
        profile = import_profile(env)
    c, f = statistics.median(command), statistics.median(floor)
    print(f"targets --format csv : {c * 1000:7.0f} ms (median of {runs}; min {min(command) * 1000:.0f})")
    print(f"import duckdb, pandas: {f * 1000:7.0f} ms (median of {runs}; min {min(floor) * 1000:.0f})  [baseline]")
    print(f"ratio                : {c / f:7.2f}x  (goal <= 2x)")
    print(f"imports of the command (ms of each package's own modules; -X importtime), total {sum(ms for _, ms in profile):.0f}:")
    for name, ms in profile[:12]:
        print(f"  {name:<14} {ms:7.1f}")
    loaded = {name for name, _ in profile}
    print("heavy packages imported:", ", ".join(sorted(loaded & set(HEAVY))) or "none")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
