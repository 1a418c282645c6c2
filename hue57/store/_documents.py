"""Reads and writes of the `reports_built` table: each compiled Word report with who, when, what and its file.

The file is kept in the database (a BLOB) so a report can be listed and downloaded again, and goes with
the database into backups. A database created before this table gets it on its first build
(`CREATE TABLE IF NOT EXISTS` in the writing transaction); reads of such a database find no reports.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import pandas as pd

from hue57.store._connect import connect
from hue57.store._schema import REPORTS_DDL

REPORT_COLUMNS = ["id", "built_at", "by", "period", "upload_id", "as_of", "lang", "filename", "sha256", "size",
                  "proposals"]


def _has_table(con) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'reports_built' "
                            "AND database_name = current_database()").fetchone()[0])


def insert_document(path: str | os.PathLike | None, *, by: str, period: str, upload_id: int, as_of: dt.date,
                  lang: str, filename: str, sha256: str, proposals: str, content: bytes) -> int:
    """Record one built report with its file; returns its number."""
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # stored as naive UTC, like uploads."at"
    for attempt in range(3):  # two builds in one process may race for the same id: the loser retries
        try:
            with connect(path, read_only=False) as con:
                con.execute("BEGIN TRANSACTION")
                try:
                    con.execute(REPORTS_DDL)
                    report_id = int(con.execute("SELECT coalesce(max(id), 0) + 1 FROM reports_built").fetchone()[0])
                    con.execute(
                        'INSERT INTO reports_built (id, built_at, "by", period, upload_id, as_of, lang, filename, '
                        "sha256, size, proposals, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [report_id, at, by, period, int(upload_id), as_of, lang, filename, sha256, len(content),
                         proposals, content])
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                return report_id
        except (duckdb.ConstraintException, duckdb.TransactionException):
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def built_documents(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """Every built report, newest first, without its file (`REPORT_COLUMNS`)."""
    with connect(path) as con:
        if not _has_table(con):
            return pd.DataFrame(columns=REPORT_COLUMNS)
        cols = ", ".join(f'"{c}"' for c in REPORT_COLUMNS)
        return con.execute(f"SELECT {cols} FROM reports_built ORDER BY id DESC").df()  # noqa: S608 — constants


def document_file(path: str | os.PathLike | None, report_id: int) -> tuple[str, bytes] | None:
    """(file name, bytes) of one built report, None when there is no such report."""
    with connect(path) as con:
        if not _has_table(con):
            return None
        row = con.execute("SELECT filename, content FROM reports_built WHERE id = ?", [int(report_id)]).fetchone()
    return (row[0], bytes(row[1])) if row else None
