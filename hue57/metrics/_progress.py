"""Each target's own scale, and how far along it the latest value stands (the gap bar and the progress share).

The scale (``scale_start`` → ``scale_end``) always runs from the worse end to the better end, so a bar
drawn from the start to the latest is longer the better the value, and the target's mark is where a
full bar would end:

* a target to rise (``>=``, ``>``, ``between`` from below): from ``min(0, base, latest, target)`` to
  1.1 × the largest of base, latest, target and the band's top (a percentage stops at 100);
* a target to fall (``<=``, ``<``, ``between`` from above), not a rank: the same numbers, reversed;
* **a rank, one rule for every rank**: from ``max(2 × target, 1,25 × latest)`` (the worst place drawn) to
  first place. It depends on the target and the latest only, never on how many were ranked or on the
  base, so equal ranks against equal targets draw alike (rank 5 against top 10 is the same bar for PII
  and for DTI).

``progress``: the share of the way from the base to the target (1 only when met), **never more than the
latest value's distance to the target allows on that scale**, ``(latest − start) / (target − start)``:
a target not met whose base had already passed it reads as far as its latest value is, not nearly
full. NaN without two points, for a qualitative target, and for a row whose numbers were out of range
(``reason == "out_of_range"``: no bar is drawn for it).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

NOT_MET_CAP = 0.99
RANK_TARGET_TIMES = 2.0  # a rank's scale reaches back to twice its target …
RANK_LATEST_TIMES = 1.25  # … or further when the latest is further back


def _col(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def own_scale(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) of each row's own scale, worse end first (see the module docstring)."""
    unit = rows["unit"].astype("str").fillna("")
    rank = (unit == "rank").to_numpy(dtype=bool)
    pct = unit.str.startswith("%").to_numpy(dtype=bool)
    comparator = (rows["plan_comparator"] if "plan_comparator" in rows.columns else rows["comparator"]).astype("str")
    latest, target, base = _col(rows, "latest_value"), _col(rows, "target_value"), _col(rows, "base_value")
    top_band = np.fmax(_col(rows, "band_hi"), _col(rows, "value_hi"))
    values = np.column_stack([latest, target, base])
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # an all-NaN row (no data) gives NaN, as meant
        top = np.nanmax(np.column_stack([values, top_band]), axis=1)
        low = np.nanmin(values, axis=1)
    with np.errstate(over="ignore"):
        hi = np.where(pct & (top <= 100), np.minimum(np.maximum(top * 1.1, 1.0), 100.0), np.maximum(top * 1.1, 1e-9))
    lo = np.minimum(low, 0.0)
    falling = comparator.isin(("<=", "<")).to_numpy(dtype=bool) | (
        (comparator == "between").to_numpy(dtype=bool) & (latest > target))
    with np.errstate(over="ignore"):
        worst = np.fmax(RANK_TARGET_TIMES * target, RANK_LATEST_TIMES * latest)
    worst = np.maximum(worst, 2.0)  # first place against top 1 still has a scale
    rank = rank & falling  # a rank wanted "≥ N" (no plan writes one) is drawn like any rising value
    start = np.where(rank, worst, np.where(falling, hi, lo))
    end = np.where(rank, np.fmin(1.0, target), np.where(falling, lo, hi))  # (a target above 1st place is nonsense, but drawn)
    return start, end


def position(x: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Where `x` stands on a scale, 0 at its start (worse end) and 1 at its end, clipped to [0, 1]."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.clip((np.asarray(x, dtype=float) - start) / (end - start), 0.0, 1.0)


def allowed_share(rows: pd.DataFrame) -> np.ndarray:
    """The share of the bar up to the target that the latest value's distance to the target allows,
    ``(latest − start) / (target − start)`` on the row's own scale, within [0, 1] (NaN when unknown)."""
    start, end = own_scale(rows)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = position(_col(rows, "latest_value"), start, end) / position(_col(rows, "target_value"), start, end)
    return np.where(np.isfinite(share), np.clip(share, 0.0, 1.0), np.nan)


def progress(assessed: pd.DataFrame) -> pd.Series:
    """(latest − base) / (target − base) per row of `assess`, within [0, 1] and never above
    `allowed_share`; 1 only when met; NaN when it cannot be told (see the module docstring).

    The same formula serves ranks: both differences are negative when a rank improves toward a
    smaller target, so the share is positive. Moving away counts as 0.
    """
    latest, base, target = (_col(assessed, c) for c in ("latest_value", "base_value", "target_value"))
    span = target - base
    two_points = (assessed["base_year"] != assessed["latest_year"]).to_numpy(bool, na_value=False)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where((span != 0) & two_points, (latest - base) / span, np.nan)
    share = np.clip(share, 0.0, 1.0)
    allowed = allowed_share(assessed)
    share = np.where(np.isnan(allowed), share, np.fmin(share, allowed))
    met = assessed["status"].to_numpy() == "met"
    share = np.where(met, 1.0, np.minimum(share, NOT_MET_CAP))
    out_of_range = (assessed["reason"].astype("str") == "out_of_range").to_numpy(bool, na_value=False) \
        if "reason" in assessed.columns else np.zeros(len(assessed), dtype=bool)
    share = np.where(out_of_range, np.nan, share)
    return pd.Series(share, index=assessed.index, name="progress", dtype="float64")
