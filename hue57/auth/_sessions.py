"""Signed-in sessions: a random token in a signed HttpOnly cookie, its SHA-256 in the `sessions` table.

Why this mechanism: Streamlit keeps `st.session_state` per browser tab and per connection, so a reload or
a new tab starts anonymous; its own `st.login` needs an OpenID Connect provider, which a city's 39 agencies
do not have. So the sign-in form checks the password (`authenticate`), opens a session and hands the browser
a single-use code (`HANDOFF` seconds, stored as a hash); the browser posts it to `/auth/session`, a route
of our `st.App` (`hue57.auth.web`), which opens the cookie's own session, ends the form's, and sets
`hue57_session` (HttpOnly, SameSite=Lax, Secure over https, signed with the instance secret) before sending
the browser to its page. The token itself never reaches the page's JavaScript.

Every page run asks `identity(token)`: the session must exist, be open and unexpired, and its account
enabled; the answer is cached `CHECK_EVERY` seconds per token, and every change made in this process
(sign-out, a password, disabling) drops the account's cached answers at once, so a change elsewhere (the
CLI) is seen within those seconds and one made on a page at the next run. A session lasts `session_hours`
(settings, default 12) after its last page run — written at most every `TOUCH_EVERY` — and never more than
`MAX_SESSION` (NIST SP 800-63B AAL1: re-authenticate at least every 30 days).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import threading
import time
from dataclasses import dataclass

from hue57 import audit
from hue57.auth import _accounts
from hue57.auth._accounts import PAGE_ROLE, token_hash
from hue57.store import _sessions as sessions_store
from hue57.store._users import update_user

COOKIE = "hue57_session"
HANDOFF = dt.timedelta(seconds=120)
CHECK_EVERY = 5.0  # seconds a page run may trust an earlier check of the same token
TOUCH_EVERY = dt.timedelta(minutes=5)
MAX_SESSION = dt.timedelta(days=30)
KEEP_ENDED = dt.timedelta(days=30)

_CACHE: dict[str, tuple[float, Identity | None]] = {}
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Identity:
    """Who a session belongs to: `role` as stored (admin, analyst, agency), `page_role` what the pages check."""

    name: str
    role: str
    agency_id: str | None
    token_hash: str

    @property
    def page_role(self) -> str:
        return PAGE_ROLE.get(self.role, self.role)

    @property
    def admin(self) -> bool:
        return self.role == "admin"


def session_hours() -> float:
    from hue57.config import settings  # noqa: PLC0415

    return max(settings().session_hours, 0.01)


def _expiry(created: dt.datetime, at: dt.datetime) -> dt.datetime:
    return min(at + dt.timedelta(hours=session_hours()), created + MAX_SESSION)


def start_session(db: str | os.PathLike | None, name: str, *, client: str | None = None,
                  next_path: str | None = None) -> tuple[str, str]:
    """Open a session for `name` (who has just proved the password); (its token, the single-use code the browser
    exchanges for the cookie). The account's last sign-in is now."""
    token, code = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    at = _accounts.now()
    with sessions_store.transaction(db) as con:
        sessions_store.forget_sessions(con, at - KEEP_ENDED)
        sessions_store.forget_tokens(con, at - KEEP_ENDED)
        sessions_store.insert_session(con, token_hash(token), name, at, _expiry(at, at), client)
        sessions_store.insert_token(con, token_hash(code), "sign_in", name, at, name, at + HANDOFF,
                                    next_path=next_path, session_hash=token_hash(token))
        update_user(con, name, last_sign_in=at)
    audit.record("session.start", who=name, where=client)
    return token, code


