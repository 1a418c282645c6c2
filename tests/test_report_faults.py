"""Reports under crashes and concurrency, in real processes: two agencies submitting at once both land; an
accept while an import commits loses neither; a kill -9 during an accept leaves it accepted or not, never half.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from hue57 import ingest, reporting, store
from hue57.reporting._form import rows_json
from hue57.store import _submissions
from tests.test_import_faults import ROOT, RUNNER, _env, _start_import, _wait_until_writing, big  # noqa: F401

PERIOD = "2026-H2"
SUBMITTER = (
    "import sys, time\n"
    "from hue57 import reporting, store\n"
    "db, name, agency, start = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])\n"
    "snap = store.load(db)\n"
    "items = reporting.agency_items(snap, agency, '2026-H2')\n"
    "tasks = reporting.task_form(items, 'vi')\n"
    "own = items.tasks.loc[~items.tasks['collective'], 'task_no'].iloc[0]\n"
    "tasks.loc[tasks['task_no'] == own, ['status', 'progress_pct']] = ['Đang thực hiện', 30.0]\n"
    "while time.time() < start:\n"
    "    time.sleep(0.001)\n"
    "check, sub = reporting.save_form(db, reporting.Reporter(name, agency), '2026-H2', tasks=tasks,\n"
    "                                 indicators=None, submit=True, snap=snap)\n"
    "print(sub['id'], flush=True)\n"
)


def _submit_at(db: Path, name: str, agency: str, start: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SUBMITTER, str(db), name, agency, str(start)], cwd=ROOT,
                            env=_env(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _accept(db: Path, submission_id: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUNNER, "report", "accept", str(submission_id), "--by", "lan"],
                            cwd=ROOT, env=_env(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_agencies_submitting_at_the_same_moment_both_land(db):
    start = time.time() + 4  # both processes are loaded and waiting by then
    procs = [_submit_at(db, "khcn", "so_khcn", start), _submit_at(db, "yte", "so_yt", start)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    ids = sorted(int(out.strip().splitlines()[-1]) for out, _ in results)  # after the audit line
    assert ids == [1, 2]
    states = reporting.report_states(db, PERIOD).set_index("agency_id")
    assert states.loc[["so_khcn", "so_yt"], "state"].tolist() == ["submitted", "submitted"]


def _big_submission(db: Path, csv: Path, rows: int | None = None) -> tuple[int, int]:
    """A submitted report holding every row of `csv` (written directly: the accept is what is tested)."""
    report = ingest.check_file(csv.read_bytes(), csv.name, store.load(db).targets)
    assert report.ok
    frame = report.rows if rows is None else report.rows.head(rows)
    sub = _submissions.save_submission(db, agency_id="so_khcn", period=PERIOD, by="khcn", action="submit",
                                   tasks_json="[]", actuals_json=rows_json(frame))
    return sub["id"], len(frame)


def _landed(db: Path) -> tuple[str, int | None, int]:
    """(the report's state, its upload id, actual rows carrying upload 2)."""
    with store.connect(db) as con:
        state, upload = con.execute("SELECT state, upload_id FROM submissions WHERE id = 1").fetchone()
        rows = con.execute("SELECT count(*) FROM actuals WHERE upload_id = 2").fetchone()[0]
    return state, upload, rows


def test_kill_during_an_accept_leaves_it_accepted_or_not_never_half(big, tmp_path):  # noqa: F811
    base = tmp_path / "base.duckdb"
    shutil.copy(big["base"], base)
    _, n = _big_submission(base, big["csv"])
    timing = tmp_path / "timing.duckdb"
    shutil.copy(base, timing)
    proc = _accept(timing, 1)
    began = _wait_until_writing(proc, timing)
    _, err = proc.communicate(timeout=180)
    window = time.monotonic() - began
    assert proc.returncode == 0, err
    assert _landed(timing) == ("accepted", 2, n)

    outcomes = []
    for i, fraction in enumerate((0.0, 0.2, 0.45, 0.7, 0.9)):
        db = tmp_path / f"killed-{i}.duckdb"
        shutil.copy(base, db)
        proc = _accept(db, 1)
        _wait_until_writing(proc, db)
        time.sleep(fraction * window)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        landed = _landed(db)
        assert landed in (("submitted", None, 0), ("accepted", 2, n)), f"half an accept at {fraction:.0%}: {landed}"
        with store.connect(db) as con:
            uploads = con.execute("SELECT count(*) FROM uploads WHERE id = 2").fetchone()[0]
        assert uploads == (1 if landed[0] == "accepted" else 0)
        outcomes.append((proc.returncode, landed[0]))
    assert any(code == -signal.SIGKILL and state == "submitted" for code, state in outcomes), outcomes
    db = tmp_path / "killed-0.duckdb"  # after a crash the same report is accepted cleanly
    if _landed(db)[0] == "submitted":
        rerun = _accept(db, 1)
        _, err = rerun.communicate(timeout=180)
        assert rerun.returncode == 0, err
        assert _landed(db) == ("accepted", 2, n)


def test_an_accept_while_an_import_commits_loses_neither(big, tmp_path):  # noqa: F811
    db = tmp_path / "both.duckdb"
    shutil.copy(big["base"], db)
    small = tmp_path / "small.csv"
    small.write_text("code,year,value,source\n10,2025,2.5,Báo cáo của Sở KH&CN\n", encoding="utf-8")
    _big_submission(db, small)
    importing = _start_import(db, big["csv"], "an")
    _wait_until_writing(importing, db)
    accepting = _accept(db, 1)  # waits on the file lock, then diffs against the import's result
    results = [p.communicate(timeout=240) for p in (importing, accepting)]
    assert [importing.returncode, accepting.returncode] == [0, 0], results
    history = store.uploads(db).set_index("id")
    assert list(history.loc[[2, 3], "by"]) == ["an", "khcn"]
    state, upload, _ = _landed(db)
    assert state == "accepted" and upload == 3
    current = store.load(db).actuals.set_index(["code", "year"])
    assert current.at[("10", 2025), "value"] == 2.5
    cells = pd.read_csv(big["csv"], dtype=str, keep_default_na=False)
    assert len(current) >= len(cells)


pytestmark = pytest.mark.skipif(not Path("/proc/self/fdinfo").exists(), reason="needs Linux /proc")
