"""Backup and restore: a consistent copy while imports commit, checked by its manifest, restored with the same
actuals, history and share links (old links still open); refusals change nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from hue57 import cli, ingest, share, store

ROOT = Path(__file__).resolve().parents[1]


def _state(db) -> dict[str, pd.DataFrame]:
    with store.connect(db) as con:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").df()  # noqa: S608
                for table in ("actuals", "uploads", "share_links", "meta", "users")}


def _link(db) -> str:
    return share.create_link(db, upload_id=None, as_of_year=2026, filters={}, lang="vi",
                             expires=dt.date.today() + dt.timedelta(days=30), by="lan").token


def test_restore_gives_the_same_actuals_history_and_links_and_old_links_open(db, tmp_path, capsys):
    ingest.import_file(db, "Mã;Năm;Giá trị;Nguồn\n7;2025;21,5;Cục Thống kê\n".encode(), "a.csv", "lan")
    token = _link(db)
    assert cli.main(["backup", str(tmp_path / "bk")]) == 0
    assert "Đã sao lưu" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    assert manifest["schema_version"] == store.SCHEMA_VERSION and manifest["tables"]["uploads"] == 2
    assert set(manifest["files"]) >= {"schema.sql", "actuals.parquet", "share_links.parquet"}
    assert oct((tmp_path / "bk").stat().st_mode & 0o777) == "0o700"  # password hashes and the link secret
    restored = tmp_path / "restored.duckdb"
    assert cli.main(["--db", str(restored), "restore", str(tmp_path / "bk")]) == 0
    before, after = _state(db), _state(restored)
    for table in before:
        pd.testing.assert_frame_equal(before[table], after[table], check_dtype=False)
    os.environ.pop("HUE57_SECRET", None)
    view = share.open_link(restored, token)
    assert view.upload_id == 2


def test_restore_refuses_an_existing_database_without_force(db, tmp_path, capsys):
    store.backup(db, tmp_path / "bk")
    ingest.import_file(db, "Mã;Năm;Giá trị;Nguồn\n7;2025;21,5;Cục Thống kê\n".encode(), "a.csv", "lan")
    digest = db.read_bytes()
    assert cli.main(["restore", str(tmp_path / "bk")]) == 2
    assert "đã có. Để thay nó bằng bản sao lưu, chạy lại với --force" in capsys.readouterr().err
    assert db.read_bytes() == digest
    assert cli.main(["restore", str(tmp_path / "bk"), "--force"]) == 0
    assert store.load(db).upload_id == 1  # back to the backup's moment


@pytest.mark.parametrize("damage, message", [
    ("newer", f"mới hơn phiên bản {store.SCHEMA_VERSION} của chương trình này"),
    ("tampered", "actuals.parquet của bản sao lưu đã bị thay đổi hoặc hỏng"),
    ("missing", "Bản sao lưu thiếu tệp users.parquet"),
    ("no_manifest", "không phải là bản sao lưu của hue57"),
])
def test_a_damaged_or_newer_backup_is_refused_and_nothing_is_written(damage, message, db, tmp_path, capsys):
    folder = tmp_path / "bk"
    store.backup(db, folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    if damage == "newer":
        manifest["schema_version"] = 99
        (folder / "manifest.json").write_text(json.dumps(manifest))
    elif damage == "tampered":
        with (folder / "actuals.parquet").open("ab") as f:
            f.write(b"\0")
    elif damage == "missing":
        (folder / "users.parquet").unlink()
    else:
        (folder / "manifest.json").unlink()
    target = tmp_path / "new.duckdb"
    assert cli.main(["--db", str(target), "restore", str(folder)]) == 2
    assert message in capsys.readouterr().err
    assert not target.exists() and not list(tmp_path.glob(".new.duckdb.restoring*"))


def test_backup_refuses_a_directory_that_is_not_empty(db, tmp_path, capsys):
    (tmp_path / "bk").mkdir()
    (tmp_path / "bk" / "keep.txt").write_text("x")
    assert cli.main(["backup", str(tmp_path / "bk")]) == 2
    assert "đã có tệp" in capsys.readouterr().err
    assert os.listdir(tmp_path / "bk") == ["keep.txt"]


_IMPORTS = r"""
import sys
from hue57 import ingest
db = sys.argv[1]
for i in range(int(sys.argv[2])):
    rows = "".join(f"{code};{2001 + i};{i + 1};nguồn {i}\n" for code in ("7", "8.1", "9", "16"))
    out = ingest.import_file(db, ("Mã;Năm;Giá trị;Nguồn\n" + rows).encode(), f"f{i}.csv", "writer", accept_warnings=True)
    assert out.status == "committed", out.status
