"""A meeting link in a real browser: read-only banner, no analyst pages, refusals, and nothing for a bad link."""

import datetime as dt

import pytest

from hue57 import share
from tests.e2e.conftest import chart_drawn, open_page, screenshot


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
    assert chart_drawn(page)
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
    assert page.locator("h1").first.inner_text().strip() == "Đăng nhập chuyên viên"
    assert page.locator("input[type=password]").count() == 1
    assert page.locator("[data-testid=stFileUploader]").count() == 0
