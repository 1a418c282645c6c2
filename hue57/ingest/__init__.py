"""Analysts' uploads: read CSV/Excel as offices write them, check every row against the plan, land atomically.

    parse_upload(data, filename)                  → ParsedUpload   (bytes → text cells, header names, rows)
    validate(parsed, targets, lang, tasks=None)   → ValidationReport(ok, errors, rows, notices …)
    check_file(data, filename, targets, lang)     → ValidationReport  (parse + validate, no database)
    preview_file(db, data, filename, lang=)       → ImportOutcome  (diff against the database; writes nothing)
    import_file(db, data, filename, by, dry_run=, lang=, accept_warnings=) → ImportOutcome (one
                                                  transaction, or nothing; warnings must be accepted)
    error_table / more_errors / error_kinds_table / notice_table / warning_table / diff_table / summary
                                                  → what a page or the CLI shows, in vi or en (200 errors listed)
    template_csv / template_xlsx(targets, lang)   → the template's bytes, every indicator listed
    progress_template_csv / _xlsx(tasks, lang, period) → the task-progress template, every task listed

Two kinds of file, told apart by their headers: indicator figures (code, year, value, status, source,
note) and task progress (task_no, period, status, progress_pct, note, evidence).
"""

from hue57.ingest._commit import ImportOutcome, check_file, import_file, preview_file
from hue57.ingest._findings import (
    diff_table,
    error_kinds_table,
    error_table,
    more_errors,
    notice_table,
    summary,
    warning_table,
)
from hue57.ingest._read import MAX_BYTES, MAX_ROWS, ParsedUpload, parse_upload
from hue57.ingest._template import (
    progress_template_csv,
    progress_template_frame,
    progress_template_xlsx,
    report_form_xlsx,
    template_csv,
    template_frame,
    template_xlsx,
)
from hue57.ingest._validate import PROGRESS_STATUSES, QUALITATIVE_STATUSES, ValidationReport, validate

__all__ = [
    "MAX_BYTES", "MAX_ROWS", "PROGRESS_STATUSES", "QUALITATIVE_STATUSES", "ImportOutcome", "ParsedUpload",
    "ValidationReport", "check_file", "diff_table", "error_kinds_table", "error_table", "more_errors", "import_file",
    "notice_table", "parse_upload", "preview_file", "progress_template_csv", "progress_template_frame",
    "progress_template_xlsx", "report_form_xlsx", "summary", "template_csv", "template_frame",
    "template_xlsx", "validate", "warning_table",
]
