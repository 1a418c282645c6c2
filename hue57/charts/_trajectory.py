"""The indicator page's trajectory: actuals, the required path, the projection and the target."""

from __future__ import annotations

import altair as alt
import pandas as pd

from hue57.charts._locale import localised
from hue57.i18n import fmt_number, fmt_value, t, unit_name

SERIES_STYLE = {  # series → (dash, colour): told apart by dash and legend words, not colour alone
    "actual": ([], "#0072B2"),
    "required": ([8, 4], "#009E73"),
    "projection": ([2, 3], "#D55E00"),
}


def trajectory(paths: pd.DataFrame, targets: pd.DataFrame, *, unit: str, lang: str = "vi",
               basis_changes: pd.DataFrame | None = None, text_size: int = 12) -> alt.LayerChart:
    """`paths`: long form `code, horizon, year, series, value` (series actual, required, projection,
    target); `targets`: the target rows drawn as rules (`horizon`, `target_value`); `basis_changes`:
    years (`year`, `label`) from which a rank counts among another number, drawn as labelled vertical rules.

    A rank axis is inverted with 1 at the top, so "up" is always "better". Each horizon's target is labelled
    once, a band ('8–10%') above its upper edge, and a second horizon's label sits at the right end of its line:
    two labels never print over each other. `text_size` (px at the chart's own width) sets every piece of
    text, for an image that a projector or a phone draws at another size.
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
    # Three words abreast do not fit a phone: below 480 px the samples stand one under the other.
    legend = alt.Legend(orient="top", labelFontSize=text_size, symbolType="stroke", symbolStrokeWidth=2.5,
                        symbolSize=500, labelLimit=0, columns=alt.ExprRef("width < 480 ? 1 : 3"))
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
    rules = targets.dropna(subset=["target_value"])[["horizon", "target_value"]]
    labels = _target_labels(rules, unit, lang)
    layers = [lines, points]
    if len(rules):
        rule = alt.Chart(rules).mark_rule(color="#333333", strokeDash=[1, 0], strokeWidth=1.5).encode(
            y=alt.Y("target_value:Q", scale=scale))
        layers.append(rule)
        for side, shown in labels.groupby("align", sort=False):
            left = side == "left"
            # below 480 px the words would run over the points: the page's caption names the target there
            layers.append(alt.Chart(shown).mark_text(align=side, dx=4 if left else -4, dy=-7, fontSize=text_size,
                                                     color="#333333",
                                                     opacity=alt.ExprRef("width < 480 ? 0 : 1")).encode(
                y=alt.Y("target_value:Q", scale=scale), text="label:N", x=alt.value(0 if left else "width")))
    if basis_changes is not None and len(basis_changes):
        marks = alt.Chart(basis_changes)
        layers += [marks.mark_rule(color="#555555", strokeDash=[4, 4]).encode(x=alt.X("year:Q")),
                   marks.mark_text(align="left", baseline="top", dx=4, dy=4, fontSize=text_size, color="#333333").encode(
                       x=alt.X("year:Q"), y=alt.value(0), text="label:N")]  # at the top: always inside the plot
    chart = alt.layer(*layers).properties(height=380, width="container")
    return localised(chart, lang).configure_axis(labelFontSize=text_size, titleFontSize=text_size)


def _target_labels(rules: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """One label per horizon at the edge drawn highest ('Mục tiêu 2030: 8–10%' over a band's upper line),
    the first horizon's at the left, the next at the right."""
    rank = unit == "rank"
    out = []
    for i, (horizon, edges) in enumerate(rules.groupby("horizon", sort=True)["target_value"]):
        lo, hi = float(edges.min()), float(edges.max())
        value = fmt_value(lo, unit, lang) if lo == hi else f"{fmt_number(lo, lang)}–{fmt_value(hi, unit, lang)}"
        out.append({"horizon": horizon, "target_value": lo if rank else hi, "align": "left" if i % 2 == 0 else "right",
                    "label": t("chart.target_label", lang, horizon=int(horizon), value=value)})
    return pd.DataFrame(out, columns=["horizon", "target_value", "align", "label"])


def _axis_title(unit: str, lang: str) -> str:
    return t("chart.axis.rank", lang) if unit == "rank" else unit_name(unit, lang)
