"""AppTest of /tasks: statuses match the tracker, filters through the URL, the timeline chart, task detail."""

import datetime as dt

from streamlit.testing.v1 import AppTest

from hue57 import calendar, store, tasks
from tests.report_html import page_tables


def _run(**params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("app_pages/tasks.py")
    at.run()
    assert not at.exception and not at.error
    return at


def test_tasks_page_shows_every_task_with_the_tracker_status(db):
    at = _run()
    listing = page_tables(at)[0].astype({"STT": int}).set_index("STT")
    snap = store.load(db)
    table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, dt.date.today()).set_index("no")
    assert list(listing.index) == list(range(1, 71))
    words = {"overdue": "Quá hạn", "due_soon": "Sắp đến hạn", "not_reported": "Chưa báo cáo",
             "not_started": "Chưa bắt đầu", "in_progress": "Đang thực hiện", "done": "Hoàn thành",
             "reported": "Đã báo cáo", "unparsed": "Chưa rõ thời hạn"}
    for no in (1, 2, 7, 62):
        assert listing.loc[no, "Tình trạng"].endswith(words[table.loc[no, "status"]])
    assert len(at.get("vega_lite_chart")) == 1


def test_filters_from_the_url_narrow_the_list(db):
    at = _run(task_status="overdue", task_group="1")
    listing = page_tables(at)[0]
    assert len(listing) >= 1
    assert set(listing["Nhóm nhiệm vụ"]) == {"I"}
    assert listing["Tình trạng"].str.endswith("Quá hạn").all()


def test_agency_filter_uses_todays_bodies(db):
    at = _run(agency="so_khcn")
    listing = page_tables(at)[0]
    assert listing["Cơ quan chủ trì (sau sắp xếp)"].str.contains("Sở KH&CN").all()
    assert "1" in set(listing["STT"])  # led by the former Department of Information and Communications


def test_task_detail_says_when_nothing_was_reported(db):
    at = _run()
    assert any("Chưa có báo cáo tiến độ nào" in c.value for c in at.caption)


def test_reporting_calendar_lists_missing_reports_per_agency(db):
    at = _run()
    table = page_tables(at)[1]
    assert "Chưa báo cáo (nhiệm vụ số)" in table.columns
    khcn = table[table["Cơ quan chủ trì (sau sắp xếp)"] == "Sở KH&CN"].iloc[0]
    assert khcn["Đã báo cáo"] == "0" and int(khcn["Số nhiệm vụ phải báo cáo"]) > 0  # nothing reported is shipped
    today = calendar.today()
    due = tasks.report_due(tasks.current_period(today))
    assert khcn["Hạn báo cáo"] == due.strftime("%d/%m/%Y") + (" (đã quá hạn)" if today > due else "")
