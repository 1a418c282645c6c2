"""The indicator page's trajectory: actuals, the required path, the projection and the target."""

from __future__ import annotations

import altair as alt
import pandas as pd

from hue57.charts._locale import localised
from hue57.i18n import fmt_value, t, unit_name

SERIES_STYLE = {  # series → (dash, colour): told apart by dash and legend words, not colour alone
    "actual": ([], "#0072B2"),
    "required": ([8, 4], "#009E73"),
    "projection": ([2, 3], "#D55E00"),
}


def trajectory(paths: pd.DataFrame, targets: pd.DataFrame, *, unit: str, lang: str = "vi",
               basis_changes: pd.DataFrame | None = None) -> alt.LayerChart:
    """`paths`: long form `code, horizon, year, series, value` (series actual, required, projection,
    target); `targets`: the target rows drawn as rules (`horizon`, `target_value`); `basis_changes`:
    years (`year`, `label`) from which a rank counts among another number, drawn as labelled vertical rules.

    A rank axis is inverted with 1 at the top, so "up" is always "better".
    """
    rank = unit == "rank"
    data = paths[paths["series"] != "target"].copy()
    data["series_text"] = [t(f"chart.series.{s}", lang) for s in data["series"]]
    data["value_text"] = [fmt_value(v, unit, lang) for v in data["value"]]
    data["line"] = data["series"] + "-" + data["horizon"].astype(str)
    domain = [t(f"chart.series.{s}", lang) for s in SERIES_STYLE]
    values = pd.concat([data["value"], targets["target_value"]]).dropna()
    lo, hi = (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)
    if rank:
        scale = alt.Scale(domain=[max(hi * 1.1, hi + 1), 1], nice=False)
    else:
        top = 100.0 if unit.startswith("%") and 0 < hi <= 100 else (hi * 1.1 if hi > 0 else 1.0)  # a share ends at 100%
        scale = alt.Scale(domain=[min(0.0, lo), top], nice=True)
    years = alt.X("year:Q", title=t("col.year", lang), axis=alt.Axis(format="d", tickMinStep=1),
                  scale=alt.Scale(nice=False))
    y = alt.Y("value:Q", title=_axis_title(unit, lang), scale=scale)
    # One legend of line samples (colour and dash together), the way the lines are drawn.
    legend = alt.Legend(orient="top", labelFontSize=12, symbolType="stroke", symbolStrokeWidth=2.5, symbolSize=500)
    color = alt.Color("series_text:N", title=None, legend=legend,
                      scale=alt.Scale(domain=domain, range=[c for _, c in SERIES_STYLE.values()]))
    dash = alt.StrokeDash("series_text:N", title=None, legend=legend,
                          scale=alt.Scale(domain=domain, range=[d for d, _ in SERIES_STYLE.values()]))
    tooltip = [alt.Tooltip("series_text:N", title=t("chart.series", lang)),
               alt.Tooltip("year:Q", title=t("col.year", lang), format="d"),
               alt.Tooltip("value_text:N", title=t("col.value", lang))]
    base = alt.Chart(data)
    lines = base.mark_line(strokeWidth=2.5).encode(x=years, y=y, color=color, strokeDash=dash,
                                                   detail="line:N", tooltip=tooltip)
    points = base.transform_filter(alt.datum.series == "actual").mark_point(
        filled=True, size=90, shape="circle").encode(x=years, y=y, color=color, tooltip=tooltip)
    rules = targets.dropna(subset=["target_value"]).assign(
        label=lambda f: [t("chart.target_label", lang, horizon=int(h), value=fmt_value(v, unit, lang))
                         for h, v in zip(f["horizon"], f["target_value"], strict=True)])
    layers = [lines, points]
    if len(rules):
        rule = alt.Chart(rules).mark_rule(color="#333333", strokeDash=[1, 0], strokeWidth=1.5).encode(
            y=alt.Y("target_value:Q", scale=scale))
        label = alt.Chart(rules).mark_text(align="left", dy=-7, fontSize=12, color="#333333").encode(
            y=alt.Y("target_value:Q", scale=scale), x=alt.value(4), text="label:N")
        layers += [rule, label]
    if basis_changes is not None and len(basis_changes):
        marks = alt.Chart(basis_changes)
        layers += [marks.mark_rule(color="#555555", strokeDash=[4, 4]).encode(x=alt.X("year:Q")),
                   marks.mark_text(align="left", baseline="bottom", dx=4, fontSize=12, color="#333333").encode(
                       x=alt.X("year:Q"), y=alt.value(376), text="label:N")]
    return localised(alt.layer(*layers).properties(height=380, width="container"), lang)


def _axis_title(unit: str, lang: str) -> str:
    return t("chart.axis.rank", lang) if unit == "rank" else unit_name(unit, lang)
