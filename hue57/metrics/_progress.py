"""How far each target has come from its base toward its target, as a share (the gap chart's bar)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def progress(assessed: pd.DataFrame) -> pd.Series:
    """(latest − base) / (target − base) per row of `assess`, 1 when met, NaN when it cannot be told.

    The same formula serves ranks: both differences are negative when a rank improves toward a
    smaller target, so the share is positive. Moving away gives a negative share (shown as 0 with its
    status); a single value, no data or a qualitative target gives NaN.
    """
    latest = assessed["latest_value"].to_numpy(dtype=float)
    base = assessed["base_value"].to_numpy(dtype=float)
    target = assessed["target_value"].to_numpy(dtype=float)
    span = target - base
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where((span != 0) & (assessed["base_year"] != assessed["latest_year"]).to_numpy(bool, na_value=False),
                         (latest - base) / span, np.nan)
    share = np.where(assessed["status"].to_numpy() == "met", 1.0, share)
    return pd.Series(share, index=assessed.index, name="progress", dtype="float64")
