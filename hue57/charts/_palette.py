"""Status colours (Okabe–Ito, safe for colour-blind readers) and the icon that always goes with them."""

STATUS_ORDER = ("met", "on_track", "moderate", "insufficient", "regressing", "insufficient_data", "no_data")

STATUS_COLORS = {
    "met": "#009E73",
    "on_track": "#0072B2",
    "moderate": "#E69F00",
    "insufficient": "#D55E00",
    "regressing": "#CC79A7",
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
    "insufficient_data": "…",
    "no_data": "○",
}
