"""Shared fixtures: a database initialised from the shipped `data/`, fresh for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hue57 import store

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _quiet_cli_audit(monkeypatch):
    """Commands run by tests print their messages without audit lines between them (tests that check the
    lines set HUE57_AUDIT=on or read `hue57.audit`'s stream)."""
    monkeypatch.setenv("HUE57_AUDIT", "off")


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "hue57.duckdb"
    store.init(path)
    return path


@pytest.fixture
def db(_template_db, tmp_path, monkeypatch) -> Path:
    """A private copy of the shipped database; HUE57_DB points at it for code that reads the env."""
    path = tmp_path / "hue57.duckdb"
    shutil.copy(_template_db, path)
    monkeypatch.setenv("HUE57_DB", str(path))
    monkeypatch.setenv("HUE57_LOCK_TIMEOUT", "20")
    return path


TEST_PASSWORD = "mat-khau-kiem-thu-2026"


@pytest.fixture
def quick_passwords(monkeypatch):
    """Cheap scrypt and no minimum answer time: account tests create and check many passwords."""
    from hue57.auth import _passwords, _sign_in  # noqa: PLC0415

    monkeypatch.setattr(_passwords, "_N", 2 ** 10)
    monkeypatch.setattr(_sign_in, "MIN_ANSWER", 0.0)


@pytest.fixture
def account_clock(monkeypatch):
    """The accounts' clock, a list whose one item a test moves forward."""
    import datetime as dt  # noqa: PLC0415

    from hue57.auth import _accounts  # noqa: PLC0415

    now = [dt.datetime(2026, 6, 9, 8, 0, 0)]
    monkeypatch.setattr(_accounts, "now", lambda: now[0])
    return now


def run_coroutine(coro):
    """`asyncio.run(coro)` in a thread of its own: the browser tests' Playwright keeps an event loop running in
    this thread for the whole session, and asyncio.run refuses to start inside a running loop."""
    import asyncio  # noqa: PLC0415
    import concurrent.futures  # noqa: PLC0415

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def sign_in(at, name: str, role: str = "analyst", agency: str | None = None, db=None):
    """Sign `at` (an AppTest) in as `name` the way the sign-in form does: an open session whose token this tab
    holds; the account is created first (role, agency, `TEST_PASSWORD`) when it does not exist yet."""
    import io  # noqa: PLC0415

    from hue57 import audit, auth  # noqa: PLC0415
    from hue57.store._users import get_user  # noqa: PLC0415

    db = store.db_path(db)
    store.ensure_current(db)
    audit.use_stream(io.StringIO())  # the test's own output (a CLI's CSV) stays clean
    try:
        if get_user(db, name) is None:
            auth.add_user(db, name, role, TEST_PASSWORD, agency_id=agency)
        token, _code = auth.start_session(db, name)
    finally:
        audit.use_stream(None)
    at.session_state["hue57_session"] = token
    return at
