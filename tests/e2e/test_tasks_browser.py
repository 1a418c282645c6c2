"""The task tracker in a real browser: filters through the URL, the timeline chart, no exception."""

from tests.e2e.conftest import open_page, screenshot


def test_tasks_page_filters_by_url_and_draws_the_timeline(server, page):
    open_page(page, server.url + "/tasks?task_status=overdue&task_group=1")
    assert page.locator("h1").first.inner_text().strip() == "Nhiệm vụ"
    assert page.locator("[data-testid=stException]").count() == 0
    page.locator("[data-testid=stVegaLiteChart]").first.wait_for(timeout=20_000)
    assert page.get_by_role("combobox", name="Nhóm nhiệm vụ").input_value() == "Nhóm I"
    assert page.get_by_role("combobox", name="Tình trạng").input_value() == "✖ Quá hạn"
    screenshot(page, "tasks_overdue_group1")


def test_tasks_page_in_english(server, page):
    open_page(page, server.url + "/tasks?lang=en")
    assert page.locator("h1").first.inner_text().strip() == "Tasks"
    assert page.locator("[data-testid=stException]").count() == 0
