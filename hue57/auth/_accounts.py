"""Accounts: who may sign in, with which role, and every change an account administrator makes to them.

Roles are a tuple so a new one is one entry and its rules. `admin` is the account administrator: an analyst
who may also create, reset, disable and re-bind accounts (see `PAGE_ROLE`). An admin could always create
an analyst account for himself, so withholding the analyst's pages from him would protect nothing; keeping
account management out of the plain analyst role means one analyst's leaked password cannot mint accounts
or take over another's.

Accounts start from a one-time set-password link, never a password on paper: `create_account` stores a
random password nobody knows (the account is "pending") and returns a link `/password?t=TOKEN` that
expires after `LINK_DAYS` and works once; only the token's SHA-256 is stored. Setting or changing a
password, disabling an account and resetting it end every open session of the account. Every change is a
row of `account_changes` (who, when, from where, what) and one `hue57.audit` line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass

import pandas as pd

from hue57 import audit
from hue57.auth._passwords import hash_password, new_salt, verify
from hue57.auth._policy import MIN_PASSWORD, password_problem
from hue57.store import _sessions as sessions_store
from hue57.store._users import add_user_row, get_user, list_users

ROLES = ("analyst", "viewer", "agency", "admin")
# Roles the dashboard's sign-in admits; a viewer account is refused like a wrong password. An agency account
# signs in to its own report (/report) only: the pages check the role, see `hue57.ui`.
SIGN_IN_ROLES = ("analyst", "agency", "admin")
PAGE_ROLE = {"admin": "analyst"}  # the pages an admin may use are an analyst's (and /accounts)
MAX_NAME = 64
LINK_DAYS = 7
# A pending account's hash: no password hashes to it (not hex), and checking one costs one scrypt like any other.
PENDING_HASH = "scrypt$32768$8$1$pending"
_EMAIL = re.compile(r"[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+")
__all__ = ["MIN_PASSWORD"]


class UserRefused(ValueError):
    """An account change was refused; `key` names the i18n message, `params` fill it."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class AccountLink:
    """A one-time set-password link for an account: its `url` works once, until `expires` (UTC)."""

    name: str
    url: str
    expires: dt.datetime
    agency_id: str | None = None


