"""Cập nhật số liệu — upload, validation report, preview of changes, commit, history and undo (analysts)."""

import streamlit as st

from hue57 import auth, calendar, ingest, store, tasks, ui
from hue57.i18n import t, target_name, tn
from hue57.ui.views import upload as upload_view

ctx = ui.current()
if not ui.require_analyst(ctx):
    st.stop()
db = store.db_path()
snap = ui.snapshot()

st.title(t("page.upload", ctx.lang))
st.caption(t("upload.caption", ctx.lang))
c1, c2, c3, _ = st.columns([1, 1, 1, 1])
c1.download_button(t("upload.template_csv", ctx.lang), lambda: ingest.template_csv(snap.targets, ctx.lang),
                   file_name="mau-cap-nhat-so-lieu.csv", mime="text/csv")
c2.download_button(t("upload.template_xlsx", ctx.lang), lambda: ingest.template_xlsx(snap.targets, ctx.lang),
                   file_name="mau-cap-nhat-so-lieu.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
c3.download_button(t("upload.template_progress_xlsx", ctx.lang),
                   lambda: ingest.progress_template_xlsx(snap.tasks, ctx.lang, tasks.current_period(calendar.today())),
                   file_name="mau-tien-do-nhiem-vu.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

generation = st.session_state.setdefault("upload_generation", 0)
# Any file type: a .xls or .pdf gets our own message saying what to do, not the widget's generic refusal.
# Any size up to Streamlit's server.maxUploadSize (50 MB): our own 5 MB limit then speaks, in the page's language.
file = st.file_uploader(t("upload.choose", ctx.lang), key=f"upload_{generation}")
if file is not None:
    data = file.getvalue()
    preview = ingest.preview_file(db, data, file.name, lang=ctx.lang)
    if not preview.ok:
        st.error(ui.plain(ingest.summary(preview, ctx.lang)))
        ui.upload_problems(preview, ctx)
    else:
        st.info(ui.plain(ingest.summary(preview, ctx.lang)))
        notices = ingest.notice_table(preview, ctx.lang)
        if not notices.empty:
            ui.text_table(notices)
        accepted = True
        if len(preview.warnings):
            st.warning(tn("upload.warnings", len(preview.warnings), ctx.lang, count=len(preview.warnings)))
            ui.text_table(ingest.warning_table(preview, ctx.lang))
            accepted = st.checkbox(t("upload.accept_warnings", ctx.lang), key=f"accept_{generation}")
        ui.grid(ingest.diff_table(preview, ctx.lang), ctx.lang)
        if st.button(t("upload.confirm", ctx.lang), type="primary",
                     disabled=preview.new + preview.changed == 0 or not accepted):
            outcome = ingest.import_file(db, data, file.name, ctx.user, lang=ctx.lang, accept_warnings=accepted)
            st.session_state["upload_message"] = ui.plain(ingest.summary(outcome, ctx.lang))
            st.session_state["upload_generation"] = generation + 1  # a fresh, empty uploader
            st.rerun()
if message := st.session_state.pop("upload_message", None):
    st.success(message)

st.subheader(t("upload.history", ctx.lang))
history = store.uploads(db)
ui.grid(upload_view.upload_history(history, ctx.lang, accounts=ui.account_names(db),
                                   agency_names=ui.agency_names(snap.agencies, ctx.lang)), ctx.lang)
ui.undo_form(db, history, ctx)

with st.expander(t("upload.cell_history", ctx.lang), icon=":material/history:"):
    codes = snap.targets["code"].tolist()
    names = dict(zip(codes, target_name(snap.targets, ctx.lang), strict=True))
    code = st.selectbox(t("indicator.choose", ctx.lang), codes, format_func=lambda c: f"{c}. {names[c]}",
                        key="history_code")
    row = snap.targets.set_index("code").loc[code]
    history = store.actuals_history(db, [row["indicator"]])
    if history.empty:
        st.caption(t("indicator.no_values", ctx.lang))
    else:
        ui.text_table(upload_view.cell_history(history, row["unit"], ctx.lang))  # sources are uploaded text

with st.expander(t("auth.attempts", ctx.lang), icon=":material/shield_person:"):
    st.caption(t("auth.attempts.caption", ctx.lang))
    ui.text_table(auth.attempts_table(db, ctx.lang, limit=50))  # names as typed by anyone: shown escaped
