"""Makes the upload test corpus (tests/data/bad, tests/data/good) and the large synthetic files.

Run `python tests/data/make_files.py` to rewrite the corpus; the files are committed so a reader can open
them in Excel. The .xlsx files are built with openpyxl the way offices produce them (codes typed as
numbers, percent-formatted cells, Vietnamese headers). Tests also import the helpers at the bottom:
a synthetic plan with thousands of codes (the real plan has ~40 codes, so at most ~1,100 distinct
(code, year) cells: a 100,000-row valid upload needs more codes) and a large valid CSV.
"""

from __future__ import annotations

import io
import random
import shutil
import sys
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BAD = HERE / "bad"
GOOD = HERE / "good"
WARN = HERE / "warn"  # valid files whose values are probably on the wrong scale
BOM = "\ufeff"


def _csv(path: Path, text: str, *, bom: bool = False, encoding: str = "utf-8") -> None:
    text = (BOM if bom else "") + text
    if encoding == "cp1258":  # the old Vietnamese Windows code page writes tone marks as combining characters
        text = unicodedata.normalize("NFD", text)
    path.write_bytes(text.encode(encoding, errors="replace"))


def _xlsx(path: Path, rows: list[list], formats: dict[str, str] | None = None, *,
          before: dict[str, list[list]] | None = None) -> None:
    """A workbook whose data sheet "Số liệu" holds `rows`; `before`: sheets (title → rows) placed first."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    for row in rows:
        sheet.append(row)
    for position, (title, other_rows) in enumerate((before or {}).items()):
        other = book.create_sheet(title, position)
        for row in other_rows:
            other.append(row)
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """The same workbook bytes on every run: fixed timestamps in the zip and in docProps/core.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re  # noqa: PLC0415

                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-01-01T00:00:00Z", body)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


VI_HEADER = "Mã;Năm;Giá trị;Nguồn;Ghi chú\n"
EN_HEADER = "code,year,value,source,note\n"


