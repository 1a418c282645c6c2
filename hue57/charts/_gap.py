"""The overview's gap chart: one bar per target, how far it has come from its base toward its target."""

from __future__ import annotations

import altair as alt
import pandas as pd

from hue57.charts._locale import localised
from hue57.charts._palette import STATUS_COLORS, STATUS_ICONS, STATUS_ORDER, status_label
from hue57.i18n import fmt_percent, t


def gap_bars(frame: pd.DataFrame, lang: str = "vi") -> alt.Chart:
    """`frame`: one row per target with `label` (code + name), `status` and `progress` (0–1, NaN unknown).

    The grey track is the whole way from base to target; the coloured bar is the part already covered.
    Each bar ends in its status icon and word, so status never depends on colour.
    """
    data = frame[["label", "status", "progress"]].copy()
    data["shown"] = data["progress"].clip(0, 1).fillna(0.0)
    data["status_text"] = [status_label(s, lang) for s in data["status"]]
    data["end_text"] = [
        f"{STATUS_ICONS[s]} {fmt_percent(100 * p, lang, 0)}" if pd.notna(p) else status_label(s, lang)
        for s, p in zip(data["status"], data["progress"], strict=True)
    ]
    data["track"] = 1.0
    order = data["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=360, labelFontSize=12))
    statuses = [s for s in STATUS_ORDER if s in set(data["status"])]
    color = alt.Color(
        "status_text:N", title=t("col.status", lang),
        scale=alt.Scale(domain=[status_label(s, lang) for s in statuses],
                        range=[STATUS_COLORS[s] for s in statuses]),
        legend=alt.Legend(orient="top", labelFontSize=12, titleFontSize=12))
    tooltip = [alt.Tooltip("label:N", title=t("col.name", lang)),
               alt.Tooltip("status_text:N", title=t("col.status", lang)),
               alt.Tooltip("end_text:N", title=t("chart.gap.progress", lang))]
    x_axis = alt.Axis(format="%", title=t("chart.gap.axis", lang), grid=True, values=[0, 0.25, 0.5, 0.75, 1])
    track = alt.Chart(data).mark_bar(color="#EEEEEE", height=14).encode(
        x=alt.X("track:Q", scale=alt.Scale(domain=[0, 1.3]), axis=x_axis), y=y)
    bars = alt.Chart(data).mark_bar(height=14).encode(x="shown:Q", y=y, color=color, tooltip=tooltip)
    labels = alt.Chart(data).mark_text(align="left", dx=4, fontSize=12, color="#222222").encode(
        x=alt.datum(1.0), y=y, text="end_text:N")
    return localised((track + bars + labels).properties(height=alt.Step(26), width="container"), lang)
