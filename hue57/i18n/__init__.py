"""The only place that knows words on screen and how numbers are written (vi first, en on a switch)."""

from hue57.i18n._catalogue import CATALOGUE, LANGS, catalogue_section, t, tn
from hue57.i18n._formats import (
    fmt_date,
    fmt_datetime,
    fmt_document_date,
    fmt_int,
    fmt_number,
    fmt_percent,
    fmt_value,
    normalise_lang,
    unit_name,
)
from hue57.i18n._plan import plan_text
from hue57.i18n._wording import (
    COMPARATOR_SYMBOLS,
    STATUS_ICONS,
    TASK_STATUS_ICONS,
    agency_label,
    agency_labels,
    expected_label,
    gap_label,
    gap_text,
    group_label,
    latest_text,
    latest_value_text,
    plan_targets_text,
    rate_text,
    roman,
    status_label,
    target_name,
    target_text,
    task_status_label,
    trend_text,
    upload_labels,
    who_label,
)

__all__ = [
    "COMPARATOR_SYMBOLS", "STATUS_ICONS", "TASK_STATUS_ICONS", "agency_label", "agency_labels", "expected_label", "gap_label", "gap_text",
    "group_label", "roman", "latest_text", "latest_value_text", "plan_targets_text", "rate_text", "status_label",
    "target_name", "target_text", "task_status_label", "trend_text", "upload_labels", "who_label",
    "CATALOGUE",
    "catalogue_section",
    "LANGS",
    "fmt_date",
    "fmt_datetime",
    "fmt_document_date",
    "fmt_int",
    "fmt_number",
    "fmt_percent",
    "fmt_value",
    "normalise_lang",
    "plan_text",
    "t",
    "tn",
    "unit_name",
]