def make_bad() -> None:
    BAD.mkdir(exist_ok=True)
    for old in BAD.iterdir():
        old.unlink()
    _csv(BAD / "unknown_code.csv", VI_HEADER + "7;2024;20,1;Cục Thống kê;\n99;2024;5;Cục Thống kê;\n", bom=True)
    _csv(BAD / "code_without_part.csv", EN_HEADER + "14,2024,3,Bộ GD&ĐT,\n")
    _csv(BAD / "year_out_of_range.csv", VI_HEADER + "7;1999;20;Cục Thống kê;\n7;2031;20;Cục Thống kê;\n")
    _csv(BAD / "year_not_a_number.csv", VI_HEADER + "7;năm 2024;20;Cục Thống kê;\n")
    _csv(BAD / "value_not_a_number.csv", VI_HEADER + "7;2024;khoảng 30;Cục Thống kê;\n")
    _csv(BAD / "percent_over_100.csv", VI_HEADER + "8.1;2024;130;Sở TT&TT;\n")
    _csv(BAD / "rank_not_whole.csv", VI_HEADER + "4;2024;4,5;dti.gov.vn;xếp trên 63 tỉnh\n")
    _csv(BAD / "rank_zero.csv", EN_HEADER + "3,2024,0,PII report,of 63 provinces\n")
    _csv(BAD / "negative_count.csv", VI_HEADER + "16;2024;-3;Cục SHTT;\n")
    _csv(BAD / "duplicate_code_year.csv",
         VI_HEADER + "7;2024;20;Cục Thống kê;\n8.1;2024;60;Sở TT&TT;\n8.10;2024;95;VP UBND;\n7;2024;21;Báo cáo khác;\n")
    _csv(BAD / "duplicate_via_mapping.csv", VI_HEADER + "7;2025;22;Cục Thống kê;\n26;2025;22,5;Cục Thống kê;\n")
    _csv(BAD / "missing_source.csv", VI_HEADER + "7;2024;20;Cục Thống kê;\n9;2024;70;;chưa rõ nguồn\n")
    _csv(BAD / "status_unknown.csv", "Mã;Năm;Giá trị;Trạng thái;Nguồn\n1;2024;;Tốt;Đánh giá của Sở KH&CN\n")
    _csv(BAD / "status_for_numeric.csv", "Mã;Năm;Giá trị;Trạng thái;Nguồn\n7;2024;20;Đã đạt;Cục Thống kê\n")
    _csv(BAD / "missing_value_numeric.csv", VI_HEADER + "7;2024;;Cục Thống kê;\n")
    _csv(BAD / "missing_status_qualitative.csv",
         "Mã;Năm;Giá trị;Trạng thái;Nguồn\n2;2024;;;Đánh giá của Sở KH&CN\n")
    _csv(BAD / "value_for_qualitative.csv", "Mã;Năm;Giá trị;Trạng thái;Nguồn\n1;2024;5;Chậm;Sở KH&CN\n")
    _csv(BAD / "missing_column.csv", "Mã;Năm;Giá trị;Ghi chú\n7;2024;20;\n")
    _csv(BAD / "unknown_column.csv", "Mã;Năm;Giá trị;Nguồn;Người nhập\n7;2024;20;Cục Thống kê;Lan\n")
    _csv(BAD / "empty.csv", "")
    _csv(BAD / "header_only.csv", VI_HEADER, bom=True)
    _csv(BAD / "unrecognised_headers.csv", "Họ tên;Địa chỉ\nNguyễn Văn A;Huế\n")
    (BAD / "binary_garbage.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (BAD / "wrong_extension.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    (BAD / "old_excel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    _csv(BAD / "not_utf8.csv", VI_HEADER + "7;2024;20;Cục Thống kê;ước tính\n", encoding="cp1258")
    _csv(BAD / "unquoted_decimal_comma.csv", EN_HEADER + "7,2024,30,5,Cục Thống kê,\n")
    _csv(BAD / "unclosed_quote.csv", EN_HEADER + '7,2024,20,"Cục Thống kê,\n9,2024,70,NHNN,\n')
    _csv(BAD / "ambiguous_numbers.csv", VI_HEADER + "7;2024;30,5;a;\n9;2024;12.5;b;\n16;2024;1.234;c;\n")
    _csv(BAD / "csv_named_xlsx.xlsx", EN_HEADER + "7,2024,20,x,\n")
    _csv(BAD / "progress_bad.csv",
         "STT nhiệm vụ;Kỳ;Trạng thái;Tiến độ (%);Ghi chú;Minh chứng\n"
         "3;2025-H1;Đang thực hiện;40;;\n71;2025-H3;xong;120;;\n")
    # Excel files
    _xlsx(BAD / "bad_values.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn", "Ghi chú"],
                                    ["8.10", 2024, 95, "VP UBND", None],
                                    [8.1, 2024, 130, "Sở TT&TT", None],
                                    ["99", "2024?", 5, "x", None]])
    _xlsx(BAD / "duplicate_rows.xlsx", [["code", "year", "value", "source"],
                                        ["8.10", 2024, 95, "VP UBND"],
                                        ["7", 2024, 20, "Cục Thống kê"],
                                        ["8.10", 2024.0, 96, "VP UBND (bản sửa)"]])
    _xlsx(BAD / "missing_source.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn"], ["7", 2024, 20, None]])
    _xlsx(BAD / "percent_cell_over_100.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn"], ["9", 2024, 1.305, "NHNN"]],
          {"C2": "0.0%"})
    _xlsx(BAD / "header_only.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn", "Ghi chú"]])
    # written by a program that stores formulas without calculating them (openpyxl, some exporters)
    _xlsx(BAD / "formulas_without_values.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn"], ["7", 2025, "=20+1.5", "Cục Thống kê"],
                                                 ["8.1", 2025, "=SUM(90,3)", "Sở TT&TT"]])
    _xlsx(BAD / "empty_sheet.xlsx", [])
    _xlsx(BAD / "progress_duplicate.xlsx", [["STT nhiệm vụ", "Kỳ", "Trạng thái", "Tiến độ (%)"],
                                            [5, "2025-H1", "Hoàn thành", 100],
                                            [5, "2025-h1", "Đang thực hiện", 80]])
    (BAD / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"\x14\x00" * 40 + b"not really a zip")
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        fixed = zipfile.ZipInfo("word/document.xml", date_time=(2026, 1, 1, 0, 0, 0))
        archive.writestr(fixed, "<w:document/>")
    (BAD / "word_document.xlsx").write_bytes(docx.getvalue())


def make_bad_rank_fields() -> None:
    """Ranks' basis (how many were ranked) and band (a rank published as a band), each wrong one way."""
    rank_header = "Mã;Năm;Giá trị;Nguồn;Ghi chú;Trên tổng số;Nhóm xếp hạng\n"
    _csv(BAD / "basis_not_whole.csv", rank_header + "4;2025;5;dti.gov.vn;;34,5;\n", bom=True)
    _csv(BAD / "basis_for_percent.csv", rank_header + "8.1;2025;91;Sở TT&TT;;63;\n")
    _csv(BAD / "rank_over_basis.csv", rank_header + "4;2025;40;dti.gov.vn;;34;\n")
    _csv(BAD / "band_not_rank.csv", rank_header + "9;2025;80;NHNN;;;351–400\n")
    _csv(BAD / "band_malformed.csv", "code,year,value,source,note,basis,band\n14b,2026,400,QS Asia,,,400–351\n"
                                     "14c,2026,1401,QS World,,,top 1400\n")
    _xlsx(BAD / "band_value_mismatch.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn", "Trên tổng số", "Nhóm xếp hạng"],
                                             ["14b", 2026, 380, "QS Asia 2026", 1500, "351-400"]])


