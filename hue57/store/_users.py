"""The users table: accounts with salted password hashes and a persisted failed-login counter.

Only storage lives here (parameterised SQL); hashing and the lock-out policy live in `hue57.ingest._auth`.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import pandas as pd

from hue57.store._connect import connect


def get_user(path: str | os.PathLike | None, name: str) -> dict | None:
    """name, role, salt, pw_hash, failed, locked_until, created_at — or None (read-only)."""
    with connect(path) as con:
        row = con.execute("SELECT name, role, salt, pw_hash, failed, locked_until, created_at FROM users "
                          "WHERE name = ?", [name]).fetchone()
    if row is None:
        return None
    keys = ("name", "role", "salt", "pw_hash", "failed", "locked_until", "created_at")
    return dict(zip(keys, row, strict=True))


def insert_user(path: str | os.PathLike | None, name: str, role: str, salt: str, pw_hash: str,
                now: dt.datetime) -> bool:
    """Add an account; False (and nothing written) when the name is taken."""
    with connect(path, read_only=False) as con:
        try:
            con.execute("INSERT INTO users (name, role, salt, pw_hash, failed, locked_until, created_at) "
                        "VALUES (?, ?, ?, ?, 0, NULL, ?)", [name, role, salt, pw_hash, now])
        except duckdb.ConstraintException:
            return False
    return True


def record_failed_login(path: str | os.PathLike | None, name: str, limit: int,
                        lock_until: dt.datetime) -> tuple[int, dt.datetime | None]:
    """Count one failed login in a single statement; the `limit`-th locks until `lock_until` and resets the count.

    Returns (failed count now, locked_until).
    """
    with connect(path, read_only=False) as con:
        row = con.execute(
            "UPDATE users SET "
            "failed = CASE WHEN failed + 1 >= ? THEN 0 ELSE failed + 1 END, "
            "locked_until = CASE WHEN failed + 1 >= ? THEN ? ELSE locked_until END "
            "WHERE name = ? RETURNING failed, locked_until",
            [limit, limit, lock_until, name]).fetchone()
    return (int(row[0]), row[1]) if row else (0, None)


def clear_failed_logins(path: str | os.PathLike | None, name: str) -> None:
    with connect(path, read_only=False) as con:
        con.execute("UPDATE users SET failed = 0, locked_until = NULL WHERE name = ?", [name])


def list_users(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """Accounts without their secrets: name, role, failed, locked_until, created_at."""
    with connect(path) as con:
        return con.execute("SELECT name, role, failed, locked_until, created_at FROM users ORDER BY name").df()
