"""Cơ quan — one card per lead agency (after the 2025 mergers): its targets and tasks, most behind first."""

import streamlit as st

from hue57 import briefing, calendar, reporting, store, tasks, ui
from hue57.i18n import t
from hue57.ui.views import agencies as agencies_view

ctx = ui.current()
snap = ui.snapshot(ctx.upload_id)

st.title(t("page.agencies", ctx.lang))
st.caption(t("agencies.caption", ctx.lang))
with st.columns([1, 5])[0]:
    year = ui.as_of_year(ctx, t("indicator.as_of", ctx.lang))
today = calendar.today()
task_table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, today)
cards = briefing.agency_cards(ui.board(ctx.upload_id, year), tasks.target_leads(snap.targets, snap.agencies),
                           tasks.agency_task_rollup(task_table), snap.agencies)
owed = tasks.reporting_status(task_table, snap.progress, today).set_index("agency_id")
states = reporting.report_states(store.db_path(), tasks.current_period(today), today, snap=snap).set_index("agency_id")

for card in cards.itertuples(index=False):
    with st.container(border=True):
        st.markdown(f"**{card.name_en if ctx.lang == 'en' else card.name_vi}**")
        left, right = st.columns(2)
        targets_text, tasks_text = agencies_view.agency_card_text(card, owed, ctx.lang)
        left.markdown(targets_text)
        right.markdown(tasks_text)
        if card.agency_id in states.index:
            report = states.loc[card.agency_id]
            st.caption(t("agencies.report_state", ctx.lang, period=tasks.period_label(report["period"], ctx.lang),
                         state=t(f"report.state.{report['state']}", ctx.lang),
                         on_time=reporting.on_time_text(report["on_time"], ctx.lang)))
