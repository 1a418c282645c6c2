"""Status counts of assessed targets per horizon, optionally per a column, and per group of the plan.

* `status_counts` is long form — ``horizon, *by, status, count`` — with a row for every status of
  `STATUS_ORDER` (zero counts included) for each horizon/`by` combination present, in that order.
* `rollup_by_group` is wide — ``horizon, group, targets, met, on_track, …, no_data`` — one row per
  horizon and group, groups in the plan's natural order (2 before 8 before 14). A target's group is
  its ``parent`` when given (8.1–8.12 → 8, 14a/b/c → 14), else its own code; without a ``parent``
  column the leading number of the code is used. The group's own row (e.g. qualitative 8) counts too.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from hue57.metrics._assess import STATUS_ORDER


def status_counts(assessed: pd.DataFrame, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """How many rows have each status, per horizon (and per `by` columns), zeros included."""
    keys = ["horizon", *([by] if isinstance(by, str) else list(by or []))]
    combos = assessed[keys].drop_duplicates().sort_values(keys, kind="stable")
    grid = combos.merge(pd.DataFrame({"status": pd.array(STATUS_ORDER, dtype="str")}), how="cross")
    counts = assessed.groupby(keys + ["status"], dropna=False, observed=True).size().rename("count").reset_index()
    out = grid.merge(counts, on=keys + ["status"], how="left")
    out["count"] = out["count"].fillna(0).astype("int64")
    return out.reset_index(drop=True)


def rollup_by_group(assessed: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Per horizon and plan group (parent code): number of targets and the count of each status."""
    frame = assessed.drop(columns=["group"], errors="ignore").merge(
        _groups(targets), on="code", how="left", validate="many_to_one")
    frame["group"] = frame["group"].fillna(frame["code"])
    long = status_counts(frame, by="group")
    wide = long.pivot_table(index=["horizon", "group"], columns="status", values="count", aggfunc="sum",
                            fill_value=0, observed=True)
    wide = wide.reindex(columns=list(STATUS_ORDER), fill_value=0).reset_index()
    wide.columns.name = None
    wide.insert(2, "targets", wide[list(STATUS_ORDER)].sum(axis=1).astype("int64"))
    number = pd.to_numeric(wide["group"].str.extract(r"^(\d+)", expand=False), errors="coerce")
    order = wide.assign(_n=number).sort_values(["horizon", "_n", "group"], kind="stable", na_position="last").index
    return wide.loc[order].reset_index(drop=True).astype({c: "int64" for c in STATUS_ORDER})


def _groups(targets: pd.DataFrame) -> pd.DataFrame:
    """code → group (parent when given, else the code; leading number of the code without `parent`)."""
    code = targets["code"].astype("str").str.strip()
    if "parent" in targets.columns:
        parent = targets["parent"].astype("str").str.strip()
        group = parent.where(parent.notna() & (parent != ""), code)
    else:
        group = code.str.extract(r"^(\d+)", expand=False).fillna(code)
    return pd.DataFrame({"code": code, "group": group}).drop_duplicates("code")
