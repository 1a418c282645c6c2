"""Storage for signed-in sessions, one-time tokens and the record of account changes (schema 4).

Only storage lives here (parameterised SQL): tokens arrive already hashed, times are naive UTC, and every
rule (how long a session lasts, who may change what) lives in `hue57.auth`.
"""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd

from hue57.store._connect import connect
from hue57.store._users import update_user
from hue57.store._write import _transaction

Db = str | os.PathLike | None


def transaction(path: Db):
    """One read-write transaction (committed on success, rolled back on any error)."""
    return _transaction(path)


# --- sessions ---------------------------------------------------------------------------------------------------

def insert_session(con, token_hash: str, name: str, at: dt.datetime, expires: dt.datetime,
                   client: str | None) -> None:
    con.execute("INSERT INTO sessions (token_hash, name, created_at, last_seen, expires, client) "
                "VALUES (?, ?, ?, ?, ?, ?)", [token_hash, name, at, at, expires, client])


def session_row(path: Db, token_hash: str) -> dict | None:
    """The session with its account's role, body and state, in one read; None when there is no such session."""
    with connect(path) as con:
        row = con.execute(
            "SELECT s.name, s.created_at, s.last_seen, s.expires, s.ended_at, u.role, u.agency_id, "
            "u.disabled_at, u.password_set_at FROM sessions s LEFT JOIN users u ON u.name = s.name "
            "WHERE s.token_hash = ?", [token_hash]).fetchone()
    keys = ("name", "created_at", "last_seen", "expires", "ended_at", "role", "agency_id", "disabled_at",
            "password_set_at")
    return None if row is None else dict(zip(keys, row, strict=True))


def touch_session(path: Db, token_hash: str, at: dt.datetime, expires: dt.datetime) -> None:
    """Slide an open session: seen at `at`, now lasting until `expires`."""
    with transaction(path) as con:
        con.execute("UPDATE sessions SET last_seen = ?, expires = ? WHERE token_hash = ? AND ended_at IS NULL",
                    [at, expires, token_hash])


def end_sessions(con, *, at: dt.datetime, why: str, token_hash: str | None = None, name: str | None = None) -> int:
    """End one session (by its token's hash) or every open session of an account; how many were open."""
    if (token_hash is None) == (name is None):
        raise ValueError("give token_hash or name")
    where, value = ("token_hash", token_hash) if token_hash is not None else ("name", name)
    count = con.execute(f"SELECT count(*) FROM sessions WHERE {where} = ? AND ended_at IS NULL",  # noqa: S608
                        [value]).fetchone()[0]
    con.execute(f"UPDATE sessions SET ended_at = ?, ended_why = ? WHERE {where} = ? AND ended_at IS NULL",  # noqa: S608
                [at, why, value])
    return int(count)


def forget_sessions(con, before: dt.datetime) -> None:
    """Drop sessions that ended or expired before `before` (kept a while for the record)."""
    con.execute("DELETE FROM sessions WHERE coalesce(ended_at, expires) < ?", [before])


# --- one-time tokens ------------------------------------------------------------------------------------------

def insert_token(con, token_hash: str, purpose: str, name: str, at: dt.datetime, by: str,
                 expires: dt.datetime, next_path: str | None = None, session_hash: str | None = None) -> None:
    con.execute("INSERT INTO account_tokens (token_hash, purpose, name, created_at, created_by, expires, next_path, "
                "session_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [token_hash, purpose, name, at, by, expires, next_path, session_hash])


def cancel_tokens(con, name: str, purpose: str, at: dt.datetime) -> None:
    """Mark an account's unused tokens of `purpose` as used (a newer link replaces them)."""
    con.execute("UPDATE account_tokens SET used_at = ? WHERE name = ? AND purpose = ? AND used_at IS NULL",
                [at, name, purpose])


def token_row(con, token_hash: str, purpose: str) -> dict | None:
    row = con.execute("SELECT name, created_at, expires, used_at, next_path, session_hash FROM account_tokens "
                      "WHERE token_hash = ? AND purpose = ?", [token_hash, purpose]).fetchone()
    keys = ("name", "created_at", "expires", "used_at", "next_path", "session_hash")
    return None if row is None else dict(zip(keys, row, strict=True))


def use_token(con, token_hash: str, at: dt.datetime) -> None:
    con.execute("UPDATE account_tokens SET used_at = ? WHERE token_hash = ?", [at, token_hash])


def forget_tokens(con, before: dt.datetime) -> None:
    con.execute("DELETE FROM account_tokens WHERE expires < ?", [before])


# --- the record of changes ------------------------------------------------------------------------------------

def record_change(con, at: dt.datetime, by: str, client: str | None, name: str, action: str,
                  detail: str | None = None) -> None:
    con.execute('INSERT INTO account_changes ("at", "by", client, name, action, detail) VALUES (?, ?, ?, ?, ?, ?)',
                [at, by, client, name, action, detail])


def account_changes(path: Db, *, limit: int = 500) -> pd.DataFrame:
    """Account changes, newest first: at (UTC), by, client, name, action, detail."""
    with connect(path) as con:
        return con.execute('SELECT "at", "by", client, name, action, detail FROM account_changes '
                           'ORDER BY "at" DESC, rowid DESC LIMIT ?', [limit]).df()


__all__ = ["account_changes", "cancel_tokens", "end_sessions", "forget_sessions", "forget_tokens", "insert_session",
           "insert_token", "record_change", "session_row", "token_row", "touch_session", "transaction", "update_user",
           "use_token"]
