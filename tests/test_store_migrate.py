"""Schema migrations: a database of the released schema (v1) is brought up to date keeping every row."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from hue57 import share, store
from hue57.cli import main
from hue57.store._schema import SCHEMA_VERSION

RELEASE = Path(__file__).resolve().parent / "data" / "release_v1"
SECRET = "fixture-secret-0123456789abcdef0123456789abcdef"
TABLES = ("actuals", "uploads", "users", "share_links", "task_progress", "targets", "tasks", "agencies")


@pytest.fixture
def released_db(tmp_path, monkeypatch) -> Path:
    """The database the released code made (see tests/data/release_v1/README.md), rebuilt from its export."""
    path = tmp_path / "released.duckdb"
    con = duckdb.connect(str(path))
    con.execute((RELEASE / "schema.sql").read_text())
    con.execute((RELEASE / "load.sql").read_text().replace("{dir}", RELEASE.as_posix()))
    con.close()
    monkeypatch.setenv("HUE57_DB", str(path))
    monkeypatch.setenv("HUE57_SECRET", SECRET)
    return path


def _rows(path: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t}").df() for t in TABLES}  # noqa: S608 — constant names
    finally:
        con.close()


def test_released_database_migrates_keeping_every_row(released_db):
    before = _rows(released_db)
    assert store.ensure_current(released_db) is True
    after = _rows(released_db)
    for table in TABLES:
        old = before[table]
        pd.testing.assert_frame_equal(after[table][old.columns], old, check_dtype=False)
    assert after["actuals"]["basis"].isna().all()
    with store.connect(released_db) as con:
        assert store.schema_version(con) == SCHEMA_VERSION
    assert store.ensure_current(released_db) is False  # a second run changes nothing


def test_released_meeting_link_still_opens_after_migration(released_db):
    store.ensure_current(released_db)
    token = (RELEASE / "token.txt").read_text().strip()
    view = share.open_link(released_db, token, count=False)
    assert view.upload_id == 3


def test_released_user_still_signs_in_after_migration(released_db):
    from hue57 import auth
    store.init(released_db)  # `init` on an old database migrates it
    assert auth.authenticate(released_db, "chuyen_vien", "mat-khau-rat-dai")


def test_migrated_database_accepts_a_rank_with_its_basis(released_db):
    store.ensure_current(released_db)
    record = store.UploadRecord(by="chuyen_vien", filename="dti.csv", sha256="x")
    frame = pd.DataFrame({"code": ["4"], "year": [2025], "value": [2.0], "status": [None],
                          "source": ["dti.gov.vn"], "note": [None], "basis": pd.array([34], dtype="Int64")})
    store.commit_upload(released_db, record, actuals=frame)
    row = store.load(released_db).actuals.query("code == '4' and year == 2025").iloc[0]
    assert row["basis"] == 34


def test_failed_migration_leaves_the_old_schema(released_db, monkeypatch):
    from hue57.store import _migrate
    monkeypatch.setitem(_migrate.MIGRATIONS, SCHEMA_VERSION, (*_migrate.MIGRATIONS[SCHEMA_VERSION], "SELECT nonsense("))
    before = _rows(released_db)
    with pytest.raises(duckdb.Error):
        store.ensure_current(released_db)
    with store.connect(released_db) as con:
        assert store.schema_version(con) == 1
        assert "basis" not in con.execute("SELECT * FROM actuals LIMIT 0").df().columns
    for table in TABLES:
        pd.testing.assert_frame_equal(_rows(released_db)[table], before[table])


def test_newer_database_is_refused_with_a_clear_message(db, capsys):
    with store.connect(db, read_only=False) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    with pytest.raises(store.DatabaseNewer):
        store.ensure_current(db)
    assert main(["init"]) == 2
    err = capsys.readouterr().err
    assert f"lược đồ {SCHEMA_VERSION + 1}" in err and "cập nhật hue57" in err


def test_migration_brings_the_english_glosses_of_the_plan(released_db):
    store.ensure_current(released_db)
    snap = store.load(released_db)
    assert snap.targets["text_en"].notna().all()
    assert snap.tasks.loc[snap.tasks["no"] == 1, "title_en"].iloc[0].startswith("Develop and submit")


def test_released_database_reaches_schema_3_with_agency_accounts_and_reports(released_db):
    before = _rows(released_db)
    store.ensure_current(released_db)
    after = _rows(released_db)
    assert SCHEMA_VERSION >= 3
    assert after["users"]["agency_id"].isna().all()  # every released account kept, none bound to an agency
    for table in TABLES:
        pd.testing.assert_frame_equal(after[table][before[table].columns], before[table], check_dtype=False)
    token = (RELEASE / "token.txt").read_text().strip()
    assert share.open_link(released_db, token, count=False).upload_id == 3
    from hue57 import auth, reporting
    auth.add_user(released_db, "khcn", "agency", "mat-khau-rat-dai", agency_id="so_khcn")
    assert auth.authenticate(released_db, "khcn", "mat-khau-rat-dai").agency_id == "so_khcn"
    assert auth.authenticate(released_db, "chuyen_vien", "mat-khau-rat-dai").role == "analyst"
    assert (reporting.report_states(released_db, "2026-H2")["state"] == "missing").all()


def test_released_database_reaches_schema_4_with_sessions_and_managed_accounts(released_db):
    from hue57 import auth

    store.ensure_current(released_db)
    assert SCHEMA_VERSION >= 4
    row = auth.accounts(released_db).set_index("name").loc["chuyen_vien"]
    assert row["state"] == "active" and pd.isna(row["email"]) and pd.isna(row["last_sign_in"])
    assert auth.authenticate(released_db, "chuyen_vien", "mat-khau-rat-dai")  # the released password still opens it
    token, _ = auth.start_session(released_db, "chuyen_vien")
    assert auth.identity(released_db, token).role == "analyst"
    auth.set_disabled(released_db, "chuyen_vien", True, by="cli:test")
    assert auth.identity(released_db, token) is None
    assert auth.account_changes(released_db)["action"].tolist() == ["disable"]
