"""Every bad upload is refused through the CLI with exit 2, naming row, column and fix, and changes nothing.

The corpus lives in tests/data/bad (made by tests/data/make_files.py); the two files too big to keep in
the repository (over 5 MB, over 100,000 rows) are generated here.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from hue57 import cli

BAD = Path(__file__).parent / "data" / "bad"

# file → the problems the error table must contain: (row, column as the user wrote it, message fragment).
# Row None: a problem with the whole file (no row, no column).
EXPECTED: dict[str, list[tuple[int | None, str | None, str]]] = {
    "unknown_code.csv": [(3, "Mã", "Mã «99» không có trong kế hoạch")],
    "code_without_part.csv": [(2, "code", "14a, 14b, 14c")],
    "year_out_of_range.csv": [(2, "Năm", "«1999» nằm ngoài khoảng 2000–"), (3, "Năm", "«2031» nằm ngoài khoảng")],
    "year_not_a_number.csv": [(2, "Năm", "Năm «năm 2024» không hợp lệ")],
    "value_not_a_number.csv": [(2, "Giá trị", "«khoảng 30» không phải là số")],
    "percent_over_100.csv": [(2, "Giá trị", "phải từ 0 đến 100")],
    "rank_not_whole.csv": [(2, "Giá trị", "số nguyên từ 1 trở lên")],
    "rank_zero.csv": [(2, "value", "số nguyên từ 1 trở lên")],
    "negative_count.csv": [(2, "Giá trị", "không thể âm")],
    "duplicate_code_year.csv": [(2, "Mã", "nhiều dòng: 2, 5"), (5, "Mã", "nhiều dòng: 2, 5")],
    "duplicate_via_mapping.csv": [(2, "Mã", "nhiều dòng: 2, 3"), (3, "Mã", "được lưu dưới mã 7")],
    "missing_source.csv": [(3, "Nguồn", "Thiếu nguồn")],
    "status_unknown.csv": [(2, "Trạng thái", "Trạng thái «Tốt» không hợp lệ")],
    "status_for_numeric.csv": [(2, "Trạng thái", "đo bằng số: không ghi trạng thái")],
    "missing_value_numeric.csv": [(2, "Giá trị", "Thiếu giá trị cho chỉ tiêu 7")],
    "missing_status_qualitative.csv": [(2, "Trạng thái", "hãy ghi trạng thái")],
    "value_for_qualitative.csv": [(2, "Giá trị", "định tính: không ghi giá trị số")],
    "missing_column.csv": [(1, "Nguồn / source", "Thiếu cột «Nguồn»")],
    "unknown_column.csv": [(1, "Người nhập", "Cột «Người nhập» không có trong mẫu")],
    "unrecognised_headers.csv": [(None, None, "Không nhận ra các cột")],
    "empty.csv": [(None, None, "Tệp trống")],
    "header_only.csv": [(None, None, "chỉ có dòng tiêu đề")],
    "binary_garbage.csv": [(None, None, "không phải là văn bản CSV")],
    "wrong_extension.pdf": [(None, None, "Chỉ nhận tệp .csv hoặc .xlsx")],
    "old_excel.xls": [(None, None, "tệp Excel cũ (.xls)")],
    "not_utf8.csv": [(1, None, "UTF-8")],
    "unquoted_decimal_comma.csv": [(2, None, "Dòng có 6 ô trong khi dòng tiêu đề có 5 cột")],
    "unclosed_quote.csv": [(2, None, "Dấu ngoặc kép mở ở khoảng dòng 2")],
    "ambiguous_numbers.csv": [(4, "Giá trị", "«1.234» có thể hiểu hai cách")],
    "csv_named_xlsx.xlsx": [(None, None, "nội dung là văn bản")],
    "progress_bad.csv": [(3, "STT nhiệm vụ", "Không có nhiệm vụ số 71"), (3, "Kỳ", "Kỳ «2025-H3» không hợp lệ"),
                         (3, "Trạng thái", "Trạng thái «xong» không hợp lệ"), (3, "Tiến độ (%)", "từ 0 đến 100")],
    "bad_values.xlsx": [(3, "Giá trị", "phải từ 0 đến 100"), (4, "Mã", "Mã «99»"), (4, "Năm", "«2024?»")],
    "duplicate_rows.xlsx": [(2, "code", "nhiều dòng: 2, 4"), (4, "code", "nhiều dòng: 2, 4")],
    "missing_source.xlsx": [(2, "Nguồn", "Thiếu nguồn")],
    "percent_cell_over_100.xlsx": [(2, "Giá trị", "«130.5%»")],
    "header_only.xlsx": [(None, None, "chỉ có dòng tiêu đề")],
    "formulas_without_values.xlsx": [(None, None, "có 2 ô chứa công thức nhưng tệp không lưu kết quả đã tính (C2, C3)"),
                                     (None, None, "Hãy mở tệp trong Excel và lưu lại")],
    "empty_sheet.xlsx": [(None, None, "Tệp trống")],
    "progress_duplicate.xlsx": [(2, "STT nhiệm vụ", "Nhiệm vụ 5 xuất hiện ở nhiều dòng trong cùng kỳ 2025-H1: 2, 3")],
    "corrupt.xlsx": [(None, None, "Không đọc được tệp Excel")],
    "word_document.xlsx": [(None, None, "Không đọc được tệp Excel")],
    # ranks' basis and band
    "basis_not_whole.csv": [(2, "Trên tổng số", "«34,5» không phải là một số nguyên dương")],
    "basis_for_percent.csv": [(2, "Trên tổng số", "Chỉ tiêu 8.1 không phải là thứ hạng nên không ghi «trên tổng số»")],
    "rank_over_basis.csv": [(2, "Giá trị", "hạng «40» lớn hơn tổng số được xếp hạng (34, cột «Trên tổng số»)")],
    "band_not_rank.csv": [(2, "Nhóm xếp hạng", "Chỉ tiêu 9 không phải là thứ hạng nên không ghi nhóm xếp hạng")],
    "band_malformed.csv": [(2, "band", "Nhóm xếp hạng «400–351» không hợp lệ"),
                           (3, "band", "Nhóm xếp hạng «top 1400» không hợp lệ")],
    "band_value_mismatch.xlsx": [(2, "Giá trị", "hãy ghi giá trị 351 thay cho «380»")],
    # generated below
    "too_large.csv": [(None, None, "Tệp quá lớn (5,1 MB; tối đa 5 MB)")],
    "too_many_rows.csv": [(None, None, "hơn 100.000 dòng")],
}
GENERATED = {"too_large.csv", "too_many_rows.csv"}


def _generated(name: str) -> bytes:
    if name == "too_large.csv":  # 5 MB + a little, otherwise valid-looking
        line = "7;2024;20;" + "x" * 90 + ";\n"
        return ("Mã;Năm;Giá trị;Nguồn;Ghi chú\n" + line * (5 * 1024 * 1024 // len(line) + 10)).encode()
    rows = "".join(f"7;{2000 + i % 27};1;s;\n" for i in range(100_001))
    return ("Mã;Năm;Giá trị;Nguồn;Ghi chú\n" + rows).encode()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_corpus_and_expectations_match():
    on_disk = {p.name for p in BAD.iterdir()}
    assert on_disk == set(EXPECTED) - GENERATED
    assert len(EXPECTED) >= 20
    assert any(name.endswith(".xlsx") for name in on_disk)


def _error_table(stderr: str) -> pd.DataFrame:
    """The CSV error table the CLI printed, without the closing summary line."""
    body, _, summary = stderr.rstrip("\n").rpartition("\n")
    assert "không có gì được ghi" in summary
    return pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_and_changes_nothing(name, db, tmp_path, capsys):
    source = tmp_path / name
    if name in GENERATED:
        source.write_bytes(_generated(name))
    else:
        shutil.copy(BAD / name, source)
    before = _digest(db)
    code = cli.main(["import", str(source), "--by", "tester", "--format", "csv"])
    captured = capsys.readouterr()
    assert code == 2, captured.err
    assert _digest(db) == before, "a refused file must leave the database byte for byte unchanged"
    assert not Path(str(db) + ".wal").exists()
    table = _error_table(captured.err)
    assert list(table.columns) == ["Dòng", "Cột", "Giá trị trong tệp", "Lỗi và cách sửa"]
    for row, column, fragment in EXPECTED[name]:
        hits = table[table["Lỗi và cách sửa"].str.contains(fragment, regex=False)]
        assert len(hits), f"{name}: no message containing {fragment!r} in\n{table.to_string()}"
        if row is None:
            assert (hits["Dòng"] == "").any()
        else:
            assert (hits["Dòng"] == str(row)).any(), hits
        if column is not None:
            assert (hits["Cột"] == column).any(), hits
    assert captured.out == ""


def test_default_output_is_a_readable_table_with_every_error(db, capsys):
    assert cli.main(["import", str(BAD / "bad_values.xlsx")]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert lines[0].split()[:2] == ["Dòng", "Cột"]
    assert len([ln for ln in lines if ln.startswith(("3 ", "4 "))]) == 3  # all errors at once
    assert "«bad_values.xlsx» có 3 lỗi nên không có gì được ghi" in lines[-1]


def test_errors_speak_english_when_asked(db, capsys):
    assert cli.main(["--lang", "en", "import", str(BAD / "percent_over_100.csv"), "--format", "csv"]) == 2
    err = capsys.readouterr().err
    assert "Row,Column,Value in file,Problem and fix" in err
    assert "must be between 0 and 100" in err
    assert "nothing was written" in err


def test_missing_file_is_a_user_error(db, tmp_path, capsys):
    assert cli.main(["import", str(tmp_path / "nope.csv")]) == 2
    assert "Không đọc được tệp" in capsys.readouterr().err
