"""The HTTP half of signing in: two routes and one middleware for the `st.App` in `serve.py`.

- `POST /auth/session` (form field `code`): spends the single-use code the sign-in form handed the browser,
  sets the session cookie and sends the browser (303) to the page the code was made for.
- `POST /auth/sign-out`: ends the cookie's session, deletes the cookie, sends the browser to `/`.
- The middleware slides the cookie's lifetime on each page load (an HTML response) while its signature holds;
  whether the session is still open is the server's answer at every page run (`hue57.auth._sessions`).

The cookie is HttpOnly (no script reads it), SameSite=Lax (a cross-site form post carries none, so nobody
can sign a reader out from elsewhere) and Secure when the page is served over https (directly, or by a trusted
proxy's X-Forwarded-Proto, or an https `base_url`). A post whose Origin is another site is refused, so no
site can sign a browser into someone else's account. Nothing here imports Streamlit.
"""

from __future__ import annotations

import urllib.parse

from hue57.auth import _sessions
from hue57.auth._address import client_address

SAFE_METHODS = ("GET", "HEAD")
_SERVED = [False]  # set when the routes are mounted: the sign-in form then hands its session to the cookie


def served() -> bool:
    """True in a server that has these routes (`serve.py`); False under a bare `streamlit run dashboard.py` or
    AppTest, where a sign-in holds for its tab only."""
    return _SERVED[0]
_NOT_PAGES = ("/_stcore/", "/static/", "/media/", "/component/", "/auth/", "/favicon")


def safe_next(path: str | None, default: str = "/") -> str:
    """`path` when it is a path of this site (not `//host`, no scheme, no backslash, no control character)."""
    if (not path or not path.startswith("/") or path.startswith("//") or "\\" in path
            or any(ord(c) < 32 for c in path) or len(path) > 500):
        return default
    return path


def _db():
    from hue57.store import db_path  # noqa: PLC0415

    return db_path()


def _from_trusted_proxy(peer: str | None) -> bool:
    import ipaddress  # noqa: PLC0415

    from hue57.config import settings  # noqa: PLC0415

    try:
        address = ipaddress.ip_address(peer or "")
    except ValueError:
        return False
    for item in settings().trusted_proxies:
        try:
            if address in ipaddress.ip_network(item.strip(), strict=False):
                return True
        except ValueError:
            continue
    return False


def _https(scope, headers: dict[str, str]) -> bool:
    """Served over https: directly, by a trusted proxy that says so (X-Forwarded-Proto), or per `base_url`."""
    from hue57.config import settings  # noqa: PLC0415

    if scope.get("scheme") in ("https", "wss") or settings().base_url.startswith("https://"):
        return True
    return (_from_trusted_proxy((scope.get("client") or (None,))[0])
            and headers.get("x-forwarded-proto", "").split(",")[0].strip().lower() == "https")


def _cookie_header(value: str, max_age: int, secure: bool) -> tuple[bytes, bytes]:
    parts = [f"{_sessions.COOKIE}={value}", "Path=/", f"Max-Age={max_age}", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    return b"set-cookie", "; ".join(parts).encode("latin-1")


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    from http.cookies import CookieError, SimpleCookie  # noqa: PLC0415

    jar = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except CookieError:
        return {}
    return {k: m.value for k, m in jar.items()}


def _headers(scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cross_site(headers: dict[str, str]) -> bool:
    origin = headers.get("origin")
    if not origin or origin == "null":
        return origin == "null"
    return urllib.parse.urlsplit(origin).netloc != headers.get("host", "")


def _form(body: bytes) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(body[:8192].decode("utf-8", "replace"), max_num_fields=10))


def _redirect(location: str, cookie: tuple[bytes, bytes] | None = None):
    from starlette.responses import Response  # noqa: PLC0415

    response = Response(status_code=303, headers={"location": location, "cache-control": "no-store"})
    if cookie is not None:
        response.raw_headers.append(cookie)
    return response


def _refused():
    from starlette.responses import PlainTextResponse  # noqa: PLC0415

    return PlainTextResponse("refused", status_code=403)


async def session_route(request):
    """POST /auth/session: code → cookie → the code's page (303); a bad or late code goes to /signin."""
    from anyio import to_thread  # noqa: PLC0415

    headers = _headers(request.scope)
    if _cross_site(headers):
        return _refused()
    code = _form(await request.body()).get("code", "")
    found = await to_thread.run_sync(_sessions.exchange, _db(), code)
    if found is None:
        return _redirect("/signin")
    token, next_path = found
    value = await to_thread.run_sync(_sessions.cookie_value, _db(), token)
    max_age = int(_sessions.session_hours() * 3600)
    return _redirect(safe_next(next_path), _cookie_header(value, max_age, _https(request.scope, headers)))


async def sign_out_route(request):
    """POST /auth/sign-out: end the cookie's session (if any), delete the cookie, go to `next` (or /)."""
    from anyio import to_thread  # noqa: PLC0415

    headers = _headers(request.scope)
    if _cross_site(headers):
        return _refused()
    form = _form(await request.body())
    token = _sessions.token_from_cookie(_db(), _cookies(headers).get(_sessions.COOKIE))
    if token:
        peer = (request.scope.get("client") or (None,))[0]
        where = client_address(peer, headers)
        await to_thread.run_sync(lambda: _sessions.end_session(_db(), token, client=where))
    return _redirect(safe_next(form.get("next")), _cookie_header("", 0, _https(request.scope, headers)))


class SlidingCookie:
    """Pure ASGI middleware: on a page load (GET, HTML) that carries a validly signed session cookie, set it again
    with a fresh Max-Age, so the browser keeps it as long as the server keeps the session sliding."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in SAFE_METHODS or \
                scope.get("path", "").startswith(_NOT_PAGES):
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        value = _cookies(headers).get(_sessions.COOKIE)
        try:
            valid = bool(value) and _sessions.token_from_cookie(_db(), value) is not None
        except Exception:  # noqa: BLE001 — no database or secret yet: the page says so; the cookie is left as it is
            valid = False
        if not valid:
            await self.app(scope, receive, send)
            return
        cookie = _cookie_header(value, int(_sessions.session_hours() * 3600), _https(scope, headers))

        async def send_with_cookie(message):
            if message["type"] == "http.response.start":
                kinds = [v for k, v in message.get("headers", []) if k.lower() == b"content-type"]
                if kinds and kinds[0].startswith(b"text/html"):
                    message = {**message, "headers": [*message.get("headers", []), cookie]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def routes() -> list:
    from starlette.routing import Route  # noqa: PLC0415

    _SERVED[0] = True
    return [Route("/auth/session", session_route, methods=["POST"]),
            Route("/auth/sign-out", sign_out_route, methods=["POST"])]


def middleware() -> list:
    from starlette.middleware import Middleware  # noqa: PLC0415

    return [Middleware(SlidingCookie)]
