"""Commands for the six-monthly reports: report status, accept, return (the agencies' reports) and build
(the compiled Word report to the People's Committee), one subcommand group (`REPORT_COMMANDS`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from hue57 import calendar, reporting
from hue57.cli import UserError, add_format, default_user, emit, parse_date
from hue57.i18n import normalise_lang, t, tn
from hue57.ingest import PROGRESS_STATUSES
from hue57.tasks.periods import PERIOD_PATTERN

STATUS_COLUMNS = ["id", "agency", "items", "state", "submitted_at", "on_time", "reviewed_by", "upload_id"]


def _period(text: str | None, lang: str) -> str | None:
    if text is None:
        return None
    if not PERIOD_PATTERN.fullmatch(text.strip()):
        raise UserError(t("report.cli.bad_period", lang, value=text))
    return text.strip()


def cmd_status(args) -> None:
    """Completeness of a period: one row per agency (pinned: agency, items, state, submitted_at, on_time,
    reviewed_by)."""
    states = reporting.report_states(args.db, _period(args.period, args.lang), calendar.today())
    frame = pd.DataFrame({
        "id": states["submission_id"], "agency": states["agency_id"], "items": states["items"],
        "state": states["state"],
        "submitted_at": [None if pd.isna(v) else v.strftime("%Y-%m-%d %H:%M:%S") for v in states["submitted_at"]],
        "on_time": states["on_time"], "reviewed_by": states["reviewed_by"], "upload_id": states["upload_id"],
    }, columns=STATUS_COLUMNS)
    if args.format == "table":  # the table an analyst reads: the agency's name and states in words
        lang = args.lang
        frame["agency"] = states["name_en" if lang == "en" else "name_vi"].to_numpy()
        frame["submitted_at"] = ["" if pd.isna(v) else v.strftime("%Y-%m-%d %H:%M") for v in states["submitted_at"]]
    emit(frame, args.format, brief=["id", "agency", "items", "state", "submitted_at", "on_time"],
         labels={"state": lambda v: t(f"report.state.{v}", args.lang),
                 "on_time": lambda v: reporting.on_time_text(v, args.lang)},
         headers={c: t(f"report.col.{c}", args.lang) for c in STATUS_COLUMNS if c not in ("upload_id",)}
         | {"upload_id": t("report.col.upload", args.lang)})


def _collective(values: list[str] | None, lang: str) -> dict[int, str]:
    out = {}
    for value in values or []:
        no, _, status = value.partition("=")
        if not no.strip().isdigit() or status.strip() not in PROGRESS_STATUSES:
            raise UserError(t("report.cli.bad_collective", lang, value=value))
        out[int(no)] = status.strip()
    return out


def cmd_accept(args) -> None:
    try:
        sub, result = reporting.accept_report(args.db, args.id, by=args.by,
                                              collective_status=_collective(args.collective, args.lang))
    except reporting.ReportRefused as exc:
        raise UserError(exc.message(args.lang)) from exc
    key = "report.cli.accepted" if result.upload_id is not None else "report.cli.accepted_nothing"
    print(t(key, args.lang, id=sub["id"], agency=sub["agency_id"], period=sub["period"], upload=result.upload_id,
            state=t(f"report.state.{sub['state']}", args.lang)))


def cmd_return(args) -> None:
    try:
        sub = reporting.return_report(args.db, args.id, by=args.by, comment=args.comment)
    except reporting.ReportRefused as exc:
        raise UserError(exc.message(args.lang)) from exc
    print(t("report.cli.returned", args.lang, id=sub["id"], agency=sub["agency_id"], period=sub["period"],
            state=t(f"report.state.{sub['state']}", args.lang)))


def _status(p) -> None:
    p.add_argument("--period", default=None, help="2026-H1 | 2026-H2 (default: the current half-year)")
    add_format(p)
    p.set_defaults(func=cmd_status)


def _accept(p) -> None:
    p.add_argument("id", type=int, help="the report's number (report status)")
    p.add_argument("--by", default=default_user(), help="the reviewer")
    p.add_argument("--collective", action="append", metavar="TASK=STATUS",
                   help="status of a collective task, set by the Department (repeatable)")
    p.set_defaults(func=cmd_accept)


def _return(p) -> None:
    p.add_argument("id", type=int, help="the report's number (report status)")
    p.add_argument("--comment", required=True, help="what the agency must add or correct")
    p.add_argument("--by", default=default_user(), help="the reviewer")
    p.set_defaults(func=cmd_return)


def cmd_report_build(args) -> None:
    from hue57 import document  # noqa: PLC0415 — python-docx and Altair load only for this command

    lang = normalise_lang(args.report_lang or args.lang)
    args.lang = lang  # a report asked for in English explains its refusals in English too
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".pdf"):  # refused before anything is built or recorded
        raise UserError(t("report.error.output", lang, path=out))
    if suffix == ".pdf" and document.office_binary() is None:
        raise UserError(t("report.error.pdf_tool", lang))
    on = parse_date(args.date, args.lang) if args.date else None
    proposals = Path(args.proposals).read_text(encoding="utf-8") if args.proposals else ""
    try:
        built = document.build_and_record(args.db, args.period, by=args.by, as_of_upload=args.as_of_upload, on=on,
                                        lang=lang, proposals=proposals, template=args.template)
    except document.DocumentRefused as exc:
        raise UserError(str(exc)) from exc
    if suffix == ".pdf":
        try:
            out.write_bytes(document.to_pdf(built.data))
        except document.DocumentRefused as exc:
            raise UserError(str(exc)) from exc
    else:
        out.write_bytes(built.data)
    print(t("report.cli.built", args.lang, id=built.report_id, period=built.content.inputs.period,
            upload=built.content.upload_id), file=sys.stderr)
    print(out)


def _build(p) -> None:
    p.add_argument("--period", required=True, help="YYYY-H1 or YYYY-H2, e.g. 2026-H2")
    p.add_argument("--as-of-upload", type=int, default=None, metavar="N", help="the snapshot (default: newest upload)")
    p.add_argument("--lang", dest="report_lang", choices=("vi", "en"), default=None,
                   help="the report's language (default: the messages' language)")
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                   help="the report's date: task status and reports as of this day (default: today, within the period)")
    p.add_argument("--proposals", default=None, metavar="FILE", help="UTF-8 text of section IV (proposals)")
    p.add_argument("--template", default=None, metavar="DOCX", help="another template (default: data/templates/)")
    p.add_argument("--by", default=default_user(), help="who builds it (recorded)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx",
                   help="FILE.docx, or FILE.pdf where LibreOffice is installed (converted by it)")
    p.set_defaults(func=cmd_report_build)


# (name, help, setup(parser))
REPORT_COMMANDS = [
    ("status", "completeness of a period's reports by agency", _status),
    ("accept", "accept a submitted report: its rows land as one upload", _accept),
    ("return", "send a submitted report back to its agency with a comment", _return),
    ("build", "build the Word report for a period from one snapshot; prints the file's path", _build),
]


def register(sub) -> None:
    p = sub.add_parser("report", help="the agencies' six-monthly reports")
    commands = p.add_subparsers(dest="report_command", required=True)
    for name, help_text, setup in REPORT_COMMANDS:
        setup(commands.add_parser(name, help=help_text))


# --- the agencies' offline form and reminders (issue 20): form, upload, remind ----------------------------------

def cmd_form(args) -> None:
    """Write an agency's report form workbook, pre-filled with what its report holds (and the return comment)."""
    from hue57 import audit, store  # noqa: PLC0415
    from hue57.tasks import current_period  # noqa: PLC0415

    period = _period(args.period, args.lang) or current_period(calendar.today())
    snap = store.load(args.db)
    everyone = reporting.all_items(snap, period)
    if args.agency not in everyone:
        raise UserError(t("report.cli.unknown_agency", args.lang, agency=args.agency, period=period,
                          allowed=", ".join(everyone)))
    sub = reporting.submission_for(args.db, args.agency, period)
    data = reporting.form_workbook(snap, everyone[args.agency], args.lang, sub)
    out = Path(args.output)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise UserError(t("report.cli.unreadable_file", args.lang, file=out, reason=exc.strerror or exc)) from exc
    state = sub["state"] if sub else "missing"
    audit.record("report.form", who=f"cli:{default_user()}", agency=args.agency, period=period, state=state)
    print(t("report.cli.form_written", args.lang, agency=args.agency, period=period,
            state=t(f"report.state.{state}", args.lang)), file=sys.stderr)
    print(out)


