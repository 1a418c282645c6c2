"""Uploads carry a rank's basis (how many were ranked) and band (a rank published as a band).

Bad basis/band files are in tests/data/bad (test_import_bad_files.py proves each is refused and changes
nothing); here: good ones land, the diff shows them, a blank one keeps what is stored, and the template
has both columns in CSV and Excel.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from hue57 import ingest, store

HEADER = "Mã;Năm;Giá trị;Nguồn;Ghi chú;Trên tổng số;Nhóm xếp hạng\n"


def _cell(db, code: str, year: int) -> pd.Series:
    frame = store.load(db).actuals
    return frame[(frame["code"] == code) & (frame["year"] == year)].iloc[0]


def test_basis_and_band_land_with_the_value_and_show_in_the_diff(db):
    body = HEADER + "4;2025;7;dti.gov.vn (2026);xếp trên 34 tỉnh;34;\n14b;2026;401;QS Asia 2026;;;401-450\n"
    outcome = ingest.import_file(db, body.encode(), "hang.csv", "lan")
    assert outcome.status == "committed", ingest.error_table(outcome)
    assert (_cell(db, "4", 2025)["basis"], _cell(db, "4", 2025)["band"]) == (34, None)
    assert _cell(db, "14b", 2026)["band"] == "401–450"  # written with an en dash, as the shipped data is
    table = ingest.diff_table(outcome, "vi")
    row = table[table["Mã"] == "4"].iloc[0]
    assert (row["Trên tổng số cũ"], row["Trên tổng số mới"]) == ("", "34")
    band = table[table["Mã"] == "14b"].iloc[0]
    assert (band["Nhóm xếp hạng cũ"], band["Nhóm xếp hạng mới"]) == ("", "401–450")
    assert "New basis" in ingest.diff_table(outcome, "en").columns


def test_an_unchanged_band_written_with_a_hyphen_is_unchanged(db):
    body = "code,year,value,source,note,basis,band\n14c,2025,1201,x,,,1201-1400\n"
    preview = ingest.preview_file(db, body.encode(), "qs.csv", lang="en")
    assert preview.status == "preview"
    diff = preview.diff.iloc[0]
    assert (diff["band"], diff["old_band"]) == ("1201–1400", "1201–1400")


def test_a_file_without_basis_keeps_the_stored_basis(db):
    assert _cell(db, "4", 2024)["basis"] == 63
    body = "Mã;Năm;Giá trị;Nguồn\n4;2024;5;báo cáo DTI 2024 (bản chính thức)\n"
    outcome = ingest.import_file(db, body.encode(), "dti.csv", "lan")
    assert (outcome.status, outcome.changed) == ("committed", 1)  # the source changed
    assert _cell(db, "4", 2024)["basis"] == 63
    assert "Trên tổng số mới" in ingest.diff_table(outcome, "vi").columns


def test_a_blank_basis_cell_keeps_the_stored_basis_too(db):
    body = HEADER + "4;2024;5;báo cáo DTI 2024;;;\n"
    outcome = ingest.import_file(db, body.encode(), "dti.csv", "lan")
    assert outcome.status == "committed"
    assert _cell(db, "4", 2024)["basis"] == 63


def test_a_new_value_without_a_band_drops_the_stored_band(db):
    assert (_cell(db, "14b", 2024)["value"], _cell(db, "14b", 2024)["band"]) == (351, "351–400")
    body = "code,year,value,source\n14b,2024,348,QS Asia 2024 (exact place)\n"
    assert ingest.import_file(db, body.encode(), "qs.csv", "lan").status == "committed"
    assert (_cell(db, "14b", 2024)["value"], _cell(db, "14b", 2024)["band"]) == (348, None)


def test_same_value_without_a_band_keeps_the_stored_band(db):
    body = "code,year,value,source\n14b,2024,351,QS Asia 2024 (re-checked)\n"
    assert ingest.import_file(db, body.encode(), "qs.csv", "lan").status == "committed"
    assert _cell(db, "14b", 2024)["band"] == "351–400"


def test_undo_restores_the_basis_and_band_before_the_upload(db):
    body = HEADER + "14b;2024;301;QS Asia 2024 (sửa);;1200;301–350\n"
    outcome = ingest.import_file(db, body.encode(), "qs.csv", "lan")
    assert (_cell(db, "14b", 2024)["basis"], _cell(db, "14b", 2024)["band"]) == (1200, "301–350")
    store.revert(db, outcome.upload_id, "lan")
    cell = _cell(db, "14b", 2024)
    assert (cell["value"], pd.isna(cell["basis"]), cell["band"]) == (351, True, "351–400")


def test_basis_errors_speak_english(db):
    targets = store.load(db).targets
    report = ingest.check_file(b"code,year,value,source,basis\n4,2025,40,dti,34\n7,2025,12,GSO,63\n", "x.csv",
                               targets, "en")
    messages = " ".join(ingest.error_table(report, "en")["Problem and fix"])
    assert "rank “40” is larger than the number ranked (34, column “basis”)" in messages
    assert "Indicator 7 is not a rank, so it takes no basis" in messages


def test_template_has_basis_and_band_columns_in_both_languages(db):
    targets = store.load(db).targets
    assert list(ingest.template_frame(targets, "vi").columns)[-2:] == ["Trên tổng số", "Nhóm xếp hạng"]
    assert list(ingest.template_frame(targets, "en").columns)[-2:] == ["basis", "band"]
    assert ingest.template_csv(targets, "vi").decode("utf-8-sig").splitlines()[0].endswith(
        ";Trên tổng số;Nhóm xếp hạng")
    sheet = load_workbook(io.BytesIO(ingest.template_xlsx(targets, "vi"))).worksheets[0]
    assert [c.value for c in sheet[1]][-2:] == ["Trên tổng số", "Nhóm xếp hạng"]
    assert sheet["J2"].number_format == "@"  # a band typed as 351-400 stays text


def test_filled_excel_template_with_basis_and_band_lands(db):
    targets = store.load(db).targets
    book = load_workbook(io.BytesIO(ingest.template_xlsx(targets, "vi")))
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "3":
            row[3].value, row[4].value, row[6].value, row[8].value = 2025, 5, "PII 2025", 34
        if row[0].value == "14c":
            row[3].value, row[4].value, row[6].value, row[9].value = 2026, 1401, "QS World 2026", "1401+"
    buffer = io.BytesIO()
    book.save(buffer)
    outcome = ingest.import_file(db, buffer.getvalue(), "mau.xlsx", "lan")
    assert outcome.ok, ingest.error_table(outcome)
    assert _cell(db, "3", 2025)["basis"] == 34
    assert _cell(db, "14c", 2026)["band"] == "1401+"