def make_warn() -> None:
    """Files that pass validation but hold values probably on the wrong scale (8.1 was 91% in 2025)."""
    WARN.mkdir(exist_ok=True)
    for old in WARN.iterdir():
        old.unlink()
    _csv(WARN / "fraction_for_percent.csv", VI_HEADER + "8.1;2026;0,93;Sở TT&TT;\n7;2025;13,1;Cục Thống kê;\n",
         bom=True)
    _csv(WARN / "index_75_for_0_75.csv", EN_HEADER + "11,2025,75,MOST innovation index,\n")
    _csv(WARN / "jump_within_file.csv", VI_HEADER + "16;2023;12;Cục SHTT;\n16;2024;480;Cục SHTT;\n")
    _xlsx(WARN / "fraction_for_percent.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn"], ["8.1", 2026, 0.93, "Sở TT&TT"]])
    # The same 0,93 in a cell formatted as percent shows 93%: read as 93, no warning.
    _xlsx(WARN / "percent_cell_no_warning.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn"], ["8.1", 2026, 0.93, "Sở TT&TT"]],
          {"C2": "0%"})


def make_good() -> None:
    GOOD.mkdir(exist_ok=True)
    for old in GOOD.iterdir():
        old.unlink()
    # Excel on Vietnamese Windows: BOM, semicolons, decimal comma, dot for thousands.
    _csv(GOOD / "vi_bom_semicolon_decimal_comma.csv",
         VI_HEADER + "7;2024;30,5;Cục Thống kê TT Huế;ước tính\n16;2024;1.234;Cục Sở hữu trí tuệ;\n"
                     "15;2024;1.234,5;Scopus;\n8.10;2024;99,75;VP UBND thành phố;\n", bom=True)
    _csv(GOOD / "en_comma_thousands.csv",
         EN_HEADER + '15,2023,"1,234.5",Scopus,\n16,2023,"2,001",IP Viet Nam,\n9,2023,81.25,SBV,\n')
    _csv(GOOD / "vi_headers_loose.csv",
         "MÃ ;năm;Gia tri;Trạng Thái;NGUỒN;ghi chú\n"
         "8.1;2025;72,5;;Sở TT&TT;\n8.10;2025;100;;VP UBND;\n8;2025;;Đúng lộ trình;Sở TT&TT;tự đánh giá\n"
         "26;2025;21,4;;Cục Thống kê;mục tiêu 2045\n14a;2025;4;;Đại học Huế;trong 250 cơ sở\n", bom=True)
    _csv(GOOD / "progress_vi.csv",
         "STT nhiệm vụ;Kỳ;Trạng thái;Tiến độ (%);Ghi chú;Minh chứng\n"
         "1;2025-H1;Hoàn thành;100;;QĐ 123/QĐ-UBND\n2;H2/2025;Đang thực hiện;45,5;;\n"
         "3;6 tháng đầu năm 2026;Chưa bắt đầu;;chờ kinh phí;\n", bom=True)
    _xlsx(GOOD / "numbers_as_floats.xlsx",
          [["Mã", "Năm", "Giá trị", "Nguồn", "Ghi chú"],
           [8.1, 2024.0, 61.5, "Sở TT&TT", None],
           [7.0, 2024, 19.25, "Cục Thống kê", None],
           [8.1, 2024, 97, "VP UBND", "mã gõ 8.10, ô định dạng 0.00"],
           ["8.11", 2024, 100, "VP UBND", None],
           [9, 2024, 0.795, "NHNN chi nhánh Huế", "ô định dạng phần trăm"]],
          {"A4": "0.00", "C6": "0.0%"})
    _xlsx(GOOD / "progress.xlsx", [["task_no", "period", "status", "progress_pct", "note", "evidence"],
                                   [10, "2025-H2", "done", 100, None, "https://example.gov.vn/qd"],
                                   [11, "2025-H2", "in_progress", 0.5, None, None]], {"D3": "0%"})
    # As offices send them: a title block above the header, a signature block below the data.
    blank = [None] * 7
    _xlsx(GOOD / "title_block.xlsx", [
        ["UBND THÀNH PHỐ HUẾ", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        blank,
        ["BIỂU TỔNG HỢP SỐ LIỆU CHỈ TIÊU KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT 57 NĂM 2025"],
        blank,
        ["STT", "Mã", "Tên chỉ tiêu", "Năm", "Giá trị", "Nguồn", "Ghi chú"],
        [1, "7", "Kinh tế số trong GRDP", 2025, 21.5, "Cục Thống kê", None],
        [2, "8.1", "Dịch vụ công trực tuyến toàn trình", 2025, 93.5, "Sở KH&CN", None],
        blank,
        [None, None, "Người lập biểu", None, None, "GIÁM ĐỐC"],
        blank, blank,
        [None, None, "Nguyễn Văn An", None, None, "Trần Thị Bình"],
    ])
    _csv(GOOD / "signature_footer.csv",
         "BIỂU TỔNG HỢP SỐ LIỆU NĂM 2025;;;;\n;;;;\n" + VI_HEADER + "7;2025;21,5;Cục Thống kê;\n;;;;\n"
         ";;;Người lập biểu;GIÁM ĐỐC\n;;;Nguyễn Văn An;Trần Thị Bình\n", bom=True)
    _xlsx(GOOD / "second_sheet.xlsx", [["Mã", "Năm", "Giá trị", "Nguồn"], ["7", 2025, 21.5, "Cục Thống kê"]],
          before={"Hướng dẫn": [["Hướng dẫn điền biểu"], ["Mỗi dòng là một số liệu của một năm."],
                                ["Số liệu điền ở trang tính «Số liệu»."]]})
    sys.path.insert(0, str(ROOT))
    from hue57 import ingest, store  # noqa: PLC0415

    template = ingest.template_xlsx(store.read_plan_targets(), "vi")
    from openpyxl import load_workbook  # noqa: PLC0415

    book = load_workbook(io.BytesIO(template))
    sheet = book.worksheets[0]
    filled = {"7": (2025, 23.5, "", "Cục Thống kê"), "8.10": (2025, 98, "", "VP UBND"),
              "1": (2025, None, "Cần đẩy nhanh", "Sở KH&CN")}
    for row in sheet.iter_rows(min_row=2):
        code = row[0].value
        if code in filled:
            year, value, status, source = filled[code]
            row[3].value, row[4].value, row[6].value = year, value, source
            row[5].value = status or None
    buffer = io.BytesIO()
    book.save(buffer)
    (GOOD / "template_filled.xlsx").write_bytes(_stable_zip(buffer.getvalue()))


# --- large synthetic files (tests and bench) -------------------------------------------------------

def synthetic_plan(out_dir: Path, copies: int) -> pd.DataFrame:
    """A plan directory like data/ whose targets add `copies` clones of every numeric indicator.

    Clone codes are '<code>-<k>' with the unit and comparator of the original, so every unit rule is
    exercised. Returns the targets frame written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("tasks.csv", "agencies.csv", "actuals.csv", "plan.toml"):
        shutil.copy(ROOT / "data" / name, out_dir / name)
    plan = pd.read_csv(ROOT / "data" / "targets.csv", dtype=str, keep_default_na=False)
    numeric = plan[(plan["comparator"] != "qualitative") & (plan["indicator"] == "")]
    clones = [numeric.assign(code=numeric["code"] + f"-{k}") for k in range(1, copies + 1)]
    full = pd.concat([plan, *clones], ignore_index=True)
    full.to_csv(out_dir / "targets.csv", index=False)
    return full


def big_actuals_csv(targets: pd.DataFrame, rows: int, *, seed: int = 57, first_year: int = 2000,
                    last_year: int = 2026, source: str = "Cục Thống kê") -> bytes:
    """A valid `code,year,value,source,note` CSV of `rows` distinct cells (values fit each unit)."""
    rng = random.Random(seed)
    numeric = targets[(targets["comparator"] != "qualitative") & (targets["indicator"].fillna("") == "")]
    years = range(first_year, last_year + 1)
    lines = ["code,year,value,source,note"]
    for code, unit in zip(numeric["code"], numeric["unit"], strict=True):
        for year in years:
            if len(lines) > rows:
                break
            if str(unit).startswith("%"):
                value = f"{rng.randint(0, 1000) / 10:g}"
            elif unit == "rank":
                value = str(rng.randint(1, 63))
            elif unit == "index":
                value = f"0.{rng.randint(100, 999)}"
            else:
                value = str(rng.randint(0, 5000))
            lines.append(f"{code},{year},{value},{source},")
    if len(lines) <= rows:
        raise ValueError(f"plan too small for {rows} rows: add copies")
    return ("\n".join(lines) + "\n").encode("utf-8")


if __name__ == "__main__":
    make_bad()
    make_bad_rank_fields()
    make_warn()
    make_good()
    print(f"{len(list(BAD.iterdir()))} bad files, {len(list(GOOD.iterdir()))} good files")
