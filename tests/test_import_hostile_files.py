"""Hostile and heavy uploads, generated here: each is refused or read with the asserted message within 10 s,
parsed by a worker of at most 600 MB while this process (the server's place) keeps its memory, and the
database is left byte for byte unchanged. Issue 21's shapes (and one of ours per mechanism) are in
`issue_21_files`; the worker's own limits are each seen stopping a worker.

The bombs are small (they generate and parse in a few seconds) but each crosses the bound that stops
the real one: a shared string longer than a cell may hold (the real one was 90 MB × 2,000 cells), a
shared-strings part over its size bound, more rows than may be scanned, one row bigger than its bound.
"""

from __future__ import annotations

import hashlib
import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from hue57 import ingest, store
from hue57.ingest import _bounds, _worker

ROOT = Path(__file__).resolve().parents[1]
GOOD = Path(__file__).parent / "data" / "good"
HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Năm</t></is></c>' \
         '<c r="C1" t="inlineStr"><is><t>Giá trị</t></is></c><c r="D1" t="inlineStr"><is><t>Nguồn</t></is></c></row>'


def raw_xlsx(sheet_rows: str, shared: list[str] | None = None, *, shared_size: int | None = None,
             shared_xml: str | None = None, before: str = "", parts: dict[str, str] | None = None) -> bytes:
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
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet {ns}>{before}<sheetData>{sheet_rows}</sheetData>'
                                    "</worksheet>",
        **(parts or {}),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        if shared_xml is not None:  # the items as given
            archive.writestr("xl/sharedStrings.xml", f'<sst {ns}>{shared_xml}</sst>')
        elif shared_size is not None:  # one string of `shared_size` bytes
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


def styles_bomb(records: int) -> str:
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return f'<?xml version="1.0"?><styleSheet {ns}><cellXfs count="{records}">{"<xf/>" * records}</cellXfs></styleSheet>'


def issue_21_files() -> dict[str, bytes]:
    """The shapes of issue 21 (small files that took 11–37 s or 0.6–1.2 GB), and one of our own per mechanism:
    the pre-scan's element budget, its depth bound, the CSV line count, and the worker's own limits."""
    value_row = '<row r="2"><c r="A2" t="inlineStr"><is><t>7</t></is></c><c r="B2"><v>2025</v></c>' \
                '<c r="C2"><v>21.5</v></c><c r="D2" t="inlineStr"><is><t>Cục Thống kê</t></is></c></row>'
    return {
        "i21_empty_cells_24x500000.xlsx": raw_xlsx(HEADER + "".join(f'<row r="{r}">' + "<c/>" * 500_000 + "</row>"
                                                                    for r in range(2, 26))),
        "i21_unknown_elements_12m.xlsx": raw_xlsx(HEADER, before="<x/>" * 12_000_000),
        "i21_nested_2m.xlsx": raw_xlsx(HEADER, before="<x>" * 2_000_000 + "</x>" * 2_000_000),
        "i21_empty_shared_strings.xlsx": raw_xlsx(HEADER, shared_xml="<si/>" * 3_300_000),
        "i21_style_records_790000.xlsx": raw_xlsx(HEADER, parts={"xl/styles.xml": styles_bomb(790_000)}),
        "i21_rich_text_runs.xlsx": raw_xlsx(HEADER + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
                                            shared_xml="<si>" + "<r><t>x</t></r>" * 130_000 + "</si>"),
        "i21_bare_cr_5m.csv": b"Ma;Nam;Gia tri;Nguon" + b"\r" * (5 * 1024 * 1024 - 30),
        # ours: just under every budget of the pre-scan (3.9 million empty cells, 16,000 a row), so only
        # the per-row deadline and the worker's own limits stand between it and the server
        "ours_under_every_budget.xlsx": raw_xlsx(HEADER + "".join(f'<row r="{r}">' + "<c/>" * 16_000 + "</row>"
                                                                  for r in range(2, 245))),
        # ours: a part no spreadsheet program writes, nested within the depth bound but 380,000 deep-ish groups
        "ours_unknown_part.xlsx": raw_xlsx(HEADER + value_row, parts={
            "xl/customXml/item1.xml": "<r>" + "<a><b><c/></b></a>" * 140_000 + "</r>"}),
        # ours: \r\r\n ends two lines for pandas (one of them blank); 60,000 of them are 120,000 lines
        "ours_cr_cr_lf.csv": ("Mã;Năm;Giá trị;Nguồn\r\r\n" + "7;2025;21,5;Cục Thống kê\r\r\n" * 60_000).encode(),
    }


