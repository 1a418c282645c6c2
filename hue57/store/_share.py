"""Reads and writes of the `share_links` table: meeting links, their snapshot, revocation and open count.

Only rows live here; signing tokens and deciding whether a link may open is `hue57.share`'s job.
Every function opens its own short-lived connection (see `hue57.store._connect`).
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import pandas as pd

from hue57.store._connect import DatabaseMissing, StoreError, connect, db_path
from hue57.store._read import latest_upload_id

SHARE_LINK_COLUMNS = ["id", "created_at", "by", "upload_id", "uploaded_at", "as_of_year", "filters", "lang",
                      "expires", "revoked", "revoked_at", "revoked_by", "opened"]

_SELECT = """
SELECT s.id, s.created_at, s."by", s.upload_id, u."at" AS uploaded_at, s.as_of_year, s.filters, s.lang,
       s.expires, s.revoked, s.revoked_at, s.revoked_by, s.opened
FROM share_links s LEFT JOIN uploads u ON u.id = s.upload_id
"""


class UnknownUpload(StoreError):
    """The upload asked for does not exist or changed no data (a dry run or a no-op)."""

    def __init__(self, upload_id: int | None):
        super().__init__(f"unknown upload: {upload_id}")
        self.upload_id = upload_id


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)  # stored as naive UTC, like uploads."at"


def _committed_upload(con, upload_id: int | None) -> int:
    """`upload_id` when it is a committed upload; the newest committed one when None."""
    if upload_id is None:
        newest = latest_upload_id(con)
        if newest:
            return newest
        raise UnknownUpload(None)
    row = con.execute("SELECT id FROM uploads WHERE id = ? AND status = 'committed'", [int(upload_id)]).fetchone()
    if row is None:
        raise UnknownUpload(upload_id)
    return int(row[0])


def insert_share_link(path: str | os.PathLike | None, *, by: str, upload_id: int | None, as_of_year: int | None,
                      filters: str, lang: str, expires: dt.date) -> dict:
    """Record a new link pinned to a committed upload (None: the newest); returns the stored row.

    Raises `UnknownUpload` when the upload does not exist or changed no data.
    """
    for attempt in range(3):  # two writers in one process may race for the same id: the loser retries
        try:
            with connect(path, read_only=False) as con:
                con.execute("BEGIN TRANSACTION")
                try:
                    pinned = _committed_upload(con, upload_id)
                    link_id = int(con.execute("SELECT coalesce(max(id), 0) + 1 FROM share_links").fetchone()[0])
                    con.execute(
                        'INSERT INTO share_links (id, created_at, "by", upload_id, as_of_year, filters, lang, expires) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [link_id, _now(), by, pinned, as_of_year, filters, lang, expires])
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                return _row(con, link_id)
        except (duckdb.ConstraintException, duckdb.TransactionException):
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _row(con, link_id: int) -> dict | None:
    frame = con.execute(_SELECT + " WHERE s.id = ?", [int(link_id)]).df()
    if frame.empty:
        return None
    return _typed(frame).iloc[0].to_dict()


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame[SHARE_LINK_COLUMNS].copy()
    for col in ("id", "upload_id", "opened"):
        frame[col] = frame[col].astype("int64")
    frame["as_of_year"] = frame["as_of_year"].astype("Int64")
    frame["revoked"] = frame["revoked"].astype(bool)
    frame["expires"] = pd.to_datetime(frame["expires"]).dt.date.astype(object)
    for col in ("by", "filters", "lang", "revoked_by"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame


def share_link(path: str | os.PathLike | None, link_id: int) -> dict | None:
    """One link's row (with its upload's time as `uploaded_at`), or None when there is no such link."""
    with connect(path) as con:
        return _row(con, link_id)


def share_links(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """Every link, newest first, with the columns of `SHARE_LINK_COLUMNS`."""
    with connect(path) as con:
        frame = con.execute(_SELECT + " ORDER BY s.id DESC").df()
    return _typed(frame).reset_index(drop=True)


def revoke_share_link(path: str | os.PathLike | None, link_id: int, by: str) -> str:
    """Mark a link revoked: 'revoked', or 'already_revoked' (nothing changes), or 'unknown'."""
    with connect(path, read_only=False) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            row = con.execute("SELECT revoked FROM share_links WHERE id = ?", [int(link_id)]).fetchone()
            if row is None:
                outcome = "unknown"
            elif row[0]:
                outcome = "already_revoked"
            else:
                con.execute("UPDATE share_links SET revoked = true, revoked_at = ?, revoked_by = ? WHERE id = ?",
                            [_now(), by, int(link_id)])
                outcome = "revoked"
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return outcome


def count_share_open(path: str | os.PathLike | None, link_id: int, *, timeout: float = 2.0) -> None:
    """Add one to a link's open count (waits at most `timeout` seconds for the write lock)."""
    add_share_opens(path, {int(link_id): 1}, timeout=timeout)


def add_share_opens(path: str | os.PathLike | None, opens: dict[int, int], *, timeout: float = 2.0) -> None:
    """Add many links' opens in one transaction (waits at most `timeout` seconds for the write lock).

    A file that is not there is left alone (`DatabaseMissing`): a count must never create a database."""
    file = db_path(path)
    if not file.exists():
        raise DatabaseMissing(str(file))
    with connect(file, read_only=False, timeout=timeout) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            con.executemany("UPDATE share_links SET opened = opened + ? WHERE id = ?",
                            [[int(n), int(link_id)] for link_id, n in sorted(opens.items())])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
