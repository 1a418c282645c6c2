"""Reminder e-mails (`report remind`) against a real SMTP server on loopback (aiosmtpd): the right agencies get
the right message once, a second run sends nothing new, and a failing server sends and records nothing."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import socket

import pandas as pd
import pytest
from aiosmtpd.controller import Controller

from hue57 import auth, cli, reporting, store
from hue57.auth import _passwords
from hue57.store import _submissions

PERIOD = "2026-H2"  # due 25/11/2026
BASE = "https://hue57.example.gov.vn"


class Inbox:
    """An SMTP handler that keeps every message, or refuses each recipient with `refuse` (a reply line)."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse: str | None = None
        self.refuse_only: str | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 — aiosmtpd's name
        if self.refuse and (self.refuse_only is None or address == self.refuse_only):
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(monkeypatch):
    inbox = Inbox()
    port = inbox.port = _free_port()
    inbox.controller = Controller(inbox, hostname="127.0.0.1", port=port)
    inbox.controller.start()
    for name, value in (("HOST", "127.0.0.1"), ("PORT", str(port)), ("STARTTLS", "false"),
                        ("SENDER", "Sở KH&CN Huế <hue57@example.gov.vn>")):
        monkeypatch.setenv(f"HUE57_SMTP_{name}", value)
    monkeypatch.setenv("HUE57_BASE_URL", BASE)
    yield inbox
    if inbox.controller is not None:
        inbox.controller.stop()


def _utc(local: dt.datetime) -> dt.datetime:
    return local - dt.timedelta(hours=7)


@pytest.fixture
def agencies(db, monkeypatch):
    """Accounts with addresses: Sở KH&CN (two accounts, no report), Đại học Huế (returned), Sở Y tế (submitted);
    Sở Nội vụ's account has no address."""
    monkeypatch.setattr(_passwords, "_N", 2 ** 10)
    for name, agency in (("khcn", "so_khcn"), ("khcn2", "so_khcn"), ("dhh", "dhh"), ("yte", "so_yt"),
                         ("noivu", "so_nv")):
        auth.add_user(db, name, "agency", "mat-khau-rat-dai", agency_id=agency)
    with store.connect(db, read_only=False) as con:  # what `user` commands of the accounts work set (users.email)
        for name, address in (("khcn", "vanthu@skhcn.hue.gov.vn"), ("khcn2", "lan@skhcn.hue.gov.vn"),
                              ("dhh", "khcn@hueuni.edu.vn"), ("yte", "syt@hue.gov.vn")):
            con.execute("UPDATE users SET email = ? WHERE name = ?", [address, name])
    snap = store.load(db)
    for reporter, submit_at in ((reporting.Reporter("dhh", "dhh"), dt.datetime(2026, 11, 10, 9)),
                                (reporting.Reporter("yte", "so_yt"), dt.datetime(2026, 11, 12, 9))):
        items = reporting.agency_items(snap, reporter.agency_id, PERIOD)
        tasks = reporting.task_form(items, "vi", collective=False)
        tasks.loc[0, "status"] = "Đang thực hiện"
        reporting.save_form(db, reporter, PERIOD, tasks=tasks, indicators=None, submit=True, snap=snap,
                            at=_utc(submit_at))
    dhh = reporting.submission_for(db, "dhh", PERIOD)
    reporting.return_report(db, dhh["id"], by="lan", comment="Bổ sung minh chứng cho nhiệm vụ 50")
    return db


