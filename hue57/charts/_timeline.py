"""The Appendix II timeline: one line per task from its start to its due date, coloured and labelled by
status, with a rule at today.

- A one-off task is a bar from its start (or the plan's start, 1/1/2025, when the deadline gives none) to
  its due date.
- A recurring task is a thin dashed line across the whole timeline, from its start (or the plan's
  start) to the end of the axis.
- A task whose deadline did not parse is a "?" point at the plan's start: no dates are guessed.
- Status is never told by colour alone: every task carries its status word (with an icon) as a text
  label beside its mark and in its tooltip. Colours are Okabe–Ito (safe for colour-blind readers).
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from hue57.i18n import TASK_STATUS_ICONS, fmt_date, normalise_lang, plan_text, t, task_status_label
from hue57.tasks.status import STATUS_ORDER
from hue57.tasks.status import plan_start as _plan_start

__all__ = ["TASK_STATUS_COLORS", "TASK_STATUS_ICONS", "task_status_label", "task_timeline"]

TASK_STATUS_COLORS = {
    "overdue": "#D55E00",
    "due_soon": "#E69F00",
    "not_reported": "#CC79A7",
    "in_progress": "#0072B2",
    "not_started": "#BDBDBD",
    "reported": "#56B4E9",
    "done": "#009E73",
    "unparsed": "#7F7F7F",
}


_TITLE_CHARS = 60
_ROW_PX = 24  # one readable label per task row at 1280×720
_LABEL_YEARS = 2


def _short(title: str, limit: int = _TITLE_CHARS) -> str:
    title = " ".join(str(title).split())
    return title if len(title) <= limit else title[: limit - 1].rstrip(" ,;.") + "…"


def _rows(task_table: pd.DataFrame, on: date, lang: str) -> tuple[pd.DataFrame, pd.Timestamp]:
    """One row per task with everything the layers draw, and the end of the time axis."""
    plan_start = pd.Timestamp(_plan_start())
    today = pd.Timestamp(on)
    end = max(task_table["due_date"].max() if task_table["due_date"].notna().any() else today, today)
    end = pd.Timestamp(date(end.year, 12, 31))  # recurring lines run to here

    table = task_table.sort_values("no", kind="stable")
    kind = pd.Series("one_off", index=table.index, dtype="str")
    kind = kind.mask(table["recurring"].astype(bool), "recurring").mask(~table["parsed"].astype(bool), "unparsed")
    start = table["start_date"].fillna(plan_start).where(kind != "unparsed")
    finish = table["due_date"].where(kind == "one_off", end).where(kind != "unparsed")
    none = t("none", lang)
    titles = plan_text(table, "title_vi", lang)
    return pd.DataFrame({
        "no": table["no"].astype("int64"),
        "task": [f"{no}. {_short(title)}" for no, title in zip(table["no"], titles, strict=True)],
        "title": titles.astype("str"),
        "kind": kind,
        "x": start.fillna(plan_start),
        "x2": finish,
        "label_x": finish.fillna(start).fillna(plan_start),
        "status": table["status"].astype("str"),
        "status_label": [task_status_label(s, lang) for s in table["status"]],
        "deadline": plan_text(table, "deadline_text", lang).astype("str"),
        "lead": table["lead_agency"].astype("str"),
        "start_text": [
            fmt_date(s.date(), lang) if pd.notna(s) else (t("tasks.chart.no_start", lang, date=fmt_date(_plan_start(), lang))
                                                          if k != "unparsed" else none)
            for s, k in zip(table["start_date"], kind, strict=True)
        ],
        "due_text": [
            fmt_date(d.date(), lang) if pd.notna(d) else (t("tasks.recurring", lang) if k == "recurring" else none)
            for d, k in zip(table["due_date"], kind, strict=True)
        ],
    }).reset_index(drop=True), end


def task_timeline(task_table: pd.DataFrame, on: date, lang: str = "vi") -> alt.LayerChart:
    """The timeline of :func:`hue57.tasks.task_table` on date ``on`` (labels in ``lang``)."""
    on = pd.Timestamp(on).date()  # a date, datetime or Timestamp all mean that day
    lang = normalise_lang(lang)
    rows, end = _rows(task_table, on, lang)
    order = rows["task"].tolist()
    present = [s for s in STATUS_ORDER if s in set(rows["status"])]

    y = alt.Y("task:N", sort=order, title=None, axis=alt.Axis(labelLimit=420))  # the labels say "task"; a title overlaps them
    room = pd.Timestamp(date(end.year + _LABEL_YEARS, 12, 31))  # space right of the bars for status words
    x_scale = alt.Scale(domain=[pd.Timestamp(_plan_start()).isoformat(), room.isoformat()])
    x = alt.X("x:T", title=t("tasks.chart.time", lang), scale=x_scale, axis=alt.Axis(format="%Y", tickCount="year"))
    color = alt.Color(
        "status_label:N",
        title=t("tasks.col.status", lang),
        scale=alt.Scale(domain=[task_status_label(s, lang) for s in present],
                        range=[TASK_STATUS_COLORS[s] for s in present]),
        legend=alt.Legend(orient="bottom", columns=4),
    )
    tooltip = [
        alt.Tooltip("task:N", title=t("tasks.col.no", lang)),
        alt.Tooltip("title:N", title=t("tasks.col.title", lang)),
        alt.Tooltip("status_label:N", title=t("tasks.col.status", lang)),
        alt.Tooltip("deadline:N", title=t("tasks.col.deadline", lang)),
        alt.Tooltip("start_text:N", title=t("tasks.col.start", lang)),
        alt.Tooltip("due_text:N", title=t("tasks.col.due", lang)),
        alt.Tooltip("lead:N", title=t("tasks.col.lead", lang)),
    ]
    encode = {"y": y, "color": color, "tooltip": tooltip}

    one_off = rows[rows["kind"] == "one_off"]
    recurring = rows[rows["kind"] == "recurring"]
    unparsed = rows[rows["kind"] == "unparsed"]
    bars = alt.Chart(one_off).mark_bar(height=_ROW_PX - 6, cornerRadius=2).encode(x=x, x2="x2:T", **encode)
    lines = alt.Chart(recurring).mark_rule(strokeWidth=3, strokeDash=[6, 3]).encode(x=x, x2="x2:T", **encode)
    points = alt.Chart(unparsed).mark_point(shape="diamond", filled=True, size=80).encode(x=x, **encode)
    labels = alt.Chart(rows).mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.X("label_x:T", scale=x_scale), y=y, text="status_label:N", tooltip=tooltip)

    marker = pd.DataFrame({"x": [pd.Timestamp(on)],
                           "label": [t("tasks.chart.today", lang, date=fmt_date(on, lang))]})
    today_rule = alt.Chart(marker).mark_rule(color="#000000", strokeWidth=2).encode(
        x=alt.X("x:T", scale=x_scale), tooltip=alt.Tooltip("label:N", title=t("tasks.chart.time", lang)))
    today_text = alt.Chart(marker).mark_text(align="left", baseline="bottom", dx=4, fontWeight="bold").encode(
        x=alt.X("x:T", scale=x_scale), y=alt.value(-4), text="label:N")

    return alt.layer(bars, lines, points, labels, today_rule, today_text).properties(
        height=alt.Step(_ROW_PX), width="container",
    )
