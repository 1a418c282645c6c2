"""Altair chart builders: a DataFrame in, a chart out (no Streamlit, no database)."""

from hue57.charts._export import chart_png, chart_svg, png_name
from hue57.charts._gap import GAP_CHART_ROWS, gap_bars, gap_chart_frame
from hue57.charts._palette import STATUS_COLORS, STATUS_ICONS, STATUS_ORDER, status_label
from hue57.charts._timeline import TASK_STATUS_COLORS, TASK_STATUS_ICONS, task_status_label, task_timeline
from hue57.charts._trajectory import trajectory

__all__ = [
    "STATUS_COLORS", "STATUS_ICONS", "STATUS_ORDER", "TASK_STATUS_COLORS", "TASK_STATUS_ICONS", "chart_png", "chart_svg",
    "GAP_CHART_ROWS", "gap_bars", "gap_chart_frame", "png_name", "status_label", "task_status_label", "task_timeline", "trajectory",
]