def _remind(capsys, *extra: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["report", "remind", "--period", PERIOD, "--format", "csv", "--by", "cron", *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def _sent(db) -> pd.DataFrame:
    return _submissions.reminders_sent(db, PERIOD)


def test_the_kind_of_reminder_follows_the_days_before_the_due_date():
    due = dt.date(2026, 11, 25)
    kinds = {day: reporting.reminder_kind(due, due - dt.timedelta(days=day)) for day in range(-2, 10)}
    assert kinds[9] is kinds[8] is None
    assert [kinds[d] for d in (7, 5, 2)] == ["before_7"] * 3  # a run that starts late still sends the 7-day one
    assert kinds[1] == kinds[0] == "before_1"  # the last day and the due date itself
    assert kinds[-1] == kinds[-2] == "late"  # from the day after the due date
    assert reporting.reminder_kind(due, due - dt.timedelta(days=3), (3,)) == "before_3"


def test_the_agencies_without_a_report_get_one_reminder_each_and_a_second_run_sends_nothing(agencies, smtp, capsys):
    db = agencies
    code, out, err = _remind(capsys, "--date", "2026-11-18")  # 7 days before 25/11
    assert code == 0, err
    sent = pd.read_csv(io.StringIO(out)).set_index("agency")
    assert set(sent.index) == {"so_khcn", "dhh"}  # Sở Y tế submitted; Sở Nội vụ has no address
    assert "so_nv" in err and "địa chỉ thư" in err
    assert len(smtp.messages) == 2
    by_to = {tuple(sorted(rcpt)): msg for (_, rcpt), msg in zip(smtp.envelopes, smtp.messages, strict=True)}
    khcn = by_to[("lan@skhcn.hue.gov.vn", "vanthu@skhcn.hue.gov.vn")]  # both accounts of the agency, one message
    assert khcn["Subject"] == "[Báo cáo NQ57] Nhắc gửi báo cáo 6 tháng cuối năm 2026: còn 7 ngày, hạn 25/11/2026"
    body = khcn.get_content()
    assert "Kính gửi: Sở Khoa học và Công nghệ," in body and "chưa được gửi" in body
    assert f"{BASE}/report" in body and "Hạn gửi: 25/11/2026 (còn 7 ngày)" in body
    returned = by_to[("khcn@hueuni.edu.vn",)].get_content()
    assert "trả lại để bổ sung" in returned and "«Bổ sung minh chứng cho nhiệm vụ 50»" in returned
    assert set(_sent(db)["kind"]) == {"before_7"} and len(_sent(db)) == 2

    for day in ("2026-11-18", "2026-11-20"):  # the same day again, and later in the same window
        code, out, err = _remind(capsys, "--date", day)
        assert code == 0 and out == "" and len(smtp.messages) == 2, err
    assert len(_sent(db)) == 2

    code, out, _ = _remind(capsys, "--date", "2026-11-24")  # the day before: the 1-day reminder, once
    assert code == 0 and len(smtp.messages) == 4
    assert "còn 1 ngày" in smtp.messages[-1]["Subject"]
    assert _remind(capsys, "--date", "2026-11-25")[1] == ""  # on the due date: already reminded

    dhh = reporting.submission_for(db, "dhh", PERIOD)  # Đại học Huế sends its report again before the due date
    reporting.save_form(db, reporting.Reporter("dhh", "dhh"), PERIOD, tasks=None, indicators=None, submit=True,
                        at=_utc(dt.datetime(2026, 11, 25, 8)))
    assert reporting.submission_for(db, "dhh", PERIOD)["state"] == "submitted" and dhh["state"] == "returned"
    code, out, _ = _remind(capsys, "--date", "2026-11-27")  # after the due date: a late notice to Sở KH&CN only
    assert code == 0 and list(pd.read_csv(io.StringIO(out))["agency"]) == ["so_khcn"]
    assert smtp.messages[-1]["Subject"] == "[Báo cáo NQ57] Báo cáo 6 tháng cuối năm 2026 đã quá hạn 25/11/2026"
    assert "đã quá hạn 2 ngày" in smtp.messages[-1].get_content()
    assert _remind(capsys, "--date", "2026-12-20")[1] == "" and len(smtp.messages) == 5
    assert sorted(_sent(db)["kind"]) == ["before_1", "before_1", "before_7", "before_7", "late"]


def test_a_dry_run_lists_who_would_get_what_and_sends_and_records_nothing(agencies, smtp, capsys):
    code, out, _ = _remind(capsys, "--date", "2026-11-18", "--dry-run")
    assert code == 0
    listed = pd.read_csv(io.StringIO(out), keep_default_na=False).set_index("agency")
    assert listed.at["so_khcn", "status"] == "due" and listed.at["so_nv", "status"] == "no_address"
    assert listed.at["dhh", "state"] == "returned" and "so_yt" not in listed.index
    assert listed.at["so_khcn", "recipients"] == "lan@skhcn.hue.gov.vn, vanthu@skhcn.hue.gov.vn"
    assert smtp.messages == [] and _sent(agencies).empty


def test_nothing_is_due_long_before_the_due_date(agencies, smtp, capsys):
    code, out, err = _remind(capsys, "--date", "2026-11-01")
    assert code == 0 and out == "" and "Không có lời nhắc nào" in err and smtp.messages == []


def test_a_stopped_server_sends_and_records_nothing_and_the_next_run_retries(agencies, smtp, capsys):
    smtp.controller.stop()
    smtp.controller = None
    code, out, err = _remind(capsys, "--date", "2026-11-18")
    assert code == 2 and out == ""
    assert f"127.0.0.1:{smtp.port}" in err and "lần chạy sau sẽ gửi lại" in err
    assert _sent(agencies).empty
    smtp.controller = Controller(smtp, hostname="127.0.0.1", port=smtp.port)  # the server is back
    smtp.controller.start()
    code, out, _ = _remind(capsys, "--date", "2026-11-18")
    assert code == 0 and len(smtp.messages) == 2 and len(_sent(agencies)) == 2


def test_a_server_refusing_the_recipients_records_nothing(agencies, smtp, capsys):
    smtp.refuse = "550 5.7.1 Relaying denied"
    code, out, err = _remind(capsys, "--date", "2026-11-18")
    assert code == 2 and "550" in err and "Relaying denied" in err
    assert smtp.messages == [] and _sent(agencies).empty


def test_a_failure_midway_keeps_what_was_sent_and_the_next_run_sends_the_rest_once(agencies, smtp, capsys):
    smtp.refuse, smtp.refuse_only = "450 4.2.0 Mailbox busy", "khcn@hueuni.edu.vn"  # Đại học Huế's, sent second
    code, out, err = _remind(capsys, "--date", "2026-11-18")
    assert code == 2 and "Đại học Huế" in err and "450" in err
    assert list(_sent(agencies)["agency_id"]) == ["so_khcn"] and len(smtp.messages) == 1
    smtp.refuse = None
    code, out, _ = _remind(capsys, "--date", "2026-11-18")
    assert code == 0 and list(pd.read_csv(io.StringIO(out))["agency"]) == ["dhh"] and len(smtp.messages) == 2


def test_without_a_configured_server_nothing_is_sent(agencies, monkeypatch, capsys):
    monkeypatch.delenv("HUE57_SMTP_HOST", raising=False)
    monkeypatch.setenv("HUE57_CONFIG", str(agencies.with_suffix(".none.toml")))
    agencies.with_suffix(".none.toml").write_text("")
    code, _, err = _remind(capsys, "--date", "2026-11-18")
    assert code == 2 and "Chưa cấu hình máy chủ thư" in err and _sent(agencies).empty


@pytest.mark.parametrize("days", ["7,x", "", "-1", "7;1"])
def test_bad_days_are_refused(agencies, smtp, capsys, days):
    code, _, err = _remind(capsys, "--date", "2026-11-18", "--days", days)
    assert code == 2 and "--days" in err and smtp.messages == [] and _sent(agencies).empty


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_the_reminders_sign_in_to_a_server_that_requires_an_account(agencies, monkeypatch, capsys):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticator(server, session, envelope, mechanism, data):
        ok = isinstance(data, LoginPassword) and (bytes(data.login), bytes(data.password)) == (b"hue57", b"mat-khau-thu")
        return AuthResult(success=ok)

    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, auth_require_tls=False, auth_required=True,
                            authenticator=authenticator)
    controller.start()
    try:
        for name, value in (("HOST", "127.0.0.1"), ("PORT", str(port)), ("STARTTLS", "false"),
                            ("SENDER", "hue57@example.gov.vn"), ("USER", "hue57"), ("PASSWORD", "mat-khau-thu")):
            monkeypatch.setenv(f"HUE57_SMTP_{name}", value)
        code, _, err = _remind(capsys, "--date", "2026-11-18")
        assert code == 0, err
        assert len(inbox.messages) == 2 and len(_sent(agencies)) == 2
    finally:
        controller.stop()
