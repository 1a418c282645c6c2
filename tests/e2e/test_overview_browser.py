"""A leader opens `/` in a real browser: Vietnamese title, status tiles, each gap on its own scale, the
scorecard whose codes open their indicator page, no exception."""

from tests.e2e.conftest import open_page, screenshot, settle


def test_overview_opens_in_vietnamese_without_exception(server, page):
    open_page(page, server.url + "/")
    assert page.locator("h1").first.inner_text().strip() == "Tổng quan"
    assert page.locator("[data-testid=stException]").count() == 0
    tiles = page.locator("[data-testid=hue57Tiles] li").all_inner_texts()
    assert [t.split("\n")[-1] for t in tiles][:2] == ["✔ Đã đạt", "▲ Đúng lộ trình"]
    assert tiles[0].split("\n")[0] == "8"
    assert page.locator("[data-testid=hue57Gaps] a").count() >= 8  # each target with data on its own scale
    assert page.locator("[data-testid=hue57Table] tbody tr").count() == 39
    screenshot(page, "overview_vi")


def test_a_code_in_the_scorecard_opens_its_indicator(server, page):
    open_page(page, server.url + "/?lang=en")
    page.locator("[data-testid=hue57Table] a", has_text="8.1").first.click()
    page.wait_for_url("**/indicator?code=8.1&lang=en")
    page.wait_for_selector("h1:has-text('8.1.')")
    assert page.locator("[data-testid=stException]").count() == 0


def test_overview_in_english_with_lang_param(server, page):
    open_page(page, server.url + "/?lang=en")
    assert page.locator("h1").first.inner_text().strip() == "Overview"
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=hue57Tiles] li").first.inner_text().split("\n")[-1] == "✔ Met"
    assert page.locator("[data-testid=hue57Table] th").first.inner_text() == "Code"
    assert page.locator("[data-testid=hue57Gaps] a").count() >= 8
    screenshot(page, "overview_en")


def test_downloads_and_filters_open_from_their_buttons(server, page):
    open_page(page, server.url + "/")
    assert page.locator("[data-testid=stDownloadButton]").count() == 0  # closed: nothing drawn yet
    page.get_by_role("button", name="Tải xuống").click()
    page.locator("[data-testid=stDownloadButton]").first.wait_for(timeout=20_000)
    assert page.locator("[data-testid=stDownloadButton]").count() == 3
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Bộ lọc").click()
    page.get_by_role("combobox", name="Mốc mục tiêu").wait_for(timeout=20_000)
    page.get_by_role("combobox", name="Mốc mục tiêu").click()
    page.get_by_role("option", name="2045").click()
    page.wait_for_url("**/?horizon=2045")
    page.wait_for_function("document.querySelectorAll('[data-testid=hue57Table] tbody tr').length === 3")
    page.keyboard.press("Escape")  # closed again: its widgets leave the page, the view stays
    page.get_by_role("combobox", name="Mốc mục tiêu").wait_for(state="detached", timeout=20_000)
    settle(page)
    assert page.locator("[data-testid=hue57Table] tbody tr").count() == 3
    assert page.locator("[data-testid=stException]").count() == 0
