"""AppTest of meeting links: pinned snapshot, filters only from the token, presentation mode, refusals."""

import datetime as dt

import pandas as pd
from streamlit.testing.v1 import AppTest

from hue57 import share, store
from tests import report_html
from tests.conftest import sign_in


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
    # a deck (issue #22): the tiles and what changed first, then what needs attention, then the packed gaps
    assert any(m.value.startswith("**Trang 1/") for m in at.markdown)
    screen = [h.proto.body for h in at.main.get("html") if 'data-testid="hue57Screen"' in h.proto.body]
    assert len(screen) == 1 and "hue57Tiles" in screen[0]  # one slide, not the report
    assert "Chưa có liên kết cuộc họp nào" in report_html.text(screen[0])
    assert not [b for b in at.button if b.key == "present_exit"]  # a meeting link cannot leave the deck


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


def test_opening_a_meeting_link_writes_nothing_per_viewer(db, monkeypatch):
    """Each participant's open is counted in memory and written in one batch: the file, and so the data
    caches, stay as they were while a meeting opens the link."""
    from hue57.share import _opens
    from hue57.ui import _data

    link = _link(db)
    _opens.stop_timer()
    monkeypatch.setattr(_opens, "FLUSH_AFTER", 600.0)  # no timed write during the test
    share.flush_opens(every=True)
    key_before, file_before = _data._key(None), _data._file_signature(str(db))
    for _ in range(3):
        _run(s=link.token)  # three participants, each a new session
    assert _data._file_signature(str(db)) == file_before
    assert share.pending_opens(db) == {link.id: 3}
    assert share.list_links(db).set_index("id").loc[link.id, "opened"] == 3  # listing writes the batch first
    assert share.pending_opens(db) == {}
    assert _data._key(None) == key_before  # a count is not data: the snapshot and board are reused
    _import_value(db, "8.1", 2026, 95.0)
    assert _data._key(None)[2][0] == key_before[2][0] + 1  # new data: a new version
    _opens.stop_timer()


def test_a_revoked_link_is_refused_on_the_next_run_despite_the_cache(db):
    link = _link(db)
    assert not _run(s=link.token).error
    share.revoke(db, link.id, "test")
    assert [e.value for e in _run(s=link.token).error] == ["Liên kết đã bị thu hồi và không còn sử dụng được."]


def _analyst(page: str) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    sign_in(at, "chuyen_vien")
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


def test_share_page_shows_the_link_with_a_copy_box_and_a_qr_code(db):
    at = _analyst("share")
    at = next(b for b in at.button if b.label == "Tạo liên kết").click().run()
    url = at.code[0].value  # st.code: the box with a copy button
    assert url.startswith("http://localhost:8501/?s=")  # no browser address in a test run: the default
    assert any("chỉ mở được trên chính máy này" in w.value for w in at.warning)
    images = at.get("image")
    assert len(images) == 1 and "Quét mã bằng điện thoại" in str(images[0].proto)
    at.run()  # the link and its code stay on screen over reruns
    assert at.code[0].value == url and len(at.get("image")) == 1


def test_a_link_for_all_horizons_shows_both_on_the_page_and_the_cli(db, capsys):
    import csv
    import io

    from hue57 import cli

    at = _analyst("share")
    next(s for s in at.selectbox if s.label == "Mốc mục tiêu").set_value("")
    at = next(b for b in at.button if b.label == "Tạo liên kết").click().run()
    token = at.code[0].value.split("?s=", 1)[1]
    view = share.open_link(db, token, count=False)
    assert view.filters == {"horizon": "all"} and view.board_filters()["horizon"] == ""
    page = report_html.overview_scorecard(_run(s=token))
    assert cli.main(["gaps", "--share", token, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["horizon"] for r in rows} == {"2030", "2045"}
    assert sorted(page.index) == sorted(r["code"] for r in rows)


def test_the_page_and_gaps_share_show_the_same_rows_of_a_link(db, capsys):
    import csv
    import io

    from hue57 import cli

    for filters in ({}, {"group": "8"}, {"horizon": "2045"}, {"status": "met", "horizon": "2030"}):
        token = _link(db, filters=filters).token
        page = report_html.overview_scorecard(_run(s=token, horizon="2045", group="", status=""))
        assert cli.main(["gaps", "--share", token, "--horizon", "2045", "--format", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert rows and sorted(page.index) == sorted(r["code"] for r in rows), filters
        assert {r["as_of"] for r in rows} == {"2026"}


def test_a_link_made_before_itsdangerous_opens_the_page(db):
    """A version-1 token (the hand-written HMAC keyed by the secret, as links were signed before) still opens."""
    import base64
    import hashlib
    import hmac
    import json

    from hue57.share._links import secret

    link = _link(db, filters={"horizon": "2030"})
    wire = {"e": link.expires.isoformat(), "f": {"horizon": "2030"}, "i": link.id, "l": "vi",
            "u": link.upload_id, "v": 1, "y": 2026}
    body = base64.urlsafe_b64encode(json.dumps(wire, sort_keys=True, separators=(",", ":")).encode()).rstrip(b"=")
    mac = hmac.new(secret(db), body, hashlib.sha256).digest()
    old = body.decode() + "." + base64.urlsafe_b64encode(mac).rstrip(b"=").decode()
    assert old != link.token
    at = _run(s=old)
    assert not at.error and len(report_html.overview_scorecard(at)) == 39
    assert any("Chỉ xem" in i.value for i in at.info)
