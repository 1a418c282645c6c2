"""Status colours (Okabe–Ito, safe for colour-blind readers); the icon and word beside each come from the wording."""

from hue57.i18n import STATUS_ICONS, status_label
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
