"""Status colours (Okabe–Ito, safe for colour-blind readers) and the icon that always goes with them."""

from hue57.i18n import t
from hue57.metrics import STATUS_ORDER

__all__ = ["STATUS_COLORS", "STATUS_ICONS", "STATUS_ORDER", "status_label"]

STATUS_COLORS = {
    "met": "#009E73",
    "on_track": "#0072B2",
    "moderate": "#E69F00",
    "insufficient": "#D55E00",
    "regressing": "#CC79A7",
    "missed": "#000000",
    "insufficient_data": "#7F7F7F",
    "no_data": "#BDBDBD",
}

# Status is never told by colour alone: every mark and cell carries one of these with the status word.
STATUS_ICONS = {
    "met": "✔",
    "on_track": "▲",
    "moderate": "►",
    "insufficient": "▼",
    "regressing": "✖",
    "missed": "⊘",
    "insufficient_data": "…",
    "no_data": "○",
}


def status_label(status: str, lang: str) -> str:
    """The icon and the word of a target status ('✔ Đã đạt'): what every chart, tile and table shows."""
    return f"{STATUS_ICONS[status]} {t(f'status.{status}', lang)}"
