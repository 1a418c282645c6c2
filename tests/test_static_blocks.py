"""The overview's static HTML: every piece of text escaped, links kept, the chart an image with alt text."""

import base64

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from hue57.ui import _static
from tests import report_html


def test_text_from_an_upload_is_shown_as_text_never_as_markup():
    frame = pd.DataFrame({"Mã": ["7"], "Nguồn": ['<script>alert(1)</script><img src=x onerror="alert(2)">']})
    body = _static.table_html(frame, links={"Mã": ['indicator?code=7&lang=en"><b>x</b>']})
    assert "<script>" not in body and "<img" not in body and "<b>" not in body
    card = report_html.scorecard(body)
    assert card.loc[0, "Nguồn"] == '<script>alert(1)</script><img src=x onerror="alert(2)">'
    assert card.attrs["links"] == ['indicator?code=7&lang=en"><b>x</b>']  # one attribute, quotes escaped


@given(st.text(max_size=40))
def test_any_cell_text_reads_back_unchanged(text):
    frame = pd.DataFrame({"Chỉ tiêu": [text]})
    card = report_html.scorecard(_static.table_html(frame))
    assert card.loc[0, "Chỉ tiêu"] == text


def test_missing_cells_are_empty_and_unlinked():
    frame = pd.DataFrame({"Mã": ["1", None], "Giá trị": [float("nan"), 3.5]})
    card = report_html.scorecard(_static.table_html(frame, links={"Mã": ["indicator?code=1", "indicator?code=2"]}))
    assert card.values.tolist() == [["1", ""], ["", "3.5"]]
    assert card.attrs["links"] == ["indicator?code=1"]


def test_tiles_keep_the_icon_and_word_under_each_count():
    body = _static.tiles_html([("✔ Đã đạt", 5), ("▲ Đúng <lộ> trình", 0)])
    assert report_html.tiles(body) == {"✔ Đã đạt": 5, "▲ Đúng <lộ> trình": 0}


def test_chart_is_an_svg_image_with_its_description_and_notes():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="820" height="200" viewBox="0 0 820 200"></svg>'
    body = _static.chart_html(svg, 'Biểu đồ "khoảng cách"', title="Khoảng cách", notes=["Chưa có số liệu: 1, 2"])
    reader = report_html.read(body)
    (image,) = reader.images
    assert base64.b64decode(image["src"].removeprefix("data:image/svg+xml;base64,")).decode() == svg
    assert image["alt"] == 'Biểu đồ "khoảng cách"' and "max-width:820px" in image["style"]
    assert reader.captions == ["Chưa có số liệu: 1, 2"]
    assert report_html.read(_static.chart_html("", "x", notes=["n"])).images == []  # nothing to draw


def test_a_plan_larger_than_a_readable_table_gets_the_scrolling_grid(db, monkeypatch):
    monkeypatch.setattr(_static, "STATIC_TABLE_ROWS", 10)
    at = AppTest.from_file("../dashboard.py", default_timeout=60).run()
    assert not at.exception and not at.error
    card = at.dataframe[-1].value
    assert len(card) == 39 and card["Mã"].str.startswith("indicator?code=").all()
    assert "hue57Table" not in report_html.overview_block(at)  # the tiles and chart stay one block


def test_the_report_is_built_once_per_language_and_link_and_each_keeps_its_links(db, monkeypatch):
    from hue57.ui import Context, overview

    view = overview(None, 2026, "vi", horizon="2030", group="", agency="", status="")
    built = []
    monkeypatch.setattr(_static, "_report_html", lambda *args: built.append(args[1:3]) or f"<p>{args[1:3]}</p>")
    shown = []
    monkeypatch.setattr(_static.st, "html", shown.append)
    view.html.clear()
    for ctx in (Context(lang="vi"), Context(lang="vi"), Context(lang="en"), Context(lang="vi", share_token="T1"),
                Context(lang="vi", share_token="T1")):
        _static.overview_report(view, ctx)
    assert built == [("vi", {}), ("en", {"lang": "en"}), ("vi", {"s": "T1"})]  # each built once, then reused
    assert shown[0] == shown[1] and shown[3] == shown[4] and len(set(shown)) == 3


def test_a_large_briefing_lists_the_worst_rows_and_says_how_many_more(db, monkeypatch):
    from hue57.ui import _briefing, overview

    view = overview(None, 2026, "vi", horizon="2030", group="", agency="", status="")
    assert len(view.gaps) > 2
    monkeypatch.setattr(_static, "BRIEFING_ROWS", 2)
    body = _static._report_html(view, "vi", {}, True, "")
    assert len(report_html.gap_rows(body)) == 2
    assert f"Hiển thị 2 chỉ tiêu chậm nhất trong {len(view.gaps)}" in report_html.text(body)

    rows = view.shown.head(3)
    box = report_html.text(_briefing.attention_html({"insufficient": rows}, view.agencies, {}, "vi", limit=1))
    assert "(3)" in box and "… và 2 chỉ tiêu khác (xem bảng theo dõi)" in box  # the count stays whole
    assert rows.iloc[0]["code"] + ". " in box and rows.iloc[1]["code"] + ". " not in box
