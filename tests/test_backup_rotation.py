"""Backups as a service: `backup --keep N` keeps the newest N, never deletes the only good backup nor anything
that is not a hue57 backup; `backup verify DIR` (the restore drill) restores into a temporary database and
compares each table's rows and checksum with the manifest."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from hue57 import audit, cli, ingest, store
from hue57.store import _rotate


@pytest.fixture(autouse=True)
def _quiet_audit():
    yield
    audit.use_stream(None)
    audit.use_origin(None)


def _backups(folder) -> list[str]:
    return sorted(p.name for p, _ in _rotate.backups_in(folder))


def _three(db, folder) -> list[str]:
    """Three backups an hour apart, named as the service names them."""
    for hour in (1, 2, 3):
        _rotate.backup_rotated(db, folder, keep=10, now=dt.datetime(2026, 6, 10, hour, tzinfo=dt.UTC))
    return _backups(folder)


def _damage(backup_dir) -> None:
    parquet = next(backup_dir.glob("actuals.parquet"))
    parquet.write_bytes(parquet.read_bytes()[:-10] + b"0" * 10)


def test_a_run_writes_a_dated_backup_and_keeps_the_newest_n(db, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "bk"
    assert _three(db, folder) == ["2026-06-10T010000", "2026-06-10T020000", "2026-06-10T030000"]
    monkeypatch.setenv("HUE57_BACKUP_DIR", str(folder))
    assert cli.main(["--lang", "en", "backup", "--keep", "2"]) == 0
    out = capsys.readouterr().out
    kept = _backups(folder)
    assert len(kept) == 2 and kept[0] == "2026-06-10T030000"  # the newest two: 03:00 and the run just made
    assert "Kept the newest 2 backups" in out and "Removed 2 old backups: 2026-06-10T020000, 2026-06-10T010000" in out
    assert not (folder / "2026-06-10T010000").exists()


def test_backup_dir_keep_rotates_beside_the_named_directory(db, tmp_path, capsys):
    folder = tmp_path / "bk"
    _three(db, folder)
    assert cli.main(["backup", str(folder / "by-hand"), "--keep", "1"]) == 0
    assert _backups(folder) == ["by-hand"]


def test_the_only_good_backup_is_never_deleted(db, tmp_path):
    folder = tmp_path / "bk"
    names = _three(db, folder)
    for name in names[1:]:  # the two newest damaged: only the oldest still restores
        _damage(folder / name)
    kept, removed = _rotate.rotate(folder, keep=1)
    assert sorted(p.name for p in kept) == [names[0], names[2]]  # the newest, and the newest good one
    assert [p.name for p in removed] == [names[1]]


def test_rotation_deletes_nothing_that_is_not_a_hue57_backup(db, tmp_path):
    folder = tmp_path / "bk"
    names = _three(db, folder)
    (folder / "README.txt").write_text("notes of the IT centre")
    (folder / "other-tool").mkdir()
    (folder / "other-tool" / "dump.sql").write_text("--")
    (folder / "fake").mkdir()
    (folder / "fake" / "manifest.json").write_text(json.dumps({"format": "something-else"}))
    (folder / names[0] / "operator-note.txt").write_text("checked by Lan")  # added inside an old backup
    _rotate.rotate(folder, keep=1)
    assert (folder / "README.txt").exists() and (folder / "other-tool" / "dump.sql").exists()
    assert (folder / "fake" / "manifest.json").exists()
    assert sorted(p.name for p in (folder / names[0]).iterdir()) == ["operator-note.txt"]  # the backup's own files went
    assert not (folder / names[1]).exists() and (folder / names[2]).exists()


def test_keep_below_one_is_refused_before_anything_is_written(db, tmp_path, capsys):
    assert cli.main(["--lang", "en", "backup", str(tmp_path / "bk" / "x"), "--keep", "0"]) == 2
    assert "at least 1 backup must be kept" in capsys.readouterr().err
    assert not (tmp_path / "bk").exists()


def test_backup_without_a_folder_is_refused(db, capsys, monkeypatch):
    monkeypatch.delenv("HUE57_BACKUP_DIR", raising=False)
    monkeypatch.setenv("HUE57_CONFIG", "/dev/null")
    assert cli.main(["--lang", "en", "backup"]) == 2
    assert "Nowhere to back up to" in capsys.readouterr().err


def test_verify_restores_and_matches_every_table(db, tmp_path, capsys):
    ingest.import_file(db, "code,year,value,source\n8.2,2026,95,Kiểm thử\n".encode(), "a.csv", "lan")
    store.backup(db, tmp_path / "bk")
    assert cli.main(["--lang", "en", "backup", "verify", str(tmp_path / "bk"), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    rows = json.loads(out.splitlines()[-1])  # before it, the library calls' own audit lines (stdout outside the CLI)
    by_table = {r["table"]: r for r in rows}
    assert by_table["actuals"]["rows_restored"] == by_table["actuals"]["rows_manifest"] > 0
    assert all(r["ok"] and r["checksum_manifest"] == r["checksum_restored"] for r in rows)
    assert "row counts and checksums of its" in err


def test_verify_finds_a_changed_row_the_file_checksums_cannot_see(db, tmp_path, capsys):
    """A backup whose manifest was rewritten to match edited Parquet still fails the drill: the content
    checksum was taken from the live database when the backup was made."""
    store.backup(db, tmp_path / "bk")
    bk = tmp_path / "bk"
    import pandas as pd

    frame = pd.read_parquet(bk / "agencies.parquet")
    frame.loc[0, "name_vi"] += " (sửa)"
    frame.to_parquet(bk / "agencies.tmp.parquet", index=False)
    shutil.move(bk / "agencies.tmp.parquet", bk / "agencies.parquet")
    manifest = json.loads((bk / "manifest.json").read_text())
    manifest["files"]["agencies.parquet"] = store._backup._sha256(bk / "agencies.parquet")
    (bk / "manifest.json").write_text(json.dumps(manifest))
    assert cli.main(["--lang", "en", "backup", "verify", str(bk)]) == 2
    err = capsys.readouterr().err
    assert "does NOT match its manifest in 1 table: agencies" in err


def test_verify_refuses_a_damaged_file(db, tmp_path, capsys):
    store.backup(db, tmp_path / "bk")
    _damage(tmp_path / "bk")
    assert cli.main(["--lang", "en", "backup", "verify", str(tmp_path / "bk")]) == 2
    assert "actuals.parquet" in capsys.readouterr().err


def test_verify_without_a_directory_checks_the_newest_backup(db, tmp_path, capsys, monkeypatch):
    _three(db, tmp_path / "bk")
    monkeypatch.setenv("HUE57_BACKUP_DIR", str(tmp_path / "bk"))
    monkeypatch.setenv("HUE57_AUDIT", "on")
    assert cli.main(["backup", "verify"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().err.splitlines() if x.startswith("{")]
    verified = [x for x in lines if x["audit"] == "backup.verify"]
    assert verified[0]["backup"].endswith("2026-06-10T030000") and verified[0]["ok"] is True
