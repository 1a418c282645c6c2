"""Section III of the compiled report: which agencies reported on time, late, or not at all.

Section III is written against one small frame of agency states (`agency_id`, `state` in
`on_time | late | missing`), so where the states come from can change without touching the report:
today `agency_states` derives them from the task reports (`hue57.tasks.reporting_status` and the time
each report first arrived); the agencies' own submissions (issue #15) can supply the same frame instead.

Rules of the derivation (for one period, on one date):
- an agency owes a report when it leads at least one task expected this period (`reporting_status`);
- `missing` — some expected task has no report for the period in the snapshot;
- `late` — every expected task is reported, and at least one report first arrived (its earliest upload,
  in local time) after the period's due date (10 June / 25 November);
- `on_time` — every expected task reported, each first arriving on or before the due date.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from hue57 import calendar
from hue57.i18n import fmt_int, t
from hue57.tasks.reporting import period_end, report_due, reporting_status

STATES = ("on_time", "late", "missing")
STATE_COLUMNS = ["agency_id", "state", "expected", "reported", "missing"]


def agency_states(task_table: pd.DataFrame, progress: pd.DataFrame, first_reports: pd.DataFrame, period: str,
                  on: dt.date) -> pd.DataFrame:
    """One row per agency that owes a report for `period` (see the module docstring), in agency_id order."""
    owed = reporting_status(task_table, progress, min(on, period_end(period)))
    owed = owed[(owed["expected"] > 0) & owed["agency_id"].notna()]
    due = report_due(period)
    arrived = first_reports[first_reports["period"].astype(str).str.strip() == period]
    arrived_day = {int(no): calendar.local(pd.Timestamp(at).to_pydatetime()).date()
                   for no, at in zip(arrived["task_no"], arrived["first_at"], strict=True)}
    reported_now = set(progress.loc[progress["period"].astype(str).str.strip() == period, "task_no"].astype(int))
    leads = task_table[["no", "lead_current"]].explode("lead_current")
    rows = []
    for agency, missing, expected, reported in owed[["agency_id", "missing", "expected", "reported"]].itertuples(
            index=False):
        if missing:
            state = "missing"
        else:
            theirs = set(leads.loc[leads["lead_current"] == agency, "no"].astype(int)) & reported_now
            late = any(arrived_day.get(no, due) > due for no in theirs)
            state = "late" if late else "on_time"
        rows.append({"agency_id": agency, "state": state, "expected": int(expected), "reported": int(reported),
                     "missing": list(missing)})
    return pd.DataFrame(rows, columns=STATE_COLUMNS).sort_values("agency_id", kind="stable").reset_index(drop=True)


def agency_lines(states: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> list[dict[str, str]]:
    """Section III's lines from a frame of agency states (`agency_id`, `state`): per state, in the order on time,
    late, missing, how many agencies and their names (in the order of the plan's agency list)."""
    names = dict(zip(agencies["agency_id"], agencies["name_en" if lang == "en" else "name_vi"], strict=True))
    place = {a: i for i, a in enumerate(agencies["agency_id"])}
    lines = []
    for state in STATES:
        ids = sorted(states.loc[states["state"] == state, "agency_id"], key=lambda a: (place.get(a, len(place)), str(a)))
        shown = [names.get(a) or str(a) for a in ids]
        lines.append({"trang_thai": t(f"report.agency.{state}", lang), "so": fmt_int(len(shown), lang),
                      "danh_sach": "; ".join(shown) if shown else t("none", lang)})
    return lines
