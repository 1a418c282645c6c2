"""Committing uploads: new/changed/unchanged, no-ops, dry runs, history and undo (refused when overwritten)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from hue57 import cli, ingest, store

FIRST = "Mã;Năm;Giá trị;Nguồn;Ghi chú\n4;2024;6;dti.gov.vn (2025);\n7;2024;18,5;Cục Thống kê;ước tính\n"
SECOND = "Mã;Năm;Giá trị;Nguồn;Ghi chú\n4;2024;7;báo cáo sửa đổi;\n9;2024;75;NHNN;\n"


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _value(db: Path, code: str, year: int):
    frame = store.load(db).actuals
    row = frame[(frame["code"] == code) & (frame["year"] == year)]
    return None if row.empty else row.iloc[0]["value"]


def _stored_rows(db: Path) -> int:
    with store.connect(db) as con:
        return con.execute("SELECT count(*) FROM actuals").fetchone()[0]


def test_import_reports_new_changed_unchanged_with_the_old_values(db):
    outcome = ingest.import_file(db, FIRST.encode(), "dot1.csv", "lan")
    assert (outcome.status, outcome.new, outcome.changed, outcome.unchanged) == ("committed", 1, 1, 0)
    changed = outcome.diff[outcome.diff["change"] == "changed"].iloc[0]
    assert (changed["code"], changed["old_value"], changed["value"]) == ("4", 5.0, 6.0)
    upload = store.uploads(db).iloc[-1]
    assert (upload["by"], upload["filename"], upload["kind"]) == ("lan", "dot1.csv", "actuals")
    assert upload["sha256"] == hashlib.sha256(FIRST.encode()).hexdigest()
    table = ingest.diff_table(outcome, "vi")
    assert table.columns[0] == "Thay đổi" and table.iloc[0]["Thay đổi"] == "Sửa"
    assert (table.iloc[0]["Giá trị cũ"], table.iloc[0]["Giá trị mới"]) == ("5", "6")
    assert table.iloc[0]["Nguồn mới"] == "dti.gov.vn (2025)" and table.iloc[0]["Nguồn cũ"] not in ("", "dti.gov.vn (2025)")
    assert ingest.diff_table(outcome, "en").iloc[1]["New value"] == "18.5"


def test_same_file_twice_is_a_no_op_and_changes_no_data(db, tmp_path, capsys):
    path = _file(tmp_path, "dot1.csv", FIRST)
    assert cli.main(["import", str(path)]) == 0
    before = store.load(db).actuals
    rows = _stored_rows(db)
    assert cli.main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "không làm thay đổi gì" in out
    assert store.uploads(db).iloc[-1]["status"] == "no_op"
    pd.testing.assert_frame_equal(store.load(db).actuals, before)
    assert _stored_rows(db) == rows


def test_dry_run_records_the_attempt_and_writes_no_data(db, tmp_path, capsys):
    rows = _stored_rows(db)
    assert cli.main(["import", str(_file(tmp_path, "dot1.csv", FIRST)), "--dry-run", "--by", "minh"]) == 0
    assert "Chạy thử" in capsys.readouterr().out
    assert _stored_rows(db) == rows
    assert _value(db, "7", 2024) is None
    last = store.uploads(db).iloc[-1]
    assert (last["status"], bool(last["dry_run"]), last["by"]) == ("dry_run", True, "minh")
    assert pd.isna(last["id"])


def test_dry_runs_and_no_ops_use_up_no_upload_number(db, tmp_path, capsys):
    path = _file(tmp_path, "dot1.csv", FIRST)
    assert cli.main(["import", str(path), "--dry-run"]) == 0
    assert cli.main(["import", str(path)]) == 0  # upload #2, right after the seed
    assert cli.main(["import", str(path)]) == 0  # the same file again: a no-op
    assert cli.main(["import", str(path), "--dry-run"]) == 0
    assert cli.main(["import", str(_file(tmp_path, "dot2.csv", SECOND))]) == 0
    assert "lần cập nhật #3" in capsys.readouterr().out.splitlines()[-1]
    history = store.uploads(db)
    assert history["id"].dropna().tolist() == [1, 2, 3]
    assert history["status"].tolist() == ["committed", "dry_run", "committed", "no_op", "dry_run", "committed"]


def test_preview_and_invalid_imports_write_nothing(db):
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    preview = ingest.preview_file(db, FIRST.encode(), "dot1.csv")
    assert (preview.status, preview.new, preview.changed) == ("preview", 1, 1)
    invalid = ingest.import_file(db, b"code,year,value,source\n99,2024,1,x\n", "bad.csv", "lan")
    assert invalid.status == "invalid" and not invalid.ok and invalid.upload_id is None
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


def test_history_lists_uploads_in_every_format(db, tmp_path, capsys):
    assert cli.main(["import", str(_file(tmp_path, "dot1.csv", FIRST)), "--by", "lan"]) == 0
    capsys.readouterr()
    assert cli.main(["history", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    for column in ("id", "at", "by", "filename", "sha256", "rows_new", "rows_changed", "status"):
        assert column in records[-1]
    assert (records[-1]["id"], records[-1]["by"], records[-1]["rows_new"], records[-1]["rows_changed"]) == (2, "lan", 1, 1)
    assert cli.main(["history", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("id,at,by,filename,sha256")
    assert cli.main(["history"]) == 0
    assert "dot1.csv" in capsys.readouterr().out


def test_history_prints_times_in_hue_time_like_the_page(db, tmp_path, capsys):
    assert cli.main(["import", str(_file(tmp_path, "dot1.csv", FIRST))]) == 0
    capsys.readouterr()
    assert cli.main(["history", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)[-1]["at"]
    stored = store.uploads(db).iloc[-1]["at"]  # naive UTC, as the database keeps it
    assert shown.endswith("+07:00")
    assert pd.Timestamp(shown).tz_convert("UTC").tz_localize(None) == pd.Timestamp(stored).floor("s")


def test_revert_restores_old_values_and_removes_new_cells(db, tmp_path, capsys):
    assert cli.main(["import", str(_file(tmp_path, "dot1.csv", FIRST))]) == 0
    assert (_value(db, "4", 2024), _value(db, "7", 2024)) == (6.0, 18.5)
    assert cli.main(["revert", "2", "--by", "lan"]) == 0
    assert "Đã hoàn tác lần cập nhật #2" in capsys.readouterr().out
    assert _value(db, "4", 2024) == 5.0  # the value before upload 2
    assert _value(db, "7", 2024) is None  # a cell upload 2 created is gone
    last = store.uploads(db).iloc[-1]
    assert (last["kind"], last["reverts"], last["by"]) == ("revert", 2, "lan")


def test_diff_table_shows_an_undo_as_restored_and_removed_cells(db):
    first = ingest.import_file(db, FIRST.encode(), "dot1.csv", "lan")
    undo = store.revert(db, first.upload_id, "lan")
    table = ingest.diff_table(undo, "vi", units={"4": {"vi": "Thứ bậc", "en": "rank"}})
    assert table[["Thay đổi", "Mã", "Giá trị cũ", "Giá trị mới"]].values.tolist() == [
        ["Sửa", "4", "6", "5"], ["Xóa", "7", "18,5", ""]]
    assert table.loc[0, "Đơn vị"] == "Thứ bậc"


def test_revert_is_refused_when_a_later_upload_changed_the_same_cells(db, tmp_path, capsys):
    assert cli.main(["import", str(_file(tmp_path, "dot1.csv", FIRST)), "--by", "lan"]) == 0
    assert cli.main(["import", str(_file(tmp_path, "dot2.csv", SECOND)), "--by", "minh"]) == 0
    capsys.readouterr()
    assert cli.main(["revert", "2"]) == 2
    err = capsys.readouterr().err
    assert "Không hoàn tác #2" in err and "#3" in err and "minh" in err and "dot2.csv" in err
    assert "4 2024" in err and "--force" in err
    assert _value(db, "4", 2024) == 7.0  # nothing changed
    assert cli.main(["revert", "2", "--force"]) == 0
    assert _value(db, "4", 2024) == 5.0  # forced: back to before upload 2
    assert _value(db, "7", 2024) is None
    assert _value(db, "9", 2024) == 75.0  # upload 3's own new cell stays


def test_revert_of_unknown_or_empty_uploads_is_refused(db, tmp_path, capsys):
    assert cli.main(["revert", "42"]) == 2
    assert "Không có lần cập nhật #42" in capsys.readouterr().err
    assert cli.main(["import", str(_file(tmp_path, "dot1.csv", FIRST)), "--dry-run"]) == 0
    assert cli.main(["revert", "2"]) == 2  # a dry run has no upload number to undo
    assert "Không có lần cập nhật #2" in capsys.readouterr().err
    with store.connect(db, read_only=False) as con:  # a dry run recorded as an upload by an older version
        con.execute("INSERT INTO uploads VALUES (2, now(), 'lan', 'old.csv', '', 'actuals', 1, 1, 0, 0, "
                    "'dry_run', true, NULL)")
    assert cli.main(["revert", "2"]) == 2
    assert "không có gì để hoàn tác" in capsys.readouterr().err


def test_progress_upload_commits_and_reverts(db, tmp_path):
    body = "task_no,period,status,progress_pct\n12,2025-H2,in_progress,40\n"
    outcome = ingest.import_file(db, body.encode(), "tiendo.csv", "lan")
    assert (outcome.status, outcome.kind, outcome.new) == ("committed", "progress", 1)
    assert ingest.diff_table(outcome, "vi").iloc[0]["Trạng thái mới"] == "Đang thực hiện"
    assert store.load(db).progress.iloc[0]["progress_pct"] == 40.0
    store.revert(db, outcome.upload_id, "lan")
    assert store.load(db).progress.empty
