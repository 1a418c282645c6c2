"""Creating the database from a plan folder (`init`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from hue57.store._connect import DatabaseMissing, connect, db_path
from hue57.store._migrate import ensure_current
from hue57.store._plan import (
    DATA_DIR,
    read_plan_actuals,
    read_plan_agencies,
    read_plan_targets,
    read_plan_tasks,
)
from hue57.store._schema import DDL, SCHEMA_VERSION


@dataclass(frozen=True)
class InitResult:
    created: bool
    path: Path
    targets: int
    tasks: int
    agencies: int
    actuals: int


def init(path: str | os.PathLike | None = None, data_dir: Path = DATA_DIR) -> InitResult:
    """Create the database from `data_dir`; on an existing database change nothing and say so."""
    file = db_path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    targets = read_plan_targets(data_dir)
    tasks = read_plan_tasks(data_dir)
    agencies = read_plan_agencies(data_dir)
    actuals = read_plan_actuals(data_dir)
    if file.exists():
        try:  # already initialised: read-only (the file is not touched) unless its schema is older
            ensure_current(file)
            with connect(file) as con:
                return InitResult(False, file, **_counts(con))
        except DatabaseMissing:
            pass  # an empty file left by an interrupted init: create the schema in it
    with connect(file, read_only=False) as con:
        con.execute("BEGIN TRANSACTION")
        con.execute(DDL)
        done = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if done is None:
            for table, frame in (("targets", targets), ("tasks", tasks), ("agencies", agencies)):
                _insert_frame(con, table, frame)
            digest = hashlib.sha256((data_dir / "actuals.csv").read_bytes()).hexdigest()
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            con.execute(
                "INSERT INTO uploads VALUES (1, ?, 'init', 'data/actuals.csv', ?, 'seed', ?, ?, 0, 0, "
                "'committed', false, NULL)", [now, digest, len(actuals), len(actuals)])
            seeded = actuals.assign(upload_id=1, note=actuals["note"].replace("", None))
            _insert_frame(con, "actuals", seeded)
            con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('secret', ?), ('created_at', ?)",
                        [str(SCHEMA_VERSION), secrets.token_hex(32), now.isoformat()])
            created = True
        else:
            created = False
        con.execute("COMMIT")
        return InitResult(created, file, **_counts(con))


def _counts(con) -> dict[str, int]:
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 — table/column names are constants
            for table in ("targets", "tasks", "agencies", "actuals")}


def _insert_frame(con, table: str, frame: pd.DataFrame) -> None:
    """Insert a DataFrame whose columns are named as the table's (names are ours, never user text)."""
    columns = ", ".join(f'"{c}"' for c in frame.columns)
    con.register("_frame", frame)
    try:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _frame")  # noqa: S608 — table/column names are constants
    finally:
        con.unregister("_frame")
