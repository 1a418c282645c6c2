"""Benchmark: `metrics.assess` on 1,000,000 actual rows against one DuckDB SQL query doing the same job.

50,000 synthetic targets × 20 years of actuals (seeded), mixed comparators (>=, >, <=, < on ranks and
percentages, between, relative-to-a-year, qualitative), missing values, zero/negative values, data after
`as_of`. Prints the median of 3 timings of each, their ratio (assess / duckdb) and how many of the
50,000 statuses the two agree on. Run: `.venv/bin/python bench/metrics.py`.

The SQL is an independent transcription of the gap method (see hue57/metrics/_assess.py), so the
agreement count doubles as a cross-check. (Synthetic (code, year) pairs are unique, so "last row wins"
needs no row order here.)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hue57.metrics import assess  # noqa: E402

N_TARGETS = 50_000
YEARS = np.arange(2006, 2026)
AS_OF = 2023
SEED = 57
STATUSES = ("met", "on_track", "moderate", "insufficient", "regressing")


def synthetic(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(targets, actuals): N_TARGETS targets, one indicator each, len(YEARS) yearly actuals per indicator."""
    rng = np.random.default_rng(seed)
    n, k = N_TARGETS, len(YEARS)
    code = np.array([f"S{i:05d}" for i in range(n)], dtype=object)
    kind = rng.choice(["pct_ge", "cnt_ge", "cnt_gt", "rank_le", "rank_lt", "between", "relative", "signed", "qual"],
                      size=n, p=[0.30, 0.14, 0.05, 0.18, 0.04, 0.10, 0.06, 0.08, 0.05])
    comparator = np.select(
        [np.isin(kind, ["pct_ge", "cnt_ge", "relative", "signed"]), kind == "cnt_gt", kind == "rank_le",
         kind == "rank_lt", kind == "between"],
        [">=", ">", "<=", "<", "between"], default="qualitative")
    unit = np.select([kind == "pct_ge", np.isin(kind, ["rank_le", "rank_lt"]), kind == "between"],
                     ["%", "rank", "%"], default="count")
    horizon = rng.choice([2030, 2045], size=n, p=[0.8, 0.2])

    # trajectories: level × growth^t for positive series; ranks and signed series move linearly
    start = np.select([kind == "pct_ge", np.isin(kind, ["rank_le", "rank_lt"]), kind == "between", kind == "signed"],
                      [rng.uniform(5, 90, n), rng.integers(1, 64, n).astype(float), rng.uniform(1, 20, n),
                       rng.uniform(-50, 50, n)],
                      default=rng.uniform(1, 1000, n))
    growth = rng.normal(0.04, 0.08, n)
    step = rng.normal(0, 3, n)
    t = np.arange(k)
    noise = rng.normal(1, 0.03, (n, k))
    compound = start[:, None] * (1 + growth[:, None]) ** t[None, :] * noise
    linear = start[:, None] + step[:, None] * t[None, :] + rng.normal(0, 1, (n, k))
    is_linear = np.isin(kind, ["rank_le", "rank_lt", "signed"])
    values = np.where(is_linear[:, None], linear, compound)
    values = np.where(np.isin(kind, ["rank_le", "rank_lt"])[:, None], np.clip(np.round(values), 1, None), values)
    values = np.where((unit == "%")[:, None], np.clip(values, 0, 100), values)
    values[rng.random((n, k)) < 0.15] = np.nan                       # gaps
    late = rng.random(n) < 0.03                                       # data only after as_of → no_data
    values[late, : k - 2] = np.nan
    lone = rng.random(n) < 0.03                                       # a single point → insufficient_data
    values[lone, :-4] = np.nan
    values[lone, -3:] = np.nan
    values[kind == "qual"] = np.nan
    zeroes = rng.random(n) < 0.02                                     # zero base → linear
    values[zeroes, -8:-6] = 0.0

    lo = np.select(
        [kind == "pct_ge", np.isin(kind, ["rank_le", "rank_lt"]), kind == "between", kind == "relative"],
        [rng.uniform(10, 100, n), rng.integers(1, 20, n).astype(float), rng.uniform(5, 15, n), rng.uniform(1.1, 2, n)],
        default=rng.uniform(1, 3000, n))
    value = np.where(kind == "qual", np.nan, lo)
    value_hi = np.where(kind == "between", lo + rng.uniform(1, 5, n), np.nan)
    relative_to = pd.array(np.where(kind == "relative", rng.choice([2015, 2020], n), 0), dtype="Int64")
    relative_to[kind != "relative"] = pd.NA
    indicator = np.full(n, "", dtype=object)
    restate = rng.random(n) < 0.01                                    # re-stated indicators (like rows 26–28)
    indicator[restate] = code[rng.integers(0, n, restate.sum())]

    targets = pd.DataFrame({
        "tid": np.arange(n), "code": pd.array(code, dtype="str"), "horizon": horizon,
        "comparator": pd.array(comparator, dtype="str"), "value": value, "value_hi": value_hi,
        "unit": pd.array(unit, dtype="str"), "relative_to": relative_to, "indicator": pd.array(indicator, dtype="str"),
    })
    status = rng.choice(np.array([*STATUSES, None], dtype=object), size=(n, k))
    status[kind != "qual"] = None
    actuals = pd.DataFrame({
        "code": pd.array(np.repeat(code, k), dtype="str"),
        "year": np.tile(YEARS, n).astype(np.int64),
        "value": values.ravel(),
        "status": pd.array(status.ravel(), dtype="str"),
    })
    return targets, actuals


