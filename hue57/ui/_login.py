"""The sign-in form: accounts in the database, one refusal for every reason, the client's address recorded."""

from __future__ import annotations

import sys

import streamlit as st

from hue57 import audit, auth, store
from hue57.config import settings
from hue57.i18n import t
from hue57.ui._context import Context


def client_address() -> str | None:
    """The browser's address (None when unknown, e.g. in AppTest): the connection's peer, or behind a trusted
    proxy (`trusted_proxies`) the address it forwarded — `auth.client_address` decides. The peer is the
    WebSocket's own (Streamlit's public `st.context.ip_address` hides a loopback peer, which is exactly the
    proxy on the same server)."""
    try:
        from streamlit.runtime.context import _get_client_context  # noqa: PLC0415 — the raw peer

        context = _get_client_context()
        peer = context.remote_ip if context is not None else None
        headers = st.context.headers
        forwarded = ", ".join(headers.get_all("X-Forwarded-For"))
    except Exception:  # noqa: BLE001 — no request context (AppTest, bare mode): the address is unknown
        return None
    return auth.client_address(peer, {"X-Forwarded-For": forwarded} if forwarded else {},
                               settings().trusted_proxies)


audit.use_origin(client_address)  # an action a page runs is recorded with the address of its browser
audit.use_stream(sys.stdout)  # the server's audit lines: stdout, for journald


def login_form(ctx: Context) -> None:
    """Ask for a name and password; on success remember the account for this browser session."""
    st.title(t("auth.title", ctx.lang))
    st.caption(t("auth.caption", ctx.lang))
    with st.form("login"):
        name = st.text_input(t("auth.name", ctx.lang), key="login_name")
        password = st.text_input(t("auth.password", ctx.lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("auth.submit", ctx.lang))
    if not submitted:
        return
    result = auth.authenticate(store.db_path(), name, password, client=client_address())
    if result.ok:
        st.session_state["hue57_user"] = result.name
        st.session_state["hue57_role"] = result.role
        st.session_state["hue57_agency"] = result.agency_id
        st.rerun()
    st.error(auth.refusal(ctx.lang))


def logout_button(ctx: Context) -> None:
    if ctx.role in ("analyst", "agency") and st.sidebar.button(t("auth.logout", ctx.lang, user=ctx.user),
                                                              icon=":material/logout:"):
        for key in ("hue57_user", "hue57_role", "hue57_agency"):
            st.session_state.pop(key, None)
        st.rerun()
