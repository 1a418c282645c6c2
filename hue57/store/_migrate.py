"""Bringing an existing database up to the code's schema, in one transaction that keeps every row.

Each step is idempotent SQL (or a function of the connection) keyed by the version it reaches. Before the steps the whole DDL runs again
(`CREATE TABLE IF NOT EXISTS`), so a version that only adds tables needs no step of its own. A
database newer than the code is refused, never "migrated" backwards: its newer columns would be lost.
"""

from __future__ import annotations

import os
from pathlib import Path

from hue57.store._connect import StoreError, connect
from hue57.store._plan import GLOSSES, read_plan_targets, read_plan_tasks
from hue57.store._schema import DDL, SCHEMA_VERSION


def _load_glosses(con) -> None:
    """Fill the English gloss columns of the plan tables from the database's plan folder (they arrived with
    schema 2): the folder recorded in meta when it still exists, else the plan folder in effect."""
    row = con.execute("SELECT value FROM meta WHERE key = 'plan_folder'").fetchone()
    folder = Path(row[0]) if row and Path(row[0]).is_dir() else None
    for table, frame in (("targets", read_plan_targets(folder)), ("tasks", read_plan_tasks(folder))):
        key, columns = GLOSSES[table]
        sets = ", ".join(f"{c} = ?" for c in columns)
        for row in frame[[key, *columns]].itertuples(index=False):
            con.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?",  # noqa: S608 — names are constants
                        [*(v or None for v in row[1:]), row[0]])


MIGRATIONS: dict[int, tuple] = {
    2: ("ALTER TABLE actuals ADD COLUMN IF NOT EXISTS basis INTEGER",
        "ALTER TABLE actuals ADD COLUMN IF NOT EXISTS band VARCHAR",
        "ALTER TABLE targets ADD COLUMN IF NOT EXISTS text_en VARCHAR",
        *(f"ALTER TABLE tasks ADD COLUMN IF NOT EXISTS {c} VARCHAR"
          for c in ("group_title_en", "title_en", "output_en", "deadline_en")),
        _load_glosses),
    # 3: agency accounts (the reporting cycle); its tables, submissions and report_events, come from the DDL.
    3: ("ALTER TABLE users ADD COLUMN IF NOT EXISTS agency_id VARCHAR",),
    # 4: accounts managed in the browser (sessions, one-time links, account_changes come from the DDL);
    # an existing account's password counts as set when it was created.
    4: (*(f"ALTER TABLE users ADD COLUMN IF NOT EXISTS {c}" for c in (
            "email VARCHAR", "password_set_at TIMESTAMP", "disabled_at TIMESTAMP", "last_sign_in TIMESTAMP")),
        "UPDATE users SET password_set_at = created_at WHERE password_set_at IS NULL"),
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
            raise DatabaseNewer("", found, SCHEMA_VERSION)
        if found < SCHEMA_VERSION:
            con.execute(DDL)
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for step in MIGRATIONS.get(version, ()):
                    step(con) if callable(step) else con.execute(step)
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
