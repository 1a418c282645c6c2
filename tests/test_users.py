"""Accounts: salted scrypt hashes, constant-time checks, five wrong passwords lock for five minutes."""

from __future__ import annotations

import datetime as dt
import hmac
import io

import pytest

from hue57 import cli, ingest
from hue57.ingest import _auth
from hue57.store._users import get_user, list_users

PASSWORD = "Huế-2030-đổi-mới"


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand."""
    now = [dt.datetime(2026, 6, 9, 8, 0, 0)]
    monkeypatch.setattr(_auth, "now", lambda: now[0])
    return now


def test_right_password_logs_in_with_the_role(db):
    ingest.add_user(db, "lan", "analyst", PASSWORD)
    result = ingest.authenticate(db, "lan", PASSWORD)
    assert result and result.ok and result.role == "analyst" and result.reason is None


def test_wrong_passwords_are_counted_and_a_success_resets_the_count(db, clock):
    ingest.add_user(db, "lan", "analyst", PASSWORD)
    for expected in (1, 2, 3):
        result = ingest.authenticate(db, "lan", "sai-mat-khau")
        assert not result and result.reason == "invalid"
        assert get_user(db, "lan")["failed"] == expected
    assert ingest.authenticate(db, "lan", PASSWORD)
    assert get_user(db, "lan")["failed"] == 0


def test_five_failures_lock_for_five_minutes(db, clock):
    ingest.add_user(db, "lan", "analyst", PASSWORD)
    results = [ingest.authenticate(db, "lan", f"wrong-{i}") for i in range(5)]
    assert [r.reason for r in results] == ["invalid"] * 4 + ["locked"]
    assert results[-1].locked_until == clock[0] + dt.timedelta(minutes=5)
    clock[0] += dt.timedelta(minutes=4, seconds=59)
    locked = ingest.authenticate(db, "lan", PASSWORD)  # even the right password waits
    assert not locked and locked.reason == "locked"
    assert list_users(db).set_index("name").loc["lan", "locked_until"] == dt.datetime(2026, 6, 9, 8, 5)
    clock[0] += dt.timedelta(seconds=2)
    assert ingest.authenticate(db, "lan", PASSWORD).ok
    assert get_user(db, "lan")["locked_until"] is None


def test_the_lock_is_kept_in_the_database(db, clock):
    ingest.add_user(db, "lan", "viewer", PASSWORD)
    for _ in range(5):
        ingest.authenticate(db, "lan", "wrong")
    row = get_user(db, "lan")  # another process reads the same row
    assert row["locked_until"] == clock[0] + ingest.LOCK_FOR and row["failed"] == 0


def test_passwords_are_compared_in_constant_time(db, monkeypatch):
    ingest.add_user(db, "lan", "analyst", PASSWORD)
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((type(a), type(b)))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert ingest.authenticate(db, "lan", PASSWORD)
    assert not ingest.authenticate(db, "lan", "wrong password")
    assert len(calls) == 2


def test_hashes_are_salted_per_user_and_never_the_password(db):
    ingest.add_user(db, "lan", "analyst", PASSWORD)
    ingest.add_user(db, "minh", "viewer", PASSWORD)
    lan, minh = get_user(db, "lan"), get_user(db, "minh")
    assert lan["salt"] != minh["salt"] and len(bytes.fromhex(lan["salt"])) == 16
    assert lan["pw_hash"] != minh["pw_hash"]
    for user in (lan, minh):
        assert PASSWORD not in user["pw_hash"] and PASSWORD.encode().hex() not in user["pw_hash"]
        assert user["pw_hash"].startswith("scrypt$32768$8$1$")


def test_unknown_user_costs_a_hash_and_gives_the_same_answer(db, monkeypatch):
    hashed = []
    real = _auth.hash_password
    monkeypatch.setattr(_auth, "hash_password", lambda *a, **k: hashed.append(1) or real(*a, **k))
    result = ingest.authenticate(db, "nobody", PASSWORD)
    assert not result and result.reason == "invalid" and hashed == [1]


@pytest.mark.parametrize("name, role, password, key", [
    ("lan", "admin", PASSWORD, "ingest.user.bad_role"),
    ("lan", "analyst", "short", "ingest.user.password_short"),
    ("  ", "analyst", PASSWORD, "ingest.user.bad_name"),
    ("a\nb", "analyst", PASSWORD, "ingest.user.bad_name"),
])
def test_bad_accounts_are_refused(db, name, role, password, key):
    with pytest.raises(ingest.UserRefused) as refused:
        ingest.add_user(db, name, role, password)
    assert refused.value.key == key


def test_a_name_is_taken_once(db):
    ingest.add_user(db, "lan", "analyst", PASSWORD)
    with pytest.raises(ingest.UserRefused) as refused:
        ingest.add_user(db, "lan", "viewer", PASSWORD)
    assert refused.value.key == "ingest.user.exists"


def test_cli_user_add_reads_the_password_from_stdin(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["user", "add", "lan", "--role", "analyst"]) == 0
    assert "Đã tạo người dùng «lan»" in capsys.readouterr().out
    assert ingest.authenticate(db, "lan", PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO("abc\n"))
    assert cli.main(["user", "add", "minh", "--role", "viewer"]) == 2
    assert "ít nhất 8 ký tự" in capsys.readouterr().err
    assert cli.main(["user", "list", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("name,role,failed") and "pw_hash" not in out and "salt" not in out