def _read_upload(path: str, lang: str) -> bytes:
    from hue57.ingest import MAX_BYTES  # noqa: PLC0415

    try:
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1)  # more than the bound is refused by the reader, naming the bound
    except OSError as exc:
        raise UserError(t("report.cli.unreadable_file", lang, file=path, reason=exc.strerror or exc)) from exc


def cmd_upload(args) -> None:
    """An agency's filled-in form saved as its draft, as the account `--by` (an agency account) would upload it."""
    from hue57 import store  # noqa: PLC0415
    from hue57.tasks import current_period  # noqa: PLC0415

    user = store.get_user(args.db, args.by)
    if user is None or user.get("role") != "agency" or not user.get("agency_id"):
        raise UserError(t("report.cli.not_agency_account", args.lang, user=args.by))
    period = _period(args.period, args.lang) or current_period(calendar.today())
    data = _read_upload(args.file, args.lang)
    reporter = reporting.Reporter(args.by, str(user["agency_id"]))
    try:
        check, stored = reporting.save_file(args.db, reporter, period, data, Path(args.file).name, lang=args.lang)
    except reporting.ReportRefused as exc:
        raise UserError(exc.message(args.lang)) from exc
    except KeyError as exc:  # the account's body owes nothing this period
        raise UserError(t("report.no_agency", args.lang)) from exc
    if stored is None:
        print(tn("report.cli.upload_invalid", len(check.errors), args.lang), file=sys.stderr)
        emit(check.errors, "table", out=sys.stderr)
        raise UserError(tn("report.invalid", len(check.errors), args.lang))
    tasks, figures = reporting.report_rows(stored)
    print(t("report.cli.uploaded", args.lang, id=stored["id"], agency=stored["agency_id"], period=period,
            tasks=tn("report.cli.task_rows", len(tasks), args.lang),
            figures=tn("report.cli.figure_rows", len(figures), args.lang),
            state=t(f"report.state.{stored['state']}", args.lang)))


