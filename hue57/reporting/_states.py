"""Completeness of a period's reports, per agency (like DHIS2's reporting rate): owed, state, on time.

Rules:
- `state` is the report's (`draft`, `submitted`, `returned`, `accepted`) or `missing` when the agency has
  not started one. A draft is nobody else's to read, but that one exists is shown.
- `on_time`: a report first submitted on or before the due date (local date) is on time, whatever
  happened after (a report the Department returned and the agency sent again stays on time); one
  first submitted after it is late. Without a submission: late once the due date has passed (`today` is
  after it), unknown (`<NA>`) before.
- `overdue`: no submission yet (missing, draft) and the due date has passed — what the overview's
  attention block lists by name. A returned report is with the agency again but was submitted: not
  overdue, its state says it is back with them.
"""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd

from hue57 import calendar, store
from hue57.reporting._items import all_items
from hue57.store import _submissions
from hue57.tasks import current_period, report_due

STATES = ("missing", "draft", "submitted", "returned", "accepted")
COLUMNS = ["agency_id", "name_vi", "name_en", "items", "state", "submitted_at", "on_time", "reviewed_by",
           "submission_id", "upload_id", "period", "report_due", "overdue", "comment"]


def _local_date(utc: object) -> dt.date | None:
    if utc is None or pd.isna(utc):
        return None
    return calendar.local(pd.Timestamp(utc).to_pydatetime()).date()


def report_states(db: str | os.PathLike | None = None, period: str | None = None,
                  today: dt.date | None = None, *, snap=None) -> pd.DataFrame:
    """One row per accountable agency for `period` (default: the period containing `today`, local date).

    Columns (`COLUMNS`): agency_id, name_vi, name_en, items (rows on its form), state, submitted_at
    (newest submission, local time, naive), on_time (boolean with NA), reviewed_by, submission_id,
    upload_id (the upload an accepted report became), period, report_due, overdue, comment.
    Sorted: overdue first, then missing, returned, draft, submitted, accepted; then by agency.
    """
    today = today or calendar.today()
    period = period or current_period(today)
    snap = snap if snap is not None else store.load(db)
    items = all_items(snap, period)
    subs = _submissions.list_submissions(db, period).set_index("agency_id")
    names = snap.agencies.set_index("agency_id")
    due = report_due(period)
    rows = []
    for agency_id, owed in items.items():
        sub = subs.loc[agency_id] if agency_id in subs.index else None
        state = "missing" if sub is None else str(sub["state"])
        first = None if sub is None else _local_date(sub["first_submitted_at"])
        latest = None if sub is None or pd.isna(sub["submitted_at"]) else \
            calendar.local(pd.Timestamp(sub["submitted_at"]).to_pydatetime()).replace(tzinfo=None)
        if first is not None:
            on_time = first <= due
        else:
            on_time = False if today > due else pd.NA
        rows.append({
            "agency_id": agency_id, "name_vi": names.at[agency_id, "name_vi"],
            "name_en": names.at[agency_id, "name_en"], "items": owed.count, "state": state,
            "submitted_at": latest, "on_time": on_time,
            "reviewed_by": None if sub is None or pd.isna(sub["reviewed_by"]) else sub["reviewed_by"],
            "submission_id": None if sub is None else int(sub["id"]),
            "upload_id": None if sub is None or pd.isna(sub["upload_id"]) else int(sub["upload_id"]),
            "period": period, "report_due": due,
            "overdue": first is None and today > due,
            "comment": None if sub is None or pd.isna(sub["comment"]) else sub["comment"],
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["on_time"] = pd.array(frame["on_time"], dtype="boolean")
    frame["submission_id"] = pd.array(frame["submission_id"], dtype="Int64")
    frame["upload_id"] = pd.array(frame["upload_id"], dtype="Int64")
    frame["items"] = frame["items"].astype("int64")
    frame["overdue"] = frame["overdue"].astype(bool)
    frame["submitted_at"] = pd.to_datetime(frame["submitted_at"])
    order = {"missing": 1, "returned": 2, "draft": 3, "submitted": 4, "accepted": 5}
    key = frame["state"].map(order) - frame["overdue"].astype(int) * 10
    return frame.assign(_k=key).sort_values(["_k", "agency_id"], kind="stable").drop(columns="_k") \
        .reset_index(drop=True)
