"""Reminder e-mails about the agencies' six-monthly reports, before the due date and after it, each sent once.

Rules (`due_reminders`, for one period and one day):
- An agency is reminded while its report is not with the Department: `missing`, `draft` (nothing submitted)
  or `returned` (sent back and not submitted again). A submitted or accepted report gets nothing.
- Before the due date, with `days` (default 7 and 1): `d` days before it (0 on the due date itself) the kind
  is `before_N` for the smallest N of `days` with d ≤ N. A daily run thus sends the 7-day reminder 7 days
  before, and the 1-day one on the last day; a run that first happens 3 days before still sends the 7-day
  one. More than max(days) days before: nothing.
- After the due date (the next day on, as `hue57.tasks.periods` counts it): the kind is `late`.
- Each (agency, period, kind) goes once: it is recorded in `reminders_sent` after the SMTP server accepted
  the message, never before. A server that fails leaves the rest unrecorded, so the next run retries them.
- Recipients: the e-mail addresses of the agency's accounts (`users.email`). An agency without one is
  listed (`no_address`) and not recorded: it gets its reminder on the first run after an address is added.
- The due date comes from `hue57.tasks.report_due`; the link is `settings().base_url` + `/report`.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import os
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

import pandas as pd

from hue57 import audit, calendar, store
from hue57.config import DEFAULT_BASE_URL, Smtp, settings
from hue57.i18n import fmt_date, t, tn
from hue57.reporting._states import report_states
from hue57.store import _submissions
from hue57.tasks import current_period, period_label, report_due

REMINDED_STATES = ("missing", "draft", "returned")
DEFAULT_DAYS = (7, 1)
LANG = "vi"  # the agencies' language: reminders are written in Vietnamese


@dataclass(frozen=True)
class Reminder:
    """One reminder an agency is owed today. `status`: `due` (to send), `sent` (recorded already),
    `no_address` (no account of the agency has an e-mail address)."""

    agency_id: str
    agency: str
    period: str
    kind: str
    state: str
    due: dt.date
    days_left: int
    recipients: tuple[str, ...]
    comment: str | None
    status: str
    subject: str = ""
    body: str = ""


@dataclass
class Sent:
    """What a run did: the reminders the server accepted (and were recorded), and the error that stopped it."""

    sent: list[Reminder] = field(default_factory=list)
    error: str | None = None


class ReminderError(Exception):
    """The reminders cannot be sent at all (no SMTP server configured)."""


def reminder_kind(due: dt.date, today: dt.date, days: tuple[int, ...] = DEFAULT_DAYS) -> str | None:
    """`before_N`, `late` or None (nothing to send today), by the rules in the module's docstring."""
    left = (due - today).days
    if left < 0:
        return "late"
    fitting = [n for n in sorted(set(days)) if left <= n]
    return f"before_{fitting[0]}" if fitting else None


def report_link(base_url: str | None = None) -> str:
    base = (base_url if base_url is not None else settings().base_url) or DEFAULT_BASE_URL
    return base.rstrip("/") + "/report"


def _texts(reminder: Reminder, link: str) -> tuple[str, str]:
    label = period_label(reminder.period, LANG)
    due = fmt_date(reminder.due, LANG)
    if reminder.kind == "late":
        subject = t("remind.subject.late", LANG, label=label, due=due)
        when = tn("remind.days_late", -reminder.days_left, LANG)
    else:
        subject = (t("remind.subject.today", LANG, label=label, due=due) if reminder.days_left == 0
                   else tn("remind.subject.before", reminder.days_left, LANG, label=label, due=due))
        when = t("report.due_today", LANG) if reminder.days_left == 0 else tn("remind.days_left", reminder.days_left,
                                                                               LANG)
    lines = [t("remind.greeting", LANG, agency=reminder.agency), "",
             t(f"remind.state.{reminder.state}", LANG, label=label, period=reminder.period),
             t("remind.due", LANG, due=due, when=when), ""]
    if reminder.state == "returned" and reminder.comment:
        lines += [t("remind.comment", LANG, comment=reminder.comment), ""]
    lines += [t("remind.link", LANG, link=link), t("remind.how", LANG), "", t("remind.footer", LANG)]
    return subject, "\n".join(lines) + "\n"


