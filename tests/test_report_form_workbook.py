"""The agency's Excel round trip and the states it reads: own tasks first, collective ones optional and after
them, rows left blank ignored (workbook and web form alike), the workbook pre-filled with the saved report and
the return comment, no indicator sheet for a body that monitors none; the comment stays until resubmission;
the overview counts "not sent" and "sent late" apart. Every bad input proves nothing changed."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from hue57 import briefing, cli, ingest, reporting, store
from hue57.ui._briefing import attention_html
from tests.conftest import sign_in

PERIOD = "2026-H2"
DHH = reporting.Reporter("dhh_bc", "dhh")  # Đại học Huế: tasks 50–52 of its own, indicators 14a–c
NV = reporting.Reporter("nv_bc", "so_nv")  # Sở Nội vụ: tasks, no indicator


def _tables(db) -> dict[str, pd.DataFrame]:
    with store.connect(db) as con:
        return {t: con.execute(f"SELECT * FROM {t}").df()  # noqa: S608 — constant names
                for t in ("uploads", "actuals", "task_progress", "submissions")}


def _unchanged(before: dict, db) -> None:
    for name, frame in _tables(db).items():
        pd.testing.assert_frame_equal(frame, before[name])


def _items(db, agency="dhh"):
    snap = store.load(db)
    return snap, reporting.agency_items(snap, agency, PERIOD)


def _book(data: bytes):
    return load_workbook(io.BytesIO(data))


def _bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rows(sheet) -> dict[int, int]:
    """task number → spreadsheet row on a task sheet."""
    return {int(r[0].value): r[0].row for r in sheet.iter_rows(min_row=1)
            if isinstance(r[0].value, int | float) and r[0].value}


def _fill(sheet, row: int, status="Đang thực hiện", pct=40, note="Đã triển khai") -> None:
    sheet.cell(row=row, column=4, value=status)
    sheet.cell(row=row, column=5, value=pct)
    sheet.cell(row=row, column=6, value=note)


# --- order and grouping -------------------------------------------------------------------------------------

def test_the_agency_s_own_tasks_come_first_and_collective_ones_after_them(db):
    _, items = _items(db)
    assert items.tasks["task_no"].tolist()[:3] == [50, 51, 52]
    flags = items.tasks["collective"].tolist()
    assert flags == sorted(flags) and flags[3] and not flags[2]  # own (False) then collective (True)
    snap, items = _items(db)
    sheet = _book(reporting.form_workbook(snap, items)).worksheets[0]
    rows = _rows(sheet)
    label = next(r[1] for r in sheet.iter_rows() if r[1].value and str(r[1].value).startswith("NHIỆM VỤ CHUNG"))
    assert rows[50] < rows[51] < rows[52] < label.row < min(rows[n] for n in rows if n not in (50, 51, 52))
    assert "không bắt buộc" in label.value


def test_a_body_that_monitors_no_indicator_gets_no_indicator_sheet(db):
    snap, items = _items(db, "so_nv")
    assert items.indicators.empty
    book = _book(reporting.form_workbook(snap, items))
    assert book.sheetnames == ["Nhiệm vụ"]
    snap, items = _items(db, "dhh")
    assert _book(reporting.form_workbook(snap, items)).sheetnames == ["Nhiệm vụ", "Chỉ tiêu"]


# --- rows left blank are not reported -------------------------------------------------------------------------

def test_a_workbook_with_only_the_agency_s_own_tasks_filled_is_saved_as_a_draft(db):
    snap, items = _items(db)
    book = _book(reporting.form_workbook(snap, items))
    rows = _rows(book.worksheets[0])
    for no in (50, 51, 52):
        _fill(book.worksheets[0], rows[no], pct=10 * no - 450)
    check, sub = reporting.save_file(db, DHH, PERIOD, _bytes(book), "bao-cao.xlsx")
    assert check.ok and check.errors.empty, check.errors
    assert sub["state"] == "draft"
    tasks, figures = reporting.report_rows(sub)
    assert tasks["task_no"].tolist() == [50, 51, 52] and tasks["progress_pct"].tolist() == [50.0, 60.0, 70.0]
    assert figures.empty


def test_an_untouched_workbook_is_an_error_and_saves_nothing(db):
    snap, items = _items(db)
    before = _tables(db)
    check, sub = reporting.save_file(db, DHH, PERIOD, reporting.form_workbook(snap, items), "bao-cao.xlsx")
    assert sub is None and not check.ok
    assert "không có dòng nào được điền" in check.errors.iloc[0]["Lỗi và cách sửa"]
    _unchanged(before, db)


def test_a_half_filled_row_names_its_spreadsheet_row_and_column_and_saves_nothing(db):
    snap, items = _items(db)
    book = _book(reporting.form_workbook(snap, items))
    rows = _rows(book.worksheets[0])
    _fill(book.worksheets[0], rows[50])
    book.worksheets[0].cell(row=rows[51], column=6, value="Chưa có trạng thái")  # a note without a status
    before = _tables(db)
    check, sub = reporting.save_file(db, DHH, PERIOD, _bytes(book), "bao-cao.xlsx")
    assert sub is None
    error = check.errors.iloc[0]
    assert error["Dòng"] == rows[51] and error["Cột"] == "Trạng thái" and error["Bảng"] == "Nhiệm vụ"
    _unchanged(before, db)


def test_a_formula_in_the_workbook_names_its_sheet_and_cell_and_saves_nothing(db):
    snap, items = _items(db)
    book = _book(reporting.form_workbook(snap, items))
    rows = _rows(book.worksheets[0])
    _fill(book.worksheets[0], rows[50], note="=1+1")
    before = _tables(db)
    check, sub = reporting.save_file(db, DHH, PERIOD, _bytes(book), "bao-cao.xlsx")
    assert sub is None and check.errors.iloc[0]["Bảng"] == "Nhiệm vụ"
    assert f"F{rows[50]}" in check.errors.iloc[0]["Lỗi và cách sửa"]
    _unchanged(before, db)


def test_another_agency_s_task_typed_into_the_workbook_is_refused_and_nothing_changes(db):
    snap, items = _items(db)
    book = _book(reporting.form_workbook(snap, items))
    rows = _rows(book.worksheets[0])
    _fill(book.worksheets[0], rows[50])
    book.worksheets[0].cell(row=rows[50], column=1, value=1)  # task 1 belongs to Sở KH&CN
    before = _tables(db)
    with pytest.raises(reporting.ReportRefused) as refused:
        reporting.save_file(db, DHH, PERIOD, _bytes(book), "bao-cao.xlsx")
    assert refused.value.reason == "not_yours"
    _unchanged(before, db)


def test_a_workbook_for_another_period_is_refused_and_nothing_changes(db):
    snap, _ = _items(db)
    items = reporting.agency_items(snap, "dhh", "2026-H1")
    book = _book(reporting.form_workbook(snap, items))
    _fill(book.worksheets[0], _rows(book.worksheets[0])[50])
    before = _tables(db)
    with pytest.raises(reporting.ReportRefused):
        reporting.save_file(db, DHH, PERIOD, _bytes(book), "bao-cao.xlsx")
    _unchanged(before, db)


def test_the_web_form_and_the_workbook_read_the_same_filling_the_same_way(db):
    snap, items = _items(db)
    own = reporting.task_form(items, "vi", collective=False)
    shared = reporting.task_form(items, "vi", collective=True)
    assert own["status"].isna().all()  # nothing pre-filled from earlier periods: a blank row is a row not reported
    own.loc[own["task_no"] == 51, ["status", "progress_pct", "note"]] = ["Đang thực hiện", 40.0, "Đã triển khai"]
    form = reporting.check_form(snap, items, own, None, collective=shared)
    book = _book(reporting.form_workbook(snap, items))
    _fill(book.worksheets[0], _rows(book.worksheets[0])[51])
    upload = reporting.check_upload(snap, items, _bytes(book), "bao-cao.xlsx")
    assert form.ok and upload.ok
    pd.testing.assert_frame_equal(form.progress.reset_index(drop=True), upload.progress.reset_index(drop=True),
                                  check_dtype=False)


# --- pre-filled, the return comment on it, kept until resubmission ------------------------------------------------

def _submitted_then_returned(db) -> dict:
    snap, items = _items(db)
    book = _book(reporting.form_workbook(snap, items))
    rows = _rows(book.worksheets[0])
    _fill(book.worksheets[0], rows[50])
    figures = book["Chỉ tiêu"]
    code_row = next(r[0].row for r in figures.iter_rows() if r[0].value == "14a")
    for col, value in ((4, 2025), (5, 351), (7, "QS Asia 2025"), (10, "351-400")):
        figures.cell(row=code_row, column=col, value=value)
    check, sub = reporting.save_file(db, DHH, PERIOD, _bytes(book), "bao-cao.xlsx")
    assert check.ok, check.errors
    reporting.save_form(db, DHH, PERIOD, tasks=None, indicators=None, submit=True)
    return reporting.return_report(db, sub["id"], by="lan", comment="Bổ sung minh chứng cho nhiệm vụ 50")


def test_the_workbook_of_a_returned_report_is_pre_filled_and_carries_the_comment(db):
    returned = _submitted_then_returned(db)
    snap, items = _items(db)
    own = reporting.task_form(items, "vi", reporting.report_rows(returned)[0], collective=False)
    own.loc[own["task_no"] == 50, "note"] = '=HYPERLINK("x")'  # text a spreadsheet would run, typed in the form
    reporting.save_form(db, DHH, PERIOD, tasks=own, indicators=None)
    sub = reporting.submission_for(db, "dhh", PERIOD)
    book = _book(reporting.form_workbook(snap, items, "vi", sub))
    sheet = book.worksheets[0]
    top = " ".join(str(c.value) for row in sheet.iter_rows(max_row=4) for c in row if c.value)
    assert "TRẢ LẠI" in top and "Bổ sung minh chứng cho nhiệm vụ 50" in top and "lan" in top
    row = _rows(sheet)[50]
    assert [sheet.cell(row=row, column=c).value for c in (4, 5)] == ["Đang thực hiện", 40]
    assert sheet.cell(row=row, column=6).value == "'=HYPERLINK(\"x\")"  # neutralised, never a formula
    figures = book["Chỉ tiêu"]
    filled = next(r for r in figures.iter_rows(values_only=True) if r[0] == "14a")
    assert filled[3:5] == (2025, 351) and filled[6] == "QS Asia 2025" and filled[9] == "351–400"  # the band as stored (en dash)
    # sent back untouched, the pre-filled workbook keeps the report as it was
    tasks_before, figures_before = reporting.report_rows(sub)
    check, again = reporting.save_file(db, DHH, PERIOD, _bytes(book), "bao-cao.xlsx")
    assert check.ok, check.errors
    tasks_after, figures_after = reporting.report_rows(again)
    assert tasks_after[["task_no", "status", "progress_pct"]].equals(tasks_before[["task_no", "status", "progress_pct"]])
    assert figures_after[["code", "year", "value", "band"]].equals(figures_before[["code", "year", "value", "band"]])


def test_a_draft_saved_on_a_returned_report_keeps_it_returned_with_its_comment_until_resubmitted(db):
    returned = _submitted_then_returned(db)
    snap, items = _items(db)
    own = reporting.task_form(items, "vi", reporting.report_rows(returned)[0], collective=False)
    own.loc[own["task_no"] == 50, "evidence"] = "https://hueuni.edu.vn/qd-50"
    _, draft = reporting.save_form(db, DHH, PERIOD, tasks=own, indicators=None)
    assert draft["state"] == "returned" and draft["comment"] == "Bổ sung minh chứng cho nhiệm vụ 50"
    states = reporting.report_states(db, PERIOD, dt.date(2026, 12, 1)).set_index("agency_id")
    assert states.at["dhh", "state"] == "returned"
    at = _page(DHH)
    assert any("Bổ sung minh chứng cho nhiệm vụ 50" in w.value for w in at.warning)
    _, again = reporting.save_form(db, DHH, PERIOD, tasks=None, indicators=None, submit=True)
    assert again["state"] == "submitted"
    assert not any("Bổ sung minh chứng" in w.value for w in _page(DHH).warning)


# --- the page ---------------------------------------------------------------------------------------------------

def _page(reporter: reporting.Reporter, role="agency", **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    sign_in(at, reporter.name, role, reporter.agency_id if role == "agency" else None)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("app_pages/report.py")
    return at.run()


def test_the_page_shows_own_and_collective_tasks_apart_and_no_indicator_grid_for_a_body_without_one(db):
    at = _page(NV)
    assert not at.exception and not at.error
    heads = [s.value for s in at.subheader]
    assert heads[:3] == ["Nhiệm vụ của cơ quan", "Nhiệm vụ chung (không bắt buộc)", "Số liệu chỉ tiêu"]
    assert len(at.dataframe) == 2  # own tasks, collective tasks: no indicator grid
    assert any("không theo dõi chỉ tiêu nào" in c.value for c in at.caption)
    assert len(_page(DHH).dataframe) == 3


def test_the_analyst_s_messages_name_the_agency_and_the_new_state(db):
    snap, items = _items(db)
    own = reporting.task_form(items, "vi", collective=False)
    own.loc[0, "status"] = "Đang thực hiện"
    _, sub = reporting.save_form(db, DHH, PERIOD, tasks=own, indicators=None, submit=True)
    at = _page(reporting.Reporter("lan", ""), role="analyst")
    at.text_area(key="review_comment").input("Bổ sung minh chứng")
    next(b for b in at.button if b.label == "Trả lại").click()
    at.run()
    assert [s.value for s in at.success] == [
        f"Đã trả lại báo cáo #{sub['id']} của Đại học Huế · tình trạng mới: Trả lại để bổ sung."]
    reporting.save_form(db, DHH, PERIOD, tasks=None, indicators=None, submit=True)
    at = _page(reporting.Reporter("lan", ""), role="analyst")
    next(b for b in at.button if b.label == "Tiếp nhận").click()
    at.run()
    assert at.success[0].value.startswith(f"Đã tiếp nhận báo cáo #{sub['id']} của Đại học Huế · tình trạng mới: "
                                          "Đã tiếp nhận")


# --- the overview's box -----------------------------------------------------------------------------------------

def test_the_overview_counts_reports_not_sent_and_sent_late_apart(db):
    snap, items = _items(db)
    own = reporting.task_form(items, "vi", collective=False)
    own.loc[0, "status"] = "Đang thực hiện"
    late = dt.datetime(2026, 11, 27, 2)  # 27/11, after the due date
    _, sub = reporting.save_form(db, DHH, PERIOD, tasks=own, indicators=None, submit=True, at=late)
    reporting.accept_report(db, sub["id"], by="lan")
    states = reporting.report_states(db, PERIOD, dt.date(2026, 12, 1))
    owed = briefing.owed_reports(states)
    html = attention_html({"reports": owed}, snap.agencies, {}, "vi", period="6 tháng cuối năm 2026")
    missing = int((owed["state"] == "missing").sum())
    assert missing == len(states) - 1 and "dhh" not in set(owed.loc[owed["state"] == "missing", "agency_id"])
    assert f"Báo cáo kỳ 6 tháng cuối năm 2026: {missing} cơ quan chưa gửi · 1 cơ quan gửi muộn" in html
    assert "Gửi muộn (1)</a>: Đại học Huế" in html
    english = attention_html({"reports": owed}, snap.agencies, {}, "en", period="Second half of 2026")
    assert f"Reports for the second half of 2026: {missing} agencies have not reported · 1 agency reported late" \
        in english


# --- the command line -------------------------------------------------------------------------------------------

def test_cli_form_and_upload_round_trip(db, tmp_path, capsys, monkeypatch):
    from hue57 import auth
    from hue57.auth import _passwords

    monkeypatch.setattr(_passwords, "_N", 2 ** 10)
    auth.add_user(db, "dhh_bc", "agency", "mat-khau-rat-dai", agency_id="dhh")
    out = tmp_path / "dhh.xlsx"
    assert cli.main(["report", "form", "dhh", "--period", PERIOD, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    book = load_workbook(out)
    _fill(book.worksheets[0], _rows(book.worksheets[0])[52])
    book.save(out)
    assert cli.main(["report", "upload", str(out), "--by", "dhh_bc", "--period", PERIOD]) == 0
    printed = capsys.readouterr().out
    assert "1 nhiệm vụ, 0 số liệu" in printed and "Đang soạn" in printed
    tasks, _ = reporting.report_rows(reporting.submission_for(db, "dhh", PERIOD))
    assert tasks["task_no"].tolist() == [52]


@pytest.mark.parametrize("argv, says", [
    (["report", "form", "so_tttt", "--period", PERIOD, "-o", "{tmp}/x.xlsx"], "không phải cơ quan phải báo cáo"),
    (["report", "form", "dhh", "--period", "2026-H3", "-o", "{tmp}/x.xlsx"], "không đúng dạng"),
    (["report", "form", "dhh", "--period", PERIOD, "-o", "{tmp}/no/such/dir/x.xlsx"], "x.xlsx"),
    (["report", "upload", "{tmp}/missing.xlsx", "--by", "dhh_bc"], "missing.xlsx"),
    (["report", "upload", "{tmp}/blank.xlsx", "--by", "lan", "--period", PERIOD], "không phải tài khoản cơ quan"),
    (["report", "upload", "{tmp}/blank.xlsx", "--by", "nobody", "--period", PERIOD], "không phải tài khoản cơ quan"),
    (["report", "upload", "{tmp}/blank.xlsx", "--by", "dhh_bc", "--period", PERIOD], "không có dòng nào được điền"),
    (["report", "upload", "{tmp}/other.xlsx", "--by", "dhh_bc", "--period", PERIOD], "không thuộc cơ quan"),
    (["report", "upload", "{tmp}/notes.txt", "--by", "dhh_bc", "--period", PERIOD], "notes.txt"),
])
def test_cli_refusals_exit_2_with_the_reason_and_change_nothing(db, tmp_path, capsys, monkeypatch, argv, says):
    from hue57 import auth
    from hue57.auth import _passwords

    monkeypatch.setattr(_passwords, "_N", 2 ** 10)
    auth.add_user(db, "dhh_bc", "agency", "mat-khau-rat-dai", agency_id="dhh")
    auth.add_user(db, "lan", "analyst", "mat-khau-rat-dai")
    snap, items = _items(db)
    (tmp_path / "blank.xlsx").write_bytes(reporting.form_workbook(snap, items))
    other = _book(reporting.form_workbook(snap, reporting.agency_items(snap, "so_khcn", PERIOD)))
    _fill(other.worksheets[0], _rows(other.worksheets[0])[1])
    other.save(tmp_path / "other.xlsx")
    (tmp_path / "notes.txt").write_text("task_no,period,status\n50,2026-H2,done\n")
    before = _tables(db)
    capsys.readouterr()
    assert cli.main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert says in err, err
    assert "Traceback" not in err
    _unchanged(before, db)


# --- the agency's figures are checked like an upload's -------------------------------------------------------------

def _rank_form(db, basis):
    snap, items = _items(db, "so_khcn")  # the DTI rank (code 4) is monitored by the Department, as merged in 2025
    form = reporting.indicator_form(items, "vi")
    row = form.index[form["code"] == "4"][0]
    form.loc[row, ["year", "value", "source", "basis"]] = [2026, 3, "dti.gov.vn (kiểm thử)", basis]
    return reporting.check_form(snap, items, None, form, "vi")


def test_a_rank_without_its_basis_on_the_agency_form_asks_for_out_of_how_many(db):
    check = _rank_form(db, np.nan)
    assert check.ok  # a warning to check, not an error: the save goes through
    texts = " ".join(ingest.warning_table(check, "vi").astype(str).to_numpy().ravel())
    assert "Trên tổng số" in texts and "năm 2026" in texts


def test_a_rank_with_its_basis_on_the_agency_form_raises_no_basis_warning(db):
    check = _rank_form(db, 34)
    assert check.ok
    assert not len(check.warnings) or "Trên tổng số" not in " ".join(
        ingest.warning_table(check, "vi").astype(str).to_numpy().ravel())
