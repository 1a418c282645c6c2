"""The plan's six-monthly reporting calendar, and which agencies have reported their tasks for a period.

Calendar (the plan's `[reporting] due` days in plan.toml, e.g. reports "before 10 June and before 25 November"):

- A period is written ``YYYY-H1`` (1 January – 30 June) or ``YYYY-H2`` (1 July – 31 December).
- The **current period** on a date is the half-year that contains it: 2026-06-15 → ``2026-H1``,
  2026-11-28 → ``2026-H2``. Its report is due on the plan's H1 or H2 due day of that year (e.g. 10 June, 25 November), so for the
  last weeks of each half-year (11–30 June, 26 November–31 December) the current period's report is past
  due; it stays the current period until the half-year ends.
- A report is on time on the due date itself; the due date has **passed** from the next day on.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from hue57.i18n import t

__all__ = [
    "PERIOD_PATTERN",
    "current_period",
    "period_end",
    "period_label",
    "period_start",
    "report_due",
    "reporting_status",
    "valid_periods",
]

PERIOD_PATTERN = re.compile(r"^(\d{4})-H([12])$")


def _split(period: str) -> tuple[int, int]:
    m = PERIOD_PATTERN.fullmatch(str(period).strip())
    if m is None:
        raise ValueError(f"period must look like 2026-H1 or 2026-H2, got {period!r}")
    return int(m.group(1)), int(m.group(2))


def current_period(on: date) -> str:
    """The reporting period (half-year) that contains ``on``: 2026-11-28 → ``"2026-H2"``."""
    return f"{on.year}-H{1 if on.month <= 6 else 2}"


def report_due(period: str) -> date:
    """The day a period's report is due (plan.toml's due days): ``2026-H1`` → 10/6/2026, ``2026-H2`` → 25/11/2026."""
    from hue57.plan_facts import facts  # noqa: PLC0415 — the plan in effect, read once

    year, half = _split(period)
    month, day = facts().due_day(half)
    return date(year, month, day)


def period_start(period: str) -> date:
    """The first day of a period: 1/1 (H1) or 1/7 (H2)."""
    year, half = _split(period)
    return date(year, 1 if half == 1 else 7, 1)


def period_end(period: str) -> date:
    """The last day of a period: 30/6 (H1) or 31/12 (H2)."""
    year, half = _split(period)
    return date(year, 6, 30) if half == 1 else date(year, 12, 31)


def period_label(period: str, lang: str = "vi") -> str:
    """A period as the Department writes it: ``2026-H2`` → "6 tháng cuối năm 2026"."""
    year, half = _split(period)
    return t(f"tasks.period.h{half}", lang, year=year)


def valid_periods(periods: pd.Series) -> pd.Series:
    """True where a value is a well-formed period (``YYYY-H1`` / ``YYYY-H2``); other rows are ignored."""
    return periods.astype("str").str.strip().str.fullmatch(PERIOD_PATTERN.pattern).fillna(False).astype(bool)


def reporting_status(task_table: pd.DataFrame, progress: pd.DataFrame, on: date) -> pd.DataFrame:
    """Per current lead agency: who has reported their tasks for the period containing ``on``.

    ``task_table`` is :func:`hue57.tasks.task_table` (uses ``no``, ``lead_current``, ``start_date``);
    ``progress`` has ``task_no, period, status``. Columns:

    - ``agency_id`` — the body that leads the tasks today (after mergers; collective leads such as
      ``all`` are their own row), ``period``, ``report_due`` (date), ``due_passed`` (bool: ``on`` is after
      the due date);
    - ``led`` — tasks it leads; ``expected`` — those that owe a report this period: all led tasks except
      tasks already reported ``done`` in an earlier period and tasks that start after this period ends;
    - ``reported`` — expected tasks with a report (any status) for this period;
    - ``missing`` — task numbers (sorted list) expected but not reported; ``missing_count``.

    Sorted with the most missing reports first, then by agency_id.
    """
    on = pd.Timestamp(on).date()  # a date, datetime or Timestamp all mean that day
    period = current_period(on)
    progress = progress[valid_periods(progress["period"])]
    reported_now = set(progress.loc[progress["period"].astype("str").str.strip() == period, "task_no"].astype(int))
    earlier = progress[progress["period"].astype("str").str.strip() < period]
    done_before = set(earlier.loc[earlier["status"] == "done", "task_no"].astype(int))

    per_task = task_table[["no", "lead_current", "start_date"]].explode("lead_current")
    per_task = per_task.rename(columns={"lead_current": "agency_id"})
    no = per_task["no"].astype(int)
    starts_later = (per_task["start_date"] > pd.Timestamp(period_end(period))).fillna(False).to_numpy(bool)
    per_task["expected"] = ~no.isin(done_before).to_numpy() & ~starts_later
    per_task["reported"] = per_task["expected"] & no.isin(reported_now)
    per_task["missing_no"] = no.where(per_task["expected"] & ~per_task["reported"])

    grouped = per_task.groupby("agency_id", dropna=False, sort=True)
    out = pd.DataFrame({
        "led": grouped["no"].size(),
        "expected": grouped["expected"].sum(),
        "reported": grouped["reported"].sum(),
        "missing": grouped["missing_no"].agg(lambda s: sorted(int(x) for x in s.dropna())),
    }).reset_index()
    out["missing_count"] = out["missing"].map(len).astype("int64")
    out.insert(1, "period", period)
    due = report_due(period)
    out.insert(2, "report_due", due)
    out.insert(3, "due_passed", np.bool_(on > due))
    out = out.astype({"led": "int64", "expected": "int64", "reported": "int64", "due_passed": "bool"})
    return out.sort_values(["missing_count", "agency_id"], ascending=[False, True], kind="stable").reset_index(drop=True)
