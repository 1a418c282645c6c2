"""A leader opens `/` in a real browser: Vietnamese title, the targets, no exception."""

from tests.e2e.conftest import open_page, screenshot


def test_overview_opens_in_vietnamese_without_exception(server, page):
    open_page(page, server.url + "/")
    assert page.locator("h1").first.inner_text().strip() == "Tổng quan"
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=stDataFrame], [data-testid=stTable]").count() >= 1
    screenshot(page, "overview_vi")


def test_overview_in_english_with_lang_param(server, page):
    open_page(page, server.url + "/?lang=en")
    assert page.locator("h1").first.inner_text().strip() == "Overview"
    assert page.locator("[data-testid=stException]").count() == 0
    screenshot(page, "overview_en")
