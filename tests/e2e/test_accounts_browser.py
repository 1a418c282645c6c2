"""An agency's first day, in a real browser at a phone's and a laptop's width: the administrator creates its account
with a one-time link, the link sets the password, the agency signs in, reloads and stays signed in, opens a second
tab still signed in, signs out — and the second tab is signed out at its next run. Plus the pages' screenshots."""

from __future__ import annotations

import re

import pytest

from hue57 import auth, store
from tests.e2e.conftest import ARTIFACTS, screenshot, settle, start_server, stop

pytestmark = pytest.mark.e2e

ADMIN_PASSWORD = "quản trị tài khoản Huế 2026"
AGENCY_PASSWORD = "sông Hương núi Ngự"
SIZES = {"phone": (390, 844), "laptop": (1280, 720), "projector": (1920, 1080)}


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    db = tmp_path_factory.mktemp("accounts") / "hue57.duckdb"
    store.init(db)
    auth.add_user(db, "quantri", "admin", ADMIN_PASSWORD)
    server = start_server(db)
    yield server
    stop(server)


def _sign_in(page, name: str, password: str, lands_on: str) -> None:
    page.get_by_label("Tên đăng nhập").fill(name)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    page.wait_for_url(f"**/{lands_on}", timeout=30_000)
    settle(page)


def _sidebar(page) -> str:
    """The sidebar's text; on a phone it is folded away, so it is read from the page without opening it."""
    return page.locator("[data-testid=stSidebar]").inner_text()


def _signed_in_as(page, name: str) -> bool:
    return page.get_by_role("button", name=f"Đăng xuất ({name})").count() == 1


def _open_sidebar(page) -> None:
    expand = page.locator("[data-testid=stExpandSidebarButton]")
    if expand.count() and expand.is_visible():
        expand.click()
        page.wait_for_timeout(400)


@pytest.fixture(scope="module")
def links(srv, browser):
    """The administrator signs in on /signin, lands on /accounts, creates every agency's account at once and reads
    the one-time links off the page (they are shown once)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    page.goto(srv.url + "/signin")
    settle(page)
    _sign_in(page, "quantri", ADMIN_PASSWORD, "accounts")
    page.get_by_role("button", name="Tạo tài khoản cho mọi cơ quan còn thiếu").click()
    page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=30_000)
    settle(page)
    rows = page.eval_on_selector_all("[data-testid=stMain] table tbody tr",
                                     "rows => rows.map(r => [...r.querySelectorAll('td, th')].map(c => c.innerText.trim()))")
    found = {row[0]: row[-1] for row in rows if row and row[-1].startswith(srv.url + "/password?t=")}
    context.close()
    assert {"so_khcn", "so_tc"} <= set(found), rows[:3]
    return found


@pytest.mark.parametrize("width, height, agency", [(390, 844, "so_tc"), (1280, 720, "so_khcn")])
def test_an_agency_sets_its_password_signs_in_and_stays_signed_in_until_it_signs_out(srv, browser, links, width,
                                                                                     height, agency):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    page.goto(links[agency])
    settle(page)
    assert page.locator("h1").first.inner_text().strip() == "Đặt mật khẩu"
    page.get_by_label("Mật khẩu mới", exact=True).fill("12345678")
    page.get_by_label("Nhập lại mật khẩu mới").fill("12345678")
    page.get_by_role("button", name="Đặt mật khẩu").click()
    page.wait_for_selector("[data-testid=stAlertContentError]")
    assert "quá phổ biến" in page.locator("[data-testid=stAlertContentError]").inner_text()
    page.get_by_label("Mật khẩu mới", exact=True).fill(AGENCY_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu mới").fill(AGENCY_PASSWORD)
    page.get_by_role("button", name="Đặt mật khẩu").click()
    page.wait_for_selector("[data-testid=stAlertContentSuccess]")
    settle(page)
    assert "t=" not in page.url  # the spent link left the address bar

    _sign_in(page, agency, AGENCY_PASSWORD, "report")  # the agency goes to its report
    assert _signed_in_as(page, agency)
    cookie = next(c for c in context.cookies() if c["name"] == "hue57_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and not cookie["secure"]
    assert page.evaluate("document.cookie").find("hue57_session") == -1  # no script can read it
    screenshot(page, f"accounts_agency_report_{width}")

    page.reload()
    settle(page)
    assert _signed_in_as(page, agency) and page.get_by_label("Tên đăng nhập").count() == 0

    other = context.new_page()
    other.goto(srv.url + "/report")
    settle(other)
    assert _signed_in_as(other, agency)
    assert "Cập nhật số liệu" not in _sidebar(other)  # an agency never sees the analyst pages

    _open_sidebar(page)
    page.get_by_role("button", name=f"Đăng xuất ({agency})").click()
    page.wait_for_url(re.compile(r"http://127\.0\.0\.1:\d+/$"), timeout=30_000)
    settle(page)
    assert not _signed_in_as(page, agency)
    assert not [c for c in context.cookies() if c["name"] == "hue57_session"]

    _open_sidebar(other)
    other.get_by_role("button", name="English").click()  # any interaction: the tab's next run
    other.get_by_label("User name").wait_for(timeout=30_000)  # /report asks for a sign-in again
    settle(other)
    assert other.get_by_role("button", name=f"Sign out ({agency})").count() == 0
    context.close()


def test_screenshots_of_the_sign_in_the_accounts_and_the_set_password_pages(srv, browser):
    link = auth.new_link(srv.db, "quantri", by="e2e", base_url=srv.url, action="link")  # viewing does not spend it
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    for size, (w, h) in SIZES.items():
        page.set_viewport_size({"width": w, "height": h})
        page.goto(srv.url + "/signin")
        settle(page)
        screenshot(page, f"accounts_signin_{size}")
        page.goto(link.url)
        settle(page)
        assert page.locator("h1").first.inner_text().strip() == "Đặt mật khẩu"
        screenshot(page, f"accounts_set_password_{size}")
    page.goto(srv.url + "/signin")
    settle(page)
    _sign_in(page, "quantri", ADMIN_PASSWORD, "accounts")
    for size, (w, h) in SIZES.items():
        page.set_viewport_size({"width": w, "height": h})
        page.reload()
        settle(page)
        assert page.locator("h1").first.inner_text().strip() == "Tài khoản"
        screenshot(page, f"accounts_admin_{size}")
    assert len(list(ARTIFACTS.glob("accounts_*.png"))) >= 9
    context.close()
