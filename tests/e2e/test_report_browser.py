"""An agency reports in a real browser and the Department accepts: the value reaches the overview and
/indicator with the agency's account as who reported it, and the agency's report no longer shows missing."""

import pytest

from hue57 import auth, calendar, reporting, store
from hue57.tasks import current_period
from hue57.ui.views import indicator as indicator_view
from tests.e2e.conftest import open_page, screenshot, settle, start_server, submit_sign_in

PASSWORD = "mat-khau-kiem-thu-2026"


@pytest.fixture
def report_server(tmp_path):
    db = tmp_path / "hue57.duckdb"
    store.init(db)
    auth.add_user(db, "so_khcn_bc", "agency", PASSWORD, agency_id="so_khcn")
    auth.add_user(db, "chuyen_vien", "analyst", PASSWORD)
    srv = start_server(db)
    yield srv
    srv.proc.terminate()
    srv.proc.wait(timeout=20)


def _sign_in(page, url: str, name: str) -> None:
    open_page(page, url + "/report")
    submit_sign_in(page, name, PASSWORD)


class Grid:
    """A data editor (a canvas) driven like a person would: click the row's first cell (again, until the grid
    has the focus: a rerun after the previous edit may take it away), move right with the arrow keys, open
    the cell's editor with Enter, type, commit with Enter, and wait for the rerun the edit causes."""

    ROW = 35  # pixels, the header row included

    def __init__(self, page, index: int):
        self.page, self.index = page, index

    def edit(self, row: int, column: int, text: str) -> None:
        page = self.page
        editor = page.locator("[data-testid=stDataFrame]").nth(self.index)
        editor.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        box = editor.bounding_box()
        for _ in range(4):
            page.mouse.click(box["x"] + 60, box["y"] + self.ROW * (row + 1.5))
            page.wait_for_timeout(400)
            if editor.evaluate("el => el.contains(document.activeElement)"):
                break
        for _ in range(column):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        page.wait_for_timeout(250)
        page.keyboard.insert_text(text)
        page.wait_for_timeout(250)
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        settle(page)


def test_agency_submits_analyst_accepts_value_shows_everywhere(report_server, page, browser):
    srv = report_server
    snap = store.load(srv.db)
    items = reporting.agency_items(snap, "so_khcn", current_period(calendar.today()))
    code_row = items.indicators["code"].tolist().index("10")
    own_rows = items.tasks.index[~items.tasks["collective"]][:2].tolist()

    _sign_in(page, srv.url, "so_khcn_bc")
    tasks_grid = Grid(page, 0)
    for row in own_rows:  # two tasks: status (column 2), progress (column 3)
        tasks_grid.edit(row, 2, "Đang thực hiện")
        tasks_grid.edit(row, 3, "40")
    page.get_by_role("button", name="Lưu nháp").click()  # a draft, as an agency saves its work
    page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=30_000)
    settle(page)
    assert reporting.submission_for(srv.db, "so_khcn", items.period)["state"] == "draft"
    figures_grid = Grid(page, 2)  # the indicator (after own and collective tasks): year, value, source
    figures_grid.edit(code_row, 3, "2026")
    figures_grid.edit(code_row, 4, "2,5")  # a Vietnamese browser writes the decimal comma
    figures_grid.edit(code_row, 6, "Báo cáo của Sở KH&CN")
    screenshot(page, "report_agency_form")
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.wait_for_selector("[data-testid=stAlertContentSuccess], [data-testid=stAlertContentError]",
                           timeout=30_000)
    settle(page)
    assert not page.locator("[data-testid=stAlertContentError]").count(), \
        page.locator("[data-testid=stMain]").inner_text()[-1500:]
    sub = reporting.submission_for(srv.db, "so_khcn", items.period)
    assert sub["state"] == "submitted"
    tasks, figures = reporting.report_rows(sub)
    assert len(tasks) >= 2 and "10" in set(figures["code"]), (tasks, figures)
    assert figures.set_index("code").at["10", "value"] == 2.5

    analyst = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    _sign_in(analyst, srv.url, "chuyen_vien")
    assert "Sở Khoa học và Công nghệ" in analyst.locator("[data-testid=stMain]").inner_text()
    analyst.get_by_role("button", name="Tiếp nhận").click()
    analyst.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=30_000)
    screenshot(analyst, "report_accepted")
    states = reporting.report_states(srv.db, items.period).set_index("agency_id")
    assert states.at["so_khcn", "state"] == "accepted" and states.at["so_khcn", "reviewed_by"] == "chuyen_vien"

    viewer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    open_page(viewer, srv.url + "/indicator?code=10")
    text = viewer.locator("[data-testid=stMain]").inner_text()
    assert "2,5% (2026)" in text
    # the values table (a canvas grid): its rows as the page builds them name the agency's account
    listing = indicator_view.value_listing(store.current_values(srv.db, ["10"]), "%", "vi")
    row = listing[listing["Năm"] == "2026"].iloc[0]
    assert "so_khcn_bc" in " ".join(map(str, row.to_numpy())) and row["Nguồn"] == "Báo cáo của Sở KH&CN"
    open_page(viewer, srv.url + "/")
    assert "2,5" in viewer.locator("[data-testid=stMain]").inner_text()
    open_page(viewer, srv.url + "/agencies")
    agencies_text = viewer.locator("[data-testid=stMain]").inner_text()
    from hue57.tasks import period_label

    assert f"Báo cáo {period_label(items.period)}: Đã tiếp nhận" in agencies_text  # no longer missing; by its label
    screenshot(viewer, "agencies_after_report")
