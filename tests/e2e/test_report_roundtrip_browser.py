"""An agency's Excel round trip in a real browser, on a phone (390 px) and a laptop (1280 px): it downloads its
workbook, fills only its own tasks, uploads it back (a draft, no errors), submits; the Department returns it
with a comment; the agency sees the comment after a reload and after saving a draft, downloads the workbook
pre-filled with its answers and the comment, fixes it, submits again; the Department accepts; the overview's
box no longer counts the agency as not sent."""

from __future__ import annotations

import time

import pytest
from openpyxl import load_workbook

from hue57 import auth, calendar, reporting, store
from hue57.tasks import current_period
from tests.e2e.conftest import open_page, screenshot, settle, start_server, stop, submit_sign_in

PASSWORD = "mat-khau-kiem-thu-2026"
COMMENT = "Bổ sung minh chứng cho nhiệm vụ 51"


@pytest.fixture
def report_server(tmp_path):
    db = tmp_path / "hue57.duckdb"
    store.init(db)
    auth.add_user(db, "dhh_bc", "agency", PASSWORD, agency_id="dhh")
    auth.add_user(db, "chuyen_vien", "analyst", PASSWORD)
    srv = start_server(db)
    yield srv
    stop(srv)


def _sign_in(page, url: str, name: str) -> None:
    open_page(page, url + "/report")
    _sign_in_here(page, name)


def _sign_in_here(page, name: str) -> None:
    submit_sign_in(page, name, PASSWORD)


def _reload(page, name: str) -> None:
    """Reload: the session survives it (a signed HttpOnly cookie), so no sign-in form comes back."""
    page.reload()
    settle(page)
    assert page.get_by_label("Mật khẩu").count() == 0, f"{name} was signed out by a reload"


def _main(page) -> str:
    return page.locator("[data-testid=stMain]").inner_text()


def _offline(page):
    expander = page.locator("[data-testid=stExpander]").filter(has_text="Điền ngoại tuyến bằng Excel")
    if expander.locator("[data-testid=stFileUploader]").count() == 0 or \
            not expander.locator("[data-testid=stFileUploader]").is_visible():
        expander.locator("summary").click()
        page.wait_for_timeout(300)
    return expander


def _download(page, tmp_path, name: str):
    expander = _offline(page)
    with page.expect_download() as info:
        expander.locator("[data-testid=stDownloadButton] button").click()
    path = tmp_path / name
    info.value.save_as(path)
    return load_workbook(path), path


def _rows(sheet) -> dict[int, int]:
    return {int(r[0].value): r[0].row for r in sheet.iter_rows() if isinstance(r[0].value, int | float)}


