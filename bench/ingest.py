"""Benchmark: validate + commit a 100,000-row upload, against DuckDB's own read_csv + INSERT of the same file.

    .venv/bin/python bench/ingest.py [--rows 100000] [--repeat 5]

The real plan has ~40 codes (≈1,100 distinct code-year cells), so the file is checked against a synthetic
plan that clones every numeric indicator (codes '7-1', '7-2', … with the original unit and comparator),
made by tests/data/make_files.py. Each run imports into a fresh database. Prints the best of `repeat`
runs for each phase — loading the plan, parsing in this process, parsing in the limited worker (the
difference is the fork and the transfer of the result), validating, the scale warnings, the commit —
the whole `import_file`, and its ratio to the DuckDB baseline (goal: within 3×).
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
from hue57.ingest._read import read_upload  # noqa: E402


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
    parser.add_argument("--repeat", type=int, default=5)
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
        times: dict[str, list[float]] = {k: [] for k in ("load", "parse_here", "parse", "validate", "scale", "commit",
                                                          "import_file", "duckdb")}
        ingest.parse_upload(b"Ma;Nam;Gia tri;Nguon\n7;2025;1;x\n", "warm.csv")  # the fork server starts once
        for i in range(args.repeat):
            db = tmp / f"hue57-{i}.duckdb"
            store.init(db, data_dir=tmp / "plan")
            t_load, snap = _timed(lambda: store.load(db))  # noqa: B023
            t_here, _ = _timed(lambda: read_upload(data, "upload.csv"))
            t_parse, parsed = _timed(lambda: ingest.parse_upload(data, "upload.csv"))
            t_valid, report = _timed(lambda: ingest.validate(parsed, plan, "vi", tasks=tasks))  # noqa: B023
            assert report.ok, report.errors.head()
            t_scale, _ = _timed(lambda: _scale(snap, report))  # noqa: B023
            record = store.UploadRecord(by="bench", filename="upload.csv", sha256=report.sha256, kind=report.kind)
            t_commit, result = _timed(lambda: store.commit_upload(db, record, keep_rank_fields=True,  # noqa: B023
                                                                  actuals=report.rows))  # noqa: B023
            assert result.status == "committed", result.status
            db2 = tmp / f"hue57-{i}-whole.duckdb"
            store.init(db2, data_dir=tmp / "plan")
            t_import, outcome = _timed(lambda: _import(db2, data))  # noqa: B023
            assert outcome.status == "committed" and outcome.new + outcome.changed == args.rows, outcome.status
            for name, took in (("load", t_load), ("parse_here", t_here), ("parse", t_parse), ("validate", t_valid),
                               ("scale", t_scale), ("commit", t_commit), ("import_file", t_import)):
                times[name].append(took)
            times["duckdb"].append(baseline(csv_path, tmp / f"baseline-{i}.duckdb"))
        best = {k: min(v) for k, v in times.items()}
        for name, label in (("load", "load the plan and stored figures (store.load)"),
                            ("parse_here", "parse in this process (bytes → cells)"),
                            ("parse", "parse in the limited worker (parse_upload)"),
                            ("validate", "validate (all rules)"),
                            ("scale", "scale warnings (against the stored figures)"),
                            ("commit", "commit (diff + append, one transaction)"),
                            ("import_file", "import_file (all of the above)"),
                            ("duckdb", "DuckDB read_csv + INSERT (baseline)")):
            print(f"{label:<55} best {best[name]:7.3f} s   median {statistics.median(times[name]):7.3f} s")
        print(f"fork + transfer of the result (worker − in process): {best['parse'] - best['parse_here']:.3f} s")
        print(f"ratio import_file / DuckDB baseline: {best['import_file'] / best['duckdb']:.1f}x (goal: 3x)")


def _import(db: Path, data: bytes):
    """Random figures jump between years: their scale warnings are accepted, as an analyst would after a check."""
    return ingest.import_file(db, data, "upload.csv", "bench", accept_warnings=True)


def _scale(snap, report):
    from hue57.ingest._scale import scale_warnings  # noqa: PLC0415

    return scale_warnings(report.rows, snap.actuals, snap.targets, row_numbers=report.row_numbers,
                          value_text=report.value_text, column=report.value_header)


if __name__ == "__main__":
    main()
