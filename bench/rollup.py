"""Benchmark: a national roll-up read from 34 provinces' published snapshots (Parquet, one folder per province)
by DuckDB, against the same query over one DuckDB table holding all the rows (the baseline: one shared database).

Each province's snapshot is what `backup` writes, reduced to its public tables (targets, actuals): synthetic,
seeded, `--targets` target rows per province with 20 years of actuals each. The query is the roll-up a national
board needs: per province and code, the newest value up to a year, with the target, and how many are met.

    .venv/bin/python bench/rollup.py [--provinces 34] [--targets 1500]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

QUERY = """
WITH latest AS (
    SELECT province, code, arg_max(value, year) AS value, max(year) AS year
    FROM {actuals} WHERE year <= 2025 GROUP BY province, code)
SELECT t.province, count(*) AS targets, count(l.value) AS with_data,
       count(*) FILTER (WHERE l.value >= t.value) AS met
FROM {targets} t LEFT JOIN latest l USING (province, code)
GROUP BY t.province ORDER BY t.province
"""


def provinces(root: Path, n: int, per: int) -> int:
    rng = np.random.default_rng(57)
    rows = 0
    for p in range(n):
        folder = root / f"province_{p:02d}"
        folder.mkdir(parents=True)
        codes = [f"C{i}" for i in range(per)]
        pd.DataFrame({"code": codes, "value": rng.uniform(10, 90, per)}).to_parquet(folder / "targets.parquet")
        years = np.arange(2006, 2026)
        actuals = pd.DataFrame({"code": np.repeat(codes, len(years)), "year": np.tile(years, per),
                                "value": rng.uniform(0, 100, per * len(years))})
        actuals.to_parquet(folder / "actuals.parquet")
        rows += len(actuals)
    return rows


def _snapshots(pattern: str) -> str:
    """Every province's file of one table, with the province taken from its folder's name."""
    select = "SELECT regexp_extract(filename, 'province_(\\d+)', 1) AS province, * EXCLUDE filename"
    return f"({select} FROM read_parquet('{pattern}', filename = true))"  # noqa: S608 — our own temporary paths


def timed(con, sql: str, repeat: int = 5) -> tuple[float, pd.DataFrame]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = con.execute(sql).df()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--targets", type=int, default=1500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rows = provinces(root / "snapshots", args.provinces, args.targets)
        con = duckdb.connect()
        glob = str(root / "snapshots" / "*" / "{name}.parquet")
        parquet = {name: _snapshots(glob.format(name=name)) for name in ("actuals", "targets")}
        t_parquet, out = timed(con, QUERY.format(**parquet))
        for name in ("actuals", "targets"):
            con.execute(f"CREATE TABLE {name}_all AS SELECT * FROM {parquet[name]}")  # noqa: S608 — our names
        t_table, out2 = timed(con, QUERY.format(actuals="actuals_all", targets="targets_all"))
        assert out.equals(out2)
        size = sum(f.stat().st_size for f in (root / "snapshots").rglob("*.parquet"))
        print(f"{args.provinces} provinces × {args.targets:,} targets × 20 years = {rows:,} actual rows; "
              f"snapshots {size / 2**20:.1f} MiB")
        print(f"roll-up over the Parquet snapshots   median {t_parquet * 1000:7.1f} ms")
        print(f"roll-up over one DuckDB table        median {t_table * 1000:7.1f} ms  (baseline)")
        print(f"ratio snapshots / one table: {t_parquet / t_table:.2f}x")


if __name__ == "__main__":
    main()