def _days(text: str, lang: str) -> tuple[int, ...]:
    parts = [p.strip() for p in str(text).split(",")]
    if not parts or not all(p.isdigit() for p in parts):
        raise UserError(t("remind.cli.bad_days", lang, value=text))
    return tuple(int(p) for p in parts)


REMIND_COLUMNS = ["agency", "kind", "state", "status", "recipients", "subject"]


def _remind_table(reminders) -> pd.DataFrame:
    return pd.DataFrame([{"agency": r.agency_id, "kind": r.kind, "state": r.state, "status": r.status,
                          "recipients": ", ".join(r.recipients), "subject": r.subject} for r in reminders],
                        columns=REMIND_COLUMNS)


def cmd_remind(args) -> None:
    """E-mail the agencies whose report is missing or returned: before the due date and after it, each once."""
    from hue57.i18n import fmt_date  # noqa: PLC0415
    from hue57.tasks import current_period, report_due  # noqa: PLC0415

    days = _days(args.days, args.lang)
    today = parse_date(args.date, args.lang) if args.date else calendar.today()
    period = _period(args.period, args.lang) or current_period(today)
    reminders = reporting.due_reminders(args.db, period, today, days)
    if not reminders:
        print(t("remind.cli.nothing", args.lang, date=fmt_date(today, args.lang), period=period,
                due=fmt_date(report_due(period), args.lang)), file=sys.stderr)
        return
    if args.dry_run:
        emit(_remind_table(reminders), args.format)
        return
    try:
        result = reporting.send_reminders(args.db, reminders, by=args.by)
    except reporting.ReminderError as exc:
        raise UserError(str(exc)) from exc
    if result.sent:
        emit(_remind_table(result.sent).drop(columns="status"), args.format)
    print(tn("remind.cli.sent", len(result.sent), args.lang), file=sys.stderr)
    missing = [r.agency_id for r in reminders if r.status == "no_address"]
    if missing:
        print(tn("remind.cli.no_address", len(missing), args.lang, agencies=", ".join(missing)), file=sys.stderr)
    if result.error:
        raise UserError(result.error)


def _form(p) -> None:
    p.add_argument("agency", metavar="AGENCY", help="the agency's id (data/agencies.csv), as in agencies.csv of the plan folder")
    p.add_argument("--period", default=None, help="2026-H1 | 2026-H2 (default: the current half-year)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_form)


def _upload(p) -> None:
    p.add_argument("file", metavar="FILE", help="the filled-in form (.xlsx, or a task/indicator CSV)")
    p.add_argument("--by", required=True, metavar="USER", help="the agency account it is saved as")
    p.add_argument("--period", default=None, help="2026-H1 | 2026-H2 (default: the current half-year)")
    p.set_defaults(func=cmd_upload)


def _remind(p) -> None:
    p.add_argument("--period", default=None, help="2026-H1 | 2026-H2 (default: the current half-year)")
    p.add_argument("--dry-run", action="store_true", help="list who would get what; send and record nothing")
    p.add_argument("--days", default="7,1", help="days before the due date to remind (default 7,1)")
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="run as on this day (default: today in the plan's time zone)")
    p.add_argument("--by", default=default_user(), help="who sends (recorded)")
    add_format(p)
    p.set_defaults(func=cmd_remind)


REPORT_COMMANDS += [
    ("form", "write an agency's report form (Excel), pre-filled with its saved report", _form),
    ("upload", "save a filled-in form as the draft of an agency account's report", _upload),
    ("remind", "e-mail agencies whose report is missing or returned, before and after the due date", _remind),
]
