"""Streamlit glue shared by the pages: request context, cached data, navigation, small widgets.

Pages import from here and from the pure packages; nothing here computes a metric or writes SQL.
"""

from hue57.ui._context import Context, context, link_base_url
from hue57.ui._data import OverviewView, board, indicator_values, links, overview, snapshot
from hue57.ui._document import compiled_report_section
from hue57.ui._filters import as_of_year, choice
from hue57.ui._nav import PAGES, navigation
from hue57.ui._present import present, presentation_toggle, presenting
from hue57.ui._static import overview_report, status_tiles, table, task_list
from hue57.ui._uploads import guard_uploads
from hue57.ui._widgets import (
    account_names,
    agency_names,
    changes_since_previous_meeting,
    changes_table,
    chart,
    current,
    data_as_of,
    friendly_errors,
    grid,
    plain,
    read_only_banner,
    refuse_link,
    require_analyst,
    require_reporter,
    screen_words,
    start,
    task_detail,
    text_table,
    undo_form,
    upload_problems,
)

__all__ = [
    "PAGES", "Context", "account_names", "agency_names", "grid", "screen_words", "OverviewView", "as_of_year", "board", "changes_since_previous_meeting", "changes_table", "chart", "choice", "compiled_report_section", "context", "current", "data_as_of", "friendly_errors", "guard_uploads", "indicator_values", "link_base_url", "links", "navigation", "overview", "overview_report", "plain", "present", "presenting", "presentation_toggle",
    "read_only_banner", "refuse_link", "require_analyst", "require_reporter", "snapshot", "start", "status_tiles", "table", "task_detail", "task_list", "text_table", "undo_form", "upload_problems",
]
