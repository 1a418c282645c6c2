"""The steps of a report: an agency saves and submits; the Department returns or accepts. Refusals are logged.

Every refusal (a row that is not the agency's, a step its state does not allow, an unknown report) is
raised as `ReportRefused`, written to `report_events` (action 'refused') and to the `hue57` log, and
changes nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass

import pandas as pd

from hue57 import audit, store
from hue57.i18n import normalise_lang, t
from hue57.reporting._form import (
    FormCheck,
    actual_rows,
    check_form,
    check_upload,
    progress_rows,
    rows_json,
)
from hue57.reporting._items import agency_items
from hue57.store import _submissions

log = logging.getLogger("hue57")


@dataclass(frozen=True)
class Reporter:
    """A signed-in agency account: who writes, for which body."""

    name: str
    agency_id: str


class ReportRefused(Exception):
    """A request that must not be carried out; `reason` names its message (`report.refused.<reason>`)."""

    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason = reason
        self.params = params

    def message(self, lang: str = "vi") -> str:
        return t(f"report.refused.{self.reason}", normalise_lang(lang), **self.params)


def _refuse(db, reason: str, *, by: str, agency_id: str | None, period: str | None,
            submission_id: int | None = None, **params) -> ReportRefused:
    detail = json.dumps({"reason": reason, **params}, ensure_ascii=False, default=str)
    log.info("report request refused: by=%s agency=%s period=%s submission=%s %s", by, agency_id, period,
                submission_id, detail)
    _submissions.record_refusal(db, by=by, agency_id=agency_id, period=period, submission_id=submission_id,
                            detail=detail)
    audit.record("report.refused", who=by, ok=False, reason=reason, agency=agency_id, period=period,
                 submission=submission_id)
    return ReportRefused(reason, **params)


def _rows_text(refused: list[dict]) -> str:
    return "; ".join(f"{r['row']}/{r['column']}={r['value']}" for r in refused[:10])


def _store(db, reporter: Reporter, period: str, action: str, progress: pd.DataFrame | None,
           actuals: pd.DataFrame | None, at: dt.datetime | None) -> dict:
    """Save or submit: a table not given keeps what the report already holds."""
    current = _submissions.submission_for(db, reporter.agency_id, period)
    tasks_json = rows_json(progress) if progress is not None else (current or {}).get("tasks_json") or "[]"
    actuals_json = rows_json(actuals) if actuals is not None else (current or {}).get("actuals_json") or "[]"
    if action == "submit" and tasks_json == "[]" and actuals_json == "[]":
        raise _refuse(db, "empty", by=reporter.name, agency_id=reporter.agency_id, period=period)
    try:
        saved = _submissions.save_submission(db, agency_id=reporter.agency_id, period=period, by=reporter.name,
                                        action=action, tasks_json=tasks_json, actuals_json=actuals_json, at=at)
    except _submissions.ReportStateError as exc:
        raise _refuse(db, f"state_{exc.state}", by=reporter.name, agency_id=reporter.agency_id, period=period,
                      submission_id=exc.submission_id, action=action) from exc
    audit.record(f"report.{action}", who=reporter.name, agency=reporter.agency_id, period=period,
                 submission=saved.get("id"))
    return saved


def save_form(db: str | os.PathLike | None, reporter: Reporter, period: str, *, tasks: pd.DataFrame | None,
              indicators: pd.DataFrame | None, submit: bool = False, lang: str = "vi", snap=None,
              at: dt.datetime | None = None) -> tuple[FormCheck, dict | None]:
    """Check the agency's form; when valid, save it as a draft or (`submit`) submit it.

    Returns the check and the report as stored (None when the form is invalid: nothing saved). Rows that
    are not the agency's raise `ReportRefused('not_yours')`, logged.
    """
    snap = snap if snap is not None else store.load(db)
    items = agency_items(snap, reporter.agency_id, period)
    check = check_form(snap, items, tasks, indicators, lang)
    return _save_checked(db, reporter, period, check, "submit" if submit else "draft", at)


def save_file(db: str | os.PathLike | None, reporter: Reporter, period: str, data: bytes, filename: str, *,
              lang: str = "vi", snap=None, at: dt.datetime | None = None) -> tuple[FormCheck, dict | None]:
    """An offline form uploaded back: checked like any upload, held to the agency's rows, saved as a draft
    in place of the table it fills (tasks or indicators)."""
    snap = snap if snap is not None else store.load(db)
    items = agency_items(snap, reporter.agency_id, period)
    check = check_upload(snap, items, data, filename, lang)
    return _save_checked(db, reporter, period, check, "draft", at)


def _save_checked(db, reporter: Reporter, period: str, check: FormCheck, action: str,
                  at: dt.datetime | None) -> tuple[FormCheck, dict | None]:
    """Refuse (and log) rows that are not the agency's; store a valid check as `action`; nothing when invalid."""
    if check.refused:
        raise _refuse(db, "not_yours", by=reporter.name, agency_id=reporter.agency_id, period=period,
                      rows=_rows_text(check.refused))
    if not check.ok:
        return check, None
    return check, _store(db, reporter, period, action, check.progress, check.actuals, at)


