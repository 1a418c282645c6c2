"""The only place that knows words on screen and how numbers are written (vi first, en on a switch)."""

from hue57.i18n._catalogue import CATALOGUE, LANGS, t
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

__all__ = [
    "CATALOGUE",
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
    "unit_name",
]
