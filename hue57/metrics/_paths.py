"""Trajectories for charts: actual points, the required path, the projection and the target, long form.

One frame, columns ``code, horizon, year, series, value``; ``series`` is one of ``SERIES`` and rows
come in the targets' order, then series order, then year. Qualitative targets have no trajectory.

* ``actual``: every numeric actual of the row's indicator up to `as_of_year` (last row wins per year).
* ``required``: each year from ``base_year`` to the horizon along the required rate (compound for
  ``cagr``, straight for ``linear``), the last point exactly ``target_value``; only where the required
  rate exists (so also for a single actual, which is its own base).
* ``projection``: each year from ``latest_year`` to the horizon at the observed rate, clipped like
  ``projected_value``; just the latest point when ``latest_year >= horizon``; none without a rate.
* ``target``: one point at the horizon with ``target_value`` (none while the target is unknown).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from hue57.metrics._assess import actual_series, assess, project

SERIES = ("actual", "required", "projection", "target")
COLUMNS = ("code", "horizon", "year", "series", "value")


def paths(targets: pd.DataFrame, actuals: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    """Long-form trajectories (``code, horizon, year, series, value``) of every numeric target row."""
    rows = assess(targets, actuals, as_of_year)
    numeric = rows["comparator"].to_numpy(dtype=object) != "qualitative"
    pieces = [
        _actual_points(rows, numeric, actuals, as_of_year),
        _required_path(rows, numeric),
        _projection(rows, numeric),
        _target_point(rows, numeric),
    ]
    out = pd.concat(pieces, ignore_index=True)
    out = out.sort_values(["_row", "_series", "year"], kind="stable").drop(columns=["_row", "_series"])
    return out.reset_index(drop=True)


def _frame(rows: pd.DataFrame, row: np.ndarray, year: np.ndarray, value: np.ndarray, series: str) -> pd.DataFrame:
    return pd.DataFrame({
        "code": rows["code"].to_numpy(dtype=object)[row],
        "horizon": rows["horizon"].to_numpy(dtype=np.int64)[row],
        "year": year.astype(np.int64),
        "series": series,
        "value": value.astype(float),
        "_row": row,
        "_series": SERIES.index(series),
    }).astype({"code": "str", "series": "str"})


def _inclusive_ranges(start: np.ndarray, stop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each i, the integers start[i]..stop[i] inclusive: (index i repeated, the integers)."""
    count = np.maximum(stop - start + 1, 0)
    owner = np.repeat(np.arange(len(start)), count)
    first = np.repeat(np.cumsum(count) - count, count)
    return owner, start[owner] + (np.arange(count.sum()) - first)


def _actual_points(rows: pd.DataFrame, numeric: np.ndarray, actuals: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    series, _ = actual_series(actuals, as_of_year)
    ids = series.lookup_ids(rows["indicator"].to_numpy(dtype=object))
    ids = np.where(numeric, ids, -1)
    start = np.searchsorted(series.key, ids * series.span, side="left")
    stop = np.searchsorted(series.key, (ids + 1) * series.span, side="left")
    stop = np.where(ids >= 0, stop, start)
    row, pos = _inclusive_ranges(start, stop - 1)
    return _frame(rows, row, series.year[pos], series.value[pos], "actual")


def _required_path(rows: pd.DataFrame, numeric: np.ndarray) -> pd.DataFrame:
    req = rows["required_rate"].to_numpy(dtype=float)
    ok = numeric & np.isfinite(req)
    idx = np.flatnonzero(ok)
    base_year = rows["base_year"].to_numpy(dtype=float, na_value=np.nan)[idx].astype(np.int64)
    horizon = rows["horizon"].to_numpy(dtype=np.int64)[idx]
    owner, year = _inclusive_ranges(base_year, horizon)
    row = idx[owner]
    base = rows["base_value"].to_numpy(dtype=float)[row]
    rate = req[row]
    steps = (year - base_year[owner]).astype(float)
    cagr = rows["rate_kind"].to_numpy(dtype=object)[row] == "cagr"
    value = np.where(cagr, base * (1.0 + rate) ** steps, base + rate * steps)
    value = np.where(year == horizon[owner], rows["target_value"].to_numpy(dtype=float)[row], value)
    return _frame(rows, row, year, value, "required")


def _projection(rows: pd.DataFrame, numeric: np.ndarray) -> pd.DataFrame:
    obs = rows["observed_rate"].to_numpy(dtype=float)
    idx = np.flatnonzero(numeric & np.isfinite(obs))
    latest_year = rows["latest_year"].to_numpy(dtype=float, na_value=np.nan)[idx].astype(np.int64)
    horizon = rows["horizon"].to_numpy(dtype=np.int64)[idx]
    owner, year = _inclusive_ranges(latest_year, np.maximum(horizon, latest_year))
    row = idx[owner]
    unit = rows["unit"].iloc[row]
    value = project(
        rows["latest_value"].to_numpy(dtype=float)[row],
        obs[row],
        rows["rate_kind"].to_numpy(dtype=object)[row] == "cagr",
        (year - latest_year[owner]).astype(float),
        unit.str.startswith("%").to_numpy(dtype=bool),
        (unit == "rank").to_numpy(dtype=bool),
    )
    return _frame(rows, row, year, value, "projection")


def _target_point(rows: pd.DataFrame, numeric: np.ndarray) -> pd.DataFrame:
    target = rows["target_value"].to_numpy(dtype=float)
    row = np.flatnonzero(numeric & np.isfinite(target))
    return _frame(rows, row, rows["horizon"].to_numpy(dtype=np.int64)[row], target[row], "target")
