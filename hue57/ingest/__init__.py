"""Analysts' uploads: read CSV/Excel as offices write them, check every row against the plan, land atomically.

    parse_upload(data, filename)                  → ParsedUpload   (bytes → text cells, header names, rows)
    validate(parsed, targets, lang, tasks=None)   → ValidationReport(ok, errors, rows, notices …)
    check_file(data, filename, targets, lang)     → ValidationReport  (parse + validate, no database)
    preview_file(db, data, filename, lang=)       → ImportOutcome  (diff against the database; writes nothing)
    import_file(db, data, filename, by, dry_run=, lang=, accept_warnings=) → ImportOutcome (one
                                                  transaction, or nothing; warnings must be accepted)
    error_table / notice_table / warning_table / diff_table / summary → what a page or the CLI shows
    template_csv / template_xlsx(targets, lang)   → the template's bytes, every indicator listed
    add_user / authenticate                       → accounts (scrypt, lock-out after 5 failures)

Two kinds of file, told apart by their headers: indicator figures (code, year, value, status, source,
note) and task progress (task_no, period, status, progress_pct, note, evidence).
"""

from hue57.ingest._auth import (
    LOCK_FOR,
    MAX_FAILED,
    MIN_PASSWORD,
    ROLES,
    AuthResult,
    UserRefused,
    add_user,
    authenticate,
)
from hue57.ingest._commit import ImportOutcome, check_file, import_file, preview_file
from hue57.ingest._read import MAX_BYTES, MAX_ROWS, ParsedUpload, parse_upload
from hue57.ingest._report import diff_table, error_table, notice_table, summary, warning_table
from hue57.ingest._template import template_csv, template_frame, template_xlsx
from hue57.ingest._validate import PROGRESS_STATUSES, QUALITATIVE_STATUSES, ValidationReport, validate

__all__ = [
    "LOCK_FOR", "MAX_BYTES", "MAX_FAILED", "MAX_ROWS", "MIN_PASSWORD", "PROGRESS_STATUSES",
    "QUALITATIVE_STATUSES", "ROLES", "AuthResult", "ImportOutcome", "ParsedUpload", "UserRefused",
    "ValidationReport", "add_user", "authenticate", "check_file", "diff_table", "error_table", "import_file",
    "notice_table", "parse_upload", "preview_file", "summary", "template_csv", "template_frame",
    "template_xlsx", "validate", "warning_table",
]
