"""Hostile and heavy uploads, generated here: each is refused or read with the asserted message, within
bounded memory (measured in a separate process), and the database is left byte for byte unchanged.

The bombs are small (they generate and parse in a few seconds) but each crosses the bound that stops
the real one: a shared string longer than a cell may hold (the real one was 90 MB × 2,000 cells), a
shared-strings part over its size bound, more rows than may be scanned, one row bigger than its bound.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hue57 import ingest, store
from hue57.ingest import _bounds

ROOT = Path(__file__).resolve().parents[1]
GOOD = Path(__file__).parent / "data" / "good"
HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Năm</t></is></c>' \
         '<c r="C1" t="inlineStr"><is><t>Giá trị</t></is></c><c r="D1" t="inlineStr"><is><t>Nguồn</t></is></c></row>'


def raw_xlsx(sheet_rows: str, shared: list[str] | None = None, *, shared_size: int | None = None) -> bytes:
    """A minimal workbook written by hand, so a part can hold what no spreadsheet program would write."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>",
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{rel.replace("officeDocument/2006/relationships", "package/2006/relationships")}">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets>'
        '<sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet {ns}><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        if shared_size is not None:  # one string of `shared_size` bytes
            archive.writestr("xl/sharedStrings.xml", f'<sst {ns} count="1" uniqueCount="1"><si><t>'
                             + "x" * shared_size + "</t></si></sst>")
        else:
            shared = shared or []
            items = "".join(f"<si><t>{s}</t></si>" for s in shared)
            archive.writestr("xl/sharedStrings.xml", f'<sst {ns} count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>')
    return out.getvalue()


def shared_string_bomb() -> bytes:
    """One shared string of 1,000,000 characters used by 2,000 value cells (without a bound on a cell's
    text, every cell would copy it: 2 GB; the real bomb's 90 MB × 2,000 took the server to 24 GB)."""
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>7</t></is></c><c r="B{r}"><v>2024</v></c>'
                   f'<c r="C{r}" t="s"><v>0</v></c></row>' for r in range(2, 2002))
    return raw_xlsx(HEADER + rows, ["x" * 1_000_000])


