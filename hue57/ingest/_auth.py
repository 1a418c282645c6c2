"""Who may upload: accounts with scrypt-hashed passwords, constant-time checks and a persisted lock-out.

Each user has a random 16-byte salt; the hash is scrypt (N=2^15, r=8, p=1), stored with its parameters
so they can be raised later. Five wrong passwords in a row lock the account for five minutes (kept in
the users table, so every process sees it); an unknown name costs the same hashing as a known one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import unicodedata
from dataclasses import dataclass

from hue57.store._users import clear_failed_logins, get_user, insert_user, record_failed_login

ROLES = ("analyst", "viewer")
MAX_FAILED = 5
LOCK_FOR = dt.timedelta(minutes=5)
MIN_PASSWORD = 8
_N, _R, _P, _LEN = 2 ** 15, 8, 1, 32
_DUMMY_SALT = secrets.token_bytes(16)


class UserRefused(ValueError):
    """An account could not be created; `key` names the i18n message, `params` fill it."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class AuthResult:
    """The outcome of a login: true only when `ok`. `reason` is None, 'invalid' or 'locked'."""

    ok: bool
    reason: str | None = None
    role: str | None = None
    locked_until: dt.datetime | None = None

    def __bool__(self) -> bool:
        return self.ok


def now() -> dt.datetime:
    """UTC now without time zone, as the database stores it (tests move it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def hash_password(password: str, salt: bytes, params: str | None = None) -> str:
    """'scrypt$N$r$p$hex' — the parameters travel with the hash."""
    n, r, p = (_N, _R, _P) if params is None else (int(x) for x in params.split("$")[1:4])
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_LEN,
                            maxmem=256 * n * r * p + 1024 * 1024)
    return f"scrypt${n}${r}${p}${digest.hex()}"


def _clean_name(name: str) -> str:
    return unicodedata.normalize("NFC", str(name)).strip()


def add_user(db: str | os.PathLike | None, name: str, role: str, password: str) -> None:
    """Create an account; raises `UserRefused` (bad name or role, short password, name taken)."""
    name = _clean_name(name)
    if not name or len(name) > 64 or any(unicodedata.category(c).startswith("C") for c in name):
        raise UserRefused("ingest.user.bad_name", name=name)
    if role not in ROLES:
        raise UserRefused("ingest.user.bad_role", role=role)
    if len(password) < MIN_PASSWORD:
        raise UserRefused("ingest.user.password_short", min=MIN_PASSWORD)
    salt = secrets.token_bytes(16)
    if not insert_user(db, name, role, salt.hex(), hash_password(password, salt), now()):
        raise UserRefused("ingest.user.exists", name=name)


def authenticate(db: str | os.PathLike | None, name: str, password: str) -> AuthResult:
    """Check a password. Wrong ones are counted; the fifth in a row locks the account for five minutes."""
    user = get_user(db, _clean_name(name))
    if user is None:
        hash_password(password, _DUMMY_SALT)  # same cost as a real check: names cannot be probed by timing
        return AuthResult(False, "invalid")
    moment = now()
    if user["locked_until"] is not None and user["locked_until"] > moment:
        return AuthResult(False, "locked", locked_until=user["locked_until"])
    stored = user["pw_hash"]
    computed = hash_password(password, bytes.fromhex(user["salt"]), stored)
    if hmac.compare_digest(computed.encode("ascii"), stored.encode("ascii")):
        if user["failed"] or user["locked_until"] is not None:
            clear_failed_logins(db, user["name"])
        return AuthResult(True, None, user["role"])
    failed, locked_until = record_failed_login(db, user["name"], MAX_FAILED, moment + LOCK_FOR)
    if locked_until is not None and locked_until > moment:
        return AuthResult(False, "locked", locked_until=locked_until)
    return AuthResult(False, "invalid")
