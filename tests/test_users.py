"""Accounts: salted scrypt hashes, constant-time checks, names and roles checked, `user add` from stdin."""

from __future__ import annotations

import hmac
import io

import pytest

from hue57 import auth, cli
from hue57.auth import _passwords, _sign_in
from hue57.store._users import get_user

PASSWORD = "Huế-2030-đổi-mới"


@pytest.fixture(autouse=True)
def _quick(monkeypatch):
    monkeypatch.setattr(_sign_in, "MIN_ANSWER", 0.0)


def test_right_password_signs_in_with_the_role(db):
    auth.add_user(db, "lan", "analyst", PASSWORD)
    result = auth.authenticate(db, "lan", PASSWORD)
    assert result and result.ok and result.role == "analyst" and result.outcome == "success"


def test_passwords_are_compared_in_constant_time(db, monkeypatch):
    auth.add_user(db, "lan", "analyst", PASSWORD)
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((type(a), type(b)))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert auth.authenticate(db, "lan", PASSWORD)
    assert not auth.authenticate(db, "lan", "wrong password")
    assert len(calls) == 2


def test_hashes_are_salted_per_user_and_never_the_password(db):
    auth.add_user(db, "lan", "analyst", PASSWORD)
    auth.add_user(db, "minh", "viewer", PASSWORD)
    lan, minh = get_user(db, "lan"), get_user(db, "minh")
    assert lan["salt"] != minh["salt"] and len(bytes.fromhex(lan["salt"])) == 16
    assert lan["pw_hash"] != minh["pw_hash"]
    for user in (lan, minh):
        assert PASSWORD not in user["pw_hash"] and PASSWORD.encode().hex() not in user["pw_hash"]
        assert user["pw_hash"].startswith("scrypt$32768$8$1$")


def test_every_refusal_costs_exactly_one_hash(db, monkeypatch):
    auth.add_user(db, "lan", "analyst", PASSWORD)
    auth.add_user(db, "minh", "viewer", PASSWORD)
    hashed = []
    real = _passwords.hash_password
    monkeypatch.setattr(_passwords, "hash_password", lambda *a, **k: hashed.append(1) or real(*a, **k))
    for name, password in (("nobody", PASSWORD), ("lan", "wrong password"), ("minh", PASSWORD)):
        hashed.clear()
        assert not auth.authenticate(db, name, password, client="10.0.0.9")
        assert hashed == [1], name


@pytest.mark.parametrize("name, role, password, key", [
    ("lan", "root", PASSWORD, "auth.user.bad_role"),
    ("lan", "analyst", "password123", "auth.password.common"),
    ("lan", "analyst", "short", "auth.password.short"),
    ("  ", "analyst", PASSWORD, "auth.user.bad_name"),
    ("a\nb", "analyst", PASSWORD, "auth.user.bad_name"),
    ("x" * 65, "analyst", PASSWORD, "auth.user.bad_name"),
])
def test_bad_accounts_are_refused(db, name, role, password, key):
    with pytest.raises(auth.UserRefused) as refused:
        auth.add_user(db, name, role, password)
    assert refused.value.key == key
    assert auth.list_users(db).empty


def test_a_name_is_taken_once(db):
    auth.add_user(db, "lan", "analyst", PASSWORD)
    with pytest.raises(auth.UserRefused) as refused:
        auth.add_user(db, "lan", "viewer", PASSWORD)
    assert refused.value.key == "auth.user.exists"
    assert get_user(db, "lan")["role"] == "analyst"


def test_cli_user_add_reads_the_password_from_stdin(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["user", "add", "lan", "--role", "analyst"]) == 0
    assert "Đã tạo người dùng «lan»" in capsys.readouterr().out
    assert auth.authenticate(db, "lan", PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO("abc\n"))
    assert cli.main(["user", "add", "minh", "--role", "viewer"]) == 2
    assert "ít nhất 8 ký tự" in capsys.readouterr().err
    assert cli.main(["user", "list", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("name,role,agency,state,last_sign_in\n") and "pw_hash" not in out and "salt" not in out
