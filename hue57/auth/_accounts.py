"""Accounts: who may sign in, with which role (roles are a tuple so a new one is one entry and its rules)."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata

from hue57 import audit
from hue57.auth._passwords import hash_password, new_salt
from hue57.store._users import insert_user

ROLES = ("analyst", "viewer", "agency")
# Roles the dashboard's sign-in admits; a viewer account is refused like a wrong password. An agency account
# signs in to its own report (/report) only: the pages check the role, see `hue57.ui`.
SIGN_IN_ROLES = ("analyst", "agency")
MIN_PASSWORD = 8
MAX_NAME = 64


class UserRefused(ValueError):
    """An account could not be created; `key` names the i18n message, `params` fill it."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def now() -> dt.datetime:
    """UTC now without time zone, as the database stores it (tests move it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def clean_name(name: object) -> str:
    return unicodedata.normalize("NFC", str(name)).strip()


def reporting_agencies(db: str | os.PathLike | None) -> list[str]:
    """The bodies an agency account may be bound to: today's bodies (not merged away, not collective groups)
    that own a task or monitor an indicator — the rows of the completeness table."""
    from hue57.reporting import accountable_agencies  # noqa: PLC0415 — the reporting package reads the plan
    from hue57.store import load  # noqa: PLC0415

    snap = load(db)
    return accountable_agencies(snap.agencies, snap)


def add_user(db: str | os.PathLike | None, name: str, role: str, password: str, *,
             agency_id: str | None = None) -> None:
    """Create an account; raises `UserRefused` (bad name or role, short password, name taken; for an
    agency account a missing agency, or one that is not a current body of data/agencies.csv)."""
    name = clean_name(name)
    if not name or len(name) > MAX_NAME or any(unicodedata.category(c).startswith("C") for c in name):
        raise UserRefused("auth.user.bad_name", name=name)
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
    if len(password) < MIN_PASSWORD:
        raise UserRefused("auth.user.password_short", min=MIN_PASSWORD)
    salt = new_salt()
    if not insert_user(db, name=name, role=role, salt=salt.hex(), pw_hash=hash_password(password, salt),
                       created_at=now(), agency_id=agency_id):
        raise UserRefused("auth.user.exists", name=name)
    audit.record("user.add", who=None, account=name, role=role, agency=agency_id)
