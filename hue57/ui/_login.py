"""One sign-in for every role, sign-out from every page, and the hand-over of a session to the browser's cookie.

The form checks the password (`auth.authenticate`: one refusal for every reason, throttled, recorded), opens a
session for this tab at once, and hands the browser a single-use code that `/auth/session` (`hue57.auth.web`)
turns into the HttpOnly cookie; then the browser opens the account's page: the page it came from when the
role may use it, else its own (agency → /report, analyst → /upload, account administrator → /accounts).
While the browser fetches its cookie the page shows only "signing in…", so nothing is drawn twice. Served
without those routes (a bare `streamlit run dashboard.py`, AppTest) the tab stays signed in on its own.
"""

from __future__ import annotations

import json
import sys

import streamlit as st

from hue57 import audit, auth, store
from hue57.auth import web
from hue57.i18n import t
from hue57.ui._context import SESSION_KEY, Context, session

HOME = {"agency": "report", "analyst": "upload", "admin": "accounts"}
FORM_WIDTH = 520  # pixels: a sign-in or password form reads as one column on a projector too (a phone: its width)
_HANDOFF_KEY = "hue57_handoff"
_SIGN_OUT_KEY = "hue57_sign_out"


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


audit.use_origin(client_address)  # an action a page runs is recorded with the address of its browser
audit.use_stream(sys.stdout)  # the server's audit lines: stdout, for journald


def destination(role: str, came_from: str | None, lang: str) -> str:
    """Where a fresh sign-in goes: `came_from` (a page's url path) when this role may use it, else the role's page."""
    from hue57.ui._nav import may_open, page_who  # noqa: PLC0415 — the navigation imports this module

    page_role = auth.PAGE_ROLE.get(role, role)
    who = page_who(came_from)
    keep = who in ("analyst", "report", "admin") and may_open(who, page_role, role == "admin")
    path = "/" + (came_from if keep else HOME.get(role, ""))
    return path + ("?lang=en" if lang == "en" else "")


def login_form(ctx: Context, *, title: bool = True) -> None:
    """Ask for a name and password; on success open a session and send the browser on with its cookie."""
    if title:
        st.title(t("auth.title", ctx.lang))
        st.caption(t("auth.caption", ctx.lang))
    with st.form("login", width=FORM_WIDTH):
        name = st.text_input(t("auth.name", ctx.lang), key="login_name", autocomplete="username")
        password = st.text_input(t("auth.password", ctx.lang), type="password", key="login_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("auth.submit", ctx.lang), type="primary")
    st.caption(t("auth.forgot", ctx.lang))
    if not submitted:
        return
    client = client_address()
    db = store.db_path()
    result = auth.authenticate(db, name, password, client=client)
    if not result.ok:
        st.error(auth.refusal(ctx.lang))
        return
    next_path = destination(result.role, st.session_state.get("hue57_page"), ctx.lang)
    token, code = auth.start_session(db, result.name, client=client, next_path=next_path)
    st.session_state[SESSION_KEY] = token
    if web.served():
        st.session_state[_HANDOFF_KEY] = (code, next_path)
    st.rerun()


def open_session(name: str, ctx: Context, next_path: str) -> None:
    """Open a fresh session for `name` in this tab and hand it to the cookie (after a password change)."""
    token, code = auth.start_session(store.db_path(), name, client=client_address(), next_path=next_path)
    st.session_state[SESSION_KEY] = token
    if web.served():
        st.session_state[_HANDOFF_KEY] = (code, next_path)


# Our own constant scripts; the only values put in are a URL-safe code and a path of ours, written as JSON strings.
# The cookie arrives with the fetch's answer; then the browser opens the page, whose connection carries it.
_HANDOFF_JS = """<script>
(async () => {
  try {
    await fetch('/auth/session', {method: 'POST', credentials: 'same-origin', redirect: 'manual',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'code=' + encodeURIComponent(CODE)});
  } catch (e) {}
  window.location.assign(NEXT);
})();
</script>"""
_SIGN_OUT_JS = """<script>
(async () => {
  try {
    await fetch('/auth/sign-out', {method: 'POST', credentials: 'same-origin', redirect: 'manual',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'next=%2F'});
    window.location.assign(NEXT);
  } catch (e) {}
})();
</script>"""


def browser_handover(ctx: Context) -> bool:
    """After a sign-in (or sign-out) in this run's tab: let the browser fetch (or drop) its cookie, then open the
    account's page. True while the browser is being sent on: the page itself is not drawn."""
    handoff = st.session_state.pop(_HANDOFF_KEY, None)
    if handoff and ctx.user is not None:
        code, next_path = handoff
        st.html(_HANDOFF_JS.replace("CODE", json.dumps(code)).replace("NEXT", json.dumps(next_path)),
                unsafe_allow_javascript=True)
        return True
    if st.session_state.pop(_SIGN_OUT_KEY, False):
        home = "/" + ("?lang=en" if ctx.lang == "en" else "")
        st.html(_SIGN_OUT_JS.replace("NEXT", json.dumps(home)), unsafe_allow_javascript=True)
    return False


def logout_button(ctx: Context) -> None:
    """Sign-out in the sidebar of every page: the session ends at once (every tab sharing it is signed out at its
    next run), then the browser drops its cookie."""
    if ctx.user is None or ctx.shared:
        return
    if st.sidebar.button(t("auth.logout", ctx.lang, user=ctx.user), icon=":material/logout:", key="sign_out"):
        found = session()
        if found is not None:
            auth.end_session(store.db_path(), found[0], client=client_address())
        st.session_state.pop(SESSION_KEY, None)
        st.session_state[_SIGN_OUT_KEY] = web.served()
        st.rerun()
