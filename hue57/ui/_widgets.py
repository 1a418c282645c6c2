"""Small pieces every page uses: the data-as-of line, and errors turned into messages."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from hue57 import calendar, metrics, share, store, views
from hue57.i18n import fmt_date, normalise_lang, t
from hue57.ui._context import Context, context
from hue57.ui._data import links, snapshot
from hue57.ui._login import login_form
from hue57.ui._memory import freeze_long_lived

log = logging.getLogger("hue57")


def start() -> Context:
    """The request context for `dashboard.py`; if even that needs the database and it fails (a meeting
    link checked against a missing or busy file), say so in the reader's language and stop the page."""
    freeze_long_lived()  # keeps Streamlit's collection after this run cheap (see hue57.ui._memory)
    fallback = Context(lang=normalise_lang(st.query_params.get("lang", "vi")))
    with friendly_errors(fallback):
        return context()
    st.stop()


def current() -> Context:
    """The context `dashboard.py` built for this run (pages never parse the URL themselves)."""
    return st.session_state.get("hue57_ctx") or context()


def data_as_of(snap: store.Snapshot, ctx: Context, view: Sequence[tuple[str, object]] = ()) -> None:
    """Which upload the page shows, then the view it is filtered to ('Năm đánh giá: 2026 · …')."""
    when = fmt_date(calendar.local(snap.uploaded_at.to_pydatetime()) if snap.uploaded_at is not None else None,
                    ctx.lang)
    line = t("overview.data_as_of", ctx.lang, upload=snap.upload_id, date=when)
    if view:
        line += " " + " · ".join(f"{label}: {value}" for label, value in view)
    st.caption(line)


@contextlib.contextmanager
def friendly_errors(ctx: Context):
    """Run a page; a store problem or a bug becomes a message in the user's language, never a traceback."""
    try:
        yield
    except store.DatabaseMissing:
        st.error(t("error.db_missing_page", ctx.lang))  # the file's path is for administrators, not readers
    except store.DatabaseBusy:
        st.warning(t("error.db_busy", ctx.lang))
    except Exception:  # a bug: log it for us, show the user what to do
        log.exception("page failed")
        st.error(t("error.unexpected", ctx.lang))


def refuse_link(ctx: Context) -> None:
    """A meeting link that must not open: say why and what to do; show nothing else."""
    st.title(t("share.refused_title", ctx.lang))
    st.error(share.InvalidLink(ctx.refusal or "malformed").message(ctx.lang))


def read_only_banner(ctx: Context) -> None:
    """On a meeting link: 'Chỉ xem' with the snapshot date and upload number, on every page."""
    if ctx.role != "shared" or ctx.link is None:
        return
    uploaded = calendar.local(ctx.link.uploaded_at.to_pydatetime()) if ctx.link.uploaded_at is not None else None
    st.info(t("share.banner", ctx.lang, upload=ctx.link.upload_id, date=fmt_date(uploaded, ctx.lang),
              expires=fmt_date(ctx.link.expires, ctx.lang)), icon=":material/visibility:")


def require_analyst(ctx: Context) -> bool:
    """True for a signed-in analyst. A meeting link gets a refusal; a viewer gets the login form."""
    if ctx.role == "analyst":
        return True
    if ctx.shared:
        st.error(t("auth.refused_shared", ctx.lang))
        return False
    login_form(ctx)
    return False


def task_detail(row, history: pd.DataFrame, agencies: pd.DataFrame, ctx: Context) -> None:
    """One task: the plan's fields, its status today, and every progress report with its upload."""
    lang = ctx.lang
    st.markdown(f"**{row['title_vi']}**")
    left, right = st.columns(2)
    left.markdown(f"{t('tasks.col.lead', lang)}: {row['lead_agency'] or '—'}")
    left.markdown(f"{t('tasks.col.lead_current', lang)}: {views.agency_label(row['lead_current'], agencies, lang)}")
    left.markdown(f"{t('tasks.col.coordinating', lang)}: {row['coordinating'] or '—'}")
    right.markdown(f"{t('tasks.col.output', lang)}: {row['output'] or '—'}")
    right.markdown(f"{t('tasks.col.deadline', lang)}: {row['deadline_text'] or '—'}")
    right.markdown(f"{t('tasks.col.status', lang)}: {views.task_status_text(row['status'], lang)}")
    if history.empty:
        st.caption(t("tasks.detail.no_reports", lang))
        return
    st.dataframe(views.progress_listing(history, lang), hide_index=True, width="stretch")


def chart(spec_chart) -> None:
    """Draw an Altair chart full width. Our builders are tested, so the spec skips Altair's JSON-schema
    validation, which costs more than everything else on a 2,000-target page."""
    st.vega_lite_chart(spec_chart.to_dict(validate=False), width="stretch")


def undo_form(db, undoable: list[int], ctx: Context) -> None:
    """Undo an upload by a new upload; when later uploads changed the same cells, ask before overriding."""
    with st.form("undo"):
        upload_id = st.selectbox(t("upload.undo_which", ctx.lang), undoable, format_func=lambda i: f"#{i}")
        force = st.checkbox(t("upload.undo_force", ctx.lang))
        go = st.form_submit_button(t("upload.undo", ctx.lang))
    if not go:
        return
    try:
        result = store.revert(db, int(upload_id), ctx.user, force=force)
    except store.RevertRefused as exc:
        later = ", ".join(f"#{i}" for i in sorted(exc.conflicts["upload_id"].unique())) if len(exc.conflicts) else ""
        st.error(t(f"upload.undo_refused.{exc.reason}", ctx.lang, id=upload_id, later=later))
        return
    st.session_state["upload_message"] = t("ingest.revert.done", ctx.lang, target=upload_id, id=result.upload_id,
                                           changed=result.written)
    st.rerun()


def changes_table(changes: pd.DataFrame, targets: pd.DataFrame, ctx: Context) -> None:
    table = views.changes_listing(changes, targets, ctx.lang)
    if table.empty:
        st.caption(t("share.changes.none", ctx.lang))
    else:
        st.dataframe(table, hide_index=True, width="stretch")


def changes_since_previous_meeting(snap: store.Snapshot, year: int, ctx: Context) -> None:
    """On the overview: what changed since the snapshot of the previous meeting link, if there was one."""
    previous = share.previous_meeting(links(), snap.upload_id)
    if previous is None:
        return
    with st.expander(t("share.changes.title", ctx.lang) + f" (#{previous} → #{snap.upload_id})"):
        changes = share.changes_between(snapshot(previous), snap, metrics.assess, year)
        changes_table(changes, snap.targets, ctx)


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|~<>$:=")


def plain(text: str) -> str:
    """Text that Streamlit's markdown shows exactly as written: for messages that quote a file name or
    other uploaded text (st.error, st.info and st.success render markdown)."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in str(text))
