"""The users and login_attempts tables: accounts with salted password hashes, and every sign-in attempt.

Only storage lives here (parameterised SQL); hashing, roles and the throttling policy live in `hue57.auth`.
An account's columns are listed once (`USER_COLUMNS`): a new column (an agency account's `agency_id`)
is one DDL line, one name here and one keyword of `hue57.auth.add_user`.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import pandas as pd

from hue57.store._connect import connect

USER_COLUMNS = ("name", "role", "salt", "pw_hash", "created_at", "agency_id", "email", "password_set_at",
                "disabled_at", "last_sign_in")
# What `user list` and the accounts page show: never a salt or a hash.
PUBLIC_USER_COLUMNS = ("name", "role", "created_at", "agency_id", "email", "password_set_at", "disabled_at",
                       "last_sign_in")
FAILURES = ("wrong_password", "unknown_name", "role_refused", "disabled")  # a sign-in was checked and refused

# A database created before login_attempts existed gets the table on its first attempt (no migration needed).
_ATTEMPTS_DDL = ('CREATE TABLE IF NOT EXISTS login_attempts ("at" TIMESTAMP NOT NULL, name VARCHAR NOT NULL, '
                 "client VARCHAR NOT NULL, result VARCHAR NOT NULL)")


def get_user(path: str | os.PathLike | None, name: str) -> dict | None:
    """The account's `USER_COLUMNS` as a dict, or None (read-only)."""
    with connect(path) as con:
        row = con.execute(f"SELECT {', '.join(USER_COLUMNS)} FROM users WHERE name = ?",  # noqa: S608 — our column names
                          [name]).fetchone()
    return None if row is None else dict(zip(USER_COLUMNS, row, strict=True))


def insert_user(path: str | os.PathLike | None, **account: object) -> bool:
    """Add an account from keyword columns (at least those of `USER_COLUMNS`); False when the name is taken."""
    with connect(path, read_only=False) as con:
        return add_user_row(con, **account)


def add_user_row(con, **account: object) -> bool:
    """`insert_user` inside the caller's connection (a transaction of several accounts)."""
    unknown = set(account) - set(USER_COLUMNS)
    if unknown:
        raise ValueError(f"not columns of users: {sorted(unknown)}")
    columns = list(account)
    if con.execute("SELECT count(*) FROM users WHERE name = ?", [account.get("name")]).fetchone()[0]:
        return False
    try:
        con.execute(f"INSERT INTO users ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",  # noqa: S608 — our column names
                    [account[c] for c in columns])
    except duckdb.ConstraintException:
        return False
    return True


def list_users(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """Accounts without their secrets: `PUBLIC_USER_COLUMNS`, and `state` (active, pending — waiting for its
    one-time link —, or disabled)."""
    with connect(path) as con:
        return con.execute(f"SELECT {', '.join(PUBLIC_USER_COLUMNS)}, "  # noqa: S608 — our column names
                           "CASE WHEN disabled_at IS NOT NULL THEN 'disabled' WHEN password_set_at IS NULL "
                           "THEN 'pending' ELSE 'active' END AS state FROM users ORDER BY name").df()


def update_user(con, name: str, **columns: object) -> bool:
    """Set `columns` of one account inside the caller's transaction; False when there is no such account."""
    unknown = set(columns) - set(USER_COLUMNS)
    if unknown or "name" in columns:
        raise ValueError(f"not updatable columns of users: {sorted(unknown | ({'name'} & set(columns)))}")
    sets = ", ".join(f"{c} = ?" for c in columns)
    found = con.execute("SELECT count(*) FROM users WHERE name = ?", [name]).fetchone()[0]
    if found:
        con.execute(f"UPDATE users SET {sets} WHERE name = ?", [*columns.values(), name])  # noqa: S608 — our column names
    return bool(found)


def _has_attempts(con) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables "
                            "WHERE table_name = 'login_attempts'").fetchone()[0])


def record_attempt(path: str | os.PathLike | None, at: dt.datetime, name: str, client: str, result: str,
                   *, forget_before: dt.datetime | None = None) -> None:
    """Append one sign-in attempt; attempts older than `forget_before` are deleted in the same transaction."""
    with connect(path, read_only=False) as con:
        con.execute("BEGIN TRANSACTION")
        con.execute(_ATTEMPTS_DDL)
        con.execute('INSERT INTO login_attempts ("at", name, client, result) VALUES (?, ?, ?, ?)',
                    [at, name, client, result])
        if forget_before is not None:
            con.execute('DELETE FROM login_attempts WHERE "at" < ?', [forget_before])
        con.execute("COMMIT")


def attempt_counts(path: str | os.PathLike | None, name: str, client: str, since: dt.datetime,
                   trusted_since: dt.datetime) -> dict:
    """What throttling needs, in one read. Only checked-and-refused attempts (`FAILURES`) count: an attempt
    refused for throttling is not a guess, so it neither counts nor restarts a wait.

    pair_failed / pair_last: failures for `name` from `client` since `since` and since that pair's last
    success; name_failed / name_last: failures for `name` from anywhere since `since` and since the
    account's last success; trusted: `client` signed in as `name` since `trusted_since`.
    """
    empty = {"pair_failed": 0, "pair_last": None, "name_failed": 0, "name_last": None, "trusted": False}
    failures = ", ".join(f"'{f}'" for f in FAILURES)
    with connect(path) as con:
        if not _has_attempts(con):
            return empty
        row = con.execute(f"""
            WITH recent AS (SELECT * FROM login_attempts WHERE "at" >= ? AND name = ?),
            pair_ok AS (SELECT max("at") AS t FROM recent WHERE client = ? AND result = 'success'),
            name_ok AS (SELECT max("at") AS t FROM recent WHERE result = 'success'),
            pair AS (SELECT count(*) AS n, max("at") AS last FROM recent, pair_ok WHERE client = ?
                       AND result IN ({failures}) AND (pair_ok.t IS NULL OR "at" > pair_ok.t)),
            acct AS (SELECT count(*) AS n, max("at") AS last FROM recent, name_ok WHERE result IN ({failures})
                       AND (name_ok.t IS NULL OR "at" > name_ok.t))
            SELECT pair.n, pair.last, acct.n, acct.last,
              (SELECT count(*) > 0 FROM login_attempts WHERE name = ? AND client = ? AND result = 'success'
                 AND "at" >= ?)
            FROM pair, acct
            """,  # noqa: S608 — FAILURES are constants
            [since, name, client, client, name, client, trusted_since]).fetchone()
    return dict(zip(empty, row, strict=True))


def login_attempts(path: str | os.PathLike | None = None, *, since: dt.datetime | None = None,
                   limit: int = 1000) -> pd.DataFrame:
    """Sign-in attempts, newest first: at (UTC), name, client, result."""
    with connect(path) as con:
        if not _has_attempts(con):
            return pd.DataFrame({"at": pd.Series([], dtype="datetime64[us]"), "name": [], "client": [],
                                 "result": []})
        return con.execute('SELECT "at", name, client, result FROM login_attempts '
                           'WHERE "at" >= coalesce(?, TIMESTAMP \'1970-01-01\') ORDER BY "at" DESC LIMIT ?',
                           [since, limit]).df()
