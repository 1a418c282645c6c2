"""The overview's Excel export writes figures as numbers with a number format, not as text."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from hue57 import briefing, export, store
from hue57.ui.views import overview as overview_view


def _sheet(frame: pd.DataFrame, formats: dict[str, str]):
    return load_workbook(io.BytesIO(export.xlsx_bytes(frame, formats))).worksheets[0]


def test_overview_export_writes_numbers_as_numbers_with_a_format(db):
    frame, formats = overview_view.scorecard_export(briefing.board_for(store.load(db), 2026), "vi")
    sheet = _sheet(frame, formats)
    header = [c.value for c in sheet[1]]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    actual, year, target, progress = (header.index(h) for h in ("Thực hiện", "Năm", "Mục tiêu", "Mức hoàn thành"))
    dti = rows["4"]
    assert (dti[actual].value, dti[year].value, dti[target].value) == (5, 2024, 5)
    assert isinstance(dti[actual].value, (int, float)) and dti[actual].data_type == "n"
    assert dti[actual].number_format == "#,##0.0##" and dti[year].number_format == "0"
    assert dti[progress].number_format == "0%" and 0 <= dti[progress].value <= 1
    assert rows["6"][actual].value is None  # no data: an empty cell, not the word for it
    assert rows["4"][header.index("Trạng thái")].value  # the words stay beside the numbers


def test_export_headers_follow_the_language(db):
    frame, _ = overview_view.scorecard_export(briefing.board_for(store.load(db), 2026), "en")
    assert {"Actual", "Year", "Target", "Progress", "Comparator"} <= set(frame.columns)


def test_text_that_looks_like_a_formula_is_still_neutralised():
    sheet = _sheet(pd.DataFrame({"a": ["=1+1"], "n": [1.5]}), {"n": "0.0"})
    assert sheet["A2"].value == "'=1+1" and sheet["B2"].value == 1.5 and sheet["B2"].number_format == "0.0"


def test_excel_export_shows_ranks_with_their_basis_and_band(db):
    frame, formats = overview_view.scorecard_export(briefing.board_for(store.load(db), 2026), "vi")
    rows = frame.set_index("Mã")
    assert rows.loc["4", "Trên tổng số"] == 63 and rows.loc["4", "Thực hiện (như trên trang)"] == "hạng 5/63"
    assert rows.loc["14c", "Nhóm xếp hạng"] == "1401+" and rows.loc["14c", "Thực hiện (như trên trang)"] == "nhóm 1401+"
    assert formats["Trên tổng số"] == "0"
