"""Cơ quan — one card per lead agency (after the 2025 mergers): its targets and tasks, most behind first."""

import streamlit as st

from hue57 import briefing, calendar, tasks, ui
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
reporting = tasks.reporting_status(task_table, snap.progress, today).set_index("agency_id")

for card in cards.itertuples(index=False):
    with st.container(border=True):
        st.markdown(f"**{card.name_en if ctx.lang == 'en' else card.name_vi}**")
        left, right = st.columns(2)
        targets_text, tasks_text = agencies_view.agency_card_text(card, reporting, ctx.lang)
        left.markdown(targets_text)
        right.markdown(tasks_text)
