"""AppTest of `/` (Tổng quan): every target listed from the store, Vietnamese first, English on ?lang=en."""

from streamlit.testing.v1 import AppTest

from hue57 import store


def _run(db, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_overview_lists_every_target_with_latest_actual_and_source(db):
    at = _run(db)
    assert not at.exception
    assert at.title[0].value == "Tổng quan"
    listing = at.dataframe[-1].value
    assert len(listing) == len(store.load(db).targets)
    row = listing.set_index("Mã").loc["4"]
    assert row["Thực hiện"] == "hạng 5" and row["Năm"] == "2024" and "vneconomy.vn" in row["Nguồn"]
    assert listing.set_index("Mã").loc["7", "Nguồn"] == "Chưa có số liệu"


def test_overview_switches_to_english(db):
    at = _run(db, lang="en")
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert "Indicator" in at.dataframe[-1].value.columns