def hostile_files() -> dict[str, bytes]:
    """Every hostile upload of the issue, generated."""
    bad_rows = "".join(f"99;{2000 + i % 20};abc;\n" for i in range(100_000))  # unknown code, not a number, no source
    line = "7;2024;20;" + "x" * 90 + ";\n"
    return {
        "shared_string_bomb.xlsx": shared_string_bomb(),
        "shared_part_bomb.xlsx": raw_xlsx(HEADER, shared_size=_bounds.MAX_SHARED_STRINGS + 1024),
        "blank_row_bomb.xlsx": raw_xlsx(HEADER + "".join(f'<row r="{r}"/>' for r in range(2, _bounds.MAX_SCANNED_ROWS + 10))),
        "gap_bomb.xlsx": raw_xlsx(HEADER + '<row r="1048576"><c r="A1048576"><v>7</v></c></row>'),
        "wide_row_bomb.xlsx": raw_xlsx(HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>'
                                       + "x" * (_bounds.MAX_ROW_XML + 10_000) + "</t></is></c></row>"),
        "bad_rows_100000.csv": ("Mã;Năm;Giá trị;Nguồn\n" + bad_rows).encode(),
        "six_megabytes.csv": ("Mã;Năm;Giá trị;Nguồn;Ghi chú\n" + line * (6 * 1024 * 1024 // len(line))).encode(),
        "utf16_no_bom.csv": "Mã;Năm;Giá trị;Nguồn;Ghi chú\n7;2025;21,5;Cục Thống kê;ước tính\n".encode("utf-16-le"),
        "utf16_bom.csv": "Mã;Năm;Giá trị;Nguồn\n7;2025;21,5;Cục Thống kê\n".encode("utf-16"),
        "formulas_without_values.xlsx": (Path(__file__).parent / "data" / "bad" / "formulas_without_values.xlsx").read_bytes(),
        "second_sheet.xlsx": (GOOD / "second_sheet.xlsx").read_bytes(),
        "mac_cr_16_rows.csv": ("Mã;Năm;Giá trị;Nguồn\r" + "".join(f"7;{2010 + i};{i},5;Cục Thống kê\r"
                                                                   for i in range(15)) + "7;2025;21,5;Cục Thống kê\r").encode(),
        **issue_21_files(),
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
    "mac_cr_16_rows.csv": (True, ""),
    "i21_empty_cells_24x500000.xlsx": (False, "Một dòng của trang tính (dòng thứ 2 trong tệp) có hơn 16.384 ô"),
    "i21_unknown_elements_12m.xlsx": (False, "«xl/worksheets/sheet1.xml» của tệp Excel có hơn 4.000.000 phần tử XML"),
    "i21_nested_2m.xlsx": (False, "«xl/worksheets/sheet1.xml» của tệp Excel lồng nhau sâu hơn 40 cấp"),
    "i21_empty_shared_strings.xlsx": (False, "«xl/sharedStrings.xml» của tệp Excel có hơn 1.500.000 phần tử XML"),
    "i21_style_records_790000.xlsx": (False, "«xl/styles.xml» của tệp Excel có hơn 400.000 phần tử XML"),
    "i21_rich_text_runs.xlsx": (False, "có hơn 15.000 đoạn định dạng"),
    "i21_bare_cr_5m.csv": (False, "Trang tính có hơn 105.000 dòng tính cả dòng trống"),
    "ours_under_every_budget.xlsx": (False, "Đọc tệp mất quá 7 giây nên đã dừng"),
    "ours_unknown_part.xlsx": (False, "«xl/customXml/item1.xml» của tệp Excel có hơn 400.000 phần tử XML"),
    "ours_cr_cr_lf.csv": (False, "Trang tính có hơn 105.000 dòng tính cả dòng trống"),
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
    start = time.monotonic()
    outcome = ingest.import_file(db, files[name], name, "tester", dry_run=not readable, lang="vi")
    assert time.monotonic() - start <= 10
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


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def test_each_file_is_answered_within_10_s_by_a_worker_of_at_most_600_mb_and_the_server_keeps_its_memory(files):
    """Every file parsed through the worker (as /upload, /report and the CLI do) and validated here: each
    answered within 10 s; the worker's peak address space (VmPeak, which RLIMIT_AS bounds; a worker stopped
    by its limit reports nothing) at most 600 MB; this process — the server's place — grows by under 50 MB
    over all of them (measured: under 5 MB)."""
    targets, tasks = store.read_plan_targets(), store.read_plan_tasks()
    warm = (GOOD / "vi_bom_semicolon_decimal_comma.csv").read_bytes()
    for _ in range(2):  # the fork server, pandas' and pandera's first-use caches
        ingest.check_file(warm, "warm.csv", targets, "vi", tasks=tasks)
        ingest.check_file(files["second_sheet.xlsx"], "warm.xlsx", targets, "vi", tasks=tasks)
    before = _rss_mb()
    took, peaks = {}, {}
    for name, data in files.items():
        start = time.monotonic()
        parsed = ingest.parse_upload(data, name)
        ingest.validate(parsed, targets, "vi", tasks=tasks)
        took[name] = time.monotonic() - start
        peaks[name] = parsed.peak_mb.get("VmPeak", 0.0)
    grown = _rss_mb() - before
    assert max(took.values()) <= 10, took
    assert max(peaks.values()) <= _worker.MEMORY_LIMIT / 2 ** 20, peaks
    assert grown < 50, (grown, took)


def _rows_csv(rows: int) -> bytes:
    return ("Mã;Năm;Giá trị;Nguồn;Ghi chú\n" + "".join(f"7;{2000 + i % 26};{i},5;Cục Thống kê;dòng {i}\n"
                                                       for i in range(rows))).encode()


def test_a_worker_past_its_memory_limit_is_refused_in_words():
    """With its address space lowered to 400 MB (the interpreter, pandas and openpyxl take about 340 MB), a
    worker still reads a small file, and one of 100,000 rows (which needs about 430 MB) is refused."""
    small = 400 * 2 ** 20
    assert _worker.parse_limited(_rows_csv(10), "small.csv", memory=small).readable
    parsed = _worker.parse_limited(_rows_csv(100_000), "big.csv", memory=small)
    assert list(parsed.issues["key"]) == ["ingest.err.worker_memory"]
    message = ingest.error_table(ingest.validate(parsed, store.read_plan_targets(), "vi"), "vi").iloc[0, -1]
    assert message.startswith("Đọc tệp này cần hơn 400 MB bộ nhớ") and "không có gì được ghi" in message


def test_a_worker_past_its_cpu_or_wall_time_is_stopped_and_refused_as_too_slow(files):
    """One second of CPU (the kernel's SIGXCPU; the wall limit set far away), then half a second of wall clock
    (the caller's kill): each stops the worker long before the file's own 7-second deadline would."""
    slow = files["ours_under_every_budget.xlsx"]
    by_cpu = _worker.parse_limited(slow, "slow.xlsx", cpu=1, wall=120)
    # stopped, not answered: no report from the worker (unless the machine is so busy that the worker got less
    # than a seventh of a core, and its own 7-second deadline came first)
    assert by_cpu.peak_mb == {} or os.getloadavg()[0] > 2 * os.cpu_count()
    start = time.monotonic()
    by_wall = _worker.parse_limited(slow, "slow.xlsx", wall=0.5)
    assert time.monotonic() - start < 30  # 0.5 s after the worker said it was ready, on however busy a machine
    assert by_wall.peak_mb == {}
    assert list(by_cpu.issues["key"]) == list(by_wall.issues["key"]) == ["ingest.err.too_slow"]


def test_at_most_two_workers_at_once_and_a_third_upload_waits_then_is_refused_in_words(monkeypatch):
    monkeypatch.setattr(_worker, "QUEUE_SECONDS", 0.5)
    held = [_worker._slots.acquire(timeout=30) for _ in range(_worker.MAX_WORKERS)]  # two uploads being parsed
    try:
        assert all(held)
        parsed = ingest.parse_upload(_rows_csv(10), "third.csv")
        assert list(parsed.issues["key"]) == ["ingest.err.busy"]
    finally:
        for _ in held:
            _worker._slots.release()
    assert ingest.parse_upload(_rows_csv(10), "later.csv").readable
