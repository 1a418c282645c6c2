"""AppTest of the leaders' pages: what they show matches `assess` on the shipped data, in both languages."""

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from hue57 import briefing, metrics, store, tasks
from hue57.i18n import status_label, t
from tests import report_html

THIS_YEAR = dt.date.today().year


def _run(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _scorecard(at, code_col="Mã"):
    """The scorecard by code; each code links to its own indicator page."""
    card = report_html.overview_scorecard(at, code_col)
    links = card.attrs["links"]
    assert [link.split("code=")[1].split("&")[0] for link in links] == card.index.tolist()
    assert all(link.startswith("indicator?code=") for link in links)
    return card


def _board(db, horizon=2030):
    snap = store.load(db)
    board = briefing.target_board(snap.targets, metrics.assess(snap.targets, snap.actuals, THIS_YEAR),
                               tasks.target_leads(snap.targets, snap.agencies))
    return board[board["horizon"] == horizon]


def _tiles(at) -> dict[str, int]:
    """Status tiles: the count and, under it, the icon and status word, in status order."""
    return report_html.tiles(report_html.overview_block(at))


def test_overview_tiles_and_scorecard_match_assess(db):
    at = _run()
    board = _board(db)
    expected = {status_label(s, "vi"): int((board["status"] == s).sum()) for s in metrics.STATUS_ORDER}
    assert _tiles(at) == expected
    assert expected[status_label("met", "vi")] == 8  # 3, 4, 8.1, 8.2, 8.3, 8.4, 8.7, 18 on the published figures
    card = _scorecard(at)
    assert list(card.index) == board["code"].tolist()
    assert card.loc["4", "Trạng thái"] == "✔ Đã đạt"
    assert card.loc["4", "Thực hiện"] == "hạng 5/63 (2024)"
    assert card.loc["8.1", "Thực hiện"] == "91% (2025)" and card.loc["8.1", "Mục tiêu"] == "≥ 70%"
    assert card.loc["7", "Trạng thái"] == "○ Chưa có số liệu"
    gaps = report_html.gap_rows(report_html.overview_block(at))
    assert len(gaps) == 10  # every target with a value, each on its own scale
    # worst first: the QS rankings, which state no basis, have a pace and are slipping (issue #22)
    assert all(g.startswith("✖ Đi lùi") for g in gaps[:2]) and gaps[2].startswith("✔ Đã đạt")
    assert any("4. Xếp hạng chỉ số Chuyển đổi số cấp tỉnh Chủ trì: Sở KH&CN hạng 5/63 (2024) · mục tiêu top 5" in g
               for g in gaps)  # each row names its lead agency
    assert any("91 / ≥ 70% (2025)" in g for g in gaps)
    assert "%" not in " ".join(g.split("·")[0] for g in gaps)  # no "share of the way" that reads as a value


def test_overview_filter_set_through_the_url(db):
    at = _run(status="met")
    card = _scorecard(at)
    assert set(card["Trạng thái"]) == {"✔ Đã đạt"}
    assert sorted(card.index) == ["18", "3", "4", "8.1", "8.2", "8.3", "8.4", "8.7"]


def test_overview_horizon_2045_in_english(db):
    at = _run(lang="en", horizon="2045")
    assert at.title[0].value == "Overview"
    card = _scorecard(at, "Code")
    assert list(card.index) == ["26", "27", "28"]
    assert card.loc["27", "Status"] == "✔ Met" and card.loc["26", "Status"] == "○ No data"


def test_overview_as_of_2023_ignores_later_figures(db):
    at = _run(year="2023")
    card = _scorecard(at)
    assert card.loc["4", "Thực hiện"] == "hạng 3/63 (2023)"
    assert card.loc["3", "Trạng thái"] == "○ Chưa có số liệu"  # the PII ranks are for 2024 and 2025


@pytest.mark.parametrize(("code", "lang"), [("7", "vi"), ("4", "vi"), ("4", "en"), ("17", "vi"), ("1", "vi")])
def test_indicator_page_explains_status_with_assess_numbers(db, code, lang):
    at = _run("indicator", code=code, lang=lang)
    snap = store.load(db)
    rows = briefing.indicator_rows(snap.targets, code)
    assessed = metrics.assess(rows, snap.actuals, THIS_YEAR)
    assert at.title[0].value.startswith(f"{code}. ")
    text = " ".join(m.value for m in at.markdown)
    for _, row in assessed.iterrows():
        assert metrics.explain(row, lang) in text
    if code == "4":
        facts = report_html.page_tables(at)[0]
        assert facts.iloc[0, 1] == ("hạng 5/63 (2024)" if lang == "vi" else "rank 5/63 (2024)")
        assert facts.iloc[1, 1] == ("≤ hạng 5 (2030)" if lang == "vi" else "≤ rank 5 (2030)")
        values = report_html.page_tables(at)[-1]
        assert len(values) == 5 and values.iloc[:, 2].str.contains("vneconomy.vn").any()
        assert len(at.get("vega_lite_chart")) == 1


def test_indicator_with_two_horizons_shows_both(db):
    at = _run("indicator", code="3")
    headers = [s.value for s in at.subheader]
    assert t("horizon.year", "vi", year=2030) in headers and t("horizon.year", "vi", year=2045) in headers


def test_unknown_indicator_code_falls_back_to_the_default(db):
    at = _run("indicator", code="99")
    assert at.title[0].value.startswith("7. ")


def test_agencies_page_lists_most_behind_first_with_merged_bodies(db):
    at = _run("agencies")
    headings = [m.value.strip("*") for m in at.markdown if m.value.startswith("**") and m.value.endswith("**")]
    assert headings[0] == "Sở Khoa học và Công nghệ"  # holds the former Department of Information and Communications
    assert "Sở Thông tin và Truyền thông" not in headings
    text = " ".join(m.value for m in at.markdown)
    assert "Quá hạn" in text


def test_agencies_page_in_english(db):
    at = _run("agencies", lang="en")
    assert at.title[0].value == "Agencies"
    assert any(m.value == "**Department of Science and Technology**" for m in at.markdown)


def test_band_target_without_data_is_named_not_drawn_as_an_empty_chart(db):
    rows = briefing.indicator_rows(_board(db), "17")
    assert briefing.target_rules(rows)["target_value"].tolist() == [8.0, 10.0]  # both edges, once there is data
    at = _run("indicator", code="17")
    assert len(at.get("vega_lite_chart")) == 0  # issue #22: a sentence, not axes with a legend for absent lines
    assert any("chưa có quỹ đạo để vẽ" in i.value for i in at.info)
    assert any("Mục tiêu 2030: 8–10%" in c.value for c in at.caption)
    assert not report_html.page_tables(at) and not list(at.dataframe)  # neither a facts table (no data) nor values (none published)


def test_met_target_whose_trend_slips_is_flagged(db):
    at = _run("indicator", code="4")  # rank 5 in 2024 meets top 5, but the ranks went 2 → 5 since 2020
    assert any("không còn đạt mục tiêu" in w.value for w in at.warning)
    facts = report_html.page_tables(at)[0].set_index("Nội dung")["Giá trị"]
    assert facts["Tốc độ thực tế"] == "tụt 0,75 bậc/năm" and facts["Khoảng cách còn lại"] == "0"


def test_monitoring_agency_is_todays_body(db):
    at = _run("indicator", code="7")
    assert any("Cơ quan chủ trì theo dõi: Sở KH&CN" in c.value for c in at.caption)
    assert any("Mục tiêu 2030: ≥ 30% GRDP · Mục tiêu 2045: ≥ 50% GRDP" in c.value for c in at.caption)