def refuse_request(db: str | os.PathLike | None, reason: str, *, by: str, agency_id: str | None = None,
                   period: str | None = None, **params) -> ReportRefused:
    """Log a request refused before it reached a report (a page asked by a role that may not), and return
    the refusal to show."""
    return _refuse(db, reason, by=by, agency_id=agency_id, period=period, **params)


def return_report(db: str | os.PathLike | None, submission_id: int, *, by: str, comment: str,
                  at: dt.datetime | None = None) -> dict:
    """Send a submitted report back to its agency with a comment it sees on its form."""
    comment = (comment or "").strip()
    if not comment:
        raise _refuse(db, "comment_missing", by=by, agency_id=None, period=None, submission_id=submission_id)
    try:
        returned = _submissions.return_submission(db, int(submission_id), by=by, comment=comment, at=at)
    except _submissions.UnknownSubmission as exc:
        raise _refuse(db, "unknown", by=by, agency_id=None, period=None, submission_id=submission_id,
                      id=submission_id) from exc
    except _submissions.ReportStateError as exc:
        raise _refuse(db, f"state_{exc.state}", by=by, agency_id=None, period=None,
                      submission_id=submission_id, action="return") from exc
    audit.record("report.return", who=by, submission=int(submission_id), agency=returned.get("agency_id"),
                 period=returned.get("period"))
    return returned


def accept_report(db: str | os.PathLike | None, submission_id: int, *, by: str,
                  collective_status: dict[int, str] | None = None, comment: str | None = None,
                  at: dt.datetime | None = None) -> tuple[dict, store.CommitResult]:
    """Accept a submitted report: all its rows land as one upload by the agency's account, in the
    transaction that marks it accepted (with the reviewer and the upload's number).

    Collective tasks land with the status the Department sets here (`collective_status`: task → status),
    the agency's note kept beside its name; a collective task without one stays in the report only.
    """
    found = _submissions.get_submission(db, int(submission_id))
    if found is None:
        raise _refuse(db, "unknown", by=by, agency_id=None, period=None, submission_id=submission_id,
                      id=submission_id)
    snap = store.load(db)
    try:
        items = agency_items(snap, found["agency_id"], found["period"])
        collective = set(items.tasks.loc[items.tasks["collective"], "task_no"].astype(int))
    except KeyError:
        collective = set()
    short = snap.agencies.set_index("agency_id")["short_vi"].get(found["agency_id"]) or found["agency_id"]
    statuses = {int(k): v for k, v in (collective_status or {}).items()}

    def frames(current: dict):
        actuals = actual_rows(current["actuals_json"])
        progress = progress_rows(current["tasks_json"])
        is_collective = progress["task_no"].isin(collective)
        own = progress[~is_collective]
        shared = progress[is_collective & progress["task_no"].isin(statuses)].copy()
        shared["status"] = shared["task_no"].map(statuses)
        shared["note"] = [f"{short}: {n}" if n else None for n in shared["note"]]
        progress = pd.concat([own, shared], ignore_index=True) if len(shared) else own
        return (actuals if len(actuals) else None), (progress.reset_index(drop=True) if len(progress) else None)

    try:
        accepted = _submissions.accept_submission(db, int(submission_id), by=by, frames=frames, comment=comment,
                                                  at=at)
    except _submissions.ReportStateError as exc:
        raise _refuse(db, f"state_{exc.state}", by=by, agency_id=found["agency_id"], period=found["period"],
                      submission_id=submission_id, action="accept") from exc
    audit.record("report.accept", who=by, submission=int(submission_id), agency=found["agency_id"],
                 period=found["period"], upload=accepted[1].upload_id)
    return accepted


def report_rows(submission: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(task rows, indicator rows) a report holds."""
    return progress_rows(submission.get("tasks_json")), actual_rows(submission.get("actuals_json"))


def review_preview(db: str | os.PathLike | None, submission: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(figures diff, task-progress diff) accepting the report would make now, as the upload path previews
    them (`store.preview`); nothing written. An empty frame for a table the report does not fill."""
    progress, actuals = report_rows(submission)
    figures = store.preview(db, actuals=actuals, keep_rank_fields=True) if len(actuals) else pd.DataFrame()
    work = store.preview(db, progress=progress) if len(progress) else pd.DataFrame()
    return figures, work
