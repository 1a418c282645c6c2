"""Reads: the plan, the current (or as-of-upload) actuals and progress, uploads, as pandas frames."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pandas as pd

from hue57.store._connect import connect

_CURRENT_ACTUALS = """
SELECT code, year, value, status, source, note, basis, band, upload_id, deleted
FROM actuals
WHERE upload_id <= ?
QUALIFY row_number() OVER (PARTITION BY code, year ORDER BY upload_id DESC) = 1
"""

_CURRENT_PROGRESS = """
SELECT task_no, period, status, progress_pct, note, evidence, upload_id, deleted
FROM task_progress
WHERE upload_id <= ?
QUALIFY row_number() OVER (PARTITION BY task_no, period ORDER BY upload_id DESC) = 1
"""


@dataclass(frozen=True)
class Snapshot:
    """Everything a page or a command reads, as it stood after upload `upload_id`."""

    upload_id: int
    uploaded_at: pd.Timestamp | None
    targets: pd.DataFrame
    tasks: pd.DataFrame
    agencies: pd.DataFrame
    actuals: pd.DataFrame
    progress: pd.DataFrame


def latest_upload_id(con) -> int:
    """The newest upload that changed data (dry runs and no-ops change nothing)."""
    row = con.execute("SELECT max(id) FROM uploads WHERE status = 'committed'").fetchone()
    return int(row[0] or 0)


def current_actuals(con, as_of_upload: int | None = None) -> pd.DataFrame:
    """One row per (code, year): the value of the newest upload up to `as_of_upload` (all when None)."""
    limit = latest_upload_id(con) if as_of_upload is None else as_of_upload
    frame = con.execute(_CURRENT_ACTUALS, [limit]).df()
    frame = frame[~frame.pop("deleted").astype(bool)]
    return _typed_actuals(in_plan_order(con, frame, ["year"]))


def in_plan_order(con, frame: pd.DataFrame, then: list[str]) -> pd.DataFrame:
    """Rows sorted by their code's place in the plan (3 before 13, 8.2 before 8.10), then by `then`.

    Codes not in the plan come last, in text order.
    """
    order = dict(con.execute("SELECT code, ord FROM targets").fetchall())
    place = frame["code"].astype(str).map(order).astype("float64").fillna(float("inf"))
    keyed = frame.assign(_place=place.to_numpy(), _code=frame["code"].astype(str).to_numpy())
    return keyed.sort_values(["_place", "_code", *then], kind="stable") \
        .drop(columns=["_place", "_code"]).reset_index(drop=True)


def _typed_actuals(frame: pd.DataFrame) -> pd.DataFrame:
    frame["code"] = frame["code"].astype(str)
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    frame["upload_id"] = frame["upload_id"].astype("int64")
    frame["basis"] = frame["basis"].astype("Int64")
    for col in ("status", "source", "note", "band"):
        frame[col] = frame[col].astype("object").where(frame[col].notna(), None)
    return frame


def current_progress(con, as_of_upload: int | None = None) -> pd.DataFrame:
    limit = latest_upload_id(con) if as_of_upload is None else as_of_upload
    frame = con.execute(_CURRENT_PROGRESS, [limit]).df()
    frame = frame[~frame.pop("deleted").astype(bool)]
    return frame.sort_values(["task_no", "period"], kind="stable").reset_index(drop=True)


def read_targets(con) -> pd.DataFrame:
    frame = con.execute("SELECT * EXCLUDE (ord) FROM targets ORDER BY ord").df()
    for col in ("horizon", "relative_to"):
        frame[col] = frame[col].astype("Int64")
    for col in ("value", "value_hi"):
        frame[col] = frame[col].astype("float64")
    return frame


def read_tasks(con) -> pd.DataFrame:
    return con.execute('SELECT * FROM tasks ORDER BY no').df()


def read_agencies(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM agencies ORDER BY agency_id").df()


_UPLOAD_COLUMNS = ('"at", "by", filename, sha256, kind, rows_total, rows_new, rows_changed, rows_unchanged, '
                   "status")


def read_uploads(con) -> pd.DataFrame:
    """Uploads (with their id) and, between them in time, the attempts that wrote no data (id missing)."""
    has_checks = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'upload_checks' "
                             "AND database_name = current_database()").fetchone()[0]
    sql = f"SELECT id, {_UPLOAD_COLUMNS}, dry_run, reverts FROM uploads"  # noqa: S608 — constants
    if has_checks:
        sql += (f" UNION ALL SELECT NULL, {_UPLOAD_COLUMNS}, status = 'dry_run', reverts "  # noqa: S608 — constants
                "FROM upload_checks")
    frame = con.execute(f"SELECT * FROM ({sql}) ORDER BY \"at\", id NULLS LAST").df()  # noqa: S608 — constants
    frame["id"] = frame["id"].astype("Int64")
    frame["reverts"] = frame["reverts"].astype("Int64")
    return frame


def undoable_uploads(history: pd.DataFrame) -> list[int]:
    """Uploads that can still be undone, newest first: ones that wrote data (not the seed) and that no
    standing undo has already undone (an undo that was itself undone gives its upload back)."""
    wrote = history[(history["status"] == "committed") & history["id"].notna()]
    undone: set[int] = set()
    reverts = wrote[wrote["kind"] == "revert"].sort_values("id")
    by_id = dict(zip(wrote["id"].astype(int), wrote["reverts"], strict=True))
    for undo_id, target in zip(reverts["id"].astype(int), reverts["reverts"].astype(int), strict=True):
        undone.add(target)
        if pd.notna(by_id.get(target)):  # undoing an undo brings the first upload back
            undone.discard(int(by_id[target]))
        undone.discard(undo_id)
    ids = wrote.loc[wrote["kind"] != "seed", "id"].astype(int)
    return [i for i in ids.tolist()[::-1] if i not in undone]


def load(path: str | os.PathLike | None = None, as_of_upload: int | None = None) -> Snapshot:
    """The plan and its data as of upload `as_of_upload` (None: the newest), read in one connection."""
    with connect(path) as con:
        newest = latest_upload_id(con)
        upload_id = newest if as_of_upload is None else min(int(as_of_upload), newest)
        at = con.execute('SELECT "at" FROM uploads WHERE id = ?', [upload_id]).fetchone()
        return Snapshot(
            upload_id=upload_id,
            uploaded_at=pd.Timestamp(at[0]) if at else None,
            targets=read_targets(con),
            tasks=read_tasks(con),
            agencies=read_agencies(con),
            actuals=current_actuals(con, upload_id),
            progress=current_progress(con, upload_id),
        )


def uploads(path: str | os.PathLike | None = None) -> pd.DataFrame:
    with connect(path) as con:
        return read_uploads(con)


def actuals_history(path: str | os.PathLike | None = None, codes: list[str] | None = None,
                    as_of_upload: int | None = None) -> pd.DataFrame:
    """Every stored actual row up to `as_of_upload` with its upload (newest first), for provenance."""
    sql = ("SELECT a.code, a.year, a.value, a.status, a.source, a.note, a.basis, a.band, a.deleted, a.upload_id, "
           'u."at", u."by", u.filename FROM actuals a JOIN uploads u ON u.id = a.upload_id WHERE a.upload_id <= ?')
    with connect(path) as con:
        params: list = [latest_upload_id(con) if as_of_upload is None else as_of_upload]
        if codes:
            sql += " AND a.code IN (SELECT unnest(?))"
            params.append(list(codes))
        frame = con.execute(sql + " ORDER BY a.upload_id DESC, a.code, a.year", params).df()
        return in_plan_order(con, frame, ["year"]).sort_values("upload_id", ascending=False, kind="stable") \
            .reset_index(drop=True)


def current_values(path: str | os.PathLike | None = None, codes: list[str] | None = None,
                   as_of_upload: int | None = None) -> pd.DataFrame:
    """The current value of each (code, year) up to `as_of_upload` with the upload that brought it, newest
    year first. What readers see: a value that was undone is left out, and each year appears once."""
    sql = ('SELECT a.code, a.year, a.value, a.status, a.source, a.note, a.basis, a.band, a.upload_id, '
           'u."at", u."by", u.filename FROM actuals a JOIN uploads u ON u.id = a.upload_id '
           "WHERE a.upload_id <= ? {codes} "
           "QUALIFY row_number() OVER (PARTITION BY a.code, a.year ORDER BY a.upload_id DESC) = 1 "
           "AND NOT a.deleted ORDER BY a.code, a.year DESC")
    with connect(path) as con:
        params: list = [latest_upload_id(con) if as_of_upload is None else as_of_upload]
        if codes:
            params.append(list(codes))
        return con.execute(sql.format(codes="AND a.code IN (SELECT unnest(?))" if codes else ""), params).df()


def meta_value(path: str | os.PathLike | None, key: str) -> str | None:
    with connect(path) as con:
        row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def progress_history(path: str | os.PathLike | None, task_no: int, as_of_upload: int | None = None) -> pd.DataFrame:
    """Every progress report stored for one task up to `as_of_upload`, newest first, with who and when."""
    with connect(path) as con:
        limit = latest_upload_id(con) if as_of_upload is None else as_of_upload
        return con.execute(
            'SELECT p.period, p.status, p.progress_pct, p.note, p.evidence, p.deleted, p.upload_id, u."at", '
            'u."by", u.filename FROM task_progress p JOIN uploads u ON u.id = p.upload_id '
            "WHERE p.task_no = ? AND p.upload_id <= ? ORDER BY p.upload_id DESC, p.period DESC",
            [int(task_no), limit]).df()
