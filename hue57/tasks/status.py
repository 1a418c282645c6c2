"""The task table of Appendix II: every task with its dates, who holds it today, its newest report and its
status on a given date.

Status on date ``on`` (first rule that applies wins; ``numpy.select``, no per-row code):

1. ``unparsed`` — the deadline text did not parse: its kind and dates are unknown, so nothing is guessed
   (the newest report is still shown in ``last_status``).
2. Recurring tasks ("Thường xuyên", "2025 và các năm tiếp theo" …): ``not_started`` while their start
   date is after ``on``; otherwise ``reported`` when there is a report (any status) for the current
   reporting period (the half-year containing ``on``, see :mod:`hue57.tasks.periods`), else
   ``not_reported``.
3. One-off tasks: ``done`` when the newest report says done; ``overdue`` when the due date is before
   ``on``; ``due_soon`` when the due date is within :data:`DUE_SOON_DAYS` (90) days from ``on``
   (``on <= due <= on + 90 days``); ``in_progress`` when the newest report says so; else ``not_started``.
   With nothing reported a past-due task is overdue.

Reports: only well-formed periods (``YYYY-H1|H2``) up to the current period of ``on`` count (a report for
a later half-year cannot be known yet on ``on``). ``last_*`` come from the newest such period.

On time (``on_time``, used for the agency roll-up): a ``done`` task is on time when the run of ``done``
reports it ends with began in a period that starts on or before its due date (reports are six-monthly,
so the half-year containing the due date counts as on time); a one-off task not done is on time while
its due date has not passed (``overdue`` is not); a recurring task is on time unless it is
``not_reported`` after the current period's report due date; ``not_started`` recurring tasks are on time;
``unparsed`` is unknown (``<NA>``).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from hue57.tasks.agencies import current_agency, split_agencies
from hue57.tasks.deadlines import deadlines_frame
from hue57.tasks.periods import current_period, period_start, report_due, valid_periods

__all__ = ["DUE_SOON_DAYS", "STATUS_ORDER", "plan_start", "task_table"]

DUE_SOON_DAYS = 90


def plan_start() -> date:
    """The day the plan's tasks are taken to begin when their deadline gives no start (plan.toml `[plan] start`)."""
    from hue57.plan_facts import facts  # noqa: PLC0415

    return facts().start

STATUS_ORDER = (
    "overdue", "due_soon", "not_reported", "in_progress", "not_started", "reported", "done", "unparsed",
)
"""Every task status, most urgent first (the order of legends and roll-up columns)."""

_PROGRESS_COLUMNS = ["last_period", "last_status", "progress_pct", "last_note", "last_evidence", "done_period"]


def _lead_columns(tasks: pd.DataFrame, agencies: pd.DataFrame) -> tuple[list[list[str]], list[list[str]]]:
    """(agency ids as written, agency ids holding the task today — merged bodies once) per task."""
    written = [split_agencies(text, agencies) for text in tasks["lead_agency"]]
    today = [list(dict.fromkeys(current_agency(a, agencies) for a in ids)) for ids in written]
    return written, today


def _newest_reports(progress: pd.DataFrame, period: str) -> pd.DataFrame:
    """Per task_no: the newest report up to ``period`` and the period its final run of ``done`` began."""
    frame = progress[valid_periods(progress["period"])].copy()
    frame["period"] = frame["period"].astype("str").str.strip()
    frame = frame[frame["period"] <= period]
    frame["task_no"] = frame["task_no"].astype("int64")
    frame = frame.sort_values(["task_no", "period"], kind="stable")
    newest = frame.groupby("task_no").tail(1).set_index("task_no")
    out = pd.DataFrame({
        "last_period": newest["period"],
        "last_status": newest["status"],
        "progress_pct": newest["progress_pct"].astype("float64"),
        "last_note": newest["note"],
        "last_evidence": newest["evidence"],
    })
    not_done = frame[frame["status"] != "done"].groupby("task_no")["period"].max()
    done = frame[frame["status"] == "done"].join(not_done.rename("last_not_done"), on="task_no")
    final_run = done[done["last_not_done"].isna() | (done["period"] > done["last_not_done"])]
    out["done_period"] = final_run.groupby("task_no")["period"].min()
    return out


def task_table(tasks: pd.DataFrame, progress: pd.DataFrame, agencies: pd.DataFrame, on: date) -> pd.DataFrame:
    """One row per task (in ``no`` order) with its status on ``on``.

    Columns: every column of ``tasks`` (``no, group, group_title_vi, title_vi, lead_agency, coordinating,
    output, deadline_text``), then ``start_date``, ``due_date`` (datetime64, ``NaT`` when none),
    ``recurring``, ``parsed`` (bool), ``lead_ids`` (list of agency ids named as lead), ``lead_current``
    (list of agency ids holding the task today after mergers, each once), ``last_period``,
    ``last_status``, ``progress_pct``, ``last_note``, ``last_evidence`` (newest report, missing when none),
    ``done_period`` (period the final run of ``done`` reports began), ``status`` (see the module
    docstring) and ``on_time`` (boolean with ``<NA>``).

    ``progress`` has ``task_no, period, status, progress_pct, note, evidence`` (the store's current rows).
    """
    on = pd.Timestamp(on).date()  # a date, datetime or Timestamp all mean that day
    period = current_period(on)
    today = pd.Timestamp(on)
    table = tasks.sort_values("no", kind="stable").reset_index(drop=True)
    table = table.join(deadlines_frame(table["deadline_text"]))
    table["lead_ids"], table["lead_current"] = _lead_columns(table, agencies)

    reports = _newest_reports(progress, period)
    table = table.join(reports.reindex(table["no"].astype("int64").to_numpy()).set_axis(table.index))
    for col in _PROGRESS_COLUMNS:
        if col != "progress_pct":
            table[col] = table[col].astype("object").where(table[col].notna(), None)

    parsed = table["parsed"].to_numpy(bool)
    recurring = table["recurring"].to_numpy(bool)
    started = ~(table["start_date"] > today).fillna(False).to_numpy(bool)
    due = table["due_date"]
    past_due = (due < today).fillna(False).to_numpy(bool)
    due_within = ((due >= today) & (due <= today + timedelta(days=DUE_SOON_DAYS))).fillna(False).to_numpy(bool)
    last = table["last_status"]
    said_done = (last == "done").fillna(False).to_numpy(bool)
    said_in_progress = (last == "in_progress").fillna(False).to_numpy(bool)
    reported_now = (table["last_period"] == period).fillna(False).to_numpy(bool)

    table["status"] = pd.Series(np.select(
        [
            ~parsed,
            recurring & ~started,
            recurring & reported_now,
            recurring,
            said_done,
            past_due,
            due_within,
            said_in_progress,
        ],
        ["unparsed", "not_started", "reported", "not_reported", "done", "overdue", "due_soon", "in_progress"],
        default="not_started",
    ), dtype="str")

    status = table["status"].to_numpy(str)
    done_start = pd.to_datetime(table["done_period"].map(period_start, na_action="ignore"))
    done_in_time = (done_start <= due).fillna(False).to_numpy(bool)
    report_late = on > report_due(period)
    on_time = np.select(
        [status == "unparsed", status == "done", status == "overdue", status == "not_reported"],
        [None, done_in_time, False, not report_late],
        default=True,
    )
    table["on_time"] = pd.array(on_time, dtype="boolean")
    return table
