"""One JSON audit line per action — who, when, from where, what — at every action site: sign-ins (success and
refusal, with the client address), accounts, uploads (commit, dry run, refusal), reverts, report steps (submit,
return, accept, refusal), links created and revoked, backups and restores. The CLI writes them to stderr."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from hue57 import audit, auth, cli, ingest, reporting, share, store
from tests.test_report_cycle import KHCN, PERIOD, _filled_forms

GOOD_CSV = "code,year,value,source\n8.2,2026,95,Báo cáo kiểm thử\n".encode()
BAD_CSV = "code,year,value,source\n999,2026,95,Báo cáo kiểm thử\n".encode()


@pytest.fixture
def lines():
    """The audit lines written during the test, parsed (stream and origin reset afterwards)."""
    stream = io.StringIO()
    audit.use_stream(stream)
    audit.use_origin(None)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    audit.use_stream(None)
    audit.use_origin(None)


def _one(found: list[dict], action: str) -> dict:
    matching = [line for line in found if line["audit"] == action]
    assert len(matching) == 1, (action, found)
    return matching[0]


def test_a_line_says_who_when_from_where_and_what(lines):
    line = audit.record("link.create", who="lan", where="10.0.0.5", link=3, none_dropped=None)
    assert lines() == [line]
    assert line["who"] == "lan" and line["from"] == "10.0.0.5" and line["ok"] is True and line["link"] == 3
    assert "none_dropped" not in line
    assert dt.datetime.fromisoformat(line["ts"]).tzinfo is not None  # UTC, with its offset


def test_the_origin_fills_where_a_call_names_none(lines):
    audit.use_origin(lambda: "198.51.100.4", who="cli:lan")
    audit.record("upload.revert", who=None, reverts=2)
    audit.use_origin(lambda: 1 / 0)  # an origin that fails never fails the action
    audit.record("upload.revert", who="lan", reverts=3)
    first, second = lines()
    assert (first["who"], first["from"]) == ("cli:lan", "198.51.100.4")
    assert (second["who"], second["from"]) == ("lan", "")


def test_sign_in_success_and_refusal_with_the_client_address(db, lines):
    auth.add_user(db, "lan", "analyst", "mat-khau-dai-du")
    added = _one(lines(), "user.create")
    assert (added["name"], added["role"], added["ok"]) == ("lan", "analyst", True)
    auth.authenticate(db, "lan", "mat-khau-dai-du", client="203.0.113.7")
    auth.authenticate(db, "lan", "sai-mat-khau", client="198.51.100.9")
    ins = [line for line in lines() if line["audit"] == "sign_in"]
    assert [(i["who"], i["from"], i["ok"], i["outcome"]) for i in ins] == [
        ("lan", "203.0.113.7", True, "success"), ("lan", "198.51.100.9", False, "wrong_password")]
    assert "sai-mat-khau" not in json.dumps(lines())  # never a password


def test_uploads_commit_dry_run_and_refusal(db, lines):
    ingest.import_file(db, GOOD_CSV, "dry.csv", "lan", dry_run=True)
    ingest.import_file(db, GOOD_CSV, "good.csv", "lan")
    ingest.import_file(db, BAD_CSV, "bad.csv", "lan")
    ups = [line for line in lines() if line["audit"] == "upload"]
    assert [(u["status"], u["ok"], u["file"]) for u in ups] == [
        ("dry_run", True, "dry.csv"), ("committed", True, "good.csv"), ("invalid", False, "bad.csv")]
    assert ups[1]["upload"] and ups[1]["new"] == 1 and ups[1]["who"] == "lan" and len(ups[1]["sha256"]) == 64
    assert ups[2]["errors"] >= 1


def test_revert_done_and_refused(db, lines):
    first = ingest.import_file(db, GOOD_CSV, "good.csv", "lan").upload_id
    later = "code,year,value,source\n8.2,2026,96,Báo cáo sau\n".encode()
    ingest.import_file(db, later, "later.csv", "lan")
    with pytest.raises(store.RevertRefused):
        store.revert(db, first, "lan")
    store.revert(db, first, "lan", force=True)
    reverts = [line for line in lines() if line["audit"] == "upload.revert"]
    assert [(r["ok"], r["reverts"]) for r in reverts] == [(False, first), (True, first)]
    assert reverts[0]["reason"] == "overwritten_later" and reverts[1]["upload"] > first


def test_report_submit_return_accept_and_refusal(db, lines):
    _, tasks, figures = _filled_forms(db)
    _, sub = reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    reporting.return_report(db, sub["id"], by="lan", comment="Bổ sung minh chứng")
    with pytest.raises(reporting.ReportRefused):
        reporting.return_report(db, sub["id"], by="lan", comment="Lần hai")  # already returned
    reporting.save_form(db, KHCN, PERIOD, tasks=tasks, indicators=figures, submit=True)
    _, result = reporting.accept_report(db, sub["id"], by="lan")
    steps = [(line["audit"], line["who"], line["ok"]) for line in lines() if line["audit"].startswith("report.")]
    assert steps == [("report.submit", "khcn", True), ("report.return", "lan", True),
                     ("report.return", "lan", False), ("report.submit", "khcn", True),
                     ("report.accept", "lan", True)]
    accepted = _one(lines(), "report.accept")
    assert accepted["agency"] == "so_khcn" and accepted["period"] == PERIOD and accepted["upload"] == result.upload_id


def test_links_created_and_revoked(db, lines, monkeypatch):
    monkeypatch.delenv("HUE57_SECRET", raising=False)
    link = share.create_link(db, upload_id=None, as_of_year=2025, filters={"group": "I"}, lang="vi",
                             expires=dt.date.today() + dt.timedelta(days=30), by="lan")
    share.revoke(db, link.id, "lan")
    created, revoked = _one(lines(), "link.create"), _one(lines(), "link.revoke")
    assert created["link"] == link.id and created["who"] == "lan" and created["filters"] == {"group": "I"}
    assert link.token not in json.dumps(lines())  # the token opens the link: never in a log
    assert revoked["link"] == link.id and revoked["outcome"] == "revoked"


def test_backup_and_restore(db, tmp_path, lines):
    store.backup(db, tmp_path / "bk")
    store.restore(tmp_path / "copy.duckdb", tmp_path / "bk")
    assert _one(lines(), "backup")["path"] == str(tmp_path / "bk")
    assert _one(lines(), "restore")["path"] == str(tmp_path / "copy.duckdb")


def test_the_cli_writes_audit_lines_to_stderr_and_keeps_stdout_for_data(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HUE57_AUDIT", "auto")  # stderr is not a terminal here: as under systemd or cron
    upload = tmp_path / "so_lieu.csv"
    upload.write_bytes(GOOD_CSV)
    try:
        assert cli.main(["import", str(upload), "--by", "lan"]) == 0
        out, err = capsys.readouterr()
        assert '"audit"' not in out
        line = json.loads(next(x for x in err.splitlines() if x.startswith("{")))
        assert line["audit"] == "upload" and line["who"] == "lan" and line["from"] == "cli"
        assert cli.main(["history", "--format", "csv"]) == 0
        out, _ = capsys.readouterr()
        assert '"audit"' not in out
    finally:
        audit.use_stream(None)
        audit.use_origin(None)


def test_a_command_at_a_terminal_prints_no_audit_lines_unless_asked(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("HUE57_AUDIT", "auto")
    assert audit.cli_stream(terminal := Terminal()) is not terminal
    monkeypatch.setenv("HUE57_AUDIT", "on")
    assert audit.cli_stream(terminal) is terminal
    monkeypatch.setenv("HUE57_AUDIT", "off")
    assert audit.cli_stream(io.StringIO()) is not None and audit.cli_stream(pipe := io.StringIO()) is not pipe
