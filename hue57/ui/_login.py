"""The sign-in form: accounts in the database, one refusal for every reason, the client's address recorded."""

from __future__ import annotations

import streamlit as st

from hue57 import auth, store
from hue57.i18n import t
from hue57.ui._context import Context


def client_address() -> str | None:
    """The browser's address (None when unknown, e.g. in AppTest): the connection's peer, or X-Forwarded-For
    when that peer is a trusted proxy (`hue57.auth.client_address`, `trusted_proxies`). Read from the
    session's own websocket: `st.context.ip_address` hides loopback peers such as a proxy on 127.0.0.1."""
    try:
        from streamlit.runtime import get_instance  # noqa: PLC0415
        from streamlit.runtime.scriptrunner import get_script_run_ctx  # noqa: PLC0415

        session = get_instance().get_client(get_script_run_ctx().session_id)
        headers = auth.joined_headers(session.client_context.headers)
        websocket = getattr(session, "_websocket", None)  # Starlette's WebSocket: the ASGI scope's (host, port)
        host, port = websocket.scope["client"] if websocket is not None else (session.client_context.remote_ip, None)
    except Exception:  # noqa: BLE001 — no request context (AppTest, bare mode): the address is unknown
        return None
    return auth.client_address(auth.connection_peer(host, port, headers), headers)


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
