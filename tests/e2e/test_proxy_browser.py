"""The deployment's proxy for real: Debian's nginx with deploy/nginx/hue57.conf on loopback, a self-signed
certificate, the dashboard behind it. Chromium opens the overview over HTTPS (its WebSocket through nginx),
signs in on the existing form, and the attempt is recorded with the address nginx forwarded — or, when the
proxy is not trusted, with the proxy's own.

Why this proves the forwarding: nginx connects to the app from 127.0.0.2 (`proxy_bind`), the browser reaches
nginx from 127.0.0.1, so the proxy's and the browser's addresses differ. The browser also sends its own
`X-Forwarded-For: 203.0.113.7`; nginx appends the address it saw (`$proxy_add_x_forwarded_for`, as shipped),
and hue57 reads the list from the right: the address recorded is 127.0.0.1 — never the line the client wrote.
"""

from __future__ import annotations

import json
import re
import ssl
import urllib.request

import pytest

from hue57 import auth
from tests.e2e.conftest import ANALYST_PASSWORD, ROOT, screenshot, settle, start_analyst_server, stop, submit_sign_in
from tests.proxy_nginx import PROXY_ADDRESS, start_proxy

UNIT = ROOT / "deploy" / "systemd" / "hue57.service"
SPOOFED = "203.0.113.7"


def unit_environment() -> dict[str, str]:
    """The `Environment=` lines of the shipped unit that shape the server (the rest name paths of a server)."""
    env = dict(re.findall(r"^Environment=([A-Z_]+)=(.*)$", UNIT.read_text(encoding="utf-8"), flags=re.M))
    return {k: v for k, v in env.items() if k in ("FORWARDED_ALLOW_IPS", "PYTHONUNBUFFERED")}


def audit_lines(log_text: str, action: str) -> list[dict]:
    lines = [json.loads(line) for line in log_text.splitlines() if line.startswith("{") and '"audit"' in line]
    return [line for line in lines if line["audit"] == action]


@pytest.mark.parametrize(("trusted", "expected"), [(True, "127.0.0.1"), (False, PROXY_ADDRESS)],
                         ids=["proxy-trusted", "proxy-not-trusted"])
def test_overview_and_sign_in_through_nginx_record_the_forwarded_address(browser, tmp_path, trusted, expected):
    env = unit_environment() | {"HUE57_TRUSTED_PROXIES": PROXY_ADDRESS if trusted else ""}
    server = start_analyst_server(tmp_path, env)
    proxy = None
    try:
        proxy = start_proxy(tmp_path / "nginx", server.port)
        insecure = ssl.create_default_context()
        insecure.check_hostname, insecure.verify_mode = False, ssl.CERT_NONE
        with urllib.request.urlopen(proxy.url + "/_stcore/health", timeout=10, context=insecure) as r:
            assert (r.status, r.read()) == (200, b"ok")  # Streamlit's health, through the proxy, for a monitor
        context = browser.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 720},
                                      locale="vi-VN", extra_http_headers={"X-Forwarded-For": SPOOFED})
        page = context.new_page()
        sockets = []
        page.on("websocket", lambda ws: sockets.append(ws.url))
        page.goto(proxy.url + "/")
        settle(page)  # the script ran to the end: only over the WebSocket through nginx
        assert any(url.startswith(proxy.url.replace("https", "wss") + "/_stcore/stream") for url in sockets), sockets
        assert page.locator("h1").first.inner_text().strip()
        screenshot(page, f"proxy_overview_{'trusted' if trusted else 'untrusted'}")

        page.goto(proxy.url + "/upload")
        settle(page)
        submit_sign_in(page, "chuyen_vien", ANALYST_PASSWORD)
        context.close()

        attempts = auth.login_attempts(server.db)
        assert list(attempts["client"]) == [expected]
        assert list(attempts["result"]) == ["success"]
        signed_in = audit_lines(server.db.with_suffix(".log").read_text(encoding="utf-8"), "sign_in")
        assert [(a["who"], a["from"], a["ok"]) for a in signed_in] == [("chuyen_vien", expected, True)]
        # the browser's own X-Forwarded-For did reach nginx on the WebSocket request, and was not believed
        access = (proxy.prefix / "access.log").read_text(encoding="utf-8")
        assert re.search(rf'"GET /_stcore/stream[^"]*" 101 xff="{re.escape(SPOOFED)}"', access), access[-2000:]
        assert SPOOFED not in set(attempts["client"])
    finally:
        if proxy is not None:
            proxy.stop()
        stop(server)
