"""Writes: one upload = one transaction that appends only new and changed cells; undo appends too.

The diff against the current data is taken inside the write transaction, so two imports started at
once are serialised by DuckDB's file lock and the second one diffs against the first one's result:
both land, and neither overwrites the other unseen (no lost update).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from hue57 import audit
from hue57.store._connect import connect
from hue57.store._read import current_actuals, current_progress
from hue57.store._schema import CHECKS_DDL

ACTUAL_KEYS = ["code", "year"]
ACTUAL_FIELDS = ["value", "status", "source", "note", "basis", "band"]
PROGRESS_KEYS = ["task_no", "period"]
PROGRESS_FIELDS = ["status", "progress_pct", "note", "evidence"]


@dataclass(frozen=True)
class UploadRecord:
    """Who uploaded what: kept with every upload, whatever it changed."""

    by: str
    filename: str
    sha256: str
    kind: str = "actuals"  # actuals | progress | revert
    reverts: int | None = None


@dataclass
class CommitResult:
    upload_id: int | None  # None for a dry run or a no-op: they use up no upload number
    status: str  # committed | no_op | dry_run
    new: int
    changed: int
    unchanged: int
    diff: pd.DataFrame = field(repr=False)

    @property
    def written(self) -> int:
        """Cells this upload wrote: new ones and changed ones (an undo may bring back a removed cell)."""
        return self.new + self.changed


NUMERIC_FIELDS = frozenset({"value", "progress_pct", "basis"})


def _same(old: pd.Series, new: pd.Series, numeric: bool) -> np.ndarray:
    """Cell equality where two missing values are equal; numbers compare as numbers, text as text."""
    both_missing = old.isna().to_numpy() & new.isna().to_numpy()
    if numeric:
        a = pd.to_numeric(old, errors="coerce").to_numpy(float, na_value=np.nan)
        b = pd.to_numeric(new, errors="coerce").to_numpy(float, na_value=np.nan)
        return both_missing | np.isclose(a, b, rtol=1e-12, atol=0.0)
    equal = (old.astype("string").fillna("\0") == new.astype("string").fillna("\0")).to_numpy(bool)
    return both_missing | equal


def classify(incoming: pd.DataFrame, current: pd.DataFrame, keys: list[str], fields: list[str]) -> pd.DataFrame:
    """Each incoming row marked `new`, `changed` or `unchanged` against current, with the old fields.

    An incoming row with `deleted` true (an undo of a cell that did not exist before) is `changed`
    when the cell exists now and `unchanged` otherwise.
    """
    inc = incoming.copy()
    if "deleted" not in inc:
        inc["deleted"] = False
    old = current[keys + fields].rename(columns={f: f"old_{f}" for f in fields})
    old["_exists"] = True
    merged = inc.merge(old, on=keys, how="left", validate="one_to_one")
    exists = merged.pop("_exists").fillna(False).astype(bool).to_numpy()
    same = np.ones(len(merged), dtype=bool)
    for f in fields:
        same &= _same(merged[f"old_{f}"], merged[f], f in NUMERIC_FIELDS)
    deleted = merged["deleted"].astype(bool).to_numpy()
    change = np.where(~exists, np.where(deleted, "unchanged", "new"),
                      np.where(deleted | ~same, "changed", "unchanged"))
    merged["change"] = change
    return merged


def with_rank_fields(actuals: pd.DataFrame) -> pd.DataFrame:
    """Actual rows with the rank fields `basis` and `band` (missing: not stated), as the store keeps them."""
    missing = {}
    if "basis" not in actuals.columns:
        missing["basis"] = pd.array([pd.NA] * len(actuals), dtype="Int64")
    if "band" not in actuals.columns:
        missing["band"] = pd.Series([None] * len(actuals), index=actuals.index, dtype=object)
    return actuals.assign(**missing) if missing else actuals


def with_stored_rank_fields(actuals: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    """An upload's rows whose blank `basis` takes the stored cell's, and whose blank `band` takes the
    stored one when the value is unchanged (a band must start at the value it is stored with).

    A file that says nothing about a rank's basis does not erase it: old files and templates without
    these columns keep what the store knows.
    """
    rows = with_rank_fields(actuals).copy()
    old = current[["code", "year", "value", "basis", "band"]].rename(
        columns={"value": "_old_value", "basis": "_old_basis", "band": "_old_band"})
    merged = rows[["code", "year"]].merge(old, on=["code", "year"], how="left", validate="one_to_one")
    basis = pd.array(rows["basis"], dtype="Int64").copy()
    missing = basis.isna()
    basis[missing] = pd.array(merged["_old_basis"], dtype="Int64")[missing]
    rows["basis"] = basis
    same_value = np.isclose(pd.to_numeric(rows["value"]).to_numpy(float, na_value=np.nan),
                            merged["_old_value"].to_numpy(float, na_value=np.nan), rtol=1e-12, atol=0.0)
    band = rows["band"].astype(object).to_numpy().copy()
    take = pd.isna(band) & same_value & merged["_old_band"].notna().to_numpy()
    band[take] = merged["_old_band"].to_numpy()[take]
    rows["band"] = pd.Series(band, index=rows.index, dtype=object).where(pd.notna(band), None)
    return rows


def _actual_rows(actuals: pd.DataFrame, current: pd.DataFrame, keep_rank_fields: bool) -> pd.DataFrame:
    return with_stored_rank_fields(actuals, current) if keep_rank_fields else with_rank_fields(actuals)


def _counts(diff: pd.DataFrame) -> tuple[int, int, int]:
    c = diff["change"].value_counts()
    return int(c.get("new", 0)), int(c.get("changed", 0)), int(c.get("unchanged", 0))


def preview(path: str | os.PathLike | None, actuals: pd.DataFrame | None = None,
            progress: pd.DataFrame | None = None, *, keep_rank_fields: bool = False) -> pd.DataFrame:
    """The diff an upload would make now, without writing (read-only connection)."""
    with connect(path) as con:
        if progress is not None:
            return classify(progress, current_progress(con), PROGRESS_KEYS, PROGRESS_FIELDS)
        current = current_actuals(con)
        return classify(_actual_rows(actuals, current, keep_rank_fields), current, ACTUAL_KEYS, ACTUAL_FIELDS)


def commit_upload(path: str | os.PathLike | None, record: UploadRecord, *,
                  actuals: pd.DataFrame | None = None, progress: pd.DataFrame | None = None,
                  dry_run: bool = False, keep_rank_fields: bool = False) -> CommitResult:
    """Append the new and changed cells of one validated upload, with its record, in one transaction.

    `actuals` has columns code, year, value, status, source, note (+ optional basis, band, deleted);
    `progress` has task_no, period, status, progress_pct, note, evidence. One of them is given, or both (an
    agency's accepted report: one upload for its figures and its task progress).
    `keep_rank_fields`: a blank basis or band keeps the stored one (`with_stored_rank_fields`).
    A dry run records the attempt and writes no data; a file that changes nothing is a `no_op`. Both are
    kept in `upload_checks`, so the ids of uploads that wrote data stay consecutive.
    """
    if actuals is None and progress is None:
        raise ValueError("give actuals, progress or both")
    with _transaction(path) as con:
        return _commit(con, record, actuals=actuals, progress=progress, dry_run=dry_run,
                       keep_rank_fields=keep_rank_fields)


@contextlib.contextmanager
def _transaction(path):
    """A read-write connection inside one transaction: committed on success, rolled back on any error."""
    with connect(path, read_only=False) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def _diffs(con, actuals: pd.DataFrame | None, progress: pd.DataFrame | None,
           keep_rank_fields: bool) -> list[tuple[str, list[str], pd.DataFrame]]:
    """(table, columns, diff) for each kind of row given, against the current data of `con`."""
    out = []
    if actuals is not None:
        current = current_actuals(con)
        out.append(("actuals", ACTUAL_KEYS + ACTUAL_FIELDS,
                    classify(_actual_rows(actuals, current, keep_rank_fields), current, ACTUAL_KEYS, ACTUAL_FIELDS)))
    if progress is not None:
        out.append(("task_progress", PROGRESS_KEYS + PROGRESS_FIELDS,
                    classify(progress, current_progress(con), PROGRESS_KEYS, PROGRESS_FIELDS)))
    return out


def _commit(con, record: UploadRecord, *, actuals: pd.DataFrame | None, progress: pd.DataFrame | None,
            dry_run: bool, keep_rank_fields: bool = False) -> CommitResult:
    """Write one upload inside the caller's transaction. Both `actuals` and `progress` may be given (an
    agency's accepted report): they land under one upload id, and its counts are their sums."""
    diffs = _diffs(con, actuals, progress, keep_rank_fields)
    diff = diffs[0][2] if len(diffs) == 1 else pd.concat(
        [d.assign(table=table) for table, _c, d in diffs], ignore_index=True)
    new, changed, unchanged = _counts(diff)
    status = "dry_run" if dry_run else ("committed" if new + changed else "no_op")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if status != "committed":  # recorded for the history, without using up an upload number
        con.execute(CHECKS_DDL)  # a schema-2 database made before this table existed
        con.execute("INSERT INTO upload_checks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [now, record.by, record.filename, record.sha256, record.kind, len(diff), new, changed,
                     unchanged, status, record.reverts])
        return CommitResult(None, status, new, changed, unchanged, diff)
    upload_id = int(con.execute("SELECT coalesce(max(id), 0) + 1 FROM uploads").fetchone()[0])
    con.execute(
        "INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [upload_id, now, record.by, record.filename, record.sha256, record.kind, len(diff), new,
         changed, unchanged, status, dry_run, record.reverts])
    for table, columns, part in diffs:
        rows = part.loc[part["change"] != "unchanged", columns + ["deleted"]].copy()
        if not len(rows):
            continue
        rows.insert(0, "upload_id", upload_id)
        con.register("_rows", rows)
        names = ", ".join(f'"{c}"' for c in rows.columns)
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _rows")  # noqa: S608 — table/column names are constants
        con.unregister("_rows")
    return CommitResult(upload_id, status, new, changed, unchanged, diff)


