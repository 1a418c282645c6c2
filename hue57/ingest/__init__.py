"""Analysts' uploads: read CSV/Excel as offices write them, check every row against the plan, land atomically.

    parse_upload(data, filename)                  → ParsedUpload   (bytes → text cells, header names, rows;
                                                  read in a worker process with hard limits, `_worker`)
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

The names below are imported on first use: the parse worker imports `hue57.ingest._read` (pandas,
openpyxl) and nothing else of the package — no DuckDB, no pandera — so each worker starts small.
"""

from __future__ import annotations

import importlib

_HOME = {
    "ImportOutcome": "_commit", "check_file": "_commit", "import_file": "_commit", "preview_file": "_commit",
    "diff_table": "_findings", "error_kinds_table": "_findings", "error_table": "_findings",
    "more_errors": "_findings", "notice_table": "_findings", "summary": "_findings", "warning_table": "_findings",
    "MAX_BYTES": "_read", "MAX_ROWS": "_read", "ParsedUpload": "_read", "parse_upload": "_worker",
    "progress_template_csv": "_template", "progress_template_frame": "_template",
    "progress_template_xlsx": "_template", "template_csv": "_template", "template_frame": "_template",
    "template_xlsx": "_template", "report_form_xlsx": "_template",
    "PROGRESS_STATUSES": "_validate", "QUALITATIVE_STATUSES": "_validate", "ValidationReport": "_validate",
    "validate": "_validate",
}


def __getattr__(name: str):
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'hue57.ingest' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"hue57.ingest.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))


__all__ = sorted(_HOME)  # noqa: PLE0605
