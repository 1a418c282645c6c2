"""Benchmark: validate + commit a 100,000-row upload, against DuckDB's own read_csv + INSERT of the same file.

    .venv/bin/python bench/ingest.py [--rows 100000] [--repeat 3]

The real plan has ~40 codes (≈1,100 distinct code-year cells), so the file is checked against a synthetic
plan that clones every numeric indicator (codes '7-1', '7-2', … with the original unit and comparator),
made by tests/data/make_files.py. Each run imports into a fresh database. Prints the best of `repeat`
runs for each phase and the ratio to the DuckDB baseline.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from hue57 import ingest, store  # noqa: E402


def _make_files():
    spec = importlib.util.spec_from_file_location("make_files", ROOT / "tests" / "data" / "make_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def baseline(csv_path: Path, db_file: Path) -> float:
    """DuckDB alone: open a fresh file, read_csv the upload and INSERT it into a fresh table, commit."""
    start = time.perf_counter()
    con = duckdb.connect(str(db_file))
    con.execute("CREATE TABLE actuals (code VARCHAR, year INTEGER, value DOUBLE, source VARCHAR, note VARCHAR)")
    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT INTO actuals SELECT * FROM read_csv(?, header = true, all_varchar = false, "
                "columns = {'code': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE', 'source': 'VARCHAR', "
                "'note': 'VARCHAR'})", [str(csv_path)])
    con.execute("COMMIT")
    count = con.execute("SELECT count(*) FROM actuals").fetchone()[0]
    con.close()
    elapsed = time.perf_counter() - start
    assert count > 0
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    make = _make_files()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        copies = args.rows // (36 * 27) + 2
        targets = make.synthetic_plan(tmp / "plan", copies)
        data = make.big_actuals_csv(targets, args.rows)
        csv_path = tmp / "upload.csv"
        csv_path.write_bytes(data)
        plan = store.read_plan_targets(tmp / "plan")
        tasks = store.read_plan_tasks(tmp / "plan")
        print(f"file: {args.rows:,} rows, {len(data) / 1024 / 1024:.1f} MB; plan: {len(plan):,} codes")
        times: dict[str, list[float]] = {"parse": [], "validate": [], "scale": [], "import_file": [], "duckdb": []}
        for i in range(args.repeat):
            t_parse, parsed = _timed(lambda: ingest.parse_upload(data, "upload.csv"))
            t_valid, report = _timed(lambda: ingest.validate(parsed, plan, "vi", tasks=tasks))  # noqa: B023
            assert report.ok, report.errors.head()
            db = tmp / f"hue57-{i}.duckdb"
            store.init(db, data_dir=tmp / "plan")
            t_import, outcome = _timed(lambda: _import(db, data))  # noqa: B023
            t_scale, _ = _timed(lambda: _scale(db, report))  # noqa: B023
            assert outcome.status == "committed" and outcome.new + outcome.changed == args.rows, outcome.status
            times["parse"].append(t_parse)
            times["validate"].append(t_valid)
            times["scale"].append(t_scale)
            times["import_file"].append(t_import)
            times["duckdb"].append(baseline(csv_path, tmp / f"baseline-{i}.duckdb"))
        best = {k: min(v) for k, v in times.items()}
        for name, label in (("parse", "parse_upload (bytes → cells)"), ("validate", "validate (all rules)"),
                            ("scale", "scale warnings (against the stored figures)"),
                            ("import_file", "import_file (load plan + parse + validate + commit)"),
                            ("duckdb", "DuckDB read_csv + INSERT (baseline)")):
            print(f"{label:<55} best {best[name]:7.3f} s   median {statistics.median(times[name]):7.3f} s")
        print(f"ratio import_file / DuckDB baseline: {best['import_file'] / best['duckdb']:.1f}x")
        print(f"commit share (import_file − parse − validate): {best['import_file'] - best['parse'] - best['validate']:.3f} s")


def _import(db: Path, data: bytes):
    """Random figures jump between years: their scale warnings are accepted, as an analyst would after a check."""
    return ingest.import_file(db, data, "upload.csv", "bench", accept_warnings=True)


def _scale(db: Path, report):
    from hue57.ingest._scale import scale_warnings  # noqa: PLC0415

    snap = store.load(db)
    return scale_warnings(report.rows, snap.actuals, snap.targets, row_numbers=report.row_numbers,
                          value_text=report.value_text, column=report.value_header)


if __name__ == "__main__":
    main()
