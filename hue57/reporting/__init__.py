"""The six-monthly reporting cycle: what each agency owes, its form, its report's steps, and completeness.

Security rule of the package: an agency writes only its own rows. Every form and file it sends is
checked by the uploads' own validation and then against what it owes (`agency_items`); a row that is
not its own refuses the whole request, which is logged (`report_events`, action 'refused') and writes
nothing else. Only a Department reviewer lands a report, as one upload, in one transaction.

    agency_items(snap, agency_id, period)      → Items: its tasks (merged bodies' too, collective ones) and indicators
    task_form / indicator_form(items, lang, stored) → the form's two tables, pre-filled
    save_form(db, reporter, period, tasks=, indicators=, submit=) → (FormCheck, report or None)
    save_file(db, reporter, period, data, filename)                → the same for an offline form
    form_workbook(snap, items, lang, submission)  → the offline form (one workbook), pre-filled, comment on it
    return_report(db, id, by=, comment=) / accept_report(db, id, by=, collective_status=)
    report_states(db, period, today)           → agency_id, items, state, submitted_at, on_time, reviewed_by …
    due_reminders(db, period, today, days) / send_reminders(db, reminders, by=) → reminder e-mails, each once
"""

from hue57.reporting._cycle import (
    Reporter,
    ReportRefused,
    accept_report,
    refuse_request,
    report_rows,
    return_report,
    review_preview,
    save_file,
    save_form,
)
from hue57.reporting._form import FormCheck, check_form, check_upload, form_workbook, indicator_form, task_form
from hue57.reporting._items import Items, accountable_agencies, agency_items, all_items, collective_ids, group_ids
from hue57.reporting._present import (
    completeness_table,
    indicator_rows_table,
    on_time_text,
    summary_line,
    task_rows_table,
)
from hue57.reporting._remind import Reminder, ReminderError, Sent, due_reminders, reminder_kind, send_reminders
from hue57.reporting._states import COLUMNS, STATES, report_states
from hue57.store._submissions import get_submission, list_submissions, report_events, submission_for

__all__ = [
    "COLUMNS", "STATES", "collective_ids", "group_ids", "FormCheck", "Items", "Reminder", "ReminderError", "ReportRefused",
    "Reporter", "Sent", "due_reminders", "reminder_kind", "send_reminders",
    "accept_report", "accountable_agencies", "completeness_table", "indicator_rows_table", "on_time_text",
    "summary_line", "task_rows_table", "agency_items", "all_items", "check_form", "check_upload", "form_workbook",
    "get_submission", "indicator_form", "list_submissions", "refuse_request", "report_events", "report_rows",
    "report_states", "return_report", "review_preview", "save_file", "save_form", "submission_for", "task_form",
]