@dataclass
class RevertPlan:
    """What undoing an upload would restore, and which of its cells later uploads changed again.

    `kind` is actuals, progress or report (an accepted agency report touched both: `rows` holds its
    figures and `progress_rows` its task progress)."""

    upload_id: int
    kind: str
    rows: pd.DataFrame
    conflicts: pd.DataFrame
    progress_rows: pd.DataFrame | None = None


class RevertRefused(Exception):
    """The upload cannot be undone as asked (unknown, not a data upload, or overwritten later)."""

    def __init__(self, reason: str, upload_id: int, conflicts: pd.DataFrame | None = None):
        super().__init__(reason)
        self.reason = reason
        self.upload_id = upload_id
        self.conflicts = conflicts if conflicts is not None else pd.DataFrame()


_TABLES = {"actuals": (ACTUAL_KEYS, ACTUAL_FIELDS, current_actuals),
           "task_progress": (PROGRESS_KEYS, PROGRESS_FIELDS, current_progress)}


def _table_plan(con, upload_id: int, table: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the rows restoring what upload `upload_id` replaced in `table`, later uploads of the same cells)."""
    keys, fields, current = _TABLES[table]
    key_list = ", ".join(keys)
    touched = con.execute(f"SELECT {key_list} FROM {table} WHERE upload_id = ?", [upload_id]).df()  # noqa: S608 — table/column names are constants
    before = current(con, upload_id - 1)
    restored = touched.merge(before[keys + fields], on=keys, how="left", indicator=True)
    restored["deleted"] = restored.pop("_merge").eq("left_only")
    later = con.execute(
        f"SELECT DISTINCT {key_list}, upload_id FROM {table} WHERE upload_id > ? "  # noqa: S608 — constants
        f"AND ({key_list}) IN (SELECT ({key_list}) FROM {table} WHERE upload_id = ?)",
        [upload_id, upload_id]).df()
    return restored, later


def _revert_plan(con, upload_id: int) -> RevertPlan:
    row = con.execute("SELECT kind, status FROM uploads WHERE id = ?", [upload_id]).fetchone()
    if row is None:
        raise RevertRefused("unknown_upload", upload_id)
    kind, status = row
    if status != "committed":
        raise RevertRefused("nothing_to_undo", upload_id)
    has = {table: con.execute(f"SELECT count(*) FROM {table} WHERE upload_id = ?",  # noqa: S608 — constants
                              [upload_id]).fetchone()[0] > 0 for table in _TABLES}
    if has["actuals"] and has["task_progress"]:
        rows, later = _table_plan(con, upload_id, "actuals")
        progress_rows, progress_later = _table_plan(con, upload_id, "task_progress")
        conflicts = pd.concat([later, progress_later], ignore_index=True)
        return RevertPlan(upload_id, "report", rows, conflicts, progress_rows)
    table = "task_progress" if has["task_progress"] else "actuals"
    rows, later = _table_plan(con, upload_id, table)
    return RevertPlan(upload_id, "progress" if table == "task_progress" else "actuals", rows, later)


def revert_plan(path: str | os.PathLike | None, upload_id: int) -> RevertPlan:
    with connect(path) as con:
        return _revert_plan(con, upload_id)


def revert(path: str | os.PathLike | None, upload_id: int, by: str, *, force: bool = False) -> CommitResult:
    """`_revert`, and its audit line (done, or refused because a later upload changed the same cells)."""
    try:
        result = _revert(path, upload_id, by, force=force)
    except RevertRefused as exc:
        audit.record("upload.revert", who=by, ok=False, reverts=upload_id, reason=exc.reason)
        raise
    audit.record("upload.revert", who=by, reverts=upload_id, upload=result.upload_id, force=force or None)
    return result


def _revert(path: str | os.PathLike | None, upload_id: int, by: str, *, force: bool = False) -> CommitResult:
    """Undo upload `upload_id` by a new upload restoring the values it replaced.

    Refused with `RevertRefused("overwritten_later")` when a later upload changed the same cells,
    unless `force`: then the earlier values win over the later ones too, as the analyst confirmed.
    """
    record = UploadRecord(by=by, filename=f"undo #{upload_id}", sha256="", kind="revert", reverts=upload_id)
    with _transaction(path) as con:  # plan and write in one transaction: no upload can slip in between
        plan = _revert_plan(con, upload_id)
        if len(plan.conflicts) and not force:
            raise RevertRefused("overwritten_later", upload_id, plan.conflicts)
        if plan.kind == "progress":
            return _commit(con, record, actuals=None, progress=plan.rows, dry_run=False)
        return _commit(con, record, actuals=plan.rows, progress=plan.progress_rows, dry_run=False)
