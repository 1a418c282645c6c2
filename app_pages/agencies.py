"""Cơ quan — one card per lead agency (after the 2025 mergers): its targets and tasks, most behind first."""


import streamlit as st

from hue57 import calendar, metrics, tasks, ui, views
from hue57.i18n import fmt_percent, t

ctx = ui.current()
snap = ui.snapshot(ctx.upload_id)
year = ui.as_of_year(ctx, t("indicator.as_of", ctx.lang))
assessed = metrics.assess(snap.targets, snap.actuals, year)
task_table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, calendar.today())
cards = views.agency_cards(assessed, tasks.target_leads(snap.targets, snap.agencies),
                           tasks.agency_task_rollup(task_table), snap.agencies)
reporting = tasks.reporting_status(task_table, snap.progress, calendar.today()).set_index("agency_id")

st.title(t("page.agencies", ctx.lang))
st.caption(t("agencies.caption", ctx.lang))
for card in cards.itertuples(index=False):
    with st.container(border=True):
        name = card.name_en if ctx.lang == "en" else card.name_vi
        st.markdown(f"#### {name}")
        left, right = st.columns(2)
        with left:
            st.markdown(f"**{t('agencies.targets', ctx.lang, n=card.targets)}**")
            st.markdown(" · ".join(f"{views.status_text(s, ctx.lang)}: {getattr(card, 't_' + s)}"
                                   for s in metrics.STATUS_ORDER if getattr(card, "t_" + s)) or "—")
            if card.behind_codes:
                st.markdown(t("agencies.behind_targets", ctx.lang, codes=", ".join(card.behind_codes)))
        with right:
            st.markdown(f"**{t('agencies.tasks', ctx.lang, n=card.tasks)}**")
            if card.tasks:
                st.markdown(t("agencies.on_time", ctx.lang, on_time=card.judged - card.late, judged=card.judged,
                              pct=fmt_percent(card.on_time_pct, ctx.lang, 0)))
            if card.overdue_tasks:
                st.markdown(t("agencies.overdue", ctx.lang, n=len(card.overdue_tasks),
                              tasks=", ".join(map(str, card.overdue_tasks))))
            if card.agency_id in reporting.index and reporting.at[card.agency_id, "expected"]:
                owed = reporting.loc[card.agency_id]
                st.markdown(t("agencies.reports", ctx.lang, reported=owed["reported"], expected=owed["expected"],
                              missing=", ".join(map(str, owed["missing"])) or "—"))
