"""The overview's gap chart as an image (PNG export, the compiled report): each target on its own scale."""

from __future__ import annotations

import altair as alt
import pandas as pd

from hue57.charts._locale import localised
from hue57.charts._palette import STATUS_COLORS, STATUS_ORDER, status_label
from hue57.i18n import STATUS_ICONS, gap_label, t

GAP_CHART_ROWS = 60  # more bars than this cannot be read on a projector



def gap_chart_frame(rows: pd.DataFrame, lang: str, limit: int = GAP_CHART_ROWS) -> pd.DataFrame:
    """What the gap chart image draws: `hue57.briefing.gap_rows` (already worst first) labelled in the reader's words.

    A plan larger than `limit` rows shows the `limit` most behind; the page says how many are left out.
    """
    rows = rows.head(limit)
    names = rows["name_en" if lang == "en" else "name_vi"]
    label = [f"{STATUS_ICONS[s]} {c}. {n[:46]}{'…' if len(n) > 46 else ''}"
             for s, c, n in zip(rows["status"], rows["code"], names, strict=True)]
    return pd.DataFrame({"label": label, "status": rows["status"].tolist(),
                         "value_text": [gap_label(r, lang) for r in rows.to_dict("records")],
                         "pos_latest": rows["pos_latest"].tolist(), "pos_target": rows["pos_target"].tolist(),
                         "pos_expected": rows["pos_expected"].tolist()})


def gap_bars(frame: pd.DataFrame, lang: str = "vi") -> alt.Chart:
    """`frame`: one row per target with `label` (status icon, code and name), `status`, `value_text` (e.g.
    '12,5 / ≥ 30% GRDP (2025)') and positions in [0, 1] along the row's own scale: `pos_latest`,
    `pos_target`, `pos_expected` (NaN: none), as `hue57.briefing.gap_rows` gives them.

    The bar runs to the latest value, a solid tick marks the target and a dashed tick where the required
    path is now; the numbers are written beside each row, so no share of the way is ever shown as a value
    and status never depends on colour (the label carries its icon).
    """
    data = frame[["label", "status", "value_text", "pos_latest", "pos_target", "pos_expected"]].copy()
    data["status_text"] = [status_label(s, lang) for s in data["status"]]
    data["track"] = 1.0
    order = data["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=380, labelFontSize=13))
    statuses = [s for s in STATUS_ORDER if s in set(data["status"])]
    color = alt.Color(
        "status_text:N", title=t("col.status", lang),
        scale=alt.Scale(domain=[status_label(s, lang) for s in statuses], range=[STATUS_COLORS[s] for s in statuses]),
        legend=alt.Legend(orient="top", labelFontSize=12, titleFontSize=12))
    x = alt.X("track:Q", scale=alt.Scale(domain=[0, 1.75]), axis=None)
    tooltip = [alt.Tooltip("label:N", title=t("col.name", lang)), alt.Tooltip("value_text:N", title=t("col.value", lang))]
    base = alt.Chart(data)
    track = base.mark_bar(color="#ECEEF2", height=16).encode(x=x, y=y)
    bars = base.mark_bar(height=16).encode(x=alt.X("pos_latest:Q", scale=alt.Scale(domain=[0, 1.75])), y=y,
                                           color=color, tooltip=tooltip)
    target = base.transform_filter("isValid(datum.pos_target)").mark_tick(
        color="#222222", thickness=3, size=22).encode(x=alt.X("pos_target:Q", scale=alt.Scale(domain=[0, 1.75])), y=y)
    expected = base.transform_filter("isValid(datum.pos_expected)").mark_tick(
        color="#222222", thickness=2, size=20, strokeDash=[3, 2]).encode(
        x=alt.X("pos_expected:Q", scale=alt.Scale(domain=[0, 1.75])), y=y)
    labels = base.mark_text(align="left", dx=6, fontSize=13, color="#222222").encode(
        x=alt.datum(1.0), y=y, text="value_text:N")
    return localised((track + bars + target + expected + labels).properties(height=alt.Step(28), width="container"),
                     lang)
