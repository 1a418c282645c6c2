"""Creating the database from a plan folder (`init`), and the rule that a database belongs to one plan.

The meta table records the plan it was made from: `plan_name` (plan.toml's `[plan] name`), `plan_folder` and
`plan_hash` (SHA-256 of its files). `init` against a database of another plan, and a server started with a
plan folder other than the database's, are refused with `PlanMismatch` (a message, never a traceback). The
plan is known by its name: the same plan moved to another folder, or with a file corrected since, is the same
plan. A database made before plans were recorded takes the plan in effect at its next `init`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from hue57.plan_facts import facts, plan_hash
from hue57.store._connect import DatabaseMissing, StoreError, connect, db_path
from hue57.store._migrate import ensure_current
from hue57.store._plan import (
    plan_dir,
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
    plan: str = ""
    plan_changed: bool = False  # an existing database whose plan files changed since (its plan tables did not)


class PlanMismatch(StoreError):
    """The database was made from another plan than the one in effect (`found`, `wanted`: plan names)."""

    def __init__(self, path, found: str, wanted: str, folder: str = ""):
        super().__init__(f"{path}: database of plan {found!r} ({folder}), plan in effect {wanted!r}")
        self.found, self.wanted, self.folder = found, wanted, folder


def recorded_plan(con) -> dict[str, str]:
    """The plan the database was made from: {'plan_name', 'plan_folder', 'plan_hash'} (empty before schema 4)."""
    rows = con.execute("SELECT key, value FROM meta WHERE key IN ('plan_name', 'plan_folder', 'plan_hash')").fetchall()
    return dict(rows)


def check_plan(path: str | os.PathLike | None = None, data_dir: Path | None = None) -> None:
    """Refuse (PlanMismatch) when the database at `path` was made from another plan than `data_dir`'s."""
    wanted = facts(plan_dir(data_dir)).name
    with connect(path) as con:
        found = recorded_plan(con)
    if found.get("plan_name", wanted) != wanted:
        raise PlanMismatch(db_path(path), found["plan_name"], wanted, found.get("plan_folder", ""))


def _plan_meta(folder: Path) -> list[tuple[str, str]]:
    return [("plan_name", facts(folder).name), ("plan_folder", str(folder.resolve())), ("plan_hash", plan_hash(folder))]


def init(path: str | os.PathLike | None = None, data_dir: Path | None = None) -> InitResult:
    """Create the database from the plan folder (`data_dir`, else the setting); on an existing database of the
    same plan change nothing and say so; on one of another plan refuse (PlanMismatch)."""
    data_dir = plan_dir(data_dir)
    file = db_path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    targets = read_plan_targets(data_dir)
    tasks = read_plan_tasks(data_dir)
    agencies = read_plan_agencies(data_dir)
    actuals = read_plan_actuals(data_dir)
    if file.exists():
        try:  # already initialised: read-only (the file is not touched) unless its schema is older
            ensure_current(file)
            check_plan(file, data_dir)
            with connect(file) as con:
                recorded = recorded_plan(con)
                counts = _counts(con)
            if not recorded:  # made before plans were recorded: it is the plan in effect from now on
                with connect(file, read_only=False) as con:
                    con.executemany("INSERT INTO meta VALUES (?, ?)", _plan_meta(data_dir))
            changed = bool(recorded) and recorded.get("plan_hash") != plan_hash(data_dir)
            return InitResult(False, file, **counts, plan=facts(data_dir).name, plan_changed=changed)
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
                "INSERT INTO uploads VALUES (1, ?, 'init', ?, ?, 'seed', ?, ?, 0, 0, "
                "'committed', false, NULL)", [now, f"{data_dir.name}/actuals.csv", digest, len(actuals), len(actuals)])
            seeded = actuals.assign(upload_id=1, note=actuals["note"].replace("", None))
            _insert_frame(con, "actuals", seeded)
            con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('secret', ?), ('created_at', ?)",
                        [str(SCHEMA_VERSION), secrets.token_hex(32), now.isoformat()])
            con.executemany("INSERT INTO meta VALUES (?, ?)", _plan_meta(data_dir))
            created = True
        else:
            created = False
        con.execute("COMMIT")
        return InitResult(created, file, **_counts(con), plan=facts(data_dir).name)


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
