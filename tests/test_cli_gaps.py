"""`gaps` and `tasks` on the command line print exactly what the library computes."""

import csv
import io
import json

from hue57 import metrics, store
from hue57.cli import main


def _rows(capsys, fmt="csv"):
    out = capsys.readouterr().out
    return json.loads(out) if fmt == "json" else list(csv.DictReader(io.StringIO(out)))


def test_gaps_prints_assess_for_every_target(db, capsys):
    assert main(["gaps", "--as-of", "2026", "--format", "json"]) == 0
    rows = _rows(capsys, "json")
    snap = store.load(db)
    expected = metrics.assess(snap.targets, snap.actuals, 2026)
    assert [r["code"] for r in rows] == expected["code"].tolist()
    assert [r["status"] for r in rows] == expected["status"].tolist()
    for column in metrics.OUTPUT_COLUMNS:
        assert column in rows[0]


def test_gaps_as_of_and_horizon_cut_the_table(db, capsys):
    assert main(["gaps", "--as-of", "2022", "--horizon", "2030", "--format", "csv"]) == 0
    rows = {r["code"]: r for r in _rows(capsys)}
    assert "26" not in rows and len(rows) == 39
    assert rows["4"]["latest_year"] == "2022" and float(rows["4"]["latest_value"]) == 4
    assert rows["4"]["status"] == "met"  # rank 4 in 2022 is within the top 5


def test_gaps_rejects_a_bad_horizon(db, capsys):
    assert main(["gaps", "--horizon", "2040"]) == 2
    assert "Các mốc: 2030, 2045" in capsys.readouterr().err  # the plan's own horizons, not a fixed list
    assert main(["gaps", "--format", "xml"]) == 2
    assert "lựa chọn không hợp lệ" in capsys.readouterr().err  # argparse speaks the chosen language


def test_tasks_adds_dates_recurrence_and_status(db, capsys):
    assert main(["tasks", "--as-of", "2026-11-28", "--format", "csv"]) == 0
    rows = {int(r["no"]): r for r in _rows(capsys)}
    assert len(rows) == 70
    assert rows[7]["deadline_text"] == "Quý I/2025" and rows[7]["due_date"] == "2025-03-31"
    assert rows[7]["status"] == "overdue"
    assert rows[2]["recurring"] == "True" and rows[2]["due_date"] == ""
    assert {r["status"] for r in rows.values()} <= {"overdue", "due_soon", "not_reported", "not_started",
                                                   "in_progress", "reported", "done", "unparsed"}