def exchange(db: str | os.PathLike | None, code: str) -> tuple[str, str | None] | None:
    """The cookie route's half: spend the code, end the form's session, open the cookie's own (same start, so
    the 30-day bound holds); (the new token, the page to go to), or None for an unknown, used or late code."""
    if not code or len(code) > 200:
        return None
    at = _accounts.now()
    with sessions_store.transaction(db) as con:
        row = sessions_store.token_row(con, token_hash(code), "sign_in")
        if row is None or row["used_at"] is not None or row["expires"] <= at:
            return None
        sessions_store.use_token(con, token_hash(code), at)
        form = con.execute("SELECT created_at, client FROM sessions WHERE token_hash = ? AND ended_at IS NULL "
                           "AND expires > ?", [row["session_hash"], at]).fetchone()
        if form is None:  # signed out (or disabled) in the seconds between
            return None
        sessions_store.end_sessions(con, at=at, why="rotated", token_hash=row["session_hash"])
        token = secrets.token_urlsafe(32)
        sessions_store.insert_session(con, token_hash(token), row["name"], form[0], _expiry(form[0], at), form[1])
    forget_cached(token_hash=row["session_hash"])
    return token, row["next_path"]


def identity(db: str | os.PathLike | None, token: str | None) -> Identity | None:
    """The account behind a session token, or None (unknown, ended, expired, or its account disabled or
    gone). Cached `CHECK_EVERY` seconds; slides the session's expiry at most every `TOUCH_EVERY`."""
    if not token:
        return None
    hashed = token_hash(token)
    moment = time.monotonic()
    with _CACHE_LOCK:
        cached = _CACHE.get(hashed)
    if cached is not None and moment - cached[0] < CHECK_EVERY:
        return cached[1]
    found = _check(db, hashed)
    with _CACHE_LOCK:
        if len(_CACHE) > 10_000:
            _CACHE.clear()
        _CACHE[hashed] = (moment, found)
    return found


def _check(db, hashed: str) -> Identity | None:
    row = sessions_store.session_row(db, hashed)
    at = _accounts.now()
    if (row is None or row["ended_at"] is not None or row["expires"] <= at or row["role"] is None
            or row["disabled_at"] is not None):
        return None
    if at - row["last_seen"] >= TOUCH_EVERY:
        sessions_store.touch_session(db, hashed, at, _expiry(row["created_at"], at))
    return Identity(row["name"], row["role"], row["agency_id"], hashed)


def forget_cached(name: str | None = None, *, token_hash: str | None = None) -> None:
    """Drop cached answers for an account (every token of it) or one token: the next run checks again."""
    with _CACHE_LOCK:
        for key, (_t, who) in list(_CACHE.items()):
            if key == token_hash or (name is not None and who is not None and who.name == name):
                del _CACHE[key]


def end_session(db: str | os.PathLike | None, token: str | None, *, client: str | None = None) -> None:
    """Sign out: the session ends here and in every tab that shares it, at their next run."""
    if not token:
        return
    hashed = token_hash(token)
    with sessions_store.transaction(db) as con:
        row = con.execute("SELECT name FROM sessions WHERE token_hash = ?", [hashed]).fetchone()
        sessions_store.end_sessions(con, at=_accounts.now(), why="sign_out", token_hash=hashed)
    forget_cached(token_hash=hashed)
    audit.record("sign_out", who=row[0] if row else None, where=client)


# --- the cookie ---------------------------------------------------------------------------------------------------

def _signer(db):
    from itsdangerous import Signer  # noqa: PLC0415

    return Signer(_secret(str(db or "")), salt="hue57.session")


_SECRETS: dict[tuple[str, str], bytes] = {}


def _secret(db: str) -> bytes:
    """The instance secret meeting links are signed with (settings, Streamlit's secrets, or the one `init` kept in
    the database), read once per database and setting."""
    from hue57.config import settings  # noqa: PLC0415

    key = (db, settings().secret)
    found = _SECRETS.get(key)
    if found is None:
        from hue57.share import secret  # noqa: PLC0415

        found = _SECRETS[key] = secret(db or None)
    return found


def cookie_value(db: str | os.PathLike | None, token: str) -> str:
    return _signer(db).sign(token.encode("ascii")).decode("ascii")


def token_from_cookie(db: str | os.PathLike | None, value: str | None) -> str | None:
    """The token in a cookie whose signature holds, else None (checked before any database read)."""
    if not value or len(value) > 300:
        return None
    from itsdangerous import BadSignature  # noqa: PLC0415

    try:
        return _signer(db).unsign(value.encode("ascii")).decode("ascii")
    except (BadSignature, UnicodeError, ValueError):
        return None
