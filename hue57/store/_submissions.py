"""Agencies' six-monthly reports in the database: one row per agency and period, its steps, and acceptance.

A report's state moves draft → submitted → returned → submitted … → accepted; `MOVES` says which action is
allowed from which state (a draft saved on a returned report keeps it `returned`, with the reviewer's
comment, until the agency submits it again), and every change checks it inside the transaction that makes it, so two
requests racing on one report cannot both move it. Acceptance writes the report's rows as one upload
(`_write._commit`) and marks the report accepted in the same transaction: a crash leaves both or neither.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os

import pandas as pd

from hue57.store._connect import connect
from hue57.store._write import CommitResult, UploadRecord, _commit, _transaction

SUBMISSION_COLUMNS = ("id", "agency_id", "period", "state", "by", "created_at", "updated_at",
                      "first_submitted_at", "submitted_at", "reviewed_by", "reviewed_at", "comment", "upload_id",
                      "tasks_json", "actuals_json")
# action → states it may start from ('' = no report yet) and the state it leads to
MOVES = {
    "draft": (("", "draft", "returned"), "draft"),
    "submit": (("", "draft", "returned"), "submitted"),
    "return": (("submitted",), "returned"),
    "accept": (("submitted",), "accepted"),
}


class ReportStateError(Exception):
    """The action is not allowed from the report's state (`state`, '' when there is no report)."""

    def __init__(self, action: str, state: str, submission_id: int | None = None):
        super().__init__(f"{action} from {state or 'nothing'}")
        self.action, self.state, self.submission_id = action, state, submission_id


class UnknownSubmission(Exception):
    def __init__(self, submission_id: int):
        super().__init__(str(submission_id))
        self.submission_id = submission_id


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _row(con, where: str, params: list) -> dict | None:
    cols = ", ".join(f'"{c}"' for c in SUBMISSION_COLUMNS)
    row = con.execute(f"SELECT {cols} FROM submissions WHERE {where}", params).fetchone()  # noqa: S608 — constants
    return None if row is None else dict(zip(SUBMISSION_COLUMNS, row, strict=True))


