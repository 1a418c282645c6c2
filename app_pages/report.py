"""Báo cáo — an agency's six-monthly report form; for analysts, completeness by agency and review of one report.

Sections (analysts): completeness table, review of one report, the compiled Word report.
"""

import pandas as pd
import streamlit as st

from hue57 import calendar, ingest, reporting, store, ui
from hue57.i18n import fmt_date, fmt_datetime, t, tn
from hue57.ingest import PROGRESS_STATUSES, QUALITATIVE_STATUSES
from hue57.tasks import current_period, period_label, report_due
from hue57.ui._login import client_address  # the audit line's "from"

ctx = ui.current()
if not ui.require_reporter(ctx):
    st.stop()
db = store.db_path()
snap = ui.snapshot()
today = calendar.today()
lang = ctx.lang


def period_line(period: str) -> None:
    due = report_due(period)
    left = (due - today).days
    days = (tn("report.days_left", left, lang) if left > 0 else t("report.due_today", lang) if left == 0
            else tn("report.days_late", -left, lang))
    st.markdown(t("report.period_line", lang, label=period_label(period, lang), period=period,
                  due=fmt_date(due, lang), days=days))


def _when(utc) -> str:
    return fmt_datetime(calendar.local(pd.Timestamp(utc).to_pydatetime()), lang)


def saved(save) -> dict | None:
    """Run a save; the report as stored, or None after showing the refusal or the form's errors (row, column)."""
    try:
        check, stored = save()
    except reporting.ReportRefused as exc:
        st.error(exc.message(lang))
        return None
    if stored is None:
        st.error(tn("report.invalid", len(check.errors), lang))
        ui.text_table(check.errors)
    elif len(check.warnings):  # shown after the rerun the save makes: values the agency should check again
        st.session_state["report_warnings"] = ingest.warning_table(check, lang)
    return stored


def task_editor(frame: pd.DataFrame, key: str, header: dict[str, str]):
    """One task table of the agency's form: number, title and the last status read-only, the rest to fill."""
    return st.data_editor(frame, num_rows="fixed", key=key, width="stretch", placeholder="",
                          disabled=["task_no", "title", "previous"], column_config={
        "task_no": st.column_config.NumberColumn(header["task_no"], format="%d"),
        "title": st.column_config.TextColumn(header["title"], width="large"),
        "status": st.column_config.SelectboxColumn(
            header["status"], options=[t(f"ingest.progress.{s}", lang) for s in PROGRESS_STATUSES]),
        "progress_pct": st.column_config.NumberColumn(header["progress_pct"], min_value=0, max_value=100),
        "note": st.column_config.TextColumn(header["note"]),
        "evidence": st.column_config.TextColumn(header["evidence"]),
        "previous": st.column_config.TextColumn(t("report.header.previous", lang))})


