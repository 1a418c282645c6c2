"""Per lead agency (the body holding the tasks today): how many tasks in each status, the share on time,
and which are overdue — most behind first.

A task led by several agencies counts once under each of them (so the rows add up to more than the
number of tasks); agencies merged into one body count once under that body. Collective leads (a row of
agencies.csv naming several bodies, plan.toml `[agencies]`) are rows of their own, never spread over
every agency. A task whose lead could not be resolved counts under a missing ``agency_id``.
"""

from __future__ import annotations

import pandas as pd

from hue57.tasks.status import STATUS_ORDER

__all__ = ["agency_task_rollup"]


def agency_task_rollup(task_table: pd.DataFrame) -> pd.DataFrame:
    """One row per current lead agency of :func:`hue57.tasks.task_table`.

    Columns: ``agency_id``, ``tasks``, one count per status of :data:`STATUS_ORDER` (``overdue``,
    ``due_soon``, ``not_reported``, ``in_progress``, ``not_started``, ``reported``, ``done``,
    ``unparsed``), ``judged`` (tasks whose timeliness is known: all but ``unparsed``), ``late`` (judged and
    not on time), ``on_time_pct`` (on-time share of judged tasks in percent points, ``NaN`` when none is
    judged) and ``overdue_tasks`` (sorted task numbers).

    Sorted most behind first: most ``late``, then lowest ``on_time_pct``, then most tasks, then agency_id.
    """
    rows = task_table[["no", "lead_current", "status", "on_time"]].explode("lead_current")
    rows = rows.rename(columns={"lead_current": "agency_id"})
    rows["judged"] = rows["on_time"].notna()
    rows["is_on_time"] = rows["on_time"].fillna(False).astype(bool)
    rows["late"] = rows["judged"] & ~rows["is_on_time"]
    rows["overdue_no"] = rows["no"].where(rows["status"] == "overdue")

    grouped = rows.groupby("agency_id", dropna=False, sort=True)
    counts = grouped["status"].value_counts().unstack(fill_value=0)
    counts = counts.reindex(columns=list(STATUS_ORDER), fill_value=0)
    counts.columns.name = None
    out = pd.DataFrame({
        "tasks": grouped["no"].size(),
        "judged": grouped["judged"].sum(),
        "late": grouped["late"].sum(),
        "on_time": grouped["is_on_time"].sum(),
        "overdue_tasks": grouped["overdue_no"].agg(lambda s: sorted(int(x) for x in s.dropna())),
    }).join(counts).rename_axis("agency_id").reset_index()
    out["on_time_pct"] = (100.0 * out["on_time"] / out["judged"].where(out["judged"] > 0)).astype("float64")
    out = out.astype({c: "int64" for c in ("tasks", "judged", "late", *STATUS_ORDER)})
    out = out.sort_values(["late", "on_time_pct", "tasks", "agency_id"], ascending=[False, True, False, True],
                          na_position="last", kind="stable")
    columns = ["agency_id", "tasks", *STATUS_ORDER, "judged", "late", "on_time_pct", "overdue_tasks"]
    return out[columns].reset_index(drop=True)
