"""Signing in as OWASP recommends: throttling per account and per (address, account) with growing, capped waits
and no lock-out a stranger can trigger — not even for the others behind the same address; the address from
a trusted proxy's X-Forwarded-For only; one refusal, in words and in time, for every reason; every attempt
recorded."""

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


def test_a_guessing_address_waits_twice_as_long_after_each_further_refused_check(accounts, clock):
    for i in range(_sign_in.PAIR_FREE):
        _try(accounts, clock, "lan", f"sai-{i}", "203.0.113.7")
    wait = 1
    for _ in range(4):
        early = _try(accounts, clock, "lan", PASSWORD, "203.0.113.7", after=(wait - 0.5) * SEC)
        assert early.outcome == "throttled", wait  # even the right password is not checked while it waits
        # the early attempt checked nothing: it neither counts nor restarts the wait
        assert _try(accounts, clock, "lan", "sai", "203.0.113.7", after=0.5 * SEC).outcome == "wrong_password"
        wait *= 2
    # the waits stop growing at the cap: never a lock that outlasts it
    clock[0] += _sign_in.MAX_WAIT
    assert auth.authenticate(accounts, "lan", PASSWORD, client="203.0.113.7").ok


def test_throttled_attempts_from_one_address_do_not_slow_the_account_elsewhere(accounts, clock):
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
    for i in range(_sign_in.PAIR_FREE - 1):
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
                                 ("viewer", "minh", PASSWORD), ("wrong2", "lan", "sai-2"), ("wrong3", "lan", "sai-3"),
                                 ("wrong4", "lan", "sai-4"), ("wrong5", "lan", "sai-5")):
        at = _submit(at, name, password)
        messages[case] = [e.value for e in at.error]
    at = _submit(at, "lan", PASSWORD)  # the sixth attempt for lan from this browser at once: throttled
    messages["throttled"] = [e.value for e in at.error]
    assert sorted(auth.login_attempts(accounts)["result"]) == ["role_refused", "throttled", "unknown_name"] + \
        ["wrong_password"] * 5
    assert all(m == [auth.refusal("vi")] for m in messages.values()), messages
    assert "không đúng" in messages["viewer"][0] and "chỉ có quyền xem" not in messages["viewer"][0]
    clock[0] += _sign_in.MAX_WAIT
    at = _submit(at, "lan", PASSWORD)
    assert not at.error and auth.identity(accounts, at.session_state["hue57_session"]).name == "lan"


def test_thirty_refusals_for_one_account_never_slow_another_account_from_the_same_address(accounts, clock):
    """One office, one NAT address: a clerk (or a stranger) mistypes one account 30 times; a colleague's
    account signs in at once from the same address, and the first account's own right password gets in
    within the capped wait, however often its owner tries meanwhile."""
    auth.add_user(accounts, "hoa", "analyst", PASSWORD)
    office = "203.0.113.7"
    outcomes = [_try(accounts, clock, "lan", f"sai-{i}", office, after=dt.timedelta(0)).outcome for i in range(30)]
    assert outcomes[:_sign_in.PAIR_FREE] == ["wrong_password"] * _sign_in.PAIR_FREE
    assert set(outcomes[_sign_in.PAIR_FREE + 1:]) == {"throttled"}
    assert _try(accounts, clock, "hoa", PASSWORD, office, after=dt.timedelta(0)).ok  # at once
    last_refusal = auth.login_attempts(accounts).query("result == 'wrong_password'")["at"].max()
    while True:  # lan's owner tries every 20 s: each try is refused or lets her in, none restarts the wait
        result = _try(accounts, clock, "lan", PASSWORD, office, after=20 * SEC)
        if result.ok:
            break
        assert result.outcome == "throttled"
        assert clock[0] - last_refusal <= _sign_in.MAX_WAIT
    assert clock[0] - last_refusal <= _sign_in.MAX_WAIT + 20 * SEC


def test_an_unknown_address_is_never_one_shared_bucket_nor_trusted(accounts, clock):
    auth.add_user(accounts, "hoa", "analyst", PASSWORD)
    assert _try(accounts, clock, "lan", PASSWORD, None)  # a success from an unknown address
    for i in range(3 * _sign_in.NAME_FREE):  # strangers whose address could not be told, guessing lan
        _try(accounts, clock, "lan", f"sai-{i}", None, after=dt.timedelta(milliseconds=1))
    assert _try(accounts, clock, "hoa", PASSWORD, None, after=dt.timedelta(0)).ok  # another account: at once
    # lan's earlier success from 'unknown' does not make 'unknown' a trusted desk
    assert _try(accounts, clock, "lan", PASSWORD, None, after=dt.timedelta(0)).outcome == "throttled"
    clock[0] += _sign_in.MAX_WAIT
    assert auth.authenticate(accounts, "lan", PASSWORD, client=None).ok


def test_the_forwarded_address_is_used_only_behind_a_trusted_proxy(accounts, clock):
    headers = {"X-Forwarded-For": "198.51.100.9, 203.0.113.7"}
    assert auth.client_address("127.0.0.1", headers, ["127.0.0.1/32"]) == "203.0.113.7"
    assert auth.client_address("127.0.0.1", headers, ["127.0.0.1", "203.0.113.0/24"]) == "198.51.100.9"
    assert auth.client_address("127.0.0.1", headers, []) == "127.0.0.1"  # the proxy's own address
    assert auth.client_address("192.0.2.5:51234", headers, ["127.0.0.1"]) == "192.0.2.5"  # a stranger's header
    # what the sign-in records is that address
    _try(accounts, clock, "lan", "sai", auth.client_address("127.0.0.1", headers, ["127.0.0.1"]))
    _try(accounts, clock, "lan", "sai", auth.client_address("127.0.0.1", headers, []))
    assert list(auth.login_attempts(accounts)["client"]) == ["127.0.0.1", "203.0.113.7"]


def test_the_socket_peer_is_taken_back_from_uvicorns_own_proxy_rewriting(monkeypatch):
    """uvicorn (Streamlit's server) puts an X-Forwarded-For entry in place of a loopback peer, port 0: the
    peer is the loopback proxy again, and our own trusted_proxies decide; a real socket's peer is kept."""
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    forwarded = auth.joined_headers([("X-Forwarded-For", "198.51.100.9"), ("x-forwarded-for", "203.0.113.7")])
    assert forwarded == {"x-forwarded-for": "198.51.100.9, 203.0.113.7"}
    assert auth.connection_peer("203.0.113.7", 0, forwarded) == "127.0.0.1"
    assert auth.connection_peer("203.0.113.7", 51234, forwarded) == "203.0.113.7"  # a direct peer sending the header
    assert auth.connection_peer("127.0.0.1", 40000, {}) == "127.0.0.1"
    assert auth.connection_peer(None, None, forwarded) is None
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")
    assert auth.connection_peer("203.0.113.7", 0, forwarded) is None  # uvicorn believed anyone: unknown
