"""Changes since the previous meeting: targets whose latest value, its year or its status differ."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

AssessFn = Callable[[pd.DataFrame, pd.DataFrame, int], pd.DataFrame]

CHANGE_COLUMNS = ["code", "horizon", "old_value", "old_year", "new_value", "new_year", "old_status", "new_status",
                  "value_changed", "status_changed"]


def _default_year(*snapshots) -> int:
    """The newest year with any actual in either snapshot (so every value counts)."""
    years = [int(s.actuals["year"].max()) for s in snapshots if len(s.actuals)]
    if not years:
        raise ValueError("no actuals in either snapshot: give as_of_year")
    return max(years)


def _latest(snapshot, assess_fn: AssessFn, as_of_year: int) -> pd.DataFrame:
    table = assess_fn(snapshot.targets, snapshot.actuals, as_of_year)
    out = table[["code", "horizon", "latest_value", "latest_year", "status"]].copy()
    out["code"] = out["code"].astype(str)
    return out


def changes_between(snapshot_a, snapshot_b, assess_fn: AssessFn, as_of_year: int | None) -> pd.DataFrame:
    """Targets whose latest value, latest year or status changed from snapshot `a` (old) to `b` (new).

    `assess_fn(targets, actuals, as_of_year)` is `hue57.metrics.assess` (any function returning
    code, horizon, status, latest_year, latest_value will do). Rows follow `b`'s target order; a target
    only in one snapshot shows as changed with the other side empty. `as_of_year` None: the newest
    year with data in either snapshot. Columns: CHANGE_COLUMNS.
    """
    year = _default_year(snapshot_a, snapshot_b) if as_of_year is None else int(as_of_year)
    old = _latest(snapshot_a, assess_fn, year)
    new = _latest(snapshot_b, assess_fn, year)
    keys = ["code", "horizon"]
    old["_old_order"] = np.arange(len(old))
    merged = new.assign(_order=np.arange(len(new))).merge(old, on=keys, how="outer", suffixes=("_new", "_old"),
                                                          indicator=True)
    merged["_order"] = merged["_order"].fillna(len(new) + merged["_old_order"])

    ov = pd.to_numeric(merged["latest_value_old"], errors="coerce").astype("float64")
    nv = pd.to_numeric(merged["latest_value_new"], errors="coerce").astype("float64")
    close = pd.Series(np.isclose(ov.fillna(0), nv.fillna(0), rtol=1e-12, atol=0.0), index=merged.index)
    same_value = (ov.isna() & nv.isna()) | (close & ov.notna() & nv.notna())
    oy = merged["latest_year_old"].astype("Int64")
    ny = merged["latest_year_new"].astype("Int64")
    same_year = (oy.isna() & ny.isna()) | (oy == ny).fillna(False)
    os_ = merged["status_old"].astype(object)
    ns = merged["status_new"].astype(object)
    same_status = (os_.isna() & ns.isna()) | (os_ == ns)
    only_one_side = merged["_merge"] != "both"

    value_changed = (~(same_value & same_year) | only_one_side).astype(bool)
    status_changed = (~same_status | only_one_side).astype(bool)
    out = pd.DataFrame({
        "code": merged["code"].astype(object),
        "horizon": merged["horizon"],
        "old_value": ov,
        "old_year": oy,
        "new_value": nv,
        "new_year": ny,
        "old_status": os_.where(os_.notna(), None),
        "new_status": ns.where(ns.notna(), None),
        "value_changed": value_changed,
        "status_changed": status_changed,
        "_order": merged["_order"],
    })
    out = out[out["value_changed"] | out["status_changed"]]
    return out.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)[CHANGE_COLUMNS]


def previous_meeting(links: pd.DataFrame, upload_id: int) -> int | None:
    """The snapshot of the previous meeting: the newest link (revoked or not) pinned to an earlier upload."""
    earlier = links[links["upload_id"] < upload_id]
    if earlier.empty:
        return None
    return int(earlier.sort_values(["created_at", "id"]).iloc[-1]["upload_id"])
