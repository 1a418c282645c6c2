"""Nhiệm vụ — the plan's tasks: status today, overdue, by agency and group, timeline."""


import streamlit as st

from hue57 import briefing, calendar, charts, export, store, tasks, ui
from hue57.i18n import agency_label, group_label, plan_text, t, task_status_label, tn
from hue57.ui.views import tasks as tasks_view

ctx = ui.current()
snap = ui.snapshot(ctx.upload_id)
today = calendar.today()
table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, today)

st.title(t("page.tasks", ctx.lang))
st.caption(tn("tasks.page.caption", len(snap.tasks), ctx.lang, period=tasks.period_label(tasks.current_period(today), ctx.lang)))

groups = sorted(table["group"].unique().tolist())
agency_ids = briefing.agency_options(table["lead_current"])
years = sorted({str(d.year) for d in table["due_date"].dropna()})
c1, c2, c3, c4 = st.columns(4)
with c1:
    group = ui.choice(ctx, "task_group", t("tasks.col.group", ctx.lang), [str(g) for g in groups],
                      lambda g: group_label(g, ctx.lang))
with c2:
    agency = ui.choice(ctx, "agency", t("tasks.col.lead_current", ctx.lang), agency_ids,
                       lambda a: agency_label([a], snap.agencies, ctx.lang) if a else t("filter.all", ctx.lang))
with c3:
    status = ui.choice(ctx, "task_status", t("tasks.col.status", ctx.lang), list(tasks.STATUS_ORDER),
                       lambda s: task_status_label(s, ctx.lang) if s else t("filter.all", ctx.lang))
with c4:
    due_year = ui.choice(ctx, "due", t("tasks.col.due", ctx.lang), years,
                         lambda y: y or t("filter.all", ctx.lang))

shown = tasks.filter_tasks(table, group=group, agency=agency, status=status, due_year=due_year)
ui.status_tiles(tasks_view.task_status_counts(shown, ctx.lang))
listing = tasks_view.task_listing(shown, snap.agencies, ctx.lang)
with st.container(key="tasks_timeline"):  # hidden on a phone, where the list below stands in for it
    ui.chart(charts.task_timeline(shown, today, ctx.lang))
ui.task_list(tasks_view.timeline_list(listing, ctx.lang))
ui.table(listing, nowrap=[t(k, ctx.lang) for k in ("tasks.col.no", "tasks.col.due", "tasks.col.status")],
         wide=[t("tasks.col.title", ctx.lang), t("tasks.col.lead_current", ctx.lang)],
         whole=[t(k, ctx.lang) for k in ("tasks.col.deadline", "tasks.col.last_period")])
if ctx.lang == "en":
    st.caption(t("gloss.unofficial", ctx.lang))
st.download_button(t("export.csv", ctx.lang), lambda: export.csv_bytes(listing), file_name=f"nhiem-vu_{today}.csv",
                   mime="text/csv")

st.subheader(t("tasks.periods.title", ctx.lang, period=tasks.period_label(tasks.current_period(today), ctx.lang)))
reporting = tasks.reporting_status(table, snap.progress, today)
st.caption(t("tasks.periods.caption", ctx.lang))
ui.table(tasks_view.reporting_listing(reporting, snap.agencies, ctx.lang), wide=[t("tasks.col.lead_current", ctx.lang)])

st.subheader(t("tasks.detail.title", ctx.lang))
by_no = table.set_index("no")
no = st.selectbox(t("tasks.col.title", ctx.lang), shown["no"].tolist(), key="task",
                  format_func=lambda n: f"{n}. {plan_text(by_no.loc[n], 'title_vi', ctx.lang)[:90]}")
if no is not None:
    ui.task_detail(by_no.loc[no], store.progress_history(None, no, ctx.upload_id), snap.agencies, ctx)