def _event(con, at, by, agency_id, period, submission_id, action, detail=None) -> None:
    con.execute('INSERT INTO report_events ("at", "by", agency_id, period, submission_id, action, detail) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)", [at, by, agency_id, period, submission_id, action, detail])


def get_submission(path: str | os.PathLike | None, submission_id: int) -> dict | None:
    with connect(path) as con:
        return _row(con, "id = ?", [int(submission_id)])


def submission_for(path: str | os.PathLike | None, agency_id: str, period: str) -> dict | None:
    """The agency's report for the period, or None when it has not started one."""
    with connect(path) as con:
        return _row(con, "agency_id = ? AND period = ?", [agency_id, period])


def list_submissions(path: str | os.PathLike | None, period: str | None = None) -> pd.DataFrame:
    """Every report (of `period`, when given), without its rows."""
    cols = ", ".join(f'"{c}"' for c in SUBMISSION_COLUMNS if not c.endswith("_json"))
    with connect(path) as con:
        return con.execute(f"SELECT {cols} FROM submissions WHERE ? IS NULL OR period = ? ORDER BY id",  # noqa: S608
                           [period, period]).df()


def report_events(path: str | os.PathLike | None, submission_id: int | None = None) -> pd.DataFrame:
    """Steps and refusals, newest first (`submission_id`: one report's)."""
    with connect(path) as con:
        return con.execute('SELECT "at", "by", agency_id, period, submission_id, action, detail FROM report_events '
                           'WHERE ? IS NULL OR submission_id = ? ORDER BY "at" DESC',
                           [submission_id, submission_id]).df()


def save_submission(path: str | os.PathLike | None, *, agency_id: str, period: str, by: str, action: str,
                    tasks_json: str, actuals_json: str, at: dt.datetime | None = None) -> dict:
    """Save the agency's report as a draft (`action` 'draft') or submit it ('submit'); the report as stored.

    Raises `ReportStateError` when the report awaits review or was accepted (nothing written).
    """
    sources, state = MOVES[action]
    at = at or _utc_now()
    with _transaction(path) as con:
        current = _row(con, "agency_id = ? AND period = ?", [agency_id, period])
        found = current["state"] if current else ""
        if found not in sources:
            raise ReportStateError(action, found, current["id"] if current else None)
        if action == "draft" and found == "returned":
            state = "returned"  # still with the agency, the comment still to answer, until it is submitted again
        submitted = at if state == "submitted" else None
        if current is None:
            new_id = int(con.execute("SELECT coalesce(max(id), 0) + 1 FROM submissions").fetchone()[0])
            con.execute('INSERT INTO submissions (id, agency_id, period, state, "by", created_at, updated_at, '
                        "first_submitted_at, submitted_at, tasks_json, actuals_json) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [new_id, agency_id, period, state, by, at, at, submitted, submitted, tasks_json, actuals_json])
        else:
            new_id = current["id"]
            con.execute('UPDATE submissions SET state = ?, "by" = ?, updated_at = ?, '
                        "first_submitted_at = coalesce(first_submitted_at, ?), "
                        "submitted_at = coalesce(?, submitted_at), tasks_json = ?, actuals_json = ? WHERE id = ?",
                        [state, by, at, submitted, submitted, tasks_json, actuals_json, new_id])
        _event(con, at, by, agency_id, period, new_id, "submitted" if state == "submitted" else "saved")
        return _row(con, "id = ?", [new_id])


def return_submission(path: str | os.PathLike | None, submission_id: int, *, by: str, comment: str,
                      at: dt.datetime | None = None) -> dict:
    """Send a submitted report back to its agency with the reviewer's comment."""
    at = at or _utc_now()
    with _transaction(path) as con:
        current = _checked(con, submission_id, "return")
        con.execute("UPDATE submissions SET state = 'returned', reviewed_by = ?, reviewed_at = ?, comment = ?, "
                    "updated_at = ? WHERE id = ?", [by, at, comment, at, submission_id])
        _event(con, at, by, current["agency_id"], current["period"], submission_id, "returned", comment)
        return _row(con, "id = ?", [submission_id])


def _checked(con, submission_id: int, action: str) -> dict:
    current = _row(con, "id = ?", [int(submission_id)])
    if current is None:
        raise UnknownSubmission(submission_id)
    if current["state"] not in MOVES[action][0]:
        raise ReportStateError(action, current["state"], submission_id)
    return current


def accept_submission(path: str | os.PathLike | None, submission_id: int, *, by: str, frames,
                      comment: str | None = None, at: dt.datetime | None = None) -> tuple[dict, CommitResult]:
    """Land a submitted report as one upload (`by` = the agency account) and mark it accepted, atomically.

    `frames(submission) → (actuals or None, progress or None)` turns the stored report into the rows to
    write; it runs inside the transaction, on the report as it is there.
    """
    at = at or _utc_now()
    with _transaction(path) as con:
        current = _checked(con, submission_id, "accept")
        actuals, progress = frames(current)
        digest = hashlib.sha256(json.dumps([current["tasks_json"], current["actuals_json"]]).encode()).hexdigest()
        record = UploadRecord(by=current["by"], filename=f"report {current['agency_id']} {current['period']} "
                                                          f"#{submission_id}", sha256=digest, kind="report")
        if actuals is None and progress is None:
            result = CommitResult(None, "no_op", 0, 0, 0, pd.DataFrame())
        else:
            result = _commit(con, record, actuals=actuals, progress=progress, dry_run=False, keep_rank_fields=True)
        con.execute("UPDATE submissions SET state = 'accepted', reviewed_by = ?, reviewed_at = ?, "
                    "comment = coalesce(?, comment), upload_id = ?, updated_at = ? WHERE id = ?",
                    [by, at, comment, result.upload_id, at, submission_id])
        _event(con, at, by, current["agency_id"], current["period"], submission_id, "accepted",
               None if result.upload_id is None else f"upload #{result.upload_id}")
        return _row(con, "id = ?", [submission_id]), result


def record_refusal(path: str | os.PathLike | None, *, by: str, agency_id: str | None, period: str | None,
                   submission_id: int | None, detail: str, at: dt.datetime | None = None) -> None:
    """Keep a refused request (its own small transaction: the refused one wrote nothing)."""
    with _transaction(path) as con:
        _event(con, at or _utc_now(), by, agency_id, period, submission_id, "refused", detail)


# --- reminders -----------------------------------------------------------------------------------------------

def _has(con, table: str, column: str | None = None) -> bool:
    if column is None:
        sql, params = "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
    else:
        sql = "SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?"
        params = [table, column]
    return bool(con.execute(sql, params).fetchone()[0])


def agency_addresses(path: str | os.PathLike | None) -> dict[str, list[str]]:
    """agency_id → the e-mail addresses of its enabled agency accounts (sorted, without blanks); {} for a database
    whose accounts carry no address yet."""
    with connect(path) as con:
        if not _has(con, "users", "email"):
            return {}
        # a disabled account's holder has left: the reminder goes to the accounts still in use
        rows = con.execute("SELECT agency_id, trim(email) FROM users WHERE role = 'agency' AND agency_id IS NOT NULL "
                           "AND trim(coalesce(email, '')) <> '' AND disabled_at IS NULL "
                           "ORDER BY agency_id, email").fetchall()
    out: dict[str, list[str]] = {}
    for agency_id, email in rows:
        if email not in out.setdefault(agency_id, []):
            out[agency_id].append(email)
    return out


def reminders_sent(path: str | os.PathLike | None, period: str | None = None) -> pd.DataFrame:
    """Reminders sent (of `period`, when given): agency_id, period, kind, sent_at, by, recipients, subject."""
    cols = ["agency_id", "period", "kind", "sent_at", "by", "recipients", "subject"]
    with connect(path) as con:
        if not _has(con, "reminders_sent"):
            return pd.DataFrame(columns=cols)
        return con.execute('SELECT agency_id, period, kind, sent_at, "by", recipients, subject FROM reminders_sent '
                           "WHERE ? IS NULL OR period = ? ORDER BY sent_at, agency_id", [period, period]).df()


def record_reminder(path: str | os.PathLike | None, *, agency_id: str, period: str, kind: str, by: str,
                    recipients: list[str], subject: str, at: dt.datetime | None = None) -> bool:
    """Keep one sent reminder; False when that agency, period and kind was already recorded."""
    from hue57.store._schema import REMINDERS_DDL  # noqa: PLC0415 — a database from before the table gets it here

    with _transaction(path) as con:
        con.execute(REMINDERS_DDL)
        if con.execute("SELECT count(*) FROM reminders_sent WHERE agency_id = ? AND period = ? AND kind = ?",
                       [agency_id, period, kind]).fetchone()[0]:
            return False
        con.execute('INSERT INTO reminders_sent (agency_id, period, kind, sent_at, "by", recipients, subject) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [agency_id, period, kind, at or _utc_now(), by, ", ".join(recipients), subject])
        return True
