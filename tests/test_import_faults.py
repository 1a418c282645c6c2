"""Crashes and concurrency: a killed import lands all or nothing; two imports both land; a reader only delays.

These start real processes (`python -m hue57 import …` through the CLI) against a database made from a
synthetic plan (tests/data/make_files.py): the real plan has too few codes for 100,000 distinct cells.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from hue57 import cli, store

ROOT = Path(__file__).resolve().parents[1]
ROWS = 100_000
# The CLI exactly as `python -m hue57` runs it.
RUNNER = (
    "import sys\n"
    "import hue57.cli as cli\n"
    "sys.exit(cli.main(sys.argv[1:]))\n"
)
HOLDER = (
    "import sys, time, duckdb\n"
    "con = duckdb.connect(sys.argv[1], read_only=True)\n"
    "print('ready', flush=True)\n"
    "time.sleep(float(sys.argv[2]))\n"
    "con.close()\n"
)

pytestmark = pytest.mark.skipif(not Path("/proc/self/fdinfo").exists(), reason="needs Linux /proc")


def _make_files():
    spec = importlib.util.spec_from_file_location("make_files", ROOT / "tests" / "data" / "make_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A database on a synthetic plan, and a valid 100,000-row CSV for it."""
    make = _make_files()
    tmp = tmp_path_factory.mktemp("big")
    targets = make.synthetic_plan(tmp / "plan", copies=ROWS // (36 * 27) + 2)
    csv = tmp / "big.csv"
    csv.write_bytes(make.big_actuals_csv(targets, ROWS))
    base = tmp / "base.duckdb"
    store.init(base, data_dir=tmp / "plan")
    return {"make": make, "targets": targets, "csv": csv, "base": base, "plan": tmp / "plan"}


def _env(db: Path, **extra) -> dict[str, str]:
    env = {**os.environ, "HUE57_DB": str(db), "PYTHONPATH": str(ROOT), **extra}
    env.pop("HUE57_DEBUG", None)
    return env


def _start_import(db: Path, csv: Path, by: str = "fault", **extra) -> subprocess.Popen:
    # Random figures jump between years: the scale warnings are accepted, as an analyst would after checking.
    return subprocess.Popen([sys.executable, "-c", RUNNER, "import", str(csv), "--by", by, "--accept-warnings"],
                            cwd=ROOT, env=_env(db, **extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _holds_file_read_write(pid: int, db: Path) -> bool:
    """True while process `pid` has the database file open read-write (it is inside `commit_upload`)."""
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(fd) != str(db):
                continue
            info = Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text()
        except OSError:
            continue
        flags = int(info.split("flags:")[1].split()[0], 8)
        if flags & os.O_ACCMODE == os.O_RDWR:
            return True
    return False


def _wait_until_writing(proc: subprocess.Popen, db: Path, timeout: float = 120) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _holds_file_read_write(proc.pid, db):
            return time.monotonic()
        if proc.poll() is not None:
            raise AssertionError(f"import ended before writing: {proc.communicate()}")
        time.sleep(0.001)
    raise AssertionError("import never opened the database for writing")


def _rows_of_upload(db: Path, upload_id: int) -> tuple[int, int]:
    """(actual rows carrying the upload's id, upload records with that id) — read-only."""
    with store.connect(db) as con:
        rows = con.execute("SELECT count(*) FROM actuals WHERE upload_id = ?", [upload_id]).fetchone()[0]
        records = con.execute("SELECT count(*) FROM uploads WHERE id = ?", [upload_id]).fetchone()[0]
    return rows, records


def test_kill_during_a_large_commit_leaves_all_or_nothing(big, tmp_path):
    # How long does the write phase take? One undisturbed run, timed from opening the file read-write.
    timing_db = tmp_path / "timing.duckdb"
    shutil.copy(big["base"], timing_db)
    proc = _start_import(timing_db, big["csv"])
    start = _wait_until_writing(proc, timing_db)
    out, err = proc.communicate(timeout=120)
    window = time.monotonic() - start
    assert proc.returncode == 0, err
    assert _rows_of_upload(timing_db, 2) == (ROWS, 1)

    outcomes = []
    for i, fraction in enumerate((0.0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85)):
        db = tmp_path / f"killed-{i}.duckdb"
        shutil.copy(big["base"], db)
        proc = _start_import(db, big["csv"])
        _wait_until_writing(proc, db)
        time.sleep(fraction * window)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        rows, records = _rows_of_upload(db, 2)  # reopening replays or drops the WAL
        assert (rows, records) in ((0, 0), (ROWS, 1)), f"half an upload after kill at {fraction:.0%}: {rows} rows"
        outcomes.append((proc.returncode, rows))
    assert any(code == -signal.SIGKILL and rows == 0 for code, rows in outcomes), outcomes
    # after a crash the same file imports cleanly
    db = tmp_path / f"killed-{len(outcomes) - 1}.duckdb"
    rerun = _start_import(db, big["csv"])
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    current = store.load(db).actuals
    cells = pd.read_csv(big["csv"], dtype=str, keep_default_na=False)
    landed = current.assign(year=current["year"].astype(str)).merge(cells, on=["code", "year"])
    assert len(landed) == ROWS


def _subset_csv(make, targets, suffixes: range, shared_value: str, path: Path) -> int:
    clones = targets[targets["code"].str.rsplit("-", n=1).str[-1].isin([str(s) for s in suffixes])
                     & targets["code"].str.contains("-")]
    body = make.big_actuals_csv(clones, len(clones) * 27 - 1).decode()
    body += f"7,2024,{shared_value},shared,\n"
    path.write_text(body, encoding="utf-8")
    return body.count("\n") - 1


def test_two_imports_at_once_both_land_without_lost_update(big, tmp_path):
    db = tmp_path / "both.duckdb"
    shutil.copy(big["base"], db)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    n_a = _subset_csv(big["make"], big["targets"], range(1, 31), "11", first)
    n_b = _subset_csv(big["make"], big["targets"], range(31, 61), "22", second)
    procs = [_start_import(db, first, "an"), _start_import(db, second, "binh")]
    results = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    uploads = store.uploads(db).set_index("id")
    assert list(uploads.loc[[2, 3], "status"]) == ["committed", "committed"]
    current = store.load(db).actuals
    a_codes = set(first.read_text().splitlines()[1:-1][i].split(",")[0] for i in (0, -1))
    b_codes = set(second.read_text().splitlines()[1:-1][i].split(",")[0] for i in (0, -1))
    assert a_codes | b_codes <= set(current["code"])  # both files' cells are there
    assert len(current) == 24 + n_a + n_b - 1  # every cell of both, the shared one once
    later = uploads.loc[3]
    shared = current[(current["code"] == "7") & (current["year"] == 2024)].iloc[0]
    assert shared["value"] == (22.0 if later["by"] == "binh" else 11.0)  # the later upload wins …
    assert later["rows_changed"] == 1  # … and saw the earlier one's value: it diffed after it committed


def test_import_waits_for_a_short_reader_then_lands(big, tmp_path, monkeypatch, capsys):
    db = tmp_path / "reader.duckdb"
    shutil.copy(big["base"], db)
    monkeypatch.setenv("HUE57_DB", str(db))
    upload = tmp_path / "small.csv"
    upload.write_text("code,year,value,source\n7,2024,19.5,Cục Thống kê\n", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), "2"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        start = time.monotonic()
        assert cli.main(["import", str(upload)]) == 0, capsys.readouterr().err
        waited = time.monotonic() - start
    finally:
        holder.wait(timeout=30)
    assert waited >= 1.0  # it retried on the lock rather than failing
    assert "lần cập nhật #2" in capsys.readouterr().out
    assert store.load(db).actuals.set_index(["code", "year"]).loc[("7", 2024), "value"] == 19.5


def test_import_gives_up_cleanly_when_the_reader_stays(big, tmp_path):
    db = tmp_path / "busy.duckdb"
    shutil.copy(big["base"], db)
    upload = tmp_path / "small.csv"
    upload.write_text("code,year,value,source\n7,2024,19.5,Cục Thống kê\n", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), "8"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        proc = _start_import(db, upload, HUE57_LOCK_TIMEOUT="1")
        _, err = proc.communicate(timeout=60)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert proc.returncode == 2
    assert "Cơ sở dữ liệu đang bận" in err and "Traceback" not in err
    assert _rows_of_upload(db, 2) == (0, 0)
