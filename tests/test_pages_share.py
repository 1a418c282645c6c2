"""AppTest of meeting links: pinned snapshot, filters only from the token, presentation mode, refusals."""

import datetime as dt

import pandas as pd
from streamlit.testing.v1 import AppTest

from hue57 import share, store
from tests import report_html


def _run(page=None, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(f"app_pages/{page}.py")
    return at.run()


def _link(db, **kwargs):
    args = {"upload_id": None, "as_of_year": 2026, "filters": {}, "lang": "vi",
            "expires": dt.date.today() + dt.timedelta(days=2), "by": "test"} | kwargs
    return share.create_link(db, **args)


def _import_value(db, code, year, value):
    frame = pd.DataFrame([{"code": code, "year": year, "value": value, "status": None,
                           "source": "Báo cáo thử nghiệm của Sở (dữ liệu kiểm thử)", "note": None}])
    return store.commit_upload(db, store.UploadRecord(by="test", filename="t.csv", sha256="x"), actuals=frame)


def test_link_keeps_showing_its_snapshot_after_a_new_import(db):
    link = _link(db)
    _import_value(db, "8.1", 2026, 95.0)
    shared = report_html.overview_scorecard(_run(s=link.token))
    live = report_html.overview_scorecard(_run())
    assert shared.loc["8.1", "Thực hiện"] == "91% (2025)"
    assert live.loc["8.1", "Thực hiện"] == "95% (2026)"


def test_url_parameters_outside_the_token_change_nothing(db):
    link = _link(db, filters={"horizon": "2030"})
    at = _run(s=link.token, horizon="2045", status="met", year="2022", upload="99")
    card = report_html.overview_scorecard(at)
    assert "26" not in card.index and len(card) == 39  # the token says 2030, all statuses, year 2026
    assert card.loc["4", "Thực hiện"] == "hạng 5/63 (2024)"
    at.session_state["overview_filters"] = True  # opened, the filters show the token's values, locked
    at.run()
    boxes = {box.label: box for box in at.selectbox}
    assert len(boxes) == 5 and all(box.disabled for box in boxes.values())
    assert boxes["Mốc mục tiêu"].value == "2030" and boxes["Năm đánh giá"].value == 2026
    assert boxes["Trạng thái"].value == ""


def test_presentation_mode_comes_from_the_signed_filters(db):
    at = _run(s=_link(db, filters={"present": "1", "horizon": "2030"}).token)
    # sliding DTI, overdue tasks, missing reports, then the five groups with data (3, 4, 8, 14, 18)
    assert any(m.value == "**Trang 1/8**" for m in at.markdown)
    screen = [h.proto.body for h in at.main.get("html")]  # the sidebar holds a script of its own
    assert len(screen) == 1 and "hue57Screen" in screen[0] and "hue57Tiles" not in screen[0]  # one screen, not the report
    assert "4. Xếp hạng chỉ số Chuyển đổi số cấp tỉnh" in report_html.text(screen[0])


def test_changes_since_the_previous_meeting_on_the_overview(db):
    _link(db)  # the previous meeting saw upload 1
    _import_value(db, "8.1", 2026, 95.0)
    at = _run()
    shown = report_html.text(report_html.overview_block(at))
    assert "Thay đổi từ cuộc họp trước (lần cập nhật #1 → #2)" in shown
    assert "8.1. Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp (2030): 91% (2025) → 95% (2026)" in shown


def test_revoked_link_shows_only_the_reason(db):
    link = _link(db)
    share.revoke(db, link.id, "test")
    at = _run(s=link.token)
    assert [e.value for e in at.error] == ["Liên kết đã bị thu hồi và không còn sử dụng được."]
    assert not at.dataframe and not at.get("vega_lite_chart") and not at.get("html") and not at.sidebar.children


def test_meeting_link_cannot_reach_upload_or_share(db):
    link = _link(db)
    for page in ("upload", "share"):
        at = _run(page, s=link.token)
        assert [e.value for e in at.error] == ["Liên kết chỉ xem không được dùng trang này."]
        assert not at.get("file_uploader") and not at.text_input


def test_a_meeting_link_can_open_any_indicator_of_its_snapshot(db):
    link = _link(db, as_of_year=2024)
    _import_value(db, "4", 2025, 1.0)  # after the link: must not show through
    at = _run("indicator", s=link.token, code="4")
    assert at.title[0].value.startswith("4. ")
    text = " ".join(m.value for m in at.markdown)
    assert "hạng 5/63 (2024)" in text and "hạng 1" not in text
    year_box = next(s for s in at.selectbox if s.label == "Năm đánh giá")
    assert year_box.disabled and year_box.value == 2024


def test_opening_a_meeting_link_keeps_the_cached_data(db):
    """Each participant's first open writes the link's open count; the data caches must not start over."""
    from hue57.ui import _data

    link = _link(db)
    key_before, file_before = _data._key(None), _data._file_signature(str(db))
    _run(s=link.token)  # a new session counts the open: the file changes
    assert _data._file_signature(str(db)) != file_before
    assert _data._key(None) == key_before  # same data version, so the snapshot and board are reused
    _import_value(db, "8.1", 2026, 95.0)
    assert _data._key(None)[2][0] == key_before[2][0] + 1  # new data: a new version


def _analyst(page: str) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.session_state["hue57_user"] = "chuyen_vien"
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def test_share_page_creates_lists_and_revokes_a_link(db):
    at = _analyst("share")
    assert not at.exception and not at.error
    at = next(b for b in at.button if b.label == "Tạo liên kết").click().run()
    assert any("Đã tạo liên kết số 1" in s.value for s in at.success)
    url = at.code[0].value
    assert "/?s=" in url
    links = at.dataframe[0].value
    assert links.iloc[0]["Tình trạng"] == "Đang hiệu lực" and links.iloc[0]["Người tạo"] == "chuyen_vien"
    at = next(b for b in at.button if b.label == "Thu hồi").click().run()
    assert share.list_links(db).iloc[0]["revoked"]


def test_share_page_compares_two_uploads(db):
    _import_value(db, "8.1", 2026, 95.0)
    at = _analyst("share")
    changes = at.dataframe[-1].value
    assert changes.iloc[0]["Mã"] == "8.1" and changes.iloc[0]["Giá trị mới"] == "95% (2026)"
