"""How far each target has come from its base toward its target, as a share (the gap chart's bar)."""

from __future__ import annotations

import numpy as np
import pandas as pd

NOT_MET_CAP = 0.99


def progress(assessed: pd.DataFrame) -> pd.Series:
    """(latest − base) / (target − base) per row of `assess`, within [0, 1]; NaN when it cannot be told.

    The same formula serves ranks: both differences are negative when a rank improves toward a
    smaller target, so the share is positive. Moving away counts as 0; only a met target is 1 — a
    target not met stays below a full bar (at most `NOT_MET_CAP`) even when its base had already
    passed the target. A single value, no data or a qualitative target gives NaN.
    """
    latest = assessed["latest_value"].to_numpy(dtype=float)
    base = assessed["base_value"].to_numpy(dtype=float)
    target = assessed["target_value"].to_numpy(dtype=float)
    span = target - base
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where((span != 0) & (assessed["base_year"] != assessed["latest_year"]).to_numpy(bool, na_value=False),
                         (latest - base) / span, np.nan)
    met = assessed["status"].to_numpy() == "met"
    share = np.where(met, 1.0, np.clip(share, 0.0, NOT_MET_CAP))
    return pd.Series(share, index=assessed.index, name="progress", dtype="float64")
