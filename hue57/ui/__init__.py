"""Streamlit glue shared by the pages: request context, cached data, navigation, small widgets.

Pages import from here and from the pure packages; nothing here computes a metric or writes SQL.
"""

from hue57.ui._context import Context, context
from hue57.ui._data import snapshot
from hue57.ui._nav import PAGES, navigation
from hue57.ui._widgets import current, data_as_of, friendly_errors

__all__ = ["PAGES", "Context", "context", "current", "data_as_of", "friendly_errors", "navigation", "snapshot"]