def now() -> dt.datetime:
    """UTC now without time zone, as the database stores it (tests move it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def clean_name(name: object) -> str:
    return unicodedata.normalize("NFC", str(name)).strip()


def token_hash(token: str) -> str:
    """What the database keeps of a token: its SHA-256 (a token is 256 random bits, so no salt is needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def reporting_agencies(db: str | os.PathLike | None) -> list[str]:
    """The bodies an agency account may be bound to: today's bodies (not merged away, not collective groups)
    that own a task or monitor an indicator — the rows of the completeness table."""
    from hue57.reporting import accountable_agencies  # noqa: PLC0415 — the reporting package reads the plan
    from hue57.store import load  # noqa: PLC0415

    snap = load(db)
    return accountable_agencies(snap.agencies, snap)


def _check_name(name: str) -> str:
    name = clean_name(name)
    if not name or len(name) > MAX_NAME or any(unicodedata.category(c).startswith("C") for c in name):
        raise UserRefused("auth.user.bad_name", name=name)
    return name


def _check_binding(db, role: str, agency_id: str | None) -> str | None:
    if role not in ROLES:
        raise UserRefused("auth.user.bad_role", role=role)
    agency_id = (agency_id or "").strip() or None
    if role == "agency":
        if agency_id is None:
            raise UserRefused("auth.user.agency_missing")
        allowed = reporting_agencies(db)
        if agency_id not in allowed:
            raise UserRefused("auth.user.agency_unknown", agency=agency_id, allowed=", ".join(allowed))
    elif agency_id is not None:
        raise UserRefused("auth.user.agency_not_agency_role", role=role)
    return agency_id


def _check_email(email: str | None) -> str | None:
    email = (email or "").strip() or None
    if email is not None and (len(email) > 254 or not _EMAIL.fullmatch(email)):
        raise UserRefused("auth.user.bad_email", email=email)
    return email


def check_password(password: str, name: str | None = None) -> None:
    """Raise `UserRefused` when `password` breaks the policy (`hue57.auth._policy`)."""
    problem = password_problem(password, name)
    if problem is not None:
        raise UserRefused(problem[0], **problem[1])


def _hashed(password: str) -> tuple[str, str]:
    salt = new_salt()
    return salt.hex(), hash_password(password, salt)


def _record(con, at, by: str, client: str | None, name: str, action: str, **what) -> None:
    detail = ", ".join(f"{k}={v}" for k, v in what.items() if v is not None) or None
    sessions_store.record_change(con, at, by, client, name, action, detail)


def _audit(action: str, by: str, client: str | None, name: str, **what) -> None:
    audit.record(f"user.{action}", who=by, where=client, name=name, **what)


def _flush(notes: list) -> None:
    """The audit lines of a transaction, written once it has committed."""
    for action, by, client, name, what in notes:
        _audit(action, by, client, name, **what)


def _forget_cached(name: str) -> None:
    from hue57.auth import _sessions  # noqa: PLC0415 — sessions import this module

    _sessions.forget_cached(name)


def add_user(db: str | os.PathLike | None, name: str, role: str, password: str | None, *,
             agency_id: str | None = None, email: str | None = None, by: str = "cli",
             client: str | None = None) -> None:
    """Create an account; raises `UserRefused` (bad name, role or e-mail, a password the policy refuses, name
    taken; for an agency account a missing agency, or one that is not a current body of data/agencies.csv).
    With `password` None the account is pending: no password opens it until its holder sets one through a
    one-time link (`new_link`)."""
    name = _check_name(name)
    agency_id = _check_binding(db, role, agency_id)
    email = _check_email(email)
    if password is not None:
        check_password(password, name)
    notes: list = []
    with sessions_store.transaction(db) as con:
        _add(con, now(), name, role, password, agency_id=agency_id, email=email, by=by, client=client, notes=notes)
    _flush(notes)


def _add(con, at, name: str, role: str, password: str | None, *, agency_id, email, by: str, client,
         notes: list) -> None:
    salt, pw_hash = (new_salt().hex(), PENDING_HASH) if password is None else _hashed(password)
    if not add_user_row(con, name=name, role=role, salt=salt, pw_hash=pw_hash, created_at=at, agency_id=agency_id,
                        email=email, password_set_at=None if password is None else at):
        raise UserRefused("auth.user.exists", name=name)
    _record(con, at, by, client, name, "create", role=role, agency=agency_id, email=email)
    notes.append(("create", by, client, name, {"role": role, "agency": agency_id, "email": email,
                                              "pending": password is None}))


def _issue_link(con, at, name: str, *, by: str, base_url: str, client, days: float, action: str,
                agency_id: str | None, notes: list) -> AccountLink:
    token = secrets.token_urlsafe(32)
    expires = at + dt.timedelta(days=days)
    sessions_store.cancel_tokens(con, name, "set_password", at)
    sessions_store.insert_token(con, token_hash(token), "set_password", name, at, by, expires)
    if action == "reset":
        sessions_store.end_sessions(con, at=at, why="reset", name=name)
    _record(con, at, by, client, name, action, expires=expires.isoformat(timespec="minutes"))
    notes.append((action, by, client, name, {"expires": expires.isoformat(timespec="minutes")}))
    return AccountLink(name, f"{base_url.rstrip('/')}/password?t={token}", expires, agency_id)


def _require(db, name: str) -> dict:
    user = get_user(db, clean_name(name))
    if user is None:
        raise UserRefused("auth.user.unknown", name=clean_name(name))
    return user


def new_link(db: str | os.PathLike | None, name: str, *, by: str, base_url: str, client: str | None = None,
             days: float = LINK_DAYS, action: str = "reset") -> AccountLink:
    """A one-time set-password link for `name` (earlier unused links stop working). A reset also ends the
    account's sessions: whoever asked for it no longer trusts the old password."""
    user = _require(db, name)
    notes: list = []
    with sessions_store.transaction(db) as con:
        link = _issue_link(con, now(), user["name"], by=by, base_url=base_url, client=client, days=days,
                           action=action, agency_id=user.get("agency_id"), notes=notes)
    _forget_cached(user["name"])
    _flush(notes)
    return link


def create_account(db: str | os.PathLike | None, name: str, role: str, *, by: str, base_url: str,
                   agency_id: str | None = None, email: str | None = None, client: str | None = None,
                   days: float = LINK_DAYS) -> AccountLink:
    """A pending account and its first one-time link, in one transaction."""
    name = _check_name(name)
    agency_id = _check_binding(db, role, agency_id)
    email = _check_email(email)
    at = now()
    notes: list = []
    with sessions_store.transaction(db) as con:
        _add(con, at, name, role, None, agency_id=agency_id, email=email, by=by, client=client, notes=notes)
        link = _issue_link(con, at, name, by=by, base_url=base_url, client=client, days=days, action="link",
                           agency_id=agency_id, notes=notes)
    _flush(notes)
    return link


def agencies_without_account(db: str | os.PathLike | None, allowed: list[str] | None = None) -> list[str]:
    """The current bodies that owe a report and have no agency account bound to them."""
    users = list_users(db)
    bound = set(users.loc[users["role"] == "agency", "agency_id"].dropna())
    return [a for a in (reporting_agencies(db) if allowed is None else allowed) if a not in bound]


def add_agency_accounts(db: str | os.PathLike | None, *, by: str, base_url: str, client: str | None = None,
                        days: float = LINK_DAYS) -> list[AccountLink]:
    """One agency account (named by its body's agency_id) for every current body that owes a report and has no
    account bound to it yet, each with its one-time link, in one transaction; bodies that have one are left alone."""
    taken = set(list_users(db)["name"])
    missing = agencies_without_account(db, reporting_agencies(db))
    at = now()
    links: list[AccountLink] = []
    notes: list = []
    with sessions_store.transaction(db) as con:
        for agency_id in missing:
            name = agency_id if agency_id not in taken else f"{agency_id}_bc"
            _add(con, at, name, "agency", None, agency_id=agency_id, email=None, by=by, client=client, notes=notes)
            links.append(_issue_link(con, at, name, by=by, base_url=base_url, client=client, days=days,
                                     action="link", agency_id=agency_id, notes=notes))
    _flush(notes)
    return links


def link_holder(db: str | os.PathLike | None, token: str) -> str | None:
    """The account a set-password link opens, or None when it is unknown, used or expired (read-only)."""
    from hue57.store._connect import connect  # noqa: PLC0415

    if not token or len(token) > 200:
        return None
    with connect(db) as con:
        row = sessions_store.token_row(con, token_hash(token), "set_password")
    if row is None or row["used_at"] is not None or row["expires"] <= now():
        return None
    return row["name"]


def set_password_with_link(db: str | os.PathLike | None, token: str, password: str, *,
                           client: str | None = None) -> str:
    """Set the password of the link's account and spend the link; the account's name. Raises `UserRefused`
    ("auth.link.invalid" for an unknown, used or expired link; the policy's keys for a weak password)."""
    name = link_holder(db, token)
    if name is None:
        audit.record("user.password_set", who=None, where=client, ok=False, reason="link")
        raise UserRefused("auth.link.invalid")
    check_password(password, name)
    salt, pw_hash = _hashed(password)
    at = now()
    with sessions_store.transaction(db) as con:
        row = sessions_store.token_row(con, token_hash(token), "set_password")
        if row is None or row["used_at"] is not None or row["expires"] <= at:  # spent meanwhile
            raise UserRefused("auth.link.invalid")
        sessions_store.use_token(con, token_hash(token), at)
        sessions_store.update_user(con, name, salt=salt, pw_hash=pw_hash, password_set_at=at)
        sessions_store.end_sessions(con, at=at, why="password", name=name)
        _record(con, at, name, client, name, "password_set")
    _forget_cached(name)
    _audit("password_set", name, client, name)
    return name


def set_password(db: str | os.PathLike | None, name: str, password: str, *, by: str,
                 client: str | None = None) -> None:
    """An administrator sets `name`'s password (the CLI's `user passwd`); its sessions end."""
    user = _require(db, name)
    check_password(password, user["name"])
    _store_password(db, user["name"], password, by=by, client=client, action="password")


def _store_password(db, name: str, password: str, *, by: str, client: str | None, action: str) -> None:
    salt, pw_hash = _hashed(password)
    at = now()
    with sessions_store.transaction(db) as con:
        sessions_store.update_user(con, name, salt=salt, pw_hash=pw_hash, password_set_at=at)
        sessions_store.cancel_tokens(con, name, "set_password", at)
        sessions_store.end_sessions(con, at=at, why="password", name=name)
        _record(con, at, by, client, name, action)
    _forget_cached(name)
    _audit(action, by, client, name)


def change_own_password(db: str | os.PathLike | None, name: str, current: str, new: str, *,
                        client: str | None = None) -> None:
    """A signed-in holder changes the password: the current one is checked through `authenticate` (so guesses
    here are throttled and recorded like any sign-in), then the policy; every session of the account ends
    (the page opens a new one for the browser that made the change)."""
    from hue57.auth._sign_in import authenticate  # noqa: PLC0415 — sign-in imports this module

    if not authenticate(db, name, current, client=client, roles=ROLES):
        audit.record("user.password", who=name, where=client, ok=False, name=name)
        raise UserRefused("auth.password.current_wrong")
    check_password(new, name)
    if verify(new, get_user(db, name)["salt"], get_user(db, name)["pw_hash"]):
        raise UserRefused("auth.password.same")
    _store_password(db, name, new, by=name, client=client, action="password")


def set_disabled(db: str | os.PathLike | None, name: str, disabled: bool, *, by: str,
                 client: str | None = None) -> None:
    """Disable an account (it may not sign in; its sessions end at their next page run) or enable it again."""
    user = _require(db, name)
    name = user["name"]
    if disabled and clean_name(by) == name:
        raise UserRefused("auth.user.not_yourself")
    at = now()
    with sessions_store.transaction(db) as con:
        sessions_store.update_user(con, name, disabled_at=at if disabled else None)
        if disabled:
            sessions_store.end_sessions(con, at=at, why="disabled", name=name)
        _record(con, at, by, client, name, "disable" if disabled else "enable")
    _forget_cached(name)
    _audit("disable" if disabled else "enable", by, client, name)


def set_agency(db: str | os.PathLike | None, name: str, agency_id: str, *, by: str,
               client: str | None = None) -> None:
    """Bind an agency account to another current body (its sessions see the new body at their next run)."""
    user = _require(db, name)
    if user["role"] != "agency":
        raise UserRefused("auth.user.agency_not_agency_role", role=user["role"])
    agency_id = _check_binding(db, "agency", agency_id)
    at = now()
    with sessions_store.transaction(db) as con:
        sessions_store.update_user(con, user["name"], agency_id=agency_id)
        _record(con, at, by, client, user["name"], "bind", agency=agency_id, was=user.get("agency_id"))
    _forget_cached(user["name"])
    _audit("bind", by, client, user["name"], agency=agency_id, was=user.get("agency_id"))


def set_email(db: str | os.PathLike | None, name: str, email: str | None, *, by: str,
              client: str | None = None) -> None:
    """Set (or, with None or "", clear) the account's e-mail address."""
    user = _require(db, name)
    email = _check_email(email)
    at = now()
    with sessions_store.transaction(db) as con:
        sessions_store.update_user(con, user["name"], email=email)
        _record(con, at, by, client, user["name"], "email", email=email or "—")
    _audit("email", by, client, user["name"], email=email)


def accounts(db: str | os.PathLike | None = None) -> pd.DataFrame:
    """Every account for the administrator: name, role, agency, email, state, last_sign_in, created_at."""
    frame = list_users(db)
    return frame.rename(columns={"agency_id": "agency"})[
        ["name", "role", "agency", "email", "state", "last_sign_in", "created_at"]]
