"""An analyst in a real browser: log in, upload, preview, confirm, see the value, undo, see the old value;
and a CLI import while the dashboard serves shows on reload."""

import subprocess
import sys

import pytest

from hue57 import auth
from tests.e2e.conftest import ROOT, open_page, screenshot, settle, start_server, submit_sign_in

PASSWORD = "mat-khau-kiem-thu-2026"


@pytest.fixture
def analyst_server(tmp_path):
    from hue57 import store

    db = tmp_path / "hue57.duckdb"
    store.init(db)
    auth.add_user(db, "chuyen_vien", "analyst", PASSWORD)
    srv = start_server(db)
    yield srv
    srv.proc.terminate()
    srv.proc.wait(timeout=20)


def _indicator_values(page, server, code: str) -> str:
    """The indicator page as any viewer sees it, in a tab of its own (the analyst's session stays signed in)."""
    viewer = page.context.new_page()
    open_page(viewer, server.url + f"/indicator?code={code}")
    text = viewer.locator("[data-testid=stMain]").inner_text()
    viewer.close()
    return text


def test_login_upload_confirm_then_undo(analyst_server, page, tmp_path):
    srv = analyst_server
    open_page(page, srv.url + "/upload")
    submit_sign_in(page, "chuyen_vien", PASSWORD)

    upload = tmp_path / "so_lieu.csv"
    upload.write_bytes("\ufeffMã;Năm;Giá trị;Nguồn;Ghi chú\n8.1;2026;93,5;Báo cáo kiểm thử của Sở;\n"
                       "7;2025;12,5;Ước tính kiểm thử;\n".encode())
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Xác nhận cập nhật").wait_for(timeout=30_000)
    settle(page)
    assert "2 mới, 0 thay đổi" in page.locator("[data-testid=stMain]").inner_text()
    screenshot(page, "upload_preview")
    page.get_by_role("button", name="Xác nhận cập nhật").click()
    page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=30_000)

    assert "Đã đạt: 93,5% (2026)" in _indicator_values(page, srv, "8.1")  # the explain sentence

    page.get_by_role("button", name="Hoàn tác", exact=True).click()
    page.get_by_role("button", name="Xác nhận hoàn tác #2").wait_for(timeout=30_000)  # asked once before undoing
    assert "Đã đạt: 93,5% (2026)" in _indicator_values(page, srv, "8.1")
    page.get_by_role("button", name="Xác nhận hoàn tác #2").click()
    page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=30_000)
    text = _indicator_values(page, srv, "8.1")
    assert "93,5" not in text and "Đã đạt: 91% (2025)" in text  # the undone value nowhere on the page
    created = _indicator_values(page, srv, "7")  # a cell the undone upload had created: gone, not "withdrawn"
    assert "12,5" not in created and "Đã rút lại" not in created and "Chưa có số liệu" in created
    screenshot(page, "indicator_after_undo")


def test_cli_import_while_the_dashboard_serves_shows_on_reload(fresh_server, page, tmp_path):
    srv = fresh_server
    open_page(page, srv.url + "/indicator?code=8.2")
    assert "Đã đạt: 100% (2025)" in page.locator("[data-testid=stMain]").inner_text()
    upload = tmp_path / "cli.csv"
    upload.write_text("code,year,value,source\n8.2,2026,95,Báo cáo kiểm thử qua dòng lệnh\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "hue57", "--db", str(srv.db), "import", str(upload), "--by", "cli"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    page.reload()
    settle(page)
    assert "Đã đạt: 95% (2026)" in page.locator("[data-testid=stMain]").inner_text()


def test_progress_upload_turns_an_overdue_task_done(analyst_server, page, tmp_path):
    srv = analyst_server
    viewer = page.context.new_page()
    open_page(viewer, srv.url + "/tasks?task_status=done")
    assert viewer.get_by_role("combobox", name="Nhiệm vụ", exact=True).count() == 1
    assert viewer.get_by_role("combobox", name="Nhiệm vụ", exact=True).input_value() == ""  # no task is done yet

    open_page(page, srv.url + "/upload")
    submit_sign_in(page, "chuyen_vien", PASSWORD)
    progress = tmp_path / "tien_do.csv"
    progress.write_text("STT nhiệm vụ,Kỳ,Trạng thái,Tiến độ (%),Ghi chú,Minh chứng\n"
                        "7,2025-H1,Hoàn thành,100,Đã ban hành (kiểm thử),Kế hoạch số 00/KH (kiểm thử)\n",
                        encoding="utf-8")
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(progress))
    page.get_by_role("button", name="Xác nhận cập nhật").click()
    page.wait_for_selector("[data-testid=stAlertContentSuccess]", timeout=30_000)

    open_page(viewer, srv.url + "/tasks?task_status=done")
    assert viewer.get_by_role("combobox", name="Nhiệm vụ", exact=True).input_value().startswith("7. ")
    screenshot(viewer, "tasks_done_after_progress_upload")
