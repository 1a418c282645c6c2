"""Opening the database file: short-lived connections, read-only for reads, retried while locked.

Connection policy
-----------------
DuckDB lets one process open a file read-write, or any number of processes open it read-only, never
both at once. The dashboard and the CLI are separate processes, so no process keeps a connection
open: every read opens the file read-only, copies what it needs into pandas and closes; every write
opens it read-write for one transaction and closes. Each call (and so each Streamlit thread) gets its
own connection, never shares a cursor, and a process that finds the file locked waits and retries
with back-off for up to `HUE57_LOCK_TIMEOUT` seconds (default 30) before raising `DatabaseBusy`,
which the pages and the CLI turn into a message, never a traceback.

Inside one process DuckDB also refuses a read-only and a read-write connection to the same file at
once, so the threads of one process (the Streamlit server's sessions) take turns through a process
lock: connections are short and most page reads are served from cache, so the wait is brief.
"""

from __future__ import annotations

import contextlib
import os
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

DEFAULT_DB = Path(__file__).resolve().parents[2] / "data" / "hue57.duckdb"


class StoreError(Exception):
    """A database problem a user can act on (the message says what to do)."""


class DatabaseBusy(StoreError):
    """Another process held the file lock for longer than the lock timeout."""


class DatabaseMissing(StoreError):
    """No database file yet: `python -m hue57 init` creates it."""


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: the given path, else the setting (`HUE57_DB`, `db` in hue57.toml), else `data/hue57.duckdb`."""
    if path:
        return Path(path)
    from hue57.config import settings  # noqa: PLC0415 — small, and only when no path is given

    return settings().db


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


@contextlib.contextmanager
def connect(path: str | os.PathLike | None = None, *, read_only: bool = True,
            timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the database, closed on exit; waits while another process holds the lock."""
    file = db_path(path)
    if read_only and not file.exists():
        raise DatabaseMissing(str(file))
    limit = float(os.environ.get("HUE57_LOCK_TIMEOUT", "30")) if timeout is None else timeout
    deadline = time.monotonic() + limit
    if not _PROCESS_LOCK.acquire(timeout=max(limit, 0.001)):
        raise DatabaseBusy(str(file))
    try:
        with _open(file, read_only, deadline) as con:
            yield con
    finally:
        _PROCESS_LOCK.release()


_PROCESS_LOCK = threading.RLock()


@contextlib.contextmanager
def _open(file: Path, read_only: bool, deadline: float) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the file, retrying while another process holds its lock; closed on exit."""
    delay = 0.02
    while True:
        try:
            # Replacement scans would let a query name a Python variable; frames are registered explicitly.
            con = duckdb.connect(str(file), read_only=read_only,
                                 config={"python_enable_replacements": False})
            break
        except duckdb.IOException as exc:
            if not _is_lock_error(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(str(file)) from exc
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 0.5)
    try:
        if read_only and not _initialised(con):
            raise DatabaseMissing(str(file))
        yield con
    finally:
        con.close()


def _initialised(con: duckdb.DuckDBPyConnection) -> bool:
    """True once `init` has committed (a failed init leaves no schema_version behind)."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
    return bool(has_meta) and con.execute(
        "SELECT count(*) FROM meta WHERE key = 'schema_version'").fetchone()[0] == 1
