"""The briefing board: every target assessed for one year, joined with what readers filter and see, and the briefing
built on it — what needs attention, each gap on its indicator's own scale. Pages, the CLI and meeting
links all call these functions (pure pandas: no Streamlit, no database).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from hue57 import calendar, metrics, tasks


def agency_options(id_lists) -> list[str]:
    """Every agency id named in lists of ids (a filter's options), sorted."""
    return sorted({a for ids in id_lists for a in ids})



def board_for(snap, year: int) -> pd.DataFrame:
    """Every target of a snapshot assessed for `year`, joined for reading (see `target_board`)."""
    return target_board(snap.targets, metrics.assess(snap.targets, snap.actuals, year),
                        tasks.target_leads(snap.targets, snap.agencies), snap.actuals)



def target_board(targets: pd.DataFrame, assessed: pd.DataFrame, leads: pd.DataFrame,
                 actuals: pd.DataFrame | None = None) -> pd.DataFrame:
    """`assess` output joined with what the overview filters and shows: names, group, agencies, progress,
    and (given `actuals`) the source and note of each latest value — no number without its source."""
    info = targets[["code", "horizon", "name_vi", "name_en", "parent", "text_vi", "text_en", "comparator", "value",
                    "value_hi", "relative_to", "unit_vi"]].rename(columns={"comparator": "plan_comparator"})
    board = assessed.merge(info, on=["code", "horizon"], how="left", validate="one_to_one")
    board["group"] = board["parent"].where(board["parent"].fillna("") != "", board["code"])
    agencies = leads.groupby(["code", "horizon"])["agency_id"].agg(list).rename("agency_ids")
    board = board.merge(agencies, on=["code", "horizon"], how="left")
    board["agency_ids"] = board["agency_ids"].map(lambda v: v if isinstance(v, list) else [])
    board["progress"] = metrics.progress(board)
    if actuals is not None:
        sources = actuals[["code", "year", "source", "note", "band"]].rename(
            columns={"code": "indicator", "year": "latest_year", "band": "latest_band"})
        sources["latest_year"] = sources["latest_year"].astype("Int64")
        board = board.merge(sources, on=["indicator", "latest_year"], how="left")
    return board



def filter_board(board: pd.DataFrame, *, horizon: str = "", group: str = "", agency: str = "",
                 status: str = "") -> pd.DataFrame:
    keep = pd.Series(True, index=board.index)
    if horizon:
        keep &= board["horizon"].astype(str) == horizon
    if group:
        keep &= board["group"] == group
    if agency:
        keep &= board["agency_ids"].map(lambda ids: agency in ids)
    if status:
        keep &= board["status"] == status
    return board[keep]



def indicator_rows(frame: pd.DataFrame, code: str) -> pd.DataFrame:
    """The rows (of the targets or of the board) that read the same actuals as `code`: both horizons of
    one indicator, e.g. 7 (2030) and 26 (2045)."""
    indicator = frame.loc[frame["code"] == code, "indicator"].iloc[0]
    return frame[frame["indicator"] == indicator].reset_index(drop=True)



def has_numbers(row) -> bool:
    """Whether a status rests on numbers worth tabulating (not for no data or a qualitative target)."""
    return row["status"] != "no_data" and row["plan_comparator"] != "qualitative"



def slips_by_horizon(row) -> bool:
    """Met today, but at the current pace the projection at the horizon no longer meets the target."""
    if row["status"] != "met" or pd.isna(row["projected_value"]):
        return False
    meets = metrics.satisfies(np.array([row["projected_value"]], float), np.array([row["plan_comparator"]]),
                              np.array([row["target_value"]], float), np.array([row["value"]], float),
                              np.array([row["value_hi"]], float))
    return not bool(meets[0])



def target_rules(rows: pd.DataFrame) -> pd.DataFrame:
    """The lines a trajectory chart draws for the targets: both edges of a band, else the target value."""
    rules = []
    for row in rows.to_dict("records"):
        if row["plan_comparator"] == "qualitative":
            continue
        edges = [row["value"], row["value_hi"]] if row["plan_comparator"] == "between" else \
            [row["target_value"] if pd.notna(row["target_value"]) else row["value"]]
        rules += [{"horizon": row["horizon"], "target_value": v} for v in edges if pd.notna(v)]
    return pd.DataFrame(rules, columns=["horizon", "target_value"])



def no_data_codes(board: pd.DataFrame) -> list[str]:
    """Codes of the targets with no value yet (named under the gap chart rather than drawn as empty bars)."""
    return board.loc[board["status"] == "no_data", "code"].tolist()



BEHIND = ("moderate", "insufficient", "regressing", "missed")



def agency_cards(assessed: pd.DataFrame, leads: pd.DataFrame, task_rollup: pd.DataFrame,
                 agencies: pd.DataFrame) -> pd.DataFrame:
    """One row per agency holding targets or tasks today: target statuses, behind targets, task counts.

    Sorted most behind first: targets behind plus tasks late, then the lowest on-time share.
    """
    per_target = leads.merge(assessed[["code", "horizon", "status"]], on=["code", "horizon"], how="left")
    counts = per_target.pivot_table(index="agency_id", columns="status", values="code", aggfunc="count",
                                    fill_value=0, observed=True).reindex(columns=list(metrics.STATUS_ORDER), fill_value=0)
    behind = per_target[per_target["status"].isin(BEHIND)].groupby("agency_id")["code"].agg(list)
    cards = counts.add_prefix("t_").join(behind.rename("behind_codes"), how="left")
    cards["targets"] = counts.sum(axis=1)
    tasks = task_rollup.set_index("agency_id")[["tasks", "judged", "late", "on_time_pct", "overdue_tasks", "overdue"]]
    cards = cards.join(tasks, how="outer").rename_axis("agency_id").reset_index()
    for col in [c for c in cards.columns if c.startswith("t_")] + ["targets", "tasks", "judged", "late", "overdue"]:
        cards[col] = cards[col].fillna(0).astype("int64")
    cards["behind_codes"] = cards["behind_codes"].map(lambda v: v if isinstance(v, list) else [])
    cards["overdue_tasks"] = cards["overdue_tasks"].map(lambda v: v if isinstance(v, list) else [])
    cards["behind"] = cards["behind_codes"].map(len) + cards["late"]
    names = agencies.set_index("agency_id")
    cards["name_vi"] = cards["agency_id"].map(names["name_vi"]).fillna(cards["agency_id"])
    cards["name_en"] = cards["agency_id"].map(names["name_en"]).fillna(cards["name_vi"])
    return cards.sort_values(["behind", "on_time_pct", "agency_id"], ascending=[False, True, True],
                             na_position="last").reset_index(drop=True)



# ------------------------------------------------------------------------------------------ briefing
# What a committee reads first: the statuses that need a decision, worst first.
SEVERITY = ("missed", "regressing", "insufficient", "moderate", "insufficient_data", "on_track", "met", "no_data")
ATTENTION_STATUSES = ("missed", "regressing", "insufficient")


def horizons(targets: pd.DataFrame) -> list[str]:
    """The plan's horizon years as filter options ('2030', '2045'), from the targets themselves."""
    return [str(h) for h in sorted(targets["horizon"].dropna().astype(int).unique())]


def default_as_of() -> int:
    """The reporting year a reader sees unless they choose another: this year in the plan's time zone."""
    return calendar.today().year


def expected_now(board: pd.DataFrame) -> pd.Series:
    """Where the required path says each target should be in its latest year (NaN without a required rate)."""
    base = board["base_value"].to_numpy(dtype=float)
    rate = board["required_rate"].to_numpy(dtype=float)
    latest = np.minimum(board["latest_year"].to_numpy(dtype=float, na_value=np.nan),
                        board["horizon"].to_numpy(dtype=float))  # the path ends at the target, in its year
    years = latest - board["base_year"].to_numpy(dtype=float, na_value=np.nan)
    cagr = (board["rate_kind"] == "cagr").to_numpy(dtype=bool, na_value=False)
    with np.errstate(over="ignore", invalid="ignore"):
        value = np.where(cagr, base * (1.0 + rate) ** years, base + rate * years)
    return pd.Series(np.where(np.isfinite(value), value, np.nan), index=board.index, name="expected")


def by_severity(board: pd.DataFrame) -> pd.DataFrame:
    """Rows in `SEVERITY` order, and within a status the largest gap (relative to the target) first."""
    rank = board["status"].map({s: i for i, s in enumerate(SEVERITY)}).fillna(len(SEVERITY))
    target = board["target_value"].abs().replace(0, np.nan)
    relative = (board["gap"] / target).fillna(board["gap"]).fillna(-1.0)
    order = pd.DataFrame({"rank": rank, "gap": -relative}, index=board.index).sort_values(["rank", "gap"],
                                                                                           kind="stable").index
    return board.loc[order]


def gap_rows(board: pd.DataFrame) -> pd.DataFrame:
    """One row per target with a numeric value: latest, target and the required path's value now, each as a
    position in [0, 1] along that indicator's own scale (`hue57.metrics.own_scale`: further right is always
    better; a rank's scale runs from first place back to twice its target, the same rule for every rank).

    The bar (``pos_latest``) of a target not met never reaches its target's mark and fills no more of the
    way to it than the latest value's distance allows; a row whose numbers were out of range has no bar
    (``pos_latest`` NaN). Columns: the board's, plus ``expected``, ``scale_lo`` (the worse end), ``scale_hi``
    (the better end), ``pos_latest``, ``pos_target``, ``pos_expected``. Sorted by severity, then by gap.
    """
    rows = board[(board["plan_comparator"] != "qualitative") & board["latest_value"].notna()].copy()
    rows["expected"] = expected_now(rows).where(~rows["status"].isin(("met", "insufficient_data")))
    start, end = metrics.own_scale(rows)
    rows["scale_lo"], rows["scale_hi"] = start, end
    for column, source in (("pos_latest", "latest_value"), ("pos_target", "target_value"), ("pos_expected", "expected")):
        rows[column] = metrics.position(rows[source].to_numpy(dtype=float), start, end)
    out_of_range = (rows["reason"].astype("str") == "out_of_range").to_numpy(bool, na_value=False)
    rows["pos_latest"] = rows["pos_latest"].where(~out_of_range)
    return by_severity(rows)


def attention(board: pd.DataFrame, task_table: pd.DataFrame | None = None,
              reports: pd.DataFrame | None = None, agency: str = "") -> dict[str, pd.DataFrame]:
    """What needs the committee's attention, by group, each worst first; empty groups left out.

    * ``missed``, ``regressing``, ``insufficient``: board rows with that status, largest gap first;
    * ``sliding``: met today, but at the current pace the projection no longer meets the target at the horizon;
    * ``overdue``: per lead agency (today's bodies), how many of its tasks are overdue (``agency_id, count,
      tasks``), most first — from `hue57.tasks.task_table`;
    * ``reports``: agencies whose report for the current period is missing or late (``agency_id, state``).
    """
    groups: dict[str, pd.DataFrame] = {}
    ranked = by_severity(board)
    for status in ATTENTION_STATUSES:
        rows = ranked[ranked["status"] == status]
        if len(rows):
            groups[status] = rows
    sliding = board[[slips_by_horizon(row) for row in board.to_dict("records")]] if len(board) else board
    if len(sliding):
        groups["sliding"] = sliding
    if task_table is not None:
        late = task_table[task_table["status"] == "overdue"][["no", "lead_current"]].explode("lead_current")
        late = late.dropna(subset=["lead_current"])
        if agency:  # a task led jointly is listed under the chosen agency only
            late = late[late["lead_current"] == agency]
        if len(late):
            per = late.groupby("lead_current")["no"].agg(["count", list]).reset_index()
            per.columns = ["agency_id", "count", "tasks"]
            groups["overdue"] = per.sort_values(["count", "agency_id"], ascending=[False, True]).reset_index(drop=True)
    if reports is not None:
        owed = reports[reports["state"].isin(("missing", "late"))]
        if len(owed):
            groups["reports"] = owed.sort_values(["state", "agency_id"]).reset_index(drop=True)
    return groups


def report_outcomes(states: pd.DataFrame) -> pd.Series:
    """Each agency's report as the committee reads it, from `hue57.reporting.report_states`: ``on_time`` or
    ``late`` once submitted (by its first submission against the due date), else ``missing`` (nothing, or
    only a draft nobody else sees). The overview and the compiled report both use this one rule."""
    submitted = states["submission_id"].notna() & ~states["state"].isin(("missing", "draft"))
    on_time = (states["on_time"] == True).fillna(False)  # noqa: E712 — a nullable boolean
    return pd.Series(np.where(submitted & on_time, "on_time", np.where(submitted, "late", "missing")),
                     index=states.index, name="state")


def owed_reports(states: pd.DataFrame) -> pd.DataFrame:
    """`agency_id, state` of the reports the attention block names: ``missing`` (nothing submitted, or only
    a draft) once the due date has passed — before it, a report not yet sent is not owed — and ``late`` (first
    submitted after the due date: received, returned or accepted, it was sent). The block counts the two
    apart: a late report is never counted as not sent."""
    outcome = report_outcomes(states)
    named = (outcome == "late") | ((outcome == "missing") & states["overdue"].astype(bool))
    return pd.DataFrame({"agency_id": states["agency_id"], "state": outcome})[named]
