"""Appendix II of the plan: task deadlines, the agencies that lead and coordinate each task, task status,
the six-monthly reporting calendar and the roll-up per agency."""

from hue57.tasks.agencies import agency_links, current_agency, split_agencies, target_leads, unresolved_parts
from hue57.tasks.deadlines import Deadline, deadlines_frame, parse_deadline
from hue57.tasks.filters import filter_tasks
from hue57.tasks.periods import (
    current_period,
    period_end,
    period_label,
    period_start,
    report_due,
    reporting_status,
)
from hue57.tasks.rollup import agency_task_rollup
from hue57.tasks.status import DUE_SOON_DAYS, STATUS_ORDER, plan_start, task_table

__all__ = [
    "DUE_SOON_DAYS",
    "Deadline",
    "plan_start",
    "STATUS_ORDER",
    "agency_links",
    "agency_task_rollup",
    "current_agency",
    "current_period",
    "filter_tasks",
    "deadlines_frame",
    "parse_deadline",
    "period_end",
    "period_label",
    "period_start",
    "report_due",
    "reporting_status",
    "split_agencies",
    "target_leads",
    "task_table",
    "unresolved_parts",
]