def _wait_until(page, condition, what: str, timeout: float = 60.0) -> None:
    """Poll the database (the server writes it) until `condition()`; then let the page finish its run."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}: {_main(page)[-1500:]}"
        page.wait_for_timeout(250)
    page.wait_for_timeout(300)
    settle(page)
    assert not page.locator("[data-testid=stAlertContentError]").count(), _main(page)[-1500:]


def _state(db, period: str) -> tuple[str, object]:
    sub = reporting.submission_for(db, "dhh", period)
    return (sub["state"], sub["updated_at"]) if sub else ("missing", None)


def _upload(page, path, db, period) -> None:
    before = _state(db, period)
    _offline(page).locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(path))
    _wait_until(page, lambda: _state(db, period) != before, "the upload was not saved")
    page.get_by_text("Đã lưu nháp").first.wait_for(timeout=60_000)


def _click(page, name: str, expect: str, db=None, period=None) -> None:
    before = _state(db, period) if db else None
    page.get_by_role("button", name=name, exact=True).click()
    if db:
        _wait_until(page, lambda: _state(db, period) != before, f"{name} changed nothing")
    page.get_by_text(expect).first.wait_for(timeout=60_000)
    settle(page)


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 720)])
def test_the_agency_s_excel_round_trip_through_return_and_acceptance(report_server, browser, tmp_path, width,
                                                                     height):
    srv = report_server
    period = current_period(calendar.today())
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    _sign_in(page, srv.url, "dhh_bc")
    text = _main(page)
    assert text.index("Nhiệm vụ của cơ quan") < text.index("Nhiệm vụ chung (không bắt buộc)")
    if width == 1280:
        for w, h in ((390, 844), (1280, 720), (1920, 1080)):
            page.set_viewport_size({"width": w, "height": h})
            page.wait_for_timeout(500)
            screenshot(page, f"report_agency_{w}x{h}")
        page.set_viewport_size({"width": width, "height": height})

    # 1. the blank workbook: only the agency's own tasks filled, uploaded back as a draft
    book, path = _download(page, tmp_path, "blank.xlsx")
    sheet = book["Nhiệm vụ"]
    rows = _rows(sheet)
    assert list(rows)[:3] == [50, 51, 52]
    for no, pct in ((50, 30), (51, 60), (52, 100)):
        sheet.cell(row=rows[no], column=4, value="Hoàn thành" if pct == 100 else "Đang thực hiện")
        sheet.cell(row=rows[no], column=5, value=pct)
    book.save(path)
    _upload(page, path, srv.db, period)
    sub = reporting.submission_for(srv.db, "dhh", period)
    tasks, _ = reporting.report_rows(sub)
    assert sub["state"] == "draft" and tasks["task_no"].tolist() == [50, 51, 52]
    _click(page, "Gửi báo cáo", "Đã gửi báo cáo của Đại học Huế lúc", srv.db, period)
    assert reporting.submission_for(srv.db, "dhh", period)["state"] == "submitted"

    # 2. the Department returns it with a comment; the message names the agency and the new state
    analyst = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN").new_page()
    _sign_in(analyst, srv.url, "chuyen_vien")
    analyst.get_by_label("Nhận xét cho cơ quan").fill(COMMENT)
    _click(analyst, "Trả lại", "Đã trả lại báo cáo", srv.db, period)
    assert f"Đã trả lại báo cáo #{sub['id']} của Đại học Huế · tình trạng mới: Trả lại để bổ sung." in _main(analyst)

    # 3. the agency sees the comment after a reload, and still after saving a draft
    _reload(page, "dhh_bc")
    assert COMMENT in _main(page)
    _click(page, "Lưu nháp", "Đã lưu nháp", srv.db, period)
    assert COMMENT in _main(page) and "vẫn ở tình trạng «Trả lại để bổ sung»" in _main(page)
    screenshot(page, f"report_returned_{width}")
    assert reporting.submission_for(srv.db, "dhh", period)["state"] == "returned"

    # 4. the pre-filled workbook carries the answers and the comment; fixed, uploaded, submitted again
    book, path = _download(page, tmp_path, "filled.xlsx")
    sheet = book["Nhiệm vụ"]
    rows = _rows(sheet)
    assert [sheet.cell(row=rows[n], column=5).value for n in (50, 51, 52)] == [30, 60, 100]
    assert any(COMMENT in str(c.value) for r in sheet.iter_rows(max_row=4) for c in r if c.value)
    sheet.cell(row=rows[51], column=7, value="https://hueuni.edu.vn/minh-chung-51")
    book.save(path)
    _upload(page, path, srv.db, period)
    _click(page, "Gửi báo cáo", "Đã gửi báo cáo của Đại học Huế lúc", srv.db, period)
    tasks, _ = reporting.report_rows(reporting.submission_for(srv.db, "dhh", period))
    assert tasks.set_index("task_no").at[51, "evidence"] == "https://hueuni.edu.vn/minh-chung-51"

    # 5. accepted; the overview's box no longer counts Đại học Huế as not sent
    _reload(analyst, "chuyen_vien")  # the analyst's page shows the report submitted again
    _click(analyst, "Tiếp nhận", "Đã tiếp nhận báo cáo", srv.db, period)
    assert f"Đã tiếp nhận báo cáo #{sub['id']} của Đại học Huế · tình trạng mới: Đã tiếp nhận" in _main(analyst)
    states = reporting.report_states(srv.db, period)
    overview = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN").new_page()
    open_page(overview, srv.url + "/")
    box = overview.locator("[data-testid=hue57Attention]").inner_text()
    not_sent = int((states["state"].isin(["missing", "draft"]) & states["overdue"]).sum())
    if bool(states.set_index("agency_id").at["dhh", "on_time"]):  # before the due date: on time, not listed
        assert "Đại học Huế" not in box
    else:
        assert f"{not_sent} cơ quan chưa gửi · 1 cơ quan gửi muộn" in box
        late_line = next(line for line in box.splitlines() if line.startswith("Gửi muộn"))
        assert "Đại học Huế" in late_line
        missing_line = next((line for line in box.splitlines() if line.startswith("Chưa gửi")), "")
        assert "Đại học Huế" not in missing_line
    screenshot(overview, f"overview_after_roundtrip_{width}")
    context.close()
