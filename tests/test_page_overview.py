"""AppTest of `/` (Tổng quan): every target listed from the store with its latest actual, year and source."""

from streamlit.testing.v1 import AppTest

from hue57 import calendar, store
from tests import report_html


def _run(db, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_overview_lists_every_target_with_latest_actual_year_and_source(db):
    at = _run(db, horizon="")  # both horizons
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.title[0].value == "Tổng quan"
    listing = report_html.overview_scorecard(at)
    assert list(listing.index) == store.load(db).targets["code"].tolist()
    row = listing.loc["4"]
    assert row["Thực hiện"] == "hạng 5/63 (2024)" and "vneconomy.vn" in row["Nguồn"]
    assert row["Kết quả theo kế hoạch"] == "Top 5 tỉnh, thành phố trực thuộc TW dẫn đầu toàn quốc"
    assert listing.loc["26", "Mốc"] == "2045"
    assert listing.loc["7", "Thực hiện"] == "—" and listing.loc["7", "Nguồn"] == ""


def test_overview_switches_to_english(db):
    at = _run(db, lang="en")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.title[0].value == "Overview"
    assert {"Indicator", "Source", "Status"} <= set(report_html.scorecard(report_html.overview_block(at)).columns)


def test_closed_popovers_draw_no_widgets_and_the_url_filters_still_apply(db):
    at = _run(db, status="met", horizon="2030")
    assert not at.selectbox and not at.get("download_button")  # closed: nothing inside them is sent
    assert sorted(report_html.overview_scorecard(at).index) == ["18", "3", "4", "8.1", "8.2", "8.3", "8.4", "8.7"]
    assert "Trạng thái: ✔ Đã đạt" in at.caption[0].value  # the line under the bar names the view


def test_open_filters_show_the_urls_values_and_write_a_change_back(db):
    at = _run(db, status="met")
    at.session_state["overview_filters"] = True  # what clicking "Bộ lọc" does
    at.run()
    boxes = {box.label: box for box in at.selectbox}
    assert list(boxes) == ["Năm đánh giá", "Mốc mục tiêu", "Nhóm chỉ tiêu", "Cơ quan chủ trì", "Trạng thái"]
    assert boxes["Trạng thái"].value == "met" and boxes["Mốc mục tiêu"].value == "2030"
    boxes["Mốc mục tiêu"].select("2045").run()
    assert at.query_params["horizon"] == "2045" and at.query_params["status"] == "met"
    assert list(report_html.overview_scorecard(at).index) == ["27"]  # the 2045 targets that are met
    at.session_state["overview_filters"] = False  # closed again: the URL keeps the view
    at.run()
    assert not at.selectbox and list(report_html.overview_scorecard(at).index) == ["27"]


def test_downloads_are_offered_once_their_popover_is_open(db):
    at = _run(db)
    at.session_state["overview_downloads"] = True
    at.run()
    assert [b.proto.label for b in at.get("download_button")] == ["Tải bảng (CSV)", "Tải bảng (Excel)",
                                                                  "Tải biểu đồ (PNG)"]


def test_unknown_filter_values_in_the_url_fall_back_to_the_defaults(db):
    at = _run(db, status="<b>bogus</b>", horizon="1999", group="Z", agency="nope", year="1890")
    assert not at.exception and not at.error
    card = report_html.overview_scorecard(at)
    assert len(card) == 39 and set(card["Mốc"]) == {"2030"}  # horizon 2030, every status, group and agency
    assert "bogus" not in at.caption[0].value and f"Năm đánh giá: {calendar.today().year}" in at.caption[0].value
