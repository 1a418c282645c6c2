"""The six-monthly reporting cycle: what each agency owes, its report's states, on time or late, the
Department's review, and every refusal (each proving nothing but the refusal's log line was written)."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from hue57 import auth, cli, ingest, reporting, share, store
from hue57.auth import _accounts, _passwords, _sign_in
from hue57.tasks import report_due
from tests.conftest import sign_in

PERIOD = "2026-H2"
KHCN = reporting.Reporter("khcn", "so_khcn")
YT = reporting.Reporter("yte", "so_yt")


def _utc(local: dt.datetime) -> dt.datetime:
    """A Huế wall-clock time as the database stores it (naive UTC)."""
    return local - dt.timedelta(hours=7)


def _tables(db) -> dict[str, pd.DataFrame]:
    with store.connect(db) as con:
        return {t: con.execute(f"SELECT * FROM {t}").df()  # noqa: S608 — constant names
                for t in ("uploads", "actuals", "task_progress", "submissions")}


def _unchanged(before: dict, db) -> None:
    after = _tables(db)
    for name, frame in before.items():
        pd.testing.assert_frame_equal(after[name], frame)


def _forms(db, reporter=KHCN, lang="vi"):
    snap = store.load(db)
    items = reporting.agency_items(snap, reporter.agency_id, PERIOD)
    return items, reporting.task_form(items, lang), reporting.indicator_form(items, lang)


def _filled_forms(db, reporter=KHCN):
    items, tasks, figures = _forms(db, reporter)
    own = items.tasks.loc[~items.tasks["collective"], "task_no"].tolist()
    rows = tasks.index[tasks["task_no"].isin(own[:2])]
    tasks.loc[rows[0], ["status", "progress_pct", "note"]] = ["Đang thực hiện", 40.0, "Đã trình dự thảo"]
    tasks.loc[rows[1], ["status", "progress_pct", "evidence"]] = ["Hoàn thành", 100.0, "https://skhcn.hue.gov.vn/qd"]
    code = items.indicators["code"].iloc[0] if reporter is not KHCN else "10"
    row = figures.index[figures["code"] == code][0]
    figures.loc[row, ["year", "value", "source"]] = [2025.0, 2.5, "Báo cáo của cơ quan"]
    return items, tasks, figures


# --- what each agency owes --------------------------------------------------------------------------------

def test_a_merged_department_s_task_is_on_its_successor_s_form(db):
    snap = store.load(db)
    khcn = reporting.agency_items(snap, "so_khcn", PERIOD)
    tttt_led = snap.tasks.loc[snap.tasks["lead_agency"].str.startswith("Sở Thông tin và Truyền thông"), "no"]
    assert len(tttt_led) and set(tttt_led.astype(int)) <= khcn.own_task_nos  # Sở TT&TT merged into Sở KH&CN
    assert "so_tttt" not in reporting.all_items(snap, PERIOD)  # nobody reports as a merged body
    assert {"4", "5", "7"} <= khcn.codes  # indicators Sở TT&TT monitored
    finance = reporting.agency_items(snap, "so_tc", PERIOD)  # Sở KH&ĐT merged into Sở Tài chính
    assert "20" in finance.codes


def test_collective_tasks_are_on_every_agency_s_form(db):
    snap = store.load(db)
    collective = set(snap.tasks.loc[snap.tasks["lead_agency"].str.strip().str.casefold()
                                    == "các sở, ngành, địa phương", "no"].astype(int))
    everyone = reporting.all_items(snap, PERIOD)
    assert collective and len(everyone) > 20
    for items in everyone.values():
        shared = set(items.tasks.loc[items.tasks["collective"], "task_no"].astype(int))
        assert collective <= shared


def test_an_agency_account_must_name_a_current_body(db):
    with pytest.raises(auth.UserRefused) as merged:
        auth.add_user(db, "tt", "agency", "mat-khau-dai", agency_id="so_tttt")
    assert merged.value.key == "auth.user.agency_unknown"
    with pytest.raises(auth.UserRefused) as missing:
        auth.add_user(db, "tt", "agency", "mat-khau-dai")
    assert missing.value.key == "auth.user.agency_missing"
    with pytest.raises(auth.UserRefused) as analyst:
        auth.add_user(db, "an", "analyst", "mat-khau-dai", agency_id="so_khcn")
    assert analyst.value.key == "auth.user.agency_not_agency_role"
    assert auth.list_users(db).empty
    auth.add_user(db, "khcn", "agency", "mat-khau-dai", agency_id="so_khcn")
    assert auth.list_users(db).set_index("name").at["khcn", "agency_id"] == "so_khcn"


def test_cli_adds_an_agency_account_and_refuses_an_old_department(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-rat-dai\n"))
    assert cli.main(["user", "add", "tt", "--role", "agency", "--agency", "so_tttt"]) == 2
    assert "so_tttt" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-rat-dai\n"))
    assert cli.main(["user", "add", "khcn", "--role", "agency", "--agency", "so_khcn"]) == 0
    assert auth.authenticate(db, "khcn", "mat-khau-rat-dai").agency_id == "so_khcn"


# --- the states of a report -----------------------------------------------------------------------------------

def test_every_state_change_from_draft_to_accepted(db):
    _, tasks, figures = _filled_forms(db)
    states = lambda: reporting.report_states(db, PERIOD, dt.date(2026, 11, 1)).set_index("agency_id")  # noqa: E731
    assert states().at["so_khcn", "state"] == "missing"

    check, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures)
    assert check.ok and sub["state"] == "draft" and sub["submitted_at"] is None
    assert states().at["so_khcn", "state"] == "draft"

    _, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    assert sub["state"] == "submitted" and sub["submitted_at"] is not None
    first = sub["submitted_at"]

    sub = reporting.return_report(db, sub["id"], by="lan", comment="Bổ sung minh chứng nhiệm vụ")
    assert sub["state"] == "returned" and sub["reviewed_by"] == "lan"
    row = states().loc["so_khcn"]
    assert row["state"] == "returned" and row["comment"] == "Bổ sung minh chứng nhiệm vụ"

    _, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    assert sub["state"] == "submitted" and sub["first_submitted_at"] == first

    uploads_before = len(store.uploads(db))
    sub, result = reporting.accept_report(db, sub["id"], by="lan")
    assert sub["state"] == "accepted" and sub["upload_id"] == result.upload_id
    history = store.uploads(db)
    assert len(history) == uploads_before + 1  # all rows: ONE upload …
    upload = history.set_index("id").loc[result.upload_id]
    assert upload["by"] == "khcn" and upload["kind"] == "report"  # … by the agency's account
    row = states().loc["so_khcn"]
    assert row["state"] == "accepted" and row["reviewed_by"] == "lan" and row["upload_id"] == result.upload_id
    snap = store.load(db)
    assert snap.actuals.set_index(["code", "year"]).at[("10", 2025), "value"] == 2.5
    assert set(snap.progress.loc[snap.progress["upload_id"] == result.upload_id, "period"]) == {PERIOD}
    events = reporting.report_events(db, sub["id"])["action"].tolist()[::-1]
    assert events == ["saved", "submitted", "returned", "submitted", "accepted"]


def test_an_accepted_report_can_be_undone_as_one_upload(db):
    _, tasks, figures = _filled_forms(db)
    before = store.load(db)
    _, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    _, result = reporting.accept_report(db, sub["id"], by="lan")
    undo = store.revert(db, result.upload_id, "lan")
    assert undo.status == "committed" and undo.written == result.written
    after = store.load(db)
    assert len(after.actuals) == len(before.actuals) and after.progress.empty


@pytest.mark.parametrize(("local", "on_time"), [
    (dt.datetime(2026, 11, 25, 8, 0), True),     # on the due date
    (dt.datetime(2026, 11, 25, 23, 59), True),   # its last minute, Huế time (16:59 UTC)
    (dt.datetime(2026, 11, 26, 0, 30), False),   # the day after, though still 25/11 in UTC
    (dt.datetime(2026, 11, 26, 9, 0), False),
])
def test_on_time_on_the_due_date_itself_and_late_the_day_after(db, local, on_time):
    assert report_due(PERIOD) == dt.date(2026, 11, 25)
    _, tasks, figures = _filled_forms(db)
    reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True, at=_utc(local))
    row = reporting.report_states(db, PERIOD, dt.date(2026, 12, 1)).set_index("agency_id").loc["so_khcn"]
    assert bool(row["on_time"]) is on_time and row["submitted_at"] == pd.Timestamp(local)


def test_a_report_returned_after_the_due_date_stays_on_time_when_first_sent_in_time(db):
    _, tasks, figures = _filled_forms(db)
    _, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True,
                                 at=_utc(dt.datetime(2026, 11, 20, 9)))
    reporting.return_report(db, sub["id"], by="lan", comment="Thiếu nguồn")
    reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True,
                        at=_utc(dt.datetime(2026, 11, 30, 9)))
    row = reporting.report_states(db, PERIOD, dt.date(2026, 12, 1)).set_index("agency_id").loc["so_khcn"]
    assert bool(row["on_time"]) and row["submitted_at"] == pd.Timestamp(2026, 11, 30, 9)


def test_no_report_is_unknown_before_the_due_date_and_overdue_after_it(db):
    on_due = reporting.report_states(db, PERIOD, dt.date(2026, 11, 25)).set_index("agency_id")
    after = reporting.report_states(db, PERIOD, dt.date(2026, 11, 26)).set_index("agency_id")
    assert on_due.at["so_yt", "on_time"] is pd.NA and not on_due["overdue"].any()
    assert after.at["so_yt", "on_time"] == False and after["overdue"].all()  # noqa: E712 — a pandas boolean
    assert list(after.reset_index().columns[:8]) == ["agency_id", "name_vi", "name_en", "items", "state", "submitted_at",
                                       "on_time", "reviewed_by"]


def test_collective_tasks_land_with_the_status_the_department_sets(db):
    items, tasks, figures = _forms(db)
    shared = int(items.tasks.loc[items.tasks["collective"], "task_no"].iloc[0])
    other = int(items.tasks.loc[items.tasks["collective"], "task_no"].iloc[1])
    for no in (shared, other):
        tasks.loc[tasks["task_no"] == no, ["status", "note"]] = ["Hoàn thành", "Đã triển khai tại đơn vị"]
    _, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    reporting.accept_report(db, sub["id"], by="lan", collective_status={shared: "in_progress"})
    progress = store.load(db).progress.set_index("task_no")
    assert progress.at[shared, "status"] == "in_progress"  # the Department's status, not the agency's
    assert progress.at[shared, "note"] == "Sở KH&CN: Đã triển khai tại đơn vị"
    assert other not in progress.index  # no status set: kept in the report only


# --- the same validation as uploads ---------------------------------------------------------------------------

def test_an_invalid_form_names_row_and_column_and_saves_nothing(db):
    _, tasks, figures = _filled_forms(db)
    figures.loc[figures["code"] == "10", "source"] = None  # source is required
    row = int(figures.index[figures["code"] == "10"][0]) + 1
    before = _tables(db)
    check, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    assert sub is None and not check.ok
    error = check.errors.iloc[0]
    assert error["Bảng"] == "Chỉ tiêu" and error["Dòng"] == row and error["Cột"] == "Nguồn"
    assert "nguồn" in error["Lỗi và cách sửa"].lower()
    _unchanged(before, db)


def test_a_progress_over_100_is_refused_like_in_an_upload(db):
    _, tasks, figures = _filled_forms(db)
    tasks.loc[tasks.index[0], "progress_pct"] = 140.0
    before = _tables(db)
    check, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures)
    assert sub is None and check.errors.iloc[0]["Cột"] == "Tiến độ (%)" and check.errors.iloc[0]["Dòng"] == 1
    _unchanged(before, db)


def test_an_offline_task_form_is_read_back_as_a_draft(db):
    snap = store.load(db)
    items = reporting.agency_items(snap, "so_khcn", PERIOD)
    own = snap.tasks[snap.tasks["no"].isin(sorted(items.own_task_nos)[:1])]
    data = ingest.progress_template_xlsx(own, "vi", PERIOD)
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    assert [c.value for c in sheet[1]][:4] == ["STT nhiệm vụ", "Tên nhiệm vụ", "Kỳ", "Trạng thái"]
    sheet["D2"], sheet["E2"] = "Đang thực hiện", 55
    buffer = io.BytesIO()
    book.save(buffer)
    check, sub = reporting.save_file(db, KHCN, PERIOD, buffer.getvalue(), "tien-do.xlsx")
    assert check.ok and sub["state"] == "draft"
    tasks, _ = reporting.report_rows(sub)
    assert tasks.iloc[0]["progress_pct"] == 55.0


# --- refusals ---------------------------------------------------------------------------------------------

def test_another_agency_s_task_in_the_form_is_refused_and_logged(db):
    _, tasks, figures = _filled_forms(db)
    other = reporting.agency_items(store.load(db), "so_yt", PERIOD)
    theirs = sorted(other.own_task_nos - _forms(db)[0].task_nos)[0]
    tasks.loc[tasks.index[0], "task_no"] = theirs  # a crafted request: the number is not editable on the page
    before = _tables(db)
    with pytest.raises(reporting.ReportRefused) as refused:
        reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    assert refused.value.reason == "not_yours" and str(theirs) in refused.value.message("vi")
    _unchanged(before, db)
    event = reporting.report_events(db).iloc[0]
    assert event["action"] == "refused" and event["by"] == "khcn" and str(theirs) in event["detail"]


def test_another_agency_s_indicator_in_an_uploaded_file_is_refused_and_logged(db):
    csv = "code,year,value,source\n24,2025,80,Sở Y tế\n".encode()  # 24 is monitored by Sở Y tế
    before = _tables(db)
    with pytest.raises(reporting.ReportRefused):
        reporting.save_file(db, KHCN, PERIOD, csv, "chi-tieu.csv")
    _unchanged(before, db)
    assert reporting.report_events(db).iloc[0]["action"] == "refused"


def test_an_uploaded_task_file_for_another_period_is_refused(db):
    no = sorted(_forms(db)[0].own_task_nos)[0]
    csv = f"task_no,period,status\n{no},2026-H1,done\n".encode()
    with pytest.raises(reporting.ReportRefused):
        reporting.save_file(db, KHCN, PERIOD, csv, "tien-do.csv")


def test_a_submitted_report_cannot_be_changed_and_an_accepted_one_not_accepted_twice(db):
    _, tasks, figures = _filled_forms(db)
    _, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    before = _tables(db)
    with pytest.raises(reporting.ReportRefused) as locked:
        reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures)
    assert locked.value.reason == "state_submitted"
    _unchanged(before, db)
    reporting.accept_report(db, sub["id"], by="lan")
    before = _tables(db)
    for step in (lambda: reporting.accept_report(db, sub["id"], by="lan"),
                 lambda: reporting.return_report(db, sub["id"], by="lan", comment="x"),
                 lambda: reporting.accept_report(db, 99, by="lan"),
                 lambda: reporting.return_report(db, sub["id"], by="lan", comment=" ")):
        with pytest.raises(reporting.ReportRefused):
            step()
    _unchanged(before, db)


def test_an_empty_report_cannot_be_submitted(db):
    _, tasks, figures = _forms(db)
    tasks[["status", "progress_pct"]] = [None, float("nan")]
    with pytest.raises(reporting.ReportRefused) as refused:
        reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    assert refused.value.reason == "empty"


# --- the page: who may reach what -------------------------------------------------------------------------------

def _page(page: str, *, user=None, role=None, agency=None, **params) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    if user:
        sign_in(at, user, role, agency)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def test_an_agency_account_never_reaches_upload_or_share_and_the_attempt_is_logged(db):
    for page in ("upload", "share"):
        at = _page(page, user="khcn", role="agency", agency="so_khcn")
        assert [e.value for e in at.error] == [reporting.ReportRefused("role").message("vi")]
        assert not at.get("file_uploader") and not at.text_input
    events = reporting.report_events(db)
    assert (events["action"] == "refused").sum() == 2 and set(events["by"]) == {"khcn"}


def test_the_agency_sees_its_own_form_and_the_analyst_the_completeness_table(db):
    at = _page("report", user="khcn", role="agency", agency="so_khcn")
    assert not at.exception and not at.error
    assert [b.label for b in at.button][:2] == ["Lưu nháp", "Gửi báo cáo"]
    assert "Reports" not in [link.label for link in at.get("page_link")]
    labels = [link.label for link in at.sidebar.get("page_link")]
    assert "Báo cáo" in labels and "Cập nhật số liệu" not in labels and "Chia sẻ" not in labels
    at = _page("report", user="lan", role="analyst")
    assert not at.exception and not at.error
    assert "Tình hình báo cáo theo cơ quan" in [s.value for s in at.subheader]
    assert "Xem xét một báo cáo" in [s.value for s in at.subheader]


def test_a_viewer_gets_the_sign_in_form_and_a_meeting_link_a_refusal(db):
    at = _page("report")
    assert at.text_input and not at.get("arrow_data_editor")
    link = share.create_link(db, upload_id=None, as_of_year=2026, filters={}, lang="vi",
                             expires=dt.date.today() + dt.timedelta(days=2), by="test")
    at = _page("report", s=link.token)
    assert [e.value for e in at.error] == ["Liên kết cuộc họp chỉ để xem: không mở được trang Báo cáo."]
    assert not at.text_input


@pytest.fixture
def fast_accounts(db, monkeypatch):
    monkeypatch.setattr(_passwords, "_N", 2 ** 10)
    monkeypatch.setattr(_sign_in, "MIN_ANSWER", 0.0)
    auth.add_user(db, "khcn", "agency", "mat-khau-rat-dai", agency_id="so_khcn")
    auth.add_user(db, "xem", "viewer", "mat-khau-rat-dai")
    return db


def test_an_agency_signs_in_a_viewer_does_not_and_a_throttled_agency_is_refused(fast_accounts, monkeypatch):
    db = fast_accounts
    ok = auth.authenticate(db, "khcn", "mat-khau-rat-dai", client="10.0.0.1")
    assert ok and ok.role == "agency" and ok.agency_id == "so_khcn"
    assert auth.authenticate(db, "xem", "mat-khau-rat-dai", client="10.0.0.1").outcome == "role_refused"
    now = [dt.datetime(2026, 11, 20, 3)]
    monkeypatch.setattr(_accounts, "now", lambda: now[0])
    for _ in range(_sign_in.PAIR_FREE + 1):
        auth.authenticate(db, "khcn", "sai-mat-khau", client="10.9.9.9")
    assert auth.authenticate(db, "khcn", "mat-khau-rat-dai", client="10.9.9.9").outcome == "throttled"


# --- the command line ----------------------------------------------------------------------------------------

def test_cli_report_status_accept_and_return(db, capsys):
    _, tasks, figures = _filled_forms(db)
    _, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    capsys.readouterr()  # the audit line of the save (the server's stdout)
    assert cli.main(["report", "status", "--period", PERIOD, "--format", "csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str)
    assert {"agency", "items", "state", "submitted_at", "on_time", "reviewed_by"} <= set(frame.columns)
    assert frame.set_index("agency").at["so_khcn", "state"] == "submitted"
    assert cli.main(["report", "return", str(sub["id"]), "--by", "lan"]) == 2  # --comment is required
    capsys.readouterr()
    assert cli.main(["report", "return", str(sub["id"]), "--comment", "Thiếu nguồn", "--by", "lan"]) == 0
    assert cli.main(["report", "accept", str(sub["id"]), "--by", "lan"]) == 2
    assert "trả lại" in capsys.readouterr().err
    reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    assert cli.main(["report", "accept", str(sub["id"]), "--by", "lan", "--collective", "3=done"]) == 0
    assert "lần cập nhật #2" in capsys.readouterr().out
    assert cli.main(["report", "status", "--period", PERIOD, "--format", "json"]) == 0
    rows = pd.read_json(io.StringIO(capsys.readouterr().out), dtype=False).set_index("agency")
    assert rows.at["so_khcn", "state"] == "accepted" and rows.at["so_khcn", "reviewed_by"] == "lan"
    assert cli.main(["report", "status", "--period", "2026-H3"]) == 2


def test_report_subcommands_leave_room_for_another(db):
    from hue57.cli import _report
    names = [name for name, _h, _s in _report.REPORT_COMMANDS]
    assert names[:3] == ["status", "accept", "return"]


# --- the briefing uses the reports' states --------------------------------------------------------------------

def test_the_overview_names_missing_and_late_reports_from_the_submissions(db):
    from hue57 import briefing
    _, tasks, figures = _filled_forms(db)
    reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True,
                        at=_utc(dt.datetime(2026, 11, 27, 9)))  # two days after the due date
    owed = briefing.owed_reports(reporting.report_states(db, PERIOD, dt.date(2026, 12, 1))).set_index("agency_id")
    assert owed.at["so_khcn", "state"] == "late"
    assert owed.at["so_yt", "state"] == "missing"
    before_due = briefing.owed_reports(reporting.report_states(db, PERIOD, dt.date(2026, 11, 20)))
    assert "so_yt" not in set(before_due["agency_id"])  # nothing is missing before the due date


def test_a_submission_reaches_the_overview_without_an_upload(db):
    from hue57.ui import _data

    def owed_line():
        at = AppTest.from_file("../dashboard.py", default_timeout=90).run()
        text = " ".join(h.proto.body for h in at.get("html"))
        return text.split("Báo cáo kỳ 6 tháng cuối năm 2026: ")[1].split(" cơ quan chưa gửi")[0]

    assert owed_line() == "26"
    _, tasks, figures = _filled_forms(db)
    reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True,
                        at=_utc(dt.datetime(2026, 11, 20, 9)))  # on time: no longer owed
    assert _data._version(str(db), _data._file_signature(str(db)))[2][0] == 1
    assert owed_line() == "25"