def hostile_files() -> dict[str, bytes]:
    """Every hostile upload of the issue, generated."""
    bad_rows = "".join(f"99;{2000 + i % 20};abc;\n" for i in range(100_000))  # unknown code, not a number, no source
    line = "7;2024;20;" + "x" * 90 + ";\n"
    return {
        "shared_string_bomb.xlsx": shared_string_bomb(),
        "shared_part_bomb.xlsx": raw_xlsx(HEADER, shared_size=_bounds.MAX_SHARED_STRINGS + 1024),
        "blank_row_bomb.xlsx": raw_xlsx(HEADER + "".join(f'<row r="{r}"/>' for r in range(2, _bounds.MAX_SCANNED_ROWS + 10))),
        "gap_bomb.xlsx": raw_xlsx(HEADER + '<row r="1048576"><c r="A1048576"><v>7</v></c></row>'),
        "wide_row_bomb.xlsx": raw_xlsx(HEADER + '<row r="2">' + '<c r="A2"/>' * (_bounds.MAX_ROW_XML // 11 + 10) + "</row>"),
        "bad_rows_100000.csv": ("Mã;Năm;Giá trị;Nguồn\n" + bad_rows).encode(),
        "six_megabytes.csv": ("Mã;Năm;Giá trị;Nguồn;Ghi chú\n" + line * (6 * 1024 * 1024 // len(line))).encode(),
        "utf16_no_bom.csv": "Mã;Năm;Giá trị;Nguồn;Ghi chú\n7;2025;21,5;Cục Thống kê;ước tính\n".encode("utf-16-le"),
        "utf16_bom.csv": "Mã;Năm;Giá trị;Nguồn\n7;2025;21,5;Cục Thống kê\n".encode("utf-16"),
        "formulas_without_values.xlsx": (Path(__file__).parent / "data" / "bad" / "formulas_without_values.xlsx").read_bytes(),
        "second_sheet.xlsx": (GOOD / "second_sheet.xlsx").read_bytes(),
    }


# file → (readable?, fragment of the first message or notice)
EXPECTED = {
    "shared_string_bomb.xlsx": (False, "Ô C2 có 1.000.000 ký tự; mỗi ô tối đa 5000 ký tự"),
    "shared_part_bomb.xlsx": (False, "Phần «xl/sharedStrings.xml» của tệp Excel giải nén ra 16,1 MB (tối đa 16 MB)"),
    "blank_row_bomb.xlsx": (False, "Trang tính có hơn 105.000 dòng tính cả dòng trống"),
    "gap_bomb.xlsx": (False, "Trang tính có hơn 105.000 dòng tính cả dòng trống"),
    "wide_row_bomb.xlsx": (False, "Một dòng của trang tính (dòng thứ 2 trong tệp) chiếm 2,1 MB (tối đa 2 MB)"),
    "bad_rows_100000.csv": (False, "Mã «99» không có trong kế hoạch"),
    "six_megabytes.csv": (False, "Tệp quá lớn (6 MB; tối đa 5 MB)"),
    "utf16_no_bom.csv": (True, ""),
    "utf16_bom.csv": (True, ""),
    "formulas_without_values.xlsx": (False, "Hãy mở tệp trong Excel và lưu lại"),
    "second_sheet.xlsx": (True, "Số liệu được đọc từ trang tính «Số liệu»: trang đầu tiên «Hướng dẫn»"),
}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return hostile_files()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_hostile_file_is_expected():
    assert set(hostile_files()) == set(EXPECTED)
    assert len(hostile_files()["six_megabytes.csv"]) > 6 * 1024 * 1024 - 200


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_refused_or_read_with_its_message_and_nothing_else_changes(name, files, db):
    before = _digest(db)
    readable, fragment = EXPECTED[name]
    outcome = ingest.import_file(db, files[name], name, "tester", dry_run=not readable, lang="vi")
    if readable:
        assert outcome.ok, ingest.error_table(outcome).to_string()
        notices = " ".join(ingest.notice_table(outcome)["Lưu ý"])
        assert fragment in notices
        value = store.load(db).actuals.set_index(["code", "year"]).loc[("7", 2025), "value"]
        assert value == 21.5
        return
    assert outcome.status == "invalid"
    messages = ingest.error_table(outcome, "vi")["Lỗi và cách sửa"]
    assert fragment in messages.iloc[0], messages.iloc[0]
    assert _digest(db) == before


def test_a_hundred_thousand_bad_rows_list_200_errors_then_counts_per_kind(files):
    report = ingest.check_file(files["bad_rows_100000.csv"], "bad.csv", store.read_plan_targets(), "vi")
    assert report.error_count == 300_000
    table = ingest.error_table(report, "vi")
    assert len(table) == 200 and list(table["Dòng"][:3]) == [2, 2, 2]
    assert ingest.more_errors(report, "vi") == "… và 299.800 lỗi khác cùng loại (số lỗi theo từng loại ở bảng dưới)."
    kinds = ingest.error_kinds_table(report, "vi")
    assert list(kinds["Số lỗi"]) == ["100.000"] * 3 and list(kinds["Dòng đầu tiên"]) == ["2"] * 3
    assert kinds["Loại lỗi (ví dụ đầu tiên)"].str.contains("Thiếu nguồn").any()
    assert ingest.summary(ingest.ImportOutcome("invalid", report), "vi").startswith("«bad.csv» có 300.000 lỗi")


_MEASURE = r"""
import json, resource, sys
from pathlib import Path
from hue57 import ingest, store
targets, tasks = store.read_plan_targets(), store.read_plan_tasks()
ingest.check_file(Path(sys.argv[1], "warm.csv").read_bytes(), "warm.csv", targets, "vi", tasks=tasks)
peak = {"baseline": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
for name in sys.argv[2:]:
    ingest.check_file(Path(sys.argv[1], name).read_bytes(), name, targets, "vi", tasks=tasks)
    peak[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(peak))
"""


def test_parsing_hostile_files_stays_within_bounded_memory(files, tmp_path):
    """ru_maxrss (KB, the process's peak) after each file, in one fresh process: the growth over the
    baseline (interpreter, pandas, openpyxl and one good file read) stays under 100 MB for all of them (measured: 26 MB for 100,000 bad rows, under 2 MB for each bomb)."""
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "warm.csv").write_bytes((GOOD / "vi_bom_semicolon_decimal_comma.csv").read_bytes())
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(tmp_path), *sorted(files)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, check=True)
    peak = json.loads(run.stdout)
    growth_mb = {k: (v - peak["baseline"]) / 1024 for k, v in peak.items() if k != "baseline"}
    assert max(growth_mb.values()) < 100, growth_mb


def test_streamlit_lets_our_own_size_limit_speak_first():
    """Streamlit refuses files over server.maxUploadSize in English; ours refuses over 5 MB in the page's
    language, so Streamlit's limit must be the larger one."""
    import tomllib  # noqa: PLC0415

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 > ingest.MAX_BYTES * 2
