"""Small pieces every page uses: the data-as-of line, and errors turned into messages."""

from __future__ import annotations

import contextlib
import logging

import streamlit as st

from hue57 import store
from hue57.i18n import fmt_date, t
from hue57.ui._context import Context, context

log = logging.getLogger("hue57")


def current() -> Context:
    """The context `dashboard.py` built for this run (pages never parse the URL themselves)."""
    return st.session_state.get("hue57_ctx") or context()


def data_as_of(snap: store.Snapshot, ctx: Context) -> None:
    when = fmt_date(snap.uploaded_at.to_pydatetime() if snap.uploaded_at is not None else None, ctx.lang)
    st.caption(t("overview.data_as_of", ctx.lang, upload=snap.upload_id, date=when))


@contextlib.contextmanager
def friendly_errors(ctx: Context):
    """Run a page; a store problem or a bug becomes a message in the user's language, never a traceback."""
    try:
        yield
    except store.DatabaseMissing as exc:
        st.error(t("error.db_missing", ctx.lang, path=exc))
    except store.DatabaseBusy:
        st.warning(t("error.db_busy", ctx.lang))
    except Exception:  # a bug: log it for us, show the user what to do
        log.exception("page failed")
        st.error(t("error.unexpected", ctx.lang))
