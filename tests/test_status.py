"""`status`: database reachable, schema version, last upload, last backup and its age, secret set; exit 2 when
the database cannot be opened, a warning when the last backup is old."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from hue57 import audit, cli, ingest, store
from hue57.store import _rotate


@pytest.fixture(autouse=True)
def _clean(monkeypatch):
    for name in ("HUE57_SECRET", "HUE57_SECRET_FILE", "HUE57_BACKUP_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HUE57_CONFIG", "/dev/null")
    yield
    audit.use_stream(None)
    audit.use_origin(None)


def _status(capsys, *extra) -> tuple[int, str, str]:
    code = cli.main(["--lang", "en", "status", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_status_of_a_serving_database(db, tmp_path, capsys, monkeypatch):
    ingest.import_file(db, "code,year,value,source\n8.2,2026,95,Kiểm thử\n".encode(), "so_lieu.csv", "lan")
    _rotate.backup_rotated(db, tmp_path / "bk", keep=3)
    monkeypatch.setenv("HUE57_BACKUP_DIR", str(tmp_path / "bk"))
    code, out, err = _status(capsys, "--format", "json")
    assert code == 0, err
    state = json.loads(out[out.index("{\n"):])
    assert state["reachable"] is True and state["schema_version"] == store.SCHEMA_VERSION
    assert state["last_upload"]["filename"] == "so_lieu.csv" and state["last_upload"]["by"] == "lan"
    assert state["last_backup"].startswith(str(tmp_path / "bk")) and state["backup_age_hours"] < 1
    assert state["secret_set"] is True  # the one init kept in the database
    code, out, _ = _status(capsys)
    assert "Database" in out and "reachable" in out and "so_lieu.csv" in out and "0 hours ago" in out
    assert "set (from the random one init kept in the database)" in out


def test_an_old_backup_is_a_warning(db, tmp_path, capsys, monkeypatch):
    _rotate.backup_rotated(db, tmp_path / "bk", keep=3, now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    manifest = next((tmp_path / "bk").iterdir()) / "manifest.json"
    data = json.loads(manifest.read_text())
    data["created_at"] = (dt.datetime.now(dt.UTC) - dt.timedelta(days=3)).replace(microsecond=0).isoformat()
    manifest.write_text(json.dumps(data))
    monkeypatch.setenv("HUE57_BACKUP_DIR", str(tmp_path / "bk"))
    code, out, err = _status(capsys)
    assert code == 0 and "3 days ago" in out
    assert "the last backup is older than 36 hours" in err


def test_no_backup_yet_is_a_warning(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HUE57_BACKUP_DIR", str(tmp_path / "empty"))
    code, _, err = _status(capsys)
    assert code == 0 and "there is no backup yet" in err


def test_an_unreachable_database_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HUE57_DB", str(tmp_path / "none.duckdb"))
    code, out, err = _status(capsys)
    assert code == 2
    assert "missing (run: python -m hue57 init)" in out + err


def test_a_secret_from_the_settings_names_its_source(db, capsys, monkeypatch):
    monkeypatch.setenv("HUE57_SECRET", "z" * 40)
    code, out, _ = _status(capsys)
    assert code == 0 and "set (from HUE57_SECRET)" in out and "z" * 8 not in out
