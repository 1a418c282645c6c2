"""Narrowing the task table to what a reader chose (group, agency, status, due year)."""

from __future__ import annotations

import pandas as pd


def filter_tasks(table: pd.DataFrame, *, group: str = "", agency: str = "", status: str = "",
                 due_year: str = "") -> pd.DataFrame:
    """The rows matching every non-empty filter ('' means all)."""
    keep = pd.Series(True, index=table.index)
    if group:
        keep &= table["group"].astype(str) == group
    if agency:
        keep &= table["lead_current"].map(lambda ids: agency in ids)
    if status:
        keep &= table["status"] == status
    if due_year:
        keep &= table["due_date"].dt.year.astype("Int64").astype("string") == due_year
    return table[keep.fillna(False)]