SQL = """
WITH
t AS (
    SELECT tid, code, horizon, comparator, value, value_hi, unit, relative_to,
           coalesce(nullif(trim(indicator), ''), code) AS ind
    FROM targets
),
a AS (SELECT code, year, value FROM actuals WHERE year <= $as_of AND isfinite(value)),
lat AS (SELECT code, max(year) AS ly, arg_max(value, year) AS lv FROM a GROUP BY code),
bs AS (
    SELECT a.code, min(a.year) AS by_, arg_min(a.value, a.year) AS bv
    FROM a JOIN lat USING (code) WHERE a.year >= lat.ly - 5 GROUP BY a.code
),
q AS (
    SELECT code, arg_max(lower(trim(status)), year) AS qs FROM actuals
    WHERE year <= $as_of AND lower(trim(status)) IN ('met', 'on_track', 'moderate', 'insufficient', 'regressing')
    GROUP BY code
),
j AS (
    SELECT t.*, lat.ly, lat.lv, bs.by_, bs.bv, q.qs,
           t.value * CASE WHEN t.relative_to IS NULL THEN 1.0 ELSE r.value END AS lo,
           t.value_hi * CASE WHEN t.relative_to IS NULL THEN 1.0 ELSE r.value END AS hi
    FROM t
    LEFT JOIN lat ON lat.code = t.ind
    LEFT JOIN bs ON bs.code = t.ind
    LEFT JOIN a r ON r.code = t.ind AND r.year = t.relative_to
    LEFT JOIN q ON q.code = t.ind
),
k AS (
    SELECT *,
           CASE WHEN comparator = 'between' THEN
                CASE WHEN lv < lo THEN lo WHEN lv > hi THEN hi ELSE lv END
                ELSE lo END AS tv,
           CASE WHEN comparator IN ('>=', '>') OR (comparator = 'between' AND lv < lo) THEN 1.0 ELSE -1.0 END AS d
    FROM j
),
m AS (
    SELECT *,
           coalesce(CASE comparator
               WHEN '>=' THEN lv >= tv - 1e-9 * greatest(abs(lv), abs(tv))
               WHEN '>' THEN lv > tv + 1e-9 * greatest(abs(lv), abs(tv))
               WHEN '<=' THEN lv <= tv + 1e-9 * greatest(abs(lv), abs(tv))
               WHEN '<' THEN lv < tv - 1e-9 * greatest(abs(lv), abs(tv))
               WHEN 'between' THEN lv >= lo - 1e-9 * greatest(abs(lv), abs(lo))
                               AND lv <= hi + 1e-9 * greatest(abs(lv), abs(hi))
           END, false) AS met,
           (bv > 0 AND lv > 0 AND tv > 0 AND unit <> 'rank') AS cagr
    FROM k
),
r AS (
    SELECT *,
           CASE WHEN ly > by_ THEN
                CASE WHEN cagr THEN pow(lv / bv, 1.0 / (ly - by_)) - 1 ELSE (lv - bv) / (ly - by_) END
           END AS obs,
           CASE WHEN horizon > by_ THEN
                CASE WHEN cagr THEN pow(tv / bv, 1.0 / (horizon - by_)) - 1 ELSE (tv - bv) / (horizon - by_) END
           END AS req
    FROM m
),
s AS (SELECT *, coalesce(req * d > 0, false) AS usable,
             CASE WHEN req * d > 0 THEN round(obs / req, 9) END AS r9 FROM r)
SELECT tid,
       CASE
           WHEN comparator = 'qualitative' THEN coalesce(qs, 'no_data')
           WHEN ly IS NULL THEN 'no_data'
           WHEN met THEN 'met'
           WHEN tv IS NULL OR by_ = ly THEN 'insufficient_data'
           WHEN usable AND r9 >= 0.95 THEN 'on_track'
           WHEN usable AND r9 >= 0.60 THEN 'moderate'
           WHEN usable AND r9 >= 0 THEN 'insufficient'
           WHEN usable THEN 'regressing'
           WHEN obs * d < 0 THEN 'regressing'
           ELSE 'insufficient'
       END AS status,
       ly AS latest_year, lv AS latest_value, tv AS target_value, by_ AS base_year, bv AS base_value,
       obs AS observed_rate, req AS required_rate, CASE WHEN usable THEN obs / req END AS ratio
FROM s
ORDER BY tid
"""


def median_seconds(fn, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    targets, actuals = synthetic()
    print(f"targets {len(targets):,}  actual rows {len(actuals):,}  as_of {AS_OF}")
    con = duckdb.connect()
    con.register("targets", targets)
    con.register("actuals", actuals)

    t_assess, ours = median_seconds(lambda: assess(targets, actuals, AS_OF))
    t_duck, theirs = median_seconds(lambda: con.execute(SQL, {"as_of": AS_OF}).df())

    agree = int((ours["status"].to_numpy(dtype=object) == theirs["status"].to_numpy(dtype=object)).sum())
    print(f"assess        median of 3: {t_assess * 1000:8.1f} ms")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    print(f"duckdb SQL    median of 3: {t_duck * 1000:8.1f} ms  (duckdb {duckdb.__version__}, {threads} threads)")
    print(f"ratio assess / duckdb: {t_assess / t_duck:.2f}x  (goal ≤ 3x)")
    print(f"status agreement: {agree:,} / {len(ours):,}")
    print("statuses:", ours["status"].value_counts().to_dict())
    if agree != len(ours):
        diff = ours.assign(sql=theirs["status"].to_numpy())[ours["status"].to_numpy() != theirs["status"].to_numpy()]
        print(diff.head(10).to_string())
        raise SystemExit(1)


if __name__ == "__main__":
    main()
