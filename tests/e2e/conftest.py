"""Browser tests: the app served on a free port against a temporary database, driven in system Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from hue57 import store

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path, port: int, proc: subprocess.Popen):
        self.db, self.port, self.proc = db, port, proc
        self.url = f"http://127.0.0.1:{port}"


def start_server(db: Path, env_extra: dict | None = None, script: Path | None = None, plan: Path | None = None) -> Server:
    """Serve `db` (with the plan folder `plan`, else the setting in effect: data/ by default)."""
    port = _free_port()
    env = {**os.environ, "HUE57_DB": str(db), "HUE57_BASE_URL": f"http://127.0.0.1:{port}", **(env_extra or {})}
    if plan is not None:
        env["HUE57_PLAN"] = str(plan)
    log = open(db.with_suffix(".log"), "w")  # noqa: SIM115 — closed with the process
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "serve.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return Server(db, port, proc)
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"streamlit did not start; log: {db.with_suffix('.log').read_text()[-2000:]}")


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("e2e") / "hue57.duckdb"
    store.init(db)
    srv = start_server(db)
    yield srv
    srv.proc.terminate()
    srv.proc.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    pg = context.new_page()
    yield pg
    context.close()


def settle(page, timeout: float = 30_000) -> None:
    """Wait as Streamlit's own e2e tests do: the script finished and no skeleton left."""
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout)
    page.wait_for_function("!document.querySelector('[data-testid=stSkeleton]')", timeout=timeout)


CHART_IMAGE = "[data-testid=hue57Chart] img"  # the overview's gap chart, drawn by Vega on the server


def chart_decoded_js(required: bool = True) -> str:
    """A page expression true once the chart image has loaded, `img.complete` (or, not `required`, when
    there is none)."""
    missing = "false" if required else "true"
    return f"(() => {{ const img = document.querySelector('{CHART_IMAGE}'); return img ? img.complete : {missing}; }})()"


# A chart Vega draws in the browser (st.vega_lite_chart, st.altair_chart) is on screen once its view holds
# an SVG or canvas: a page that has one is not settled before that.
VEGA_DRAWN_JS = ("[...document.querySelectorAll('[data-testid=stVegaLiteChart]')]"
                 ".every(c => c.querySelector('svg, canvas'))")


# The settled condition above, timed by the page's own clock (bench/pages.py). Installed in every page
# before its own scripts (`page.add_init_script`). Each DOM change (and each image load or error) checks the
# settled condition; the moment it turns true, the next frame's time is kept in window.__hue57Settled.
# Should the page leave that state again (another script run), the record is dropped and taken anew.
SETTLED_AT = """
(() => {
  const settled = () => {
    const app = document.querySelector('[data-testid=stApp]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-testid=stSkeleton]')) return false;
    return CHART_LOADED && VEGA_DRAWN;
  };
  let since = null;
  window.__hue57Settled = null;
  const check = () => {
    if (!settled()) { since = null; window.__hue57Settled = null; return; }
    if (since !== null) return;
    const at = since = performance.now();
    requestAnimationFrame(() => {  // the frame that shows it; the message runs after that frame's paint
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { if (since === at) window.__hue57Settled = performance.now(); };
      channel.port2.postMessage(0);
    });
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true});
  document.addEventListener('load', check, true);
  document.addEventListener('error', check, true);  // a broken image is complete too, and fires no load
})();
""".replace("CHART_LOADED", chart_decoded_js(required=False)).replace("VEGA_DRAWN", VEGA_DRAWN_JS)


def submit_sign_in(page, name: str, password: str, timeout: float = 30_000) -> None:
    """Fill the sign-in form and submit it; return once the browser has traded its one-time code for the session
    cookie and loaded the page it was sent to (a wait on a heading could pass before that navigation, and the
    page would then reload under the test's next click)."""
    page.get_by_label("Tên đăng nhập").fill(name)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    with page.expect_navigation(timeout=timeout):
        page.get_by_role("button", name="Đăng nhập", exact=True).click()
    settle(page, timeout)


def open_page(page, url: str) -> None:
    page.goto(url)
    settle(page)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


@pytest.fixture
def fresh_server(tmp_path):
    """A server of its own, for tests that change data."""
    db = tmp_path / "hue57.duckdb"
    store.init(db)
    shutil.copy(db, tmp_path / "before.duckdb")
    srv = start_server(db)
    yield srv
    srv.proc.terminate()
    srv.proc.wait(timeout=20)


ANALYST_PASSWORD = "mat-khau-kiem-thu-2026"


def start_analyst_server(tmp_path: Path, env_extra: dict | None = None, plan: Path | None = None) -> Server:
    """A server of its own on a fresh database (of the plan folder `plan`, else the shipped plan) with the analyst
    `chuyen_vien` (password `ANALYST_PASSWORD`)."""
    from hue57 import auth  # noqa: PLC0415

    db = tmp_path / "hue57.duckdb"
    store.init(db, data_dir=plan)
    auth.add_user(db, "chuyen_vien", "analyst", ANALYST_PASSWORD)
    return start_server(db, env_extra, plan=plan)


def stop(server: Server) -> None:
    server.proc.terminate()
    server.proc.wait(timeout=20)
