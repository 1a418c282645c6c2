"""The compiled report's section for analysts: proposals, "Tạo báo cáo", a preview of sections I–III, the
download, and the reports built before. Viewers and meeting links never see it."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from hue57 import calendar, store
from hue57.i18n import t
from hue57.tasks.periods import current_period, period_label, period_start
from hue57.ui._context import Context
from hue57.ui._widgets import plain, text_table

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def recent_periods(today: dt.date, count: int = 4) -> list[str]:
    """The current half-year and the ones before it, newest first, not before the plan began (plan.toml)."""
    from hue57.tasks import plan_start  # noqa: PLC0415

    periods = [current_period(today)]
    while len(periods) < count:
        before = period_start(periods[-1]) - dt.timedelta(days=1)
        if before < plan_start():
            break
        periods.append(current_period(before))
    return periods


def compiled_report_section(ctx: Context) -> None:
    """Build the compiled Word report from the current data, preview it, download it; list earlier builds."""
    if ctx.role != "analyst":  # a viewer or a meeting link: not even the heading
        return
    from hue57 import document  # noqa: PLC0415 — python-docx loads only where the section is drawn

    db = store.db_path()
    st.subheader(t("report.page.heading", ctx.lang))
    st.caption(t("report.page.caption", ctx.lang))
    left, right = st.columns(2)
    period = left.selectbox(t("report.page.period", ctx.lang), recent_periods(calendar.today()),
                            format_func=lambda p: f"{period_label(p, ctx.lang)} ({p})", key="report_period")
    on = right.date_input(t("report.page.date", ctx.lang), value=document.default_date(period),
                          min_value=period_start(period), key=f"report_date_{period}", format="DD/MM/YYYY")
    proposals = st.text_area(t("report.page.proposals", ctx.lang), key="report_proposals", height=150)
    if st.button(t("report.page.build", ctx.lang), type="primary", icon=":material/description:"):
        try:
            built = document.build_and_record(db, period, by=ctx.user or "analyst", on=on, lang=ctx.lang,
                                            proposals=proposals)
        except document.DocumentRefused as exc:
            st.error(plain(str(exc)))
        else:
            st.session_state["report_built"] = (built.report_id, document.preview_tables(built.content))
    if shown := st.session_state.get("report_built"):
        report_id, tables = shown
        name, data = document.document_bytes(db, report_id, ctx.lang)
        st.download_button(t("report.page.download", ctx.lang), data, file_name=name, mime=DOCX_MIME,
                           type="primary", icon=":material/download:")
        with st.expander(t("report.page.preview", ctx.lang), expanded=True):
            for heading, table in tables:
                if table is None:
                    st.markdown(plain(heading))
                    continue
                st.markdown(f"**{plain(heading)}**")
                text_table(table)
    built = document.list_documents(db, ctx.lang)
    if built.empty:
        return
    st.markdown(f"**{t('report.page.history', ctx.lang)}**")
    st.dataframe(built.rename(columns={"id": t("report.col.id", ctx.lang)}), hide_index=True, width="stretch", placeholder="")
    choice = st.selectbox(t("report.page.download_again", ctx.lang), built["id"].tolist(),
                          format_func=lambda i: f"#{i}", key="report_again")
    name, data = document.document_bytes(db, int(choice), ctx.lang)
    st.download_button(t("report.page.download_again", ctx.lang), data, file_name=name, mime=DOCX_MIME,
                       key="report_again_download", icon=":material/download:")
