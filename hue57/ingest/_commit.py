"""Validate an upload against the plan in the database, then land it in one store transaction (or not at all)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pandas as pd

from hue57 import audit, store
from hue57.i18n import normalise_lang
from hue57.ingest._issues import empty_issues
from hue57.ingest._read import parse_upload
from hue57.ingest._scale import scale_warnings
from hue57.ingest._validate import ValidationReport, validate


@dataclass
class ImportOutcome:
    """What became of one upload.

    `status`: `invalid` (nothing written), `preview` (nothing written), `unconfirmed` (valid, but with
    warnings the analyst has not accepted: nothing written), `dry_run` (the attempt is recorded, no
    data), `no_op` (recorded, every row already current) or `committed`. `diff` marks each row
    new / changed / unchanged with the old values (`old_*` columns), as `store.preview` does.
    `warnings`: values probably on the wrong scale (`hue57.ingest._scale`), an issues frame.
    """

    status: str
    report: ValidationReport
    upload_id: int | None = None
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    diff: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    warnings: pd.DataFrame = field(default_factory=empty_issues, repr=False)

    @property
    def ok(self) -> bool:
        return self.status != "invalid"

    @property
    def kind(self) -> str | None:
        return self.report.kind

    @property
    def errors(self) -> pd.DataFrame:
        return self.report.errors


def check_file(data: bytes, filename: str, targets: pd.DataFrame, lang: str = "vi", *,
               tasks: pd.DataFrame | None = None) -> ValidationReport:
    """Parse and validate an upload without touching any database."""
    return validate(parse_upload(data, filename), targets, lang, tasks=tasks)


def _checked(path_db, data: bytes, filename: str, lang: str) -> tuple[ValidationReport, pd.DataFrame]:
    """The validation report and, for a valid figures file, its warnings against the stored figures."""
    snap = store.load(path_db)  # read-only: the plan the upload is checked against
    report = check_file(data, filename, snap.targets, normalise_lang(lang), tasks=snap.tasks)
    if not report.ok or report.kind != "actuals":
        return report, empty_issues()
    return report, scale_warnings(report.rows, snap.actuals, snap.targets, row_numbers=report.row_numbers,
                                  value_text=report.value_text, column=report.value_header)


def _frames(report: ValidationReport) -> dict[str, pd.DataFrame]:
    return {"progress" if report.kind == "progress" else "actuals": report.rows}


def preview_file(path_db: str | os.PathLike | None, data: bytes, filename: str, *, lang: str = "vi") -> ImportOutcome:
    """The validation report and the diff an import would make now; nothing is written (read-only)."""
    report, warnings = _checked(path_db, data, filename, lang)
    if not report.ok:
        return ImportOutcome("invalid", report)
    diff = store.preview(path_db, **_frames(report), keep_rank_fields=True)
    counts = diff["change"].value_counts()
    return ImportOutcome("preview", report, None, int(counts.get("new", 0)), int(counts.get("changed", 0)),
                         int(counts.get("unchanged", 0)), diff, warnings)


def import_file(path_db: str | os.PathLike | None, data: bytes, filename: str, by: str, *,
                dry_run: bool = False, lang: str = "vi", accept_warnings: bool = False) -> ImportOutcome:
    """`_import_file`, and its audit line: committed, dry run, no change, or refused (invalid, unconfirmed)."""
    outcome = _import_file(path_db, data, filename, by, dry_run=dry_run, lang=lang, accept_warnings=accept_warnings)
    audit.record("upload", who=by, ok=outcome.status in ("committed", "dry_run", "no_op"), status=outcome.status,
                 file=filename, sha256=outcome.report.sha256, kind=outcome.kind, upload=outcome.upload_id,
                 new=outcome.new, changed=outcome.changed, errors=len(outcome.errors) or None)
    return outcome


def _import_file(path_db: str | os.PathLike | None, data: bytes, filename: str, by: str, *,
                 dry_run: bool = False, lang: str = "vi", accept_warnings: bool = False) -> ImportOutcome:
    """Validate `data`, then append its new and changed cells in one transaction with the upload's record.

    An invalid file writes nothing at all; nor does a file with warnings unless `accept_warnings`
    (the analyst ticked them on /upload, or gave `--accept-warnings`): it comes back `unconfirmed`. The diff is taken inside the write transaction, so a second
    import running at the same time waits for the first and diffs against its result.
    """
    report, warnings = _checked(path_db, data, filename, lang)
    if not report.ok:
        return ImportOutcome("invalid", report)
    if len(warnings) and not accept_warnings:
        return ImportOutcome("unconfirmed", report, warnings=warnings)
    record = store.UploadRecord(by=by, filename=report.filename, sha256=report.sha256, kind=report.kind)
    result = store.commit_upload(path_db, record, dry_run=dry_run, keep_rank_fields=True, **_frames(report))
    return ImportOutcome(result.status, report, result.upload_id, result.new, result.changed, result.unchanged,
                         result.diff, warnings)
