"""Signing in as OWASP recommends: throttling per client and per account with growing waits and no lock-out a
stranger can trigger; one refusal, in words and in time, for every reason; every attempt recorded."""

from __future__ import annotations

import datetime as dt
import statistics
import time

import pytest
from streamlit.testing.v1 import AppTest

from hue57 import auth, cli
from hue57.auth import _accounts, _passwords, _sign_in

PASSWORD = "Huế-2030-đổi-mới"
SEC = dt.timedelta(seconds=1)


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    """scrypt at N=2^10 here: these tests are about who is refused and when, not about the hash's cost
    (tests/test_users.py checks the real parameters); every path still computes one hash."""
    monkeypatch.setattr(_passwords, "_N", 2 ** 10)


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand; answers are not held (timing has its own test)."""
    now = [dt.datetime(2026, 6, 9, 8, 0, 0)]
    monkeypatch.setattr(_accounts, "now", lambda: now[0])
    monkeypatch.setattr(_sign_in, "MIN_ANSWER", 0.0)
    return now


@pytest.fixture
def accounts(db):
    auth.add_user(db, "lan", "analyst", PASSWORD)
    auth.add_user(db, "minh", "viewer", PASSWORD)
    return db


def _try(db, clock, name, password, client, *, after=SEC):
    clock[0] += after
    return auth.authenticate(db, name, password, client=client)


def test_five_wrong_passwords_from_one_client_do_not_stop_the_right_password_from_another(accounts, clock):
    for i in range(5):
        assert _try(accounts, clock, "lan", f"sai-{i}", "203.0.113.7", after=dt.timedelta(0)).outcome \
            == "wrong_password"
    assert auth.authenticate(accounts, "lan", "sai-6", client="203.0.113.7").outcome == "throttled"
    result = auth.authenticate(accounts, "lan", PASSWORD, client="10.1.2.3")  # the analyst, at once
    assert result.ok and result.role == "analyst"


def test_a_guessing_client_waits_twice_as_long_after_each_further_refusal(accounts, clock):
    for i in range(_sign_in.CLIENT_FREE):
        _try(accounts, clock, "lan", f"sai-{i}", "203.0.113.7")
    wait = 1
    for _ in range(4):
        early = _try(accounts, clock, "lan", PASSWORD, "203.0.113.7", after=(wait - 0.5) * SEC)
        assert early.outcome == "throttled", wait  # even the right password is not checked while it waits
        wait *= 2  # the early attempt was a refusal too
        assert _try(accounts, clock, "lan", "sai", "203.0.113.7", after=wait * SEC).outcome == "wrong_password"
        wait *= 2
    # the waits stop growing at the cap: never a lock that outlasts it
    clock[0] += _sign_in.CLIENT_MAX_WAIT + SEC
    assert auth.authenticate(accounts, "lan", PASSWORD, client="203.0.113.7").ok


def test_throttled_attempts_slow_the_client_but_not_the_account(accounts, clock):
    for i in range(3 * _sign_in.NAME_FREE):  # hammering one account from one address
        _try(accounts, clock, "lan", f"sai-{i}", "203.0.113.7", after=dt.timedelta(0))
    assert _try(accounts, clock, "lan", PASSWORD, "10.1.2.3", after=dt.timedelta(0)).ok


def test_many_addresses_guessing_one_account_slow_it_except_from_where_it_signed_in_before(accounts, clock):
    assert _try(accounts, clock, "lan", PASSWORD, "10.1.2.3")  # the analyst's usual desk
    for i in range(_sign_in.NAME_FREE + 2):
        _try(accounts, clock, "lan", f"sai-{i}", f"198.51.100.{i}", after=dt.timedelta(milliseconds=1))
    assert _try(accounts, clock, "lan", PASSWORD, "192.0.2.1", after=dt.timedelta(0)).outcome == "throttled"
    assert _try(accounts, clock, "lan", PASSWORD, "10.1.2.3", after=dt.timedelta(0)).ok
    clock[0] += _sign_in.NAME_MAX_WAIT + SEC  # a new address gets in once the account's wait is over
    assert auth.authenticate(accounts, "lan", PASSWORD, client="192.0.2.1").ok


def test_a_viewer_s_right_password_is_refused_like_a_wrong_one_and_counted(accounts, clock):
    result = _try(accounts, clock, "minh", PASSWORD, "10.1.2.3")
    assert not result and result.outcome == "role_refused" and result.role is None
    for i in range(_sign_in.CLIENT_FREE - 1):
        _try(accounts, clock, "minh", f"sai-{i}", "10.1.2.3", after=dt.timedelta(0))
    # a right password would not be worth more tries than a wrong one
    assert _try(accounts, clock, "minh", PASSWORD, "10.1.2.3", after=dt.timedelta(0)).outcome == "throttled"


def test_every_attempt_is_recorded_and_analysts_can_list_them(accounts, clock, capsys):
    _try(accounts, clock, "lan", PASSWORD, "10.1.2.3")
    _try(accounts, clock, "nobody", PASSWORD, "203.0.113.7")
    _try(accounts, clock, "lan", "sai", "203.0.113.7")
    _try(accounts, clock, "minh", PASSWORD, None)
    attempts = auth.login_attempts(accounts)
    assert list(attempts["result"]) == ["role_refused", "wrong_password", "unknown_name", "success"]
    assert list(attempts["client"]) == ["unknown", "203.0.113.7", "203.0.113.7", "10.1.2.3"]
    assert attempts["at"].iloc[-1] == dt.datetime(2026, 6, 9, 8, 0, 1)
    assert cli.main(["logins", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "at,name,client,result" and out[-1] == "2026-06-09 15:00:01,lan,10.1.2.3,success"  # Huế time
    table = auth.attempts_table(accounts, "vi")
    assert list(table["Kết quả"]) == ["Tài khoản không có quyền", "Sai mật khẩu", "Tên không tồn tại", "Thành công"]


def test_refusals_take_the_same_time_whatever_the_reason(accounts, monkeypatch):
    def timed(name, password, client):
        start = time.monotonic()
        assert not auth.authenticate(accounts, name, password, client=client)
        return time.monotonic() - start

    times = {"unknown": [], "wrong": [], "viewer": []}
    for i in range(2):
        times["unknown"].append(timed("nobody", PASSWORD, f"10.0.1.{i}"))
        times["wrong"].append(timed("lan", "sai-mat-khau", f"10.0.2.{i}"))
        times["viewer"].append(timed("minh", PASSWORD, f"10.0.3.{i}"))
    held = _sign_in.MIN_ANSWER
    monkeypatch.setattr(_sign_in, "MIN_ANSWER", 0.0)
    for _ in range(6):
        auth.authenticate(accounts, "lan", "sai", client="10.0.9.9")
    monkeypatch.setattr(_sign_in, "MIN_ANSWER", held)
    times["throttled"] = [timed("lan", PASSWORD, "10.0.9.9") for _ in range(2)]
    medians = {k: statistics.median(v) for k, v in times.items()}
    assert all(m >= _sign_in.MIN_ANSWER for m in medians.values()), medians
    assert max(medians.values()) - min(medians.values()) < 0.15, medians


def _login_page() -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.switch_page("app_pages/upload.py")
    return at.run()


def _submit(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="login_name").set_value(name)
    at.text_input(key="login_password").set_value(password)
    return at.button[0].click().run()


def test_the_page_shows_one_refusal_for_unknown_name_wrong_password_viewer_and_throttled(accounts, clock):
    at = _login_page()
    messages = {}
    for case, name, password in (("unknown", "nobody", PASSWORD), ("wrong", "lan", "sai-mat-khau"),
                                 ("viewer", "minh", PASSWORD), ("wrong2", "lan", "sai-2"), ("wrong3", "lan", "sai-3")):
        at = _submit(at, name, password)
        messages[case] = [e.value for e in at.error]
    at = _submit(at, "lan", PASSWORD)  # the sixth attempt from this browser at once: throttled
    messages["throttled"] = [e.value for e in at.error]
    assert sorted(auth.login_attempts(accounts)["result"]) == ["role_refused", "throttled", "unknown_name"] + \
        ["wrong_password"] * 3
    assert all(m == [auth.refusal("vi")] for m in messages.values()), messages
    assert "không đúng" in messages["viewer"][0] and "chỉ có quyền xem" not in messages["viewer"][0]
    clock[0] += _sign_in.CLIENT_MAX_WAIT
    at = _submit(at, "lan", PASSWORD)
    assert not at.error and auth.identity(accounts, at.session_state["hue57_session"]).name == "lan"
