"""AppTest of `/` (Tổng quan): every target listed from the store with its latest actual, year and source."""

from streamlit.testing.v1 import AppTest

from hue57 import store
from tests import report_html


def _run(db, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def _scorecard(at, code="Mã"):
    return report_html.scorecard(report_html.overview_block(at)).set_index(code)


def test_overview_lists_every_target_with_latest_actual_year_and_source(db):
    at = _run(db, horizon="")  # both horizons
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.title[0].value == "Tổng quan"
    listing = _scorecard(at)
    assert list(listing.index) == store.load(db).targets["code"].tolist()
    row = listing.loc["4"]
    assert row["Thực hiện"] == "hạng 5 (2024)" and "vneconomy.vn" in row["Nguồn"]
    assert row["Kết quả theo kế hoạch"] == "Top 5 tỉnh, thành phố trực thuộc TW dẫn đầu toàn quốc"
    assert listing.loc["26", "Mốc"] == "2045"
    assert listing.loc["7", "Thực hiện"] == "—" and listing.loc["7", "Nguồn"] == ""


def test_overview_switches_to_english(db):
    at = _run(db, lang="en")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.title[0].value == "Overview"
    assert {"Indicator", "Source", "Status"} <= set(report_html.scorecard(report_html.overview_block(at)).columns)