"""


def test_a_backup_taken_while_imports_commit_restores_to_a_moment_between_them(db, tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", _IMPORTS, str(db), "6"], cwd=ROOT)
    backups = []
    while (writer.poll() is None and len(backups) < 6) or not backups:
        folder = tmp_path / f"bk{len(backups)}"
        store.backup(db, folder)
        backups.append(folder)
        time.sleep(0.3)  # let the writer take the file between two backups
    assert writer.wait(timeout=120) == 0
    counts = set()
    for i, folder in enumerate(backups):
        restored = tmp_path / f"r{i}.duckdb"
        store.restore(restored, folder)
        snap = _state(restored)
        uploads, actuals = snap["uploads"], snap["actuals"]
        # every upload whole: its record and exactly the cells it wrote, nothing of an upload not recorded
        written = actuals.groupby("upload_id").size()
        for row in uploads.itertuples():
            assert written.get(row.id, 0) == row.rows_new + row.rows_changed, (folder, row.id)
        assert set(written.index) <= set(uploads["id"])
        counts.add(len(uploads))
    assert counts <= set(range(1, 8))


def _reseal(folder: Path, manifest: dict | None = None) -> None:
    """The manifest rewritten with every file's sha256 updated, as someone editing a backup by hand would."""
    manifest = manifest or json.loads((folder / "manifest.json").read_text())
    manifest["files"] = {f.name: store._backup._sha256(f) for f in sorted(folder.iterdir()) if f.name != "manifest.json"}
    (folder / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.parametrize("smuggled", [
    "COPY (SELECT 42) TO '{out}';",
    "CREATE TABLE stolen AS SELECT read_text('/etc/hostname') AS content;",
    "CREATE TABLE uploads_copy (x VARCHAR DEFAULT (read_text('/etc/hostname')));",
    "ATTACH '{out}.duckdb' AS other;",
    "CREATE MACRO m(x) AS x;",
    "-- a comment ;\nCREATE VIEW v AS SELECT read_text('/etc/hostname');",
])
def test_a_smuggled_statement_in_schema_sql_is_refused_and_runs_nothing(smuggled, db, tmp_path, capsys):
    """The restore never runs schema.sql: each statement is parsed by DuckDB and must create one of our own
    tables, sequences or indexes; with the sha256 updated the backup still restores nothing, writes no file."""
    folder, out = tmp_path / "bk", tmp_path / "written.csv"
    store.backup(db, folder)
    schema = (folder / "schema.sql").read_text()
    (folder / "schema.sql").write_text(schema.replace(";\n", ";\n" + smuggled.format(out=out) + "\n", 1))
    _reseal(folder)
    target = tmp_path / "new.duckdb"
    assert cli.main(["--db", str(target), "restore", str(folder)]) == 2
    assert "có câu lệnh không thuộc cấu trúc của hue57" in capsys.readouterr().err
    assert not target.exists() and not out.exists() and not Path(f"{out}.duckdb").exists()
    assert not list(tmp_path.glob(".new.duckdb.restoring*"))


def test_a_create_table_of_ours_with_a_default_of_its_own_is_never_evaluated(db, tmp_path):
    """A CREATE TABLE of one of our tables passes the check, but our own DDL is what runs: a default written
    into the backup's schema.sql (reading a file of the server) never reaches the restored database."""
    folder = tmp_path / "bk"
    store.backup(db, folder)
    schema = (folder / "schema.sql").read_text()
    assert "CREATE TABLE meta(" in schema
    schema = schema.replace("CREATE TABLE meta(", "CREATE TABLE meta(leak VARCHAR DEFAULT(read_text('/etc/hostname')), ")
    (folder / "schema.sql").write_text(schema)
    _reseal(folder)
    store.restore(tmp_path / "new.duckdb", folder)
    with store.connect(tmp_path / "new.duckdb") as con:
        columns = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = 'meta'").fetchall()]
    assert "leak" not in columns


@pytest.mark.parametrize("where", ["folder_and_manifest", "everywhere"])
def test_a_backup_missing_a_table_is_refused(where, db, tmp_path, capsys):
    folder = tmp_path / "bk"
    store.backup(db, folder)
    (folder / "share_links.parquet").unlink()
    manifest = json.loads((folder / "manifest.json").read_text())
    del manifest["tables"]["share_links"]
    if where == "everywhere":
        schema = (folder / "schema.sql").read_text()
        lines = [line for line in schema.splitlines() if not line.startswith("CREATE TABLE share_links")]
        (folder / "schema.sql").write_text("\n".join(lines) + "\n")
    _reseal(folder, manifest)
    target = tmp_path / "new.duckdb"
    assert cli.main(["--db", str(target), "restore", str(folder)]) == 2
    assert "Bản sao lưu thiếu bảng share_links" in capsys.readouterr().err
    assert not target.exists()


def test_with_an_instance_secret_a_hand_edited_backup_is_refused_unless_accepted_as_foreign(db, tmp_path, capsys,
                                                                                          monkeypatch):
    monkeypatch.setenv("HUE57_SECRET", "the-instance-secret-of-this-server-0123456789")
    folder = tmp_path / "bk"
    store.backup(db, folder)
    assert len(json.loads((folder / "manifest.json").read_text())["signature"]) == 64
    store.restore(tmp_path / "same.duckdb", folder)  # signed here: restored here
    (folder / "schema.sql").write_text((folder / "schema.sql").read_text() + "\n")  # a harmless edit, resealed
    _reseal(folder)
    target = tmp_path / "new.duckdb"
    assert cli.main(["--db", str(target), "restore", str(folder)]) == 2
    assert "không mang chữ ký của máy chủ này" in capsys.readouterr().err and not target.exists()
    assert cli.main(["--db", str(target), "restore", str(folder), "--accept-foreign"]) == 0
    monkeypatch.setenv("HUE57_SECRET", "another-server-with-its-own-secret-0123456789")
    store.backup(db, tmp_path / "bk2")
    monkeypatch.setenv("HUE57_SECRET", "the-instance-secret-of-this-server-0123456789")
    with pytest.raises(store.BackupRefused):
        store.restore(tmp_path / "other.duckdb", tmp_path / "bk2")
