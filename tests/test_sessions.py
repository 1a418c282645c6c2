"""Sessions: a signed-in tab stays signed in across page runs until sign-out, a password change, a disabled account
or `session_hours` without use; the cookie routes hand a session to the browser once and sign it out."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from hue57 import auth, cli
from hue57.auth import _sessions, web
from tests.conftest import TEST_PASSWORD, run_coroutine

pytestmark = pytest.mark.usefixtures("quick_passwords")  # cheap scrypt, no minimum answer time (tests/conftest.py)


@pytest.fixture
def clock(account_clock):
    return account_clock



@pytest.fixture
def agency(db):
    auth.add_user(db, "khcn", "agency", TEST_PASSWORD, agency_id="so_khcn")
    return db


def _page(token: str, page: str = "report") -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.session_state["hue57_session"] = token
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def _signed_in(at: AppTest) -> bool:
    return not any(w.label == "Đăng nhập" for w in at.button) and any(
        b.label.startswith("Đăng xuất") for b in at.sidebar.button)


def test_a_session_holds_across_page_runs_and_ends_at_sign_out(agency):
    token, _ = auth.start_session(agency, "khcn")
    at = _page(token)
    assert _signed_in(at) and not at.exception
    assert auth.identity(agency, token).agency_id == "so_khcn"
    at = next(b for b in at.sidebar.button if b.label.startswith("Đăng xuất")).click().run()
    assert not _signed_in(at) and auth.identity(agency, token) is None
    assert not _signed_in(_page(token))  # the same token in another tab: ended too


def test_disabling_an_account_ends_every_open_session_at_the_next_page_run(agency):
    tabs = [_page(auth.start_session(agency, "khcn")[0]) for _ in range(2)]
    assert all(_signed_in(at) for at in tabs)
    assert cli.main(["user", "disable", "khcn"]) == 0
    assert not any(_signed_in(at.run()) for at in tabs)
    assert not auth.authenticate(agency, "khcn", TEST_PASSWORD)  # and it cannot sign in again
    assert cli.main(["user", "enable", "khcn"]) == 0
    assert auth.authenticate(agency, "khcn", TEST_PASSWORD)
    assert not any(_signed_in(at.run()) for at in tabs)  # enabling does not revive ended sessions


def test_a_password_change_ends_every_open_session_at_the_next_page_run(agency):
    here, _ = auth.start_session(agency, "khcn")
    elsewhere = _page(auth.start_session(agency, "khcn")[0])
    assert _signed_in(elsewhere)
    at = _page(here, "password")
    at.text_input(key="pw_current").set_value(TEST_PASSWORD)
    at.text_input(key="pw_new").set_value("một câu thật dài của Huế")
    at.text_input(key="pw_again").set_value("một câu thật dài của Huế")
    at = next(b for b in at.button if b.label == "Đổi mật khẩu").click().run()
    assert not at.error, [e.value for e in at.error]
    assert any("Đã đổi mật khẩu" in s.value for s in at.success)
    assert _signed_in(at)  # the tab that changed it has a fresh session
    assert auth.identity(agency, here) is None
    assert not _signed_in(elsewhere.run())
    assert auth.authenticate(agency, "khcn", "một câu thật dài của Huế")


def test_an_admin_sets_a_password_on_the_command_line_and_the_sessions_end(agency, monkeypatch):
    import io

    token, _ = auth.start_session(agency, "khcn")
    monkeypatch.setattr("sys.stdin", io.StringIO("một câu thật dài của Huế\n"))
    assert cli.main(["user", "passwd", "khcn"]) == 0
    assert auth.identity(agency, token) is None


def test_a_session_lasts_session_hours_after_its_last_use_and_never_past_30_days(agency, clock, monkeypatch):
    monkeypatch.setenv("HUE57_SESSION_HOURS", "12")
    monkeypatch.setattr(_sessions, "CHECK_EVERY", 0.0)
    token, _ = auth.start_session(agency, "khcn")
    clock[0] += dt.timedelta(hours=11)
    assert auth.identity(agency, token)  # used after 11 h: slides to 11 + 12 h
    clock[0] += dt.timedelta(hours=11)
    assert auth.identity(agency, token)
    clock[0] += dt.timedelta(hours=12, minutes=1)
    assert auth.identity(agency, token) is None  # idle for more than 12 h
    token, _ = auth.start_session(agency, "khcn")
    started = clock[0]
    while auth.identity(agency, token) is not None:  # used twice a day, every day
        clock[0] += dt.timedelta(hours=11, minutes=59)
    assert _sessions.MAX_SESSION <= clock[0] - started < _sessions.MAX_SESSION + dt.timedelta(hours=12)


def test_the_cookie_is_signed_with_the_instance_secret(agency):
    token, _ = auth.start_session(agency, "khcn")
    value = auth.cookie_value(agency, token)
    assert auth.token_from_cookie(agency, value) == token
    assert auth.token_from_cookie(agency, value[:-2] + ("AA" if value[-2:] != "AA" else "BB")) is None
    assert auth.token_from_cookie(agency, token) is None  # an unsigned token is not a cookie


def test_the_sign_in_code_works_once_and_briefly(agency, clock):
    token, code = auth.start_session(agency, "khcn", next_path="/report")
    cookie_token, next_path = _sessions.exchange(agency, code)
    assert next_path == "/report" and auth.identity(agency, cookie_token).name == "khcn"
    assert auth.identity(agency, token) is None  # the form's session gave way to the cookie's
    assert _sessions.exchange(agency, code) is None
    _, late = auth.start_session(agency, "khcn")
    clock[0] += _sessions.HANDOFF + dt.timedelta(seconds=1)
    assert _sessions.exchange(agency, late) is None


def _call(route, path: str, body: bytes = b"", headers: dict | None = None):
    from starlette.requests import Request

    scope = {"type": "http", "method": "POST", "path": path, "scheme": "http", "client": ("127.0.0.1", 5000),
             "headers": [(k.lower().encode(), v.encode()) for k, v in {"host": "127.0.0.1:8501",
                                                                       **(headers or {})}.items()],
             "query_string": b"", "server": ("127.0.0.1", 8501)}

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    return run_coroutine(route(Request(scope, receive)))


def _set_cookie(response) -> str:
    return next(v.decode() for k, v in response.raw_headers if k == b"set-cookie")


def test_the_session_route_sets_an_httponly_lax_cookie_and_sends_the_browser_on(agency, monkeypatch):
    _, code = auth.start_session(agency, "khcn", next_path="/report")
    response = _call(web.session_route, "/auth/session", f"code={code}".encode(),
                     {"origin": "http://127.0.0.1:8501"})
    assert response.status_code == 303 and response.headers["location"] == "/report"
    cookie = _set_cookie(response)
    assert cookie.startswith("hue57_session=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie and "Max-Age=43200" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    assert auth.identity(agency, auth.token_from_cookie(agency, value)).name == "khcn"
    again = _call(web.session_route, "/auth/session", f"code={code}".encode())
    assert again.headers["location"] == "/signin" and not any(k == b"set-cookie" for k, _ in again.raw_headers)
    monkeypatch.setenv("HUE57_BASE_URL", "https://hue57.example.vn")
    _, code = auth.start_session(agency, "khcn")
    assert "; Secure" in _set_cookie(_call(web.session_route, "/auth/session", f"code={code}".encode()))


def test_a_post_from_another_site_is_refused(agency):
    _, code = auth.start_session(agency, "khcn", next_path="/report")
    response = _call(web.session_route, "/auth/session", f"code={code}".encode(), {"origin": "https://evil.example"})
    assert response.status_code == 403
    assert _sessions.exchange(agency, code) is not None  # the code was not spent by the refused post


def test_the_sign_out_route_ends_the_session_and_deletes_the_cookie(agency):
    _, code = auth.start_session(agency, "khcn")
    token, _ = _sessions.exchange(agency, code)
    response = _call(web.sign_out_route, "/auth/sign-out", b"next=%2F",
                     {"cookie": f"hue57_session={auth.cookie_value(agency, token)}"})
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert "Max-Age=0" in _set_cookie(response) and auth.identity(agency, token) is None


@pytest.mark.parametrize("path, safe", [("/report?lang=en", "/report?lang=en"), ("//evil.example", "/"),
                                        ("https://evil.example", "/"), ("/\\evil", "/"), (None, "/")])
def test_only_paths_of_this_site_are_followed(path, safe):
    assert web.safe_next(path) == safe


def test_the_cookie_is_secure_behind_a_trusted_proxy_that_serves_https(agency, monkeypatch):
    monkeypatch.setenv("HUE57_TRUSTED_PROXIES", "127.0.0.1")
    _, code = auth.start_session(agency, "khcn")
    cookie = _set_cookie(_call(web.session_route, "/auth/session", f"code={code}".encode(),
                               {"x-forwarded-proto": "https"}))
    assert "; Secure" in cookie
    monkeypatch.setenv("HUE57_TRUSTED_PROXIES", "10.9.9.9")  # a header from anyone else is not believed
    _, code = auth.start_session(agency, "khcn")
    cookie = _set_cookie(_call(web.session_route, "/auth/session", f"code={code}".encode(),
                               {"x-forwarded-proto": "https"}))
    assert "Secure" not in cookie


def _through_middleware(path: str, cookie: str | None, content_type: bytes = b"text/html; charset=utf-8") -> list:
    sent = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", content_type)]})
        await send({"type": "http.response.body", "body": b"<html></html>"})

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b""}

    headers = [(b"host", b"127.0.0.1:8501")] + ([(b"cookie", f"hue57_session={cookie}".encode())] if cookie else [])
    scope = {"type": "http", "method": "GET", "path": path, "scheme": "http", "headers": headers,
             "client": ("127.0.0.1", 5000)}
    run_coroutine(web.SlidingCookie(app)(scope, receive, send))
    return [v.decode() for k, v in sent[0]["headers"] if k == b"set-cookie"]


def test_a_page_load_slides_the_cookie_only_for_a_signed_cookie_and_only_on_pages(agency, monkeypatch):
    monkeypatch.setenv("HUE57_SESSION_HOURS", "2")
    value = auth.cookie_value(agency, auth.start_session(agency, "khcn")[0])
    [cookie] = _through_middleware("/report", value)
    assert cookie.startswith(f"hue57_session={value};") and "Max-Age=7200" in cookie and "HttpOnly" in cookie
    assert _through_middleware("/report", value[:-3] + "xyz") == []  # a forged cookie is not renewed
    assert _through_middleware("/report", None) == []
    assert _through_middleware("/_stcore/health", value) == []
    assert _through_middleware("/static/js/main.js", value, b"text/javascript") == []
