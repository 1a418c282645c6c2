"""Who is looking and how: language, role and (for a meeting link) the pinned snapshot, from the URL."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from hue57 import auth, share, store
from hue57.i18n import normalise_lang
from hue57.ui._data import link


@dataclass(frozen=True)
class Context:
    lang: str = "vi"
    role: str = "viewer"  # viewer | analyst | agency | shared | refused (a meeting link that must not open)
    user: str | None = None
    agency_id: str | None = None  # an agency account's body
    admin: bool = False  # the account administrator (an analyst who may also manage accounts: /accounts)
    share_token: str | None = None
    link: share.LinkView | None = None
    refusal: str | None = None  # the InvalidLink reason when role is "refused"
    upload_id: int | None = None  # pinned snapshot for a meeting link; None = live data
    as_of_year: int | None = None
    filters: dict = field(default_factory=dict)  # for a meeting link: only what the signed token says

    @property
    def shared(self) -> bool:
        return self.role in ("shared", "refused")

    def link_params(self, **extra: str) -> dict[str, str]:
        """Query parameters every internal link carries so language and meeting link survive navigation."""
        params = {"lang": self.lang} if self.lang != "vi" else {}
        if self.share_token:
            params["s"] = self.share_token
        params.update(extra)
        return params


def context() -> Context:
    """The request context, built once per script run from the URL and the session.

    With `?s=TOKEN` the session is a read-only viewer of the link's snapshot whatever else the URL or
    the session says: upload, year and filters come only from the verified token.
    """
    token = share.token_from_query(st.query_params)
    if token:
        return _shared_context(token)
    lang = normalise_lang(st.query_params.get("lang", "vi"))
    who = signed_in()
    if who is None:
        return Context(lang=lang)
    return Context(lang=lang, role=who.page_role, user=who.name, agency_id=who.agency_id, admin=who.admin)


SESSION_KEY = "hue57_session"  # this tab's own session token, from its sign-in form (before the cookie arrives)


def session_cookie() -> str | None:
    """The session cookie the browser sent when this tab connected (None without a request, e.g. in AppTest)."""
    try:
        return st.context.cookies.get(auth.COOKIE)
    except Exception:  # noqa: BLE001 — no request behind the run
        return None


def session() -> tuple[str, auth.Identity] | None:
    """This tab's open session (token, account): the cookie's, else the one its own sign-in form opened;
    checked against the sessions table at every run (`auth.identity`, cached seconds), so a session ended
    anywhere — sign-out in another tab, a password change, a disabled account — ends here too."""
    db = store.db_path()
    for token in (auth.token_from_cookie(db, session_cookie()), st.session_state.get(SESSION_KEY)):
        found = auth.identity(db, token) if token else None
        if found is not None:
            return token, found
    st.session_state.pop(SESSION_KEY, None)
    return None


def signed_in() -> auth.Identity | None:
    found = session()
    return None if found is None else found[1]


def _shared_context(token: str) -> Context:
    lang = normalise_lang(st.query_params.get("lang", "vi"))
    try:
        view = link(token)
    except share.InvalidLink as exc:
        return Context(lang=lang, role="refused", share_token=token, refusal=exc.reason)
    counted = st.session_state.setdefault("hue57_links_counted", set())
    if token not in counted:  # once per browser session, in memory: a meeting's viewers never each write
        share.count_open(store.db_path(), view.link_id)
        counted.add(token)
    state = share.shared_page_state(view, st.query_params)
    return Context(lang=state["lang"], role="shared", share_token=token, link=view,
                   upload_id=state["upload_id"], as_of_year=state["as_of_year"], filters=state["filters"])


def link_base_url(page_path: str) -> str:
    """Where a link made on this page points: `HUE57_BASE_URL` when set, else the address this browser uses
    (its host, port and scheme, so the room opens what the analyst opened), else the request's Host header."""
    try:
        headers = st.context.headers
    except Exception:  # no request behind the run (a bare script or a test without one)
        headers = {}
    return share.request_base_url(st.context.url, headers, page_path=page_path)
