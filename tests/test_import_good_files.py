"""Files as Vietnamese offices write them land with exactly the values the analyst meant."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from hue57 import cli, ingest, store

GOOD = Path(__file__).parent / "data" / "good"


def _import(name: str, capsys) -> str:
    code = cli.main(["import", str(GOOD / name), "--by", "lan"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def _actual(db: Path, code: str, year: int) -> pd.Series:
    frame = store.load(db).actuals
    row = frame[(frame["code"] == code) & (frame["year"] == year)]
    assert len(row) == 1, f"no single current value for {code}/{year}"
    return row.iloc[0]


def test_bom_semicolons_and_decimal_comma_land_exactly(db, capsys):
    seed_8_1 = _actual(db, "8.1", 2024)["value"]
    out = _import("vi_bom_semicolon_decimal_comma.csv", capsys)
    assert "lần cập nhật #2" in out
    assert _actual(db, "7", 2024)["value"] == 30.5  # exact float, not 30.499…
    assert _actual(db, "7", 2024)["note"] == "ước tính"
    assert _actual(db, "7", 2024)["source"] == "Cục Thống kê TT Huế"
    assert _actual(db, "16", 2024)["value"] == 1234.0  # dot = thousands, as the rest of the file writes
    assert _actual(db, "15", 2024)["value"] == 1234.5
    assert _actual(db, "8.10", 2024)["value"] == 99.75
    assert _actual(db, "8.1", 2024)["value"] == seed_8_1  # 8.10 is its own code, never 8.1


def test_english_thousands_separators_land_exactly(db, capsys):
    _import("en_comma_thousands.csv", capsys)
    assert _actual(db, "15", 2023)["value"] == 1234.5
    assert _actual(db, "16", 2023)["value"] == 2001.0
    assert _actual(db, "9", 2023)["value"] == 81.25


def test_loose_vietnamese_headers_statuses_and_mapped_codes(db, capsys):
    out = _import("vi_headers_loose.csv", capsys)
    assert "Mã 26 là mục tiêu khác của cùng chỉ tiêu 7" in out  # the user is told about the mapping
    assert _actual(db, "8.1", 2025)["value"] == 72.5
    assert _actual(db, "8.10", 2025)["value"] == 100.0
    eight = _actual(db, "8", 2025)
    assert eight["status"] == "on_track" and math.isnan(eight["value"]) and eight["note"] == "tự đánh giá"
    assert _actual(db, "7", 2025)["value"] == 21.4
    assert _actual(db, "14a", 2025)["value"] == 4.0
    assert not (store.load(db).actuals["code"] == "26").any()


def test_excel_numbers_codes_and_percent_cells(db, capsys):
    _import("numbers_as_floats.xlsx", capsys)
    assert _actual(db, "8.1", 2024)["value"] == 61.5  # code typed as the number 8.1
    assert _actual(db, "7", 2024)["value"] == 19.25  # code 7.0 → "7", year 2024.0 → 2024
    assert _actual(db, "8.10", 2024)["value"] == 97.0  # number 8.1 shown as 8.10 (format 0.00)
    assert _actual(db, "8.11", 2024)["value"] == 100.0  # code kept as text
    assert _actual(db, "9", 2024)["value"] == 79.5  # 0.795 formatted as 79.5% → 79.5 percent points


def test_filled_template_lands_and_blank_rows_are_skipped(db, capsys):
    out = _import("template_filled.xlsx", capsys)
    assert "3 mới" in out and "chỉ có mã, chưa điền số liệu" in out
    assert _actual(db, "7", 2025)["value"] == 23.5
    assert _actual(db, "8.10", 2025)["value"] == 98.0
    assert _actual(db, "1", 2025)["status"] == "moderate"


def test_progress_files_land_with_vietnamese_headers_and_statuses(db, capsys):
    out = _import("progress_vi.csv", capsys)
    assert "tiến độ nhiệm vụ" in out
    _import("progress.xlsx", capsys)
    progress = store.load(db).progress.set_index(["task_no", "period"])
    assert progress.loc[(1, "2025-H1"), "status"] == "done"
    assert progress.loc[(1, "2025-H1"), "evidence"] == "QĐ 123/QĐ-UBND"
    assert progress.loc[(2, "2025-H2"), "progress_pct"] == 45.5
    assert progress.loc[(3, "2026-H1"), "status"] == "not_started"
    assert progress.loc[(3, "2026-H1"), "note"] == "chờ kinh phí"
    assert progress.loc[(11, "2025-H2"), "progress_pct"] == 50.0  # 0.5 in a 0% cell
    assert store.uploads(db).iloc[-1]["kind"] == "progress"


def test_codes_are_text_in_csv(db):
    targets = store.load(db).targets
    report = ingest.check_file(b"code,year,value,source\n8.10,2024,1,x\n8.1,2024,2,y\n", "c.csv", targets)
    assert report.ok
    assert report.rows["code"].tolist() == ["8.10", "8.1"]


# --- the template ------------------------------------------------------------------------------

def test_template_lists_every_indicator_with_its_name(db):
    targets = store.load(db).targets
    frame = ingest.template_frame(targets, "vi")
    indicators = targets.loc[targets["indicator"] == targets["code"], "code"].tolist()
    assert frame["Mã"].tolist() == indicators
    assert "8.10" in indicators and "26" not in indicators
    assert frame.loc[frame["Mã"] == "7", "Tên chỉ tiêu"].item() == "Quy mô kinh tế số"
    assert list(ingest.template_frame(targets, "en").columns)[:3] == ["code", "name", "unit"]


def test_template_csv_is_excel_ready_and_reads_back(db):
    targets = store.load(db).targets
    data = ingest.template_csv(targets, "vi")
    assert data.startswith(b"\xef\xbb\xbfM\xc3\xa3;")  # BOM, "Mã;"
    parsed = ingest.parse_upload(data, "mau.csv")
    assert parsed.kind == "actuals" and parsed.delimiter == ";"
    report = ingest.validate(parsed, targets, "vi")
    assert not report.ok  # nothing filled in yet
    assert "Chưa có dòng nào được điền" in report.errors["message"].iloc[0]
    filled = data.decode("utf-8-sig").replace("\r\n7;Quy mô kinh tế số;% GRDP;;;;;", "\r\n7;Quy mô kinh tế số;% GRDP;2025;24,5;;Cục Thống kê;")
    report = ingest.check_file(filled.encode("utf-8-sig"), "mau.csv", targets, "vi")
    assert report.ok, report.errors
    assert report.rows[["code", "year", "value"]].values.tolist() == [["7", 2025, 24.5]]
    english = ingest.template_csv(targets, "en").decode("utf-8-sig")
    assert english.startswith("code,name,unit,year,value,status,source,note")


def test_template_xlsx_keeps_codes_as_text(db):
    targets = store.load(db).targets
    book = load_workbook(io.BytesIO(ingest.template_xlsx(targets, "vi")))
    sheet = book.worksheets[0]
    codes = [row[0].value for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert "8.10" in codes and all(isinstance(c, str) for c in codes)
    assert sheet["A40"].number_format == "@"  # rows typed in later stay text too
    assert book.sheetnames[1] == "Hướng dẫn"
    report = ingest.check_file(ingest.template_xlsx(targets, "en"), "template.xlsx", targets, "en")
    assert "No row has been filled in" in report.errors["message"].iloc[0]


def test_a_title_block_above_the_header_and_a_signature_below_the_data_are_skipped_and_named(db, capsys):
    out = _import("title_block.xlsx", capsys)
    assert "Bỏ qua 3 dòng tiêu đề phía trên dòng tên cột (dòng 1, 2, 4)" in out
    assert "Bỏ qua 2 dòng ở cuối không có mã và giá trị (phần ký tên; dòng 10, 13)" in out
    assert _actual(db, "7", 2025)["value"] == 21.5 and _actual(db, "8.1", 2025)["value"] == 93.5


def test_a_csv_with_a_title_line_and_a_signature_block_reads_its_rows_with_real_numbers(db):
    data = (GOOD / "signature_footer.csv").read_bytes()
    report = ingest.check_file(data, "signature_footer.csv", store.read_plan_targets(), "vi")
    assert report.ok and len(report.rows) == 1
    notices = list(ingest.notice_table(report)["Lưu ý"])
    assert notices == ["Bỏ qua 1 dòng tiêu đề phía trên dòng tên cột (dòng 1).",
                       "Bỏ qua 2 dòng ở cuối không có mã và giá trị (phần ký tên; dòng 6, 7)."]
    bad = data.replace("7;2025;21,5;Cục Thống kê;".encode(), "7;2025;abc;Cục Thống kê;".encode())
    errors = ingest.error_table(ingest.check_file(bad, "x.csv", store.read_plan_targets(), "vi"))
    assert list(errors["Dòng"]) == [4]  # the spreadsheet's own row: two lines above the header counted
