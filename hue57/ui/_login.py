"""The analysts' sign-in form: accounts in the database, lock-out after repeated failures."""

from __future__ import annotations

import streamlit as st

from hue57 import ingest, store
from hue57.i18n import fmt_date, t
from hue57.ui._context import Context


def login_form(ctx: Context) -> None:
    """Ask for an analyst's name and password; on success remember the analyst for this browser session."""
    st.title(t("auth.title", ctx.lang))
    st.caption(t("auth.caption", ctx.lang))
    with st.form("login"):
        name = st.text_input(t("auth.name", ctx.lang), key="login_name")
        password = st.text_input(t("auth.password", ctx.lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("auth.submit", ctx.lang))
    if not submitted:
        return
    result = ingest.authenticate(store.db_path(), name, password)
    if result.ok and result.role == "analyst":
        st.session_state["hue57_user"] = name.strip()
        st.rerun()
    elif result.ok:
        st.error(t("auth.not_analyst", ctx.lang))
    elif result.reason == "locked":
        st.error(t("auth.locked", ctx.lang, until=fmt_date(result.locked_until, ctx.lang),
                   time=result.locked_until.strftime("%H:%M") + " UTC"))
    else:
        st.error(t("auth.invalid", ctx.lang))


def logout_button(ctx: Context) -> None:
    if ctx.role == "analyst" and st.sidebar.button(t("auth.logout", ctx.lang, user=ctx.user), icon=":material/logout:"):
        st.session_state.pop("hue57_user", None)
        st.rerun()
