"""Appendix II of the plan: task deadlines and the agencies that lead and coordinate each task."""

from hue57.tasks.agencies import agency_links, current_agency, split_agencies, unresolved_parts
from hue57.tasks.deadlines import Deadline, deadlines_frame, parse_deadline

__all__ = [
    "Deadline",
    "agency_links",
    "current_agency",
    "deadlines_frame",
    "parse_deadline",
    "split_agencies",
    "unresolved_parts",
]
