"""Accounts: one-time set-password links (single use, expiring), the password policy (NIST 800-63B), agency accounts
for every body that owes a report at once, every change recorded, the CLI verbs, the one sign-in and its pages."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from streamlit.testing.v1 import AppTest

from hue57 import audit, auth, cli, reporting, store
from hue57.auth import _accounts, _policy
from hue57.ui._login import destination
from tests.conftest import TEST_PASSWORD, sign_in
from tests.report_html import page_tables

GOOD = "hoa phượng đỏ trước cổng trường"
BASE = "https://hue57.example.vn"

pytestmark = pytest.mark.usefixtures("quick_passwords")  # cheap scrypt, no minimum answer time (tests/conftest.py)


@pytest.fixture
def clock(account_clock):
    return account_clock



def _token(link: auth.AccountLink) -> str:
    assert link.url.startswith(f"{BASE}/password?t=")
    return link.url.split("t=", 1)[1]


# --- one-time links ---------------------------------------------------------------------------------------------

def test_a_new_account_waits_for_its_link_and_the_link_sets_the_password_once(db):
    link = auth.create_account(db, "khcn", "agency", by="quantri", base_url=BASE, agency_id="so_khcn")
    assert auth.accounts(db).set_index("name").at["khcn", "state"] == "pending"
    assert not auth.authenticate(db, "khcn", "")  # no password opens a pending account
    assert auth.link_holder(db, _token(link)) == "khcn"
    assert auth.set_password_with_link(db, _token(link), GOOD) == "khcn"
    assert auth.authenticate(db, "khcn", GOOD).role == "agency"
    with pytest.raises(auth.UserRefused) as used:
        auth.set_password_with_link(db, _token(link), "một mật khẩu khác hẳn")
    assert used.value.key == "auth.link.invalid" and auth.link_holder(db, _token(link)) is None
    assert auth.authenticate(db, "khcn", GOOD)


def test_an_expired_link_is_refused(db, clock):
    link = auth.create_account(db, "khcn", "agency", by="quantri", base_url=BASE, agency_id="so_khcn", days=7)
    clock[0] += dt.timedelta(days=7, seconds=1)
    with pytest.raises(auth.UserRefused) as late:
        auth.set_password_with_link(db, _token(link), GOOD)
    assert late.value.key == "auth.link.invalid"
    assert auth.accounts(db).set_index("name").at["khcn", "state"] == "pending"


def test_a_new_link_cancels_the_older_one_and_the_database_keeps_only_hashes(db):
    first = auth.create_account(db, "khcn", "agency", by="quantri", base_url=BASE, agency_id="so_khcn")
    second = auth.new_link(db, "khcn", by="quantri", base_url=BASE)
    assert auth.link_holder(db, _token(first)) is None and auth.link_holder(db, _token(second)) == "khcn"
    with store.connect(db) as con:
        stored = {r[0] for r in con.execute("SELECT token_hash FROM account_tokens").fetchall()}
    assert _token(second) not in stored and _accounts.token_hash(_token(second)) in stored


def test_an_unknown_or_malformed_link_is_refused(db):
    for token in ("", "x", "a" * 500, "' OR 1=1 --"):
        with pytest.raises(auth.UserRefused):
            auth.set_password_with_link(db, token, GOOD)


# --- the password policy -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("password, key", [
    ("1234567", "auth.password.short"),
    ("123456789", "auth.password.common"), ("password123", "auth.password.common"), ("Iloveyou1", "auth.password.common"),
    ("matkhau123", "auth.password.common"), ("hue@2026", "auth.password.common"), ("aaaaaaaaaaaa", "auth.password.common"),
    ("khcn_bc_2026", None), ("khcn_bc_2", "auth.password.is_name"), (GOOD, None), ("x" * 257, "auth.password.long"),
])
def test_passwords_follow_nist_800_63b(password, key):
    problem = _policy.password_problem(password, "khcn_bc_2")
    assert (problem[0] if problem else None) == key


def test_a_common_password_is_refused_through_the_link_and_the_link_still_works(db):
    link = auth.create_account(db, "khcn", "agency", by="quantri", base_url=BASE, agency_id="so_khcn")
    with pytest.raises(auth.UserRefused) as common:
        auth.set_password_with_link(db, _token(link), "12345678")
    assert common.value.key == "auth.password.common"
    assert auth.set_password_with_link(db, _token(link), GOOD) == "khcn"


def test_the_shipped_list_names_its_source_and_holds_vietnamese_passwords():
    head = _policy.COMMON_FILE.read_text(encoding="utf-8")[:1200]
    assert "Royce Williams" in head and "django" in head.lower()
    assert {"123456789", "matkhau123", "hue2026", "anhyeuem"} <= _policy.common_passwords()
    assert len(_policy.common_passwords()) > 5000


def test_changing_ones_password_needs_the_current_one(db):
    auth.add_user(db, "lan", "analyst", TEST_PASSWORD)
    with pytest.raises(auth.UserRefused) as wrong:
        auth.change_own_password(db, "lan", "not the password", GOOD)
    assert wrong.value.key == "auth.password.current_wrong"
    assert auth.login_attempts(db)["result"].tolist() == ["wrong_password"]  # throttled and recorded like a sign-in
    auth.change_own_password(db, "lan", TEST_PASSWORD, GOOD)
    assert auth.authenticate(db, "lan", GOOD) and not auth.authenticate(db, "lan", TEST_PASSWORD)


# --- agency accounts, changes, the record -------------------------------------------------------------------------

def test_every_body_that_owes_a_report_gets_an_account_at_once_and_only_once(db):
    owed = auth.reporting_agencies(db)
    snap = store.load(db)
    assert owed == reporting.accountable_agencies(snap.agencies, snap) and len(owed) > 20
    links = auth.add_agency_accounts(db, by="quantri", base_url=BASE)
    assert sorted(x.agency_id for x in links) == sorted(owed)
    assert len({x.url for x in links}) == len(links)
    frame = auth.accounts(db)
    assert (frame["role"] == "agency").all() and (frame["state"] == "pending").all()
    assert auth.add_agency_accounts(db, by="quantri", base_url=BASE) == []
    assert auth.agencies_without_account(db) == []


def test_every_change_is_recorded_with_who_when_and_what(db):
    lines = io.StringIO()
    audit.use_stream(lines)
    try:
        auth.add_user(db, "quantri", "admin", TEST_PASSWORD)
        auth.create_account(db, "khcn", "agency", by="quantri", base_url=BASE, agency_id="so_khcn", client="10.0.0.5")
        auth.set_agency(db, "khcn", "so_tc", by="quantri", client="10.0.0.5")
        auth.set_email(db, "khcn", "vanthu@sokhcn.hue.gov.vn", by="quantri")
        auth.set_disabled(db, "khcn", True, by="quantri")
        auth.set_disabled(db, "khcn", False, by="quantri")
        auth.new_link(db, "khcn", by="quantri", base_url=BASE)
    finally:
        audit.use_stream(None)
    changes = auth.account_changes(db)
    assert changes.loc[changes["name"] == "khcn", "action"].tolist()[::-1] == [
        "create", "link", "bind", "email", "disable", "enable", "reset"]
    assert (changes.loc[changes["name"] == "khcn", "by"] == "quantri").all()
    assert "agency=so_tc, was=so_khcn" in changes["detail"].tolist()
    audited = [json.loads(x) for x in lines.getvalue().splitlines()]
    assert [a["audit"] for a in audited if a.get("name") == "khcn"] == [
        "user.create", "user.link", "user.bind", "user.email", "user.disable", "user.enable", "user.reset"]
    row = auth.accounts(db).set_index("name").loc["khcn"]
    assert (row["agency"], row["email"], row["state"]) == ("so_tc", "vanthu@sokhcn.hue.gov.vn", "pending")


@pytest.mark.parametrize("change, key", [
    (lambda db: auth.set_agency(db, "khcn", "so_khong_co", by="q"), "auth.user.agency_unknown"),
    (lambda db: auth.set_agency(db, "lan", "so_khcn", by="q"), "auth.user.agency_not_agency_role"),
    (lambda db: auth.set_email(db, "khcn", "không phải địa chỉ", by="q"), "auth.user.bad_email"),
    (lambda db: auth.set_disabled(db, "ai_do", True, by="q"), "auth.user.unknown"),
    (lambda db: auth.set_disabled(db, "lan", True, by="lan"), "auth.user.not_yourself"),
])
def test_a_bad_change_is_refused_and_changes_nothing(db, change, key):
    auth.add_user(db, "lan", "analyst", TEST_PASSWORD)
    auth.add_user(db, "khcn", "agency", TEST_PASSWORD, agency_id="so_khcn")
    before = auth.accounts(db)
    with pytest.raises(auth.UserRefused) as refused:
        change(db)
    assert refused.value.key == key
    assert auth.accounts(db).equals(before)


# --- the command line ----------------------------------------------------------------------------------------------

def test_cli_reset_prints_a_link_that_sets_the_password(db, capsys):
    auth.add_user(db, "khcn", "agency", TEST_PASSWORD, agency_id="so_khcn")
    assert cli.main(["user", "reset", "khcn", "--base-url", BASE]) == 0
    out = capsys.readouterr()
    url = out.out.strip().splitlines()[-1]
    assert url.startswith(f"{BASE}/password?t=") and "khcn" in out.err
    assert not auth.authenticate(db, "khcn", "wrong") and auth.authenticate(db, "khcn", TEST_PASSWORD)
    auth.set_password_with_link(db, url.split("t=", 1)[1], GOOD)
    assert auth.authenticate(db, "khcn", GOOD)


def test_cli_reset_uses_the_configured_base_url(db, capsys, monkeypatch):
    auth.add_user(db, "khcn", "agency", TEST_PASSWORD, agency_id="so_khcn")
    monkeypatch.setenv("HUE57_BASE_URL", "https://bao-cao.hue.gov.vn")
    assert cli.main(["user", "reset", "khcn"]) == 0
    assert capsys.readouterr().out.strip().startswith("https://bao-cao.hue.gov.vn/password?t=")


def test_cli_disable_enable_passwd_and_list(db, capsys, monkeypatch):
    auth.add_user(db, "lan", "analyst", TEST_PASSWORD)
    auth.add_user(db, "khcn", "agency", TEST_PASSWORD, agency_id="so_khcn")
    auth.authenticate(db, "lan", TEST_PASSWORD)
    auth.start_session(db, "lan")
    assert cli.main(["user", "disable", "khcn"]) == 0
    assert "Đã khóa tài khoản «khcn»" in capsys.readouterr().out
    assert cli.main(["user", "list", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "name,role,agency,state,last_sign_in"
    rows = {line.split(",")[0]: line.split(",") for line in lines[1:]}
    assert rows["khcn"][1:4] == ["agency", "so_khcn", "disabled"] and rows["khcn"][4] == ""
    assert rows["lan"][1:4] == ["analyst", "", "active"] and rows["lan"][4][:2] == "20"
    assert cli.main(["user", "enable", "khcn"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("123456789\n"))
    assert cli.main(["user", "passwd", "khcn"]) == 2
    assert "phổ biến" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(GOOD + "\n"))
    assert cli.main(["user", "passwd", "khcn"]) == 0
    assert auth.authenticate(db, "khcn", GOOD)
    assert cli.main(["user", "disable", "ai_do"]) == 2
    assert "Không có tài khoản «ai_do»" in capsys.readouterr().err


def test_cli_add_agencies_prints_one_link_per_body_and_set_changes_the_binding(db, capsys):
    assert cli.main(["user", "add-agencies", "--base-url", BASE, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "name,agency,expires,link"
    assert len(lines) - 1 == len(auth.reporting_agencies(db))
    assert all(f",{BASE}/password?t=" in line for line in lines[1:])
    assert cli.main(["user", "set", "so_khcn", "--agency", "so_tc", "--email", "a@b.vn"]) == 0
    row = auth.accounts(db).set_index("name").loc["so_khcn"]
    assert (row["agency"], row["email"]) == ("so_tc", "a@b.vn")
    assert cli.main(["user", "add", "nv", "--role", "analyst", "--link", "--base-url", BASE]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith(f"{BASE}/password?t=")


# --- the one sign-in and the pages ----------------------------------------------------------------------------------

@pytest.mark.parametrize("role, came_from, goes_to", [
    ("agency", None, "/report"), ("agency", "upload", "/report"), ("agency", "report", "/report"),
    ("analyst", None, "/upload"), ("analyst", "share", "/share"), ("analyst", "signin", "/upload"),
    ("analyst", "password", "/upload"), ("analyst", "accounts", "/upload"),
    ("admin", None, "/accounts"), ("admin", "share", "/share"),
])
def test_each_role_goes_to_its_page_or_the_one_it_came_from(role, came_from, goes_to):
    assert destination(role, came_from, "vi") == goes_to
    assert destination(role, came_from, "en") == goes_to + "?lang=en"


def _page(page: str, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"app_pages/{page}.py")
    return at


def test_the_sign_in_is_one_for_every_role_and_says_so(db):
    for page in ("signin", "report", "upload"):
        at = _page(page).run()
        assert [x.value for x in at.title] == ["Đăng nhập"]
        words = " ".join(c.value for c in at.caption)
        assert "cơ quan" in words and "chỉ dành cho chuyên viên" not in words
    at = _page("signin", lang="en").run()
    assert [x.value for x in at.title] == ["Sign in"] and "only" not in " ".join(c.value for c in at.caption)


def test_signing_in_on_the_page_opens_a_session_for_the_tab(db):
    auth.add_user(db, "khcn", "agency", TEST_PASSWORD, agency_id="so_khcn")
    at = _page("signin").run()
    at.text_input(key="login_name").set_value("khcn")
    at.text_input(key="login_password").set_value(TEST_PASSWORD)
    at = next(b for b in at.button if b.label == "Đăng nhập").click().run()
    assert not at.error
    assert auth.identity(db, at.session_state["hue57_session"]).agency_id == "so_khcn"
    assert any("khcn" in i.value for i in at.info)
    assert auth.accounts(db).set_index("name").at["khcn", "last_sign_in"] is not None


def test_the_set_password_page_works_without_signing_in(db):
    link = auth.create_account(db, "khcn", "agency", by="quantri", base_url=BASE, agency_id="so_khcn")
    at = _page("password", t=_token(link)).run()
    assert "khcn" in " ".join(c.value for c in at.caption)
    at.text_input(key="pw_new").set_value("12345678")
    at.text_input(key="pw_again").set_value("12345678")
    at = next(b for b in at.button if b.label == "Đặt mật khẩu").click().run()
    assert [e.value for e in at.error] == ["Mật khẩu này quá phổ biến và dễ bị đoán (nằm trong danh sách mật khẩu "
                                           "thông dụng). Hãy chọn một cụm từ khác."]
    at.text_input(key="pw_new").set_value(GOOD)
    at.text_input(key="pw_again").set_value(GOOD)
    at = next(b for b in at.button if b.label == "Đặt mật khẩu").click().run()
    assert any("Bây giờ bạn có thể đăng nhập" in s.value for s in at.success)
    assert auth.authenticate(db, "khcn", GOOD)
    again = _page("password", t=_token(link)).run()
    assert any("đã được dùng" in e.value for e in again.error)


def test_only_the_account_administrator_reaches_accounts(db):
    at = sign_in(_page("accounts"), "lan", "analyst").run()
    assert [e.value for e in at.error] == ["Trang này dành cho người quản trị tài khoản."]
    at = sign_in(_page("accounts"), "khcn", "agency", "so_khcn").run()
    assert [e.value for e in at.error] == ["Trang này dành cho người quản trị tài khoản."]
    at = _page("accounts").run()
    assert [x.value for x in at.title] == ["Đăng nhập"]


def test_the_administrator_creates_every_agency_account_on_the_page(db):
    at = sign_in(_page("accounts"), "quantri", "admin").run()
    assert not at.exception and not at.error
    at = next(b for b in at.button if b.label == "Tạo tài khoản cho mọi cơ quan còn thiếu").click().run()
    assert not at.exception and not at.error
    owed = len(auth.reporting_agencies(db))
    assert any(f"Đã tạo {owed} tài khoản cơ quan" in s.value for s in at.success)
    assert len(auth.accounts(db)) == owed + 1
    shown = [str(v) for table in page_tables(at) for v in table.to_numpy().ravel()]
    assert sum("/password?t=" in v for v in shown) == owed
    at.selectbox(key="accounts_which").set_value("so_khcn").run()
    at = next(b for b in at.button if b.label == "Khóa tài khoản").click().run()
    assert not at.error and any("Đã khóa" in s.value for s in at.success)
    assert auth.accounts(db).set_index("name").at["so_khcn", "state"] == "disabled"
    at.selectbox(key="accounts_which").set_value("quantri").run()
    at = next(b for b in at.button if b.label == "Khóa tài khoản").click().run()
    assert [e.value for e in at.error] == ["Không thể tự khóa tài khoản của chính mình\\."]
