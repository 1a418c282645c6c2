"""A meeting link in a real browser: read-only banner, no analyst pages, refusals, and nothing for a bad link."""

import datetime as dt

import pytest

from hue57 import share
from tests.e2e.conftest import open_page, screenshot, submit_sign_in


@pytest.fixture(scope="module")
def link(server):
    return share.create_link(server.db, upload_id=None, as_of_year=2026, filters={"horizon": "2030"}, lang="vi",
                             expires=dt.date.today() + dt.timedelta(days=3), by="e2e")


def _path(link_obj, page=""):
    return f"/{page}?s={link_obj.token}"


def test_link_opens_read_only_with_banner_and_viewing_navigation_only(server, page, link):
    open_page(page, server.url + _path(link))
    assert page.locator("[data-testid=stException]").count() == 0
    banner = page.locator("[data-testid=stAlert]").first.inner_text()
    assert "Chỉ xem" in banner and f"lần cập nhật {link.upload_id}" in banner
    sidebar = page.locator("[data-testid=stSidebar]").inner_text()
    assert "Tổng quan" in sidebar and "Cập nhật số liệu" not in sidebar and "Chia sẻ" not in sidebar
    assert page.locator("[data-testid=stFileUploader]").count() == 0
    assert page.locator("[data-testid=hue57Gaps] a").count() == 10  # the briefing's gaps, each a link
    screenshot(page, "share_link_overview")


@pytest.mark.parametrize("target", ["upload", "share"])
def test_analyst_pages_refuse_a_meeting_link(server, page, link, target):
    open_page(page, server.url + _path(link, target))
    text = page.locator("[data-testid=stMain]").inner_text()
    assert "Liên kết chỉ xem không được dùng trang này." in text
    assert page.locator("[data-testid=stFileUploader]").count() == 0
    assert page.locator("input[type=password]").count() == 0


def test_tampered_link_shows_a_reason_and_no_data(server, page, link):
    token = link.token[:-3] + ("AAA" if not link.token.endswith("AAA") else "BBB")
    open_page(page, server.url + f"/?s={token}")
    text = page.locator("[data-testid=stMain]").inner_text()
    assert "Liên kết đã bị sửa đổi" in text
    for selector in ("[data-testid=stDataFrame]", "[data-testid=stTable]", "[data-testid=stVegaLiteChart]",
                     "[data-testid=hue57Chart]", "[data-testid=hue57Table]", "[data-testid=stSidebar] a"):
        assert page.locator(selector).count() == 0, selector
    screenshot(page, "share_link_tampered")


def test_without_a_link_upload_asks_for_an_analyst_login(server, page):
    open_page(page, server.url + "/upload")
    assert page.locator("h1").first.inner_text().strip() == "Đăng nhập"
    assert page.locator("input[type=password]").count() == 1
    assert page.locator("[data-testid=stFileUploader]").count() == 0


PASSWORD = "mat-khau-kiem-thu-2026"


@pytest.fixture
def room_server(tmp_path):
    """A server with no HUE57_BASE_URL: links must take the address the browser uses."""
    from hue57 import auth, store
    from tests.e2e.conftest import start_server

    db = tmp_path / "hue57.duckdb"
    store.init(db)
    auth.add_user(db, "chuyen_vien", "analyst", PASSWORD)
    srv = start_server(db, env_extra={"HUE57_BASE_URL": ""})
    yield srv
    srv.proc.terminate()
    srv.proc.wait(timeout=20)


def test_a_link_made_on_the_page_carries_the_host_and_port_the_browser_uses(room_server, page):
    from tests.e2e.conftest import settle

    srv = room_server
    open_page(page, srv.url + "/share")
    submit_sign_in(page, "chuyen_vien", PASSWORD)
    page.get_by_role("button", name="Tạo liên kết").click()
    page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=30_000)
    settle(page)
    url = page.locator("[data-testid=stCode] code").first.inner_text().strip()
    assert url.startswith(f"http://127.0.0.1:{srv.port}/?s="), url
    qr = page.locator("[data-testid=stImage] img").first
    page.wait_for_function("() => { const i = document.querySelector('[data-testid=stImage] img');"
                           " return i && i.complete && i.naturalWidth > 200; }", timeout=20_000)
    assert qr.get_attribute("src").endswith(".png")  # lossless: a JPEG would blur the modules
    assert qr.evaluate("i => i.naturalWidth === i.width")  # drawn at its own size, never resampled
    assert "Quét mã bằng điện thoại" in page.locator("[data-testid=stImageCaption]").first.inner_text()
    page.locator("[data-testid=stCode]").first.hover()
    assert page.locator("[data-testid=stCode] button").count() == 1  # the copy button
    qr.scroll_into_view_if_needed()
    screenshot(page, "share_page_room_link")

    viewer = page.context.browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    open_page(viewer, url)  # the link itself opens, read-only, on a phone-sized screen
    assert "Chỉ xem" in viewer.locator("[data-testid=stAlert]").first.inner_text()
    viewer.context.close()
