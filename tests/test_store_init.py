"""The store: `init` from data/, round trip of the plan and actuals, idempotence, locking."""

import hashlib
import subprocess
import sys
import textwrap
import time

import pandas as pd

from hue57 import store
from hue57.cli import main


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_creates_every_plan_table_and_the_seed_upload(tmp_path):
    path = tmp_path / "new.duckdb"
    result = store.init(path)
    assert result.created
    assert (result.targets, result.tasks, result.actuals) == (42, 70, 24)
    snap = store.load(path)
    assert snap.upload_id == 1
    assert len(snap.targets) == 42 and len(snap.tasks) == 70 and len(snap.actuals) == 24
    history = store.uploads(path)
    assert history.loc[0, "by"] == "init" and history.loc[0, "kind"] == "seed"


def test_round_trip_keeps_codes_as_text_and_values_exact(db):
    snap = store.load(db)
    plan = store.read_plan_targets()
    pd.testing.assert_frame_equal(
        snap.targets[["code", "comparator", "value", "value_hi"]],
        plan[["code", "comparator", "value", "value_hi"]], check_dtype=False)
    assert "8.10" in set(snap.targets["code"]) and "8.1" in set(snap.targets["code"])
    shipped = store.read_plan_actuals().sort_values(["code", "year"]).reset_index(drop=True)
    stored = snap.actuals.sort_values(["code", "year"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(stored[["code", "year", "value", "source"]],
                                  shipped[["code", "year", "value", "source"]], check_dtype=False)
    assert (stored["upload_id"] == 1).all()


def test_second_init_changes_nothing_and_says_so(db, capsys):
    before = _digest(db)
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert "không thay đổi" in out
    assert _digest(db) == before
    assert store.init(db).created is False


def test_reading_a_missing_database_says_to_run_init(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.duckdb"), "targets"]) == 2
    err = capsys.readouterr().err
    assert "python -m hue57 init" in err and "Traceback" not in err


def _hold_lock(db, read_only: bool, seconds: float) -> subprocess.Popen:
    """Another process (like the serving dashboard) holding a connection for a while."""
    code = textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r}, read_only={read_only})
        print("holding", flush=True)
        time.sleep({seconds})
        con.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_cli_read_while_dashboard_reads_succeeds(db):
    holder = _hold_lock(db, read_only=True, seconds=3)
    try:
        out = subprocess.run([sys.executable, "-m", "hue57", "--db", str(db), "actuals", "--format", "csv"],
                             capture_output=True, text=True, timeout=60)
    finally:
        holder.wait(timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("\n") == 25


def test_cli_waits_for_a_writer_and_then_succeeds(db):
    holder = _hold_lock(db, read_only=False, seconds=1.5)
    started = time.monotonic()
    try:
        out = subprocess.run([sys.executable, "-m", "hue57", "--db", str(db), "targets", "--format", "json"],
                             capture_output=True, text=True, timeout=60)
    finally:
        holder.wait(timeout=30)
    assert out.returncode == 0, out.stderr
    assert time.monotonic() - started >= 1.0  # it waited for the lock rather than failing
    assert out.stdout.count('"code"') == 42


def test_cli_gives_up_on_a_long_lock_with_a_message_not_a_traceback(db):
    holder = _hold_lock(db, read_only=False, seconds=8)
    try:
        out = subprocess.run([sys.executable, "-m", "hue57", "--db", str(db), "targets"],
                             capture_output=True, text=True, timeout=60,
                             env={**__import__("os").environ, "HUE57_LOCK_TIMEOUT": "1"})
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert out.returncode == 2
    assert "đang bận" in out.stderr and "Traceback" not in out.stderr


def test_threads_of_one_process_take_turns_between_reads_and_writes(db):
    """A Streamlit server's sessions are threads: a write while another thread reads must wait, not fail."""
    import threading

    reading = threading.Event()
    done = threading.Event()
    errors: list[Exception] = []

    def slow_reader():
        try:
            with store.connect(db) as con:
                reading.set()
                con.execute("SELECT count(*) FROM targets").fetchone()
                done.wait(0.5)
        except Exception as exc:  # noqa: BLE001 — the assertion below reports it
            errors.append(exc)

    reader = threading.Thread(target=slow_reader)
    reader.start()
    reading.wait(5)
    frame = pd.DataFrame([{"code": "8.1", "year": 2026, "value": 92.0, "status": None, "source": "kiểm thử",
                           "note": None}])
    result = store.commit_upload(db, store.UploadRecord(by="t", filename="t.csv", sha256="x"), actuals=frame)
    done.set()
    reader.join(5)
    assert not errors and result.status == "committed"
    assert store.load(db).upload_id == result.upload_id
