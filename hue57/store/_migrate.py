"""Bringing an existing database up to the code's schema, in one transaction that keeps every row.

Each step is idempotent SQL keyed by the version it reaches. Before the steps the whole DDL runs again
(`CREATE TABLE IF NOT EXISTS`), so a version that only adds tables needs no step of its own. A
database newer than the code is refused, never "migrated" backwards: its newer columns would be lost.
"""

from __future__ import annotations

import os

from hue57.store._connect import StoreError, connect
from hue57.store._schema import DDL, SCHEMA_VERSION

MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE actuals ADD COLUMN IF NOT EXISTS basis INTEGER",
        "ALTER TABLE actuals ADD COLUMN IF NOT EXISTS band VARCHAR"),
}


class DatabaseNewer(StoreError):
    """The database was written by a newer hue57 than this one."""

    def __init__(self, path, found: int, supported: int):
        super().__init__(str(path))
        self.found = found
        self.supported = supported


def schema_version(con) -> int:
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con) -> int:
    """Run the missing steps on a read-write connection in one transaction; the version reached."""
    con.execute("BEGIN TRANSACTION")
    try:
        found = schema_version(con)
        if found > SCHEMA_VERSION:
            raise DatabaseNewer(con, found, SCHEMA_VERSION)
        if found < SCHEMA_VERSION:
            con.execute(DDL)
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS.get(version, ()):
                    con.execute(statement)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION


def ensure_current(path: str | os.PathLike | None = None) -> bool:
    """Migrate the database at `path` when it is older than the code; True when it was migrated.

    Checked on a read-only connection first, so an up-to-date database is never opened for writing.
    """
    with connect(path) as con:
        found = schema_version(con)
    if found > SCHEMA_VERSION:
        raise DatabaseNewer(path, found, SCHEMA_VERSION)
    if found == SCHEMA_VERSION:
        return False
    with connect(path, read_only=False) as con:
        migrate(con)
    return True