def due_reminders(db: str | os.PathLike | None = None, period: str | None = None, today: dt.date | None = None,
                  days: tuple[int, ...] = DEFAULT_DAYS, *, base_url: str | None = None, snap=None) -> list[Reminder]:
    """Every reminder owed on `today` (default: today in the plan's time zone) for `period` (default: the current one), with
    its status (`due`, `sent`, `no_address`) and its text; nothing is sent or written."""
    today = today or calendar.today()
    period = period or current_period(today)
    due = report_due(period)
    kind = reminder_kind(due, today, days)
    if kind is None:
        return []
    states = report_states(db, period, today, snap=snap if snap is not None else store.load(db))
    owed = states[states["state"].isin(REMINDED_STATES)]
    addresses = _submissions.agency_addresses(db)
    done = _submissions.reminders_sent(db, period)
    done_keys = set(zip(done["agency_id"], done["kind"], strict=True))
    link = report_link(base_url)
    out = []
    for row in owed.itertuples(index=False):
        recipients = tuple(addresses.get(row.agency_id, ()))
        status = "sent" if (row.agency_id, kind) in done_keys else ("due" if recipients else "no_address")
        reminder = Reminder(row.agency_id, str(row.name_vi), period, kind, str(row.state), due,
                            (due - today).days, recipients, None if pd.isna(row.comment) else str(row.comment),
                            status)
        subject, body = _texts(reminder, link)
        out.append(Reminder(**{**reminder.__dict__, "subject": subject, "body": body}))
    return out


def message(reminder: Reminder, sender: str) -> EmailMessage:
    """The e-mail of one reminder (plain text, UTF-8), addressed to every account of the agency."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(reminder.recipients)
    msg["Subject"] = reminder.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(reminder.body)
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    """The message as sent: CRLF lines, headers not folded. (Python's folding of a long UTF-8 subject into
    several encoded words drops the space at the fold — "cuối năm" reads "cuốinăm" — so it is not folded;
    an encoded subject stays far below the 998-character line limit.)"""
    return msg.as_bytes(policy=email.policy.SMTP.clone(max_line_length=None))


def _connect(smtp: Smtp, timeout: float) -> smtplib.SMTP:
    server = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
    try:
        server.ehlo()
        if smtp.starttls:
            server.starttls(context=ssl.create_default_context())
            server.ehlo()
        if smtp.user:
            server.login(smtp.user, smtp.password)
    except BaseException:
        server.close()
        raise
    return server


def send_reminders(db: str | os.PathLike | None, reminders: list[Reminder], *, by: str,
                   smtp: Smtp | None = None, timeout: float = 30.0) -> Sent:
    """Send the reminders whose status is `due`, over one SMTP connection; record each one the server
    accepted (table and audit line), right after it did. The first failure stops the run: what was sent
    stays recorded, the rest is not (the next run retries it), and `Sent.error` says what failed."""
    smtp = smtp or settings().smtp
    todo = [r for r in reminders if r.status == "due"]
    result = Sent()
    if not todo:
        return result
    if not smtp.configured:
        raise ReminderError(t("remind.not_configured", LANG))
    try:
        server = _connect(smtp, timeout)
    except (OSError, smtplib.SMTPException) as exc:
        result.error = t("remind.smtp_failed", LANG, server=f"{smtp.host}:{smtp.port}", error=_reason(exc))
        audit.record("report.remind", who=by, ok=False, server=f"{smtp.host}:{smtp.port}", error=_reason(exc))
        return result
    try:
        for reminder in todo:
            try:
                refused = server.sendmail(parseaddr(smtp.sender)[1], list(reminder.recipients),
                                          message_bytes(message(reminder, smtp.sender)))
            except (OSError, smtplib.SMTPException) as exc:
                result.error = t("remind.smtp_failed_at", LANG, agency=reminder.agency,
                                 server=f"{smtp.host}:{smtp.port}", error=_reason(exc))
                audit.record("report.remind", who=by, ok=False, agency=reminder.agency_id, period=reminder.period,
                             kind=reminder.kind, error=_reason(exc))
                break
            accepted = [r for r in reminder.recipients if r not in (refused or {})]
            _submissions.record_reminder(db, agency_id=reminder.agency_id, period=reminder.period,
                                         kind=reminder.kind, by=by, recipients=accepted, subject=reminder.subject)
            audit.record("report.remind", who=by, agency=reminder.agency_id, period=reminder.period,
                         kind=reminder.kind, to=accepted)
            result.sent.append(reminder)
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            server.close()
    return result


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"{exc.smtp_code} {text}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{who}: {code} {msg.decode('utf-8', 'replace') if isinstance(msg, bytes) else msg}"
                         for who, (code, msg) in exc.recipients.items())
    return f"{type(exc).__name__}: {exc}"