def agency_form(reporter: reporting.Reporter, period: str) -> None:
    """The agency's form: its own tasks, the collective ones (optional), its indicators (when it monitors
    any), saved as a draft or submitted; offline as one Excel workbook, pre-filled with what it saved."""
    try:
        items = reporting.agency_items(snap, reporter.agency_id, period)
    except KeyError:  # an account bound to a body that owes nothing this period
        st.error(t("report.no_agency", lang))
        return
    sub = reporting.submission_for(db, reporter.agency_id, period)
    state = sub["state"] if sub else "missing"
    name = snap.agencies.set_index("agency_id").at[reporter.agency_id, "name_en" if lang == "en" else "name_vi"]
    st.caption(t("report.agency_line", lang, agency=name, state=t(f"report.state.{state}", lang)))
    if message := st.session_state.pop("report_message", None):
        st.success(message)
    if (warnings := st.session_state.pop("report_warnings", None)) is not None:
        st.warning(tn("report.check_warnings", len(warnings), lang))
        ui.text_table(warnings)
    stored_tasks, stored_figures = reporting.report_rows(sub) if sub else (None, None)
    has_indicators = len(items.indicators) > 0
    if state == "returned" and sub.get("comment"):  # until the report is submitted again, drafts included
        st.warning(t("report.returned_comment", lang, by=ui.plain(sub["reviewed_by"]), comment=ui.plain(sub["comment"]))
                   + "  \n" + t("report.returned_still", lang))
    if state in ("submitted", "accepted"):
        if state == "submitted":
            st.info(t("report.locked.submitted", lang, at=_when(sub["submitted_at"])))
        else:
            st.info(t("report.locked.accepted", lang, by=ui.plain(sub["reviewed_by"]), upload=sub["upload_id"]))
        st.subheader(t("report.tasks", lang))
        ui.text_table(reporting.task_rows_table(stored_tasks, lang))
        if has_indicators:
            st.subheader(t("report.indicators", lang))
            ui.text_table(reporting.indicator_rows_table(stored_figures, lang))
        return

    generation = st.session_state.setdefault("report_upload_generation", 0)
    own_form = reporting.task_form(items, lang, stored_tasks, collective=False)
    shared_form = reporting.task_form(items, lang, stored_tasks, collective=True)
    figures_form = reporting.indicator_form(items, lang, stored_figures if sub else None)
    for frame in (own_form, shared_form, figures_form):
        frame.index = range(1, len(frame) + 1)  # the row numbers errors name
    header = {c: t(f"ingest.header.{c}", lang) for c in
              ("task_no", "title", "status", "progress_pct", "note", "evidence", "code", "name", "unit", "year",
               "value", "source", "basis")}
    # Not an st.form: each edit reruns the page and the editors keep their edits under their keys until saved
    # (in a form, edits to the second editor did not reach the server in our browser tests). The keys change
    # after a workbook is uploaded back, so the editors show what it saved.
    with st.container(border=True):
        st.subheader(t("report.own_tasks", lang))
        st.caption(t("report.own_tasks_help", lang))
        edited_own = task_editor(own_form, f"tasks_{period}_{generation}", header)
        edited_shared = None
        if len(shared_form):
            st.subheader(t("report.collective_tasks", lang))
            st.caption(t("report.collective_help", lang))
            edited_shared = task_editor(shared_form, f"collective_{period}_{generation}", header)
        edited_figures = None
        st.subheader(t("report.indicators", lang))
        if has_indicators:
            st.caption(t("report.indicators_help", lang))
            edited_figures = st.data_editor(
                figures_form, num_rows="fixed", key=f"figures_{period}_{generation}", width="stretch",
                placeholder="", disabled=["code", "name", "unit"], column_config={
                    "code": st.column_config.TextColumn(header["code"]),
                    "name": st.column_config.TextColumn(header["name"], width="medium"),
                    "unit": st.column_config.TextColumn(header["unit"]),
                    "year": st.column_config.NumberColumn(header["year"], format="%d", step=1),
                    "value": st.column_config.NumberColumn(header["value"]),
                    "status": st.column_config.SelectboxColumn(
                        header["status"], options=[t(f"status.{s}", lang) for s in QUALITATIVE_STATUSES]),
                    "source": st.column_config.TextColumn(header["source"]),
                    "note": st.column_config.TextColumn(header["note"]),
                    "basis": st.column_config.NumberColumn(header["basis"], format="%d", step=1)})
        else:
            st.caption(t("report.no_indicators", lang))
        save_col, submit_col, _ = st.columns([1, 1, 3])
        save = save_col.button(t("report.save", lang))
        submit = submit_col.button(t("report.submit", lang), type="primary")
    if save or submit:
        stored = saved(lambda: reporting.save_form(db, reporter, period, tasks=edited_own, collective=edited_shared,
                                                   indicators=edited_figures, submit=submit, lang=lang, snap=snap,
                                                   where=client_address()))
        if stored is not None:
            on_time = reporting.on_time_text(
                calendar.local(pd.Timestamp(stored["first_submitted_at"]).to_pydatetime()).date()
                <= report_due(period) if stored["first_submitted_at"] is not None else None, lang)
            st.session_state["report_message"] = (
                t("report.submitted", lang, agency=name, at=_when(stored["submitted_at"]), on_time=on_time,
                  state=t(f"report.state.{stored['state']}", lang)) if submit
                else t("report.saved", lang))  # a returned report says it stays returned in its warning
            st.rerun()

    with st.expander(t("report.offline", lang), icon=":material/table_view:", expanded=state == "returned"):
        st.caption(t("report.offline_help", lang, indicators=t("report.offline_help_indicators", lang)
                     if has_indicators else ""))
        st.download_button(t("report.download_form_filled" if sub else "report.download_form", lang), key="dl_form",
                           data=lambda: reporting.form_workbook(snap, items, lang, sub),
                           file_name=f"bao-cao-{reporter.agency_id}-{period}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        file = st.file_uploader(t("report.upload_back", lang), key=f"report_upload_{generation}")
        if file is not None:
            stored = saved(lambda: reporting.save_file(db, reporter, period, file.getvalue(), file.name, lang=lang,
                                                       snap=snap, where=client_address()))
            if stored is not None:
                st.session_state["report_message"] = t("report.saved", lang)
                st.session_state["report_upload_generation"] = generation + 1
                st.rerun()


def completeness(period: str) -> pd.DataFrame:
    """Section: every agency's report for the period — items owed, state, submitted at, on time, reviewer."""
    st.subheader(t("report.completeness", lang))
    states = reporting.report_states(db, period, today, snap=snap)
    st.caption(reporting.summary_line(states, period_label(period, lang), lang))
    st.dataframe(reporting.completeness_table(states, lang), hide_index=True, width="stretch", placeholder="")
    return states


def review(states: pd.DataFrame) -> None:
    """Section: open one report — its rows and the diff accepting it would make; accept or return it."""
    st.subheader(t("report.review", lang))
    if message := st.session_state.pop("review_message", None):
        st.success(message)
    opened = states[states["submission_id"].notna() & (states["state"] != "draft")]
    if opened.empty:
        st.caption(t("report.review_none", lang))
        return
    labels = {int(r.submission_id): t("report.review_item", lang, id=int(r.submission_id),
                                      agency=r.name_en if lang == "en" else r.name_vi,
                                      state=t(f"report.state.{r.state}", lang))
              for r in opened.itertuples(index=False)}
    which = st.selectbox(t("report.review_which", lang), list(labels), format_func=labels.get, key="review_which")
    sub = reporting.get_submission(db, int(which))
    task_rows, figure_rows = reporting.report_rows(sub)
    st.markdown(f"**{t('report.tasks', lang)}**")
    ui.text_table(reporting.task_rows_table(task_rows, lang))
    st.markdown(f"**{t('report.indicators', lang)}**")
    ui.text_table(reporting.indicator_rows_table(figure_rows, lang))
    if sub["state"] != "submitted":
        return
    st.markdown(f"**{t('report.preview', lang)}**")
    figures_diff, tasks_diff = reporting.review_preview(db, sub)
    for diff in (figures_diff, tasks_diff):
        if len(diff):
            st.dataframe(ingest.diff_table(diff, lang), hide_index=True, width="stretch", placeholder="")
    try:
        items = reporting.agency_items(snap, sub["agency_id"], sub["period"])
        collective = sorted(set(items.tasks.loc[items.tasks["collective"], "task_no"].astype(int))
                            & set(task_rows["task_no"].astype(int)))
    except KeyError:  # a body that owes nothing this period (merged since): no collective task to set
        collective = []
    with st.form("review_form"):
        statuses = {}
        for no in collective:
            options = ["", *PROGRESS_STATUSES]
            chosen = st.selectbox(t("report.collective_status", lang, no=no), options, key=f"collective_{no}",
                                  format_func=lambda s: t(f"ingest.progress.{s}", lang) if s
                                  else t("report.collective_keep", lang))
            if chosen:
                statuses[no] = chosen
        comment = st.text_area(t("report.comment", lang), key="review_comment")
        accept_col, return_col, _ = st.columns([1, 1, 3])
        accept = accept_col.form_submit_button(t("report.accept", lang), type="primary")
        send_back = return_col.form_submit_button(t("report.return", lang))
    row = opened.set_index("submission_id").loc[int(which)]
    agency = row["name_en"] if lang == "en" else row["name_vi"]
    try:
        if accept:
            sub, result = reporting.accept_report(db, int(which), by=ctx.user, collective_status=statuses,
                                                  comment=comment or None, where=client_address())
            new_state = t(f"report.state.{sub['state']}", lang)
            st.session_state["review_message"] = (
                t("report.accepted_msg_state", lang, id=which, agency=agency, state=new_state,
                  upload=result.upload_id, written=result.written)
                if result.upload_id is not None
                else t("report.accepted_nothing_state", lang, id=which, agency=agency, state=new_state))
            st.rerun()
        if send_back:
            sub = reporting.return_report(db, int(which), by=ctx.user, comment=comment, where=client_address())
            st.session_state["review_message"] = t("report.returned_msg_state", lang, id=which, agency=agency,
                                                   state=t(f"report.state.{sub['state']}", lang))
            st.rerun()
    except reporting.ReportRefused as exc:
        st.error(exc.message(lang))


st.title(t("page.report", lang))
st.caption(t("report.caption", lang))
if ctx.role == "agency":
    period = current_period(today)
    period_line(period)
    if not ctx.agency_id:
        st.error(t("report.no_agency", lang))
        st.stop()
    agency_form(reporting.Reporter(ctx.user, ctx.agency_id), period)
else:
    period = current_period(today)
    period_line(period)
    st.download_button(t("upload.template_progress_xlsx", lang), key="dl_progress_template",
                       data=lambda: ingest.progress_template_xlsx(snap.tasks, lang, period),
                       file_name=f"mau-tien-do-nhiem-vu-{period}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    states = completeness(period)
    review(states)
    ui.compiled_report_section(ctx)  # the Word report to the People's Committee, for analysts only
