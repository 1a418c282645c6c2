"""`plan check DIR` on broken folders, one per kind of problem: each named with its file, row and column, exit 2,
and every problem listed at once."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hue57.cli import main
from hue57.store._plan_check import check_plan_folder
from tests.plans import generated_plan


def _edit_csv(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell (`row` counted as a spreadsheet shows it: the header is row 1)."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows[row - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _edit_toml(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# kind → how to break the generated plan, and where the problem must be reported (file, row, column)
BROKEN = {
    "unknown_agency": (lambda d: _edit_csv(d / "targets.csv", 3, "agency", "Ban Không Có"), ("targets.csv", 3, "agency")),
    "duplicate_code": (lambda d: _edit_csv(d / "targets.csv", 4, "code", "KT-01"), ("targets.csv", 4, "code")),
    "comparator_without_value": (lambda d: _edit_csv(d / "targets.csv", 5, "value", ""), ("targets.csv", 5, "value")),
    "unknown_comparator": (lambda d: _edit_csv(d / "targets.csv", 2, "comparator", "=>"), ("targets.csv", 2, "comparator")),
    "horizon_before_start": (lambda d: _edit_csv(d / "targets.csv", 2, "horizon", "2024"), ("targets.csv", 2, "horizon")),
    "horizon_not_year": (lambda d: _edit_csv(d / "targets.csv", 2, "horizon", "sau 2030"), ("targets.csv", 2, "horizon")),
    "between_upside_down": (lambda d: _edit_csv(d / "targets.csv", 3, "value_hi", "50"), ("targets.csv", 3, "value_hi")),
    "between_without_hi": (lambda d: _edit_csv(d / "targets.csv", 3, "value_hi", ""), ("targets.csv", 3, "value_hi")),
    "value_not_number": (lambda d: _edit_csv(d / "targets.csv", 2, "value", "1.200,5"), ("targets.csv", 2, "value")),
    "relative_after_horizon": (lambda d: _edit_csv(d / "targets.csv", 2, "relative_to", "2031"),
                               ("targets.csv", 2, "relative_to")),
    "unknown_unit": (lambda d: _edit_csv(d / "targets.csv", 5, "unit", "dặm"), ("targets.csv", 5, "unit")),
    "duplicate_task": (lambda d: _edit_csv(d / "tasks.csv", 3, "no", "101"), ("tasks.csv", 3, "no")),
    "task_not_number": (lambda d: _edit_csv(d / "tasks.csv", 2, "group", "I"), ("tasks.csv", 2, "group")),
    "deadline_unread": (lambda d: _edit_csv(d / "tasks.csv", 4, "deadline_text", "sớm nhất có thể"),
                        ("tasks.csv", 4, "deadline_text")),
    "duplicate_agency": (lambda d: _edit_csv(d / "agencies.csv", 3, "agency_id", "ban_nn"), ("agencies.csv", 3, "agency_id")),
    "unknown_current": (lambda d: _edit_csv(d / "agencies.csv", 5, "current_id", "ban_moi"), ("agencies.csv", 5, "current_id")),
    "actual_unknown_code": (lambda d: _edit_csv(d / "actuals.csv", 2, "code", "8.1"), ("actuals.csv", 2, "code")),
    "actual_without_source": (lambda d: _edit_csv(d / "actuals.csv", 3, "source", ""), ("actuals.csv", 3, "source")),
    "actual_not_number": (lambda d: _edit_csv(d / "actuals.csv", 4, "value", "41,5"), ("actuals.csv", 4, "value")),
    "columns_missing": (lambda d: (d / "tasks.csv").write_text("no,group\n1,1\n", encoding="utf-8"), ("tasks.csv", 1, None)),
    "file_missing": (lambda d: (d / "agencies.csv").unlink(), ("agencies.csv", None, "")),
    "bad_due": (lambda d: _edit_toml(d / "plan.toml", 'due = ["07-15", "12-20"]', 'due = ["07-15", "12-32"]'),
                ("plan.toml", None, "reporting.due")),
    "template_missing": (lambda d: (d / "mau" / "bao_cao_thu_nghiem.docx").unlink(),
                         ("plan.toml", None, "report.template")),
    "toml_key": (lambda d: _edit_toml(d / "plan.toml", 'time_zone = "Asia/Ho_Chi_Minh"\n', ""),
                 ("plan.toml", None, "place.time_zone")),
    "toml_invalid": (lambda d: _edit_toml(d / "plan.toml", "[place]", "[place"), ("plan.toml", None, "")),
    "unknown_group_id": (lambda d: _edit_toml(d / "plan.toml", 'collective = ["moi_ban"]', 'collective = ["ca_tinh"]'),
                         ("plan.toml", None, "agencies.collective")),
}


def test_the_generated_plan_has_no_problem(tmp_path):
    assert check_plan_folder(generated_plan(tmp_path / "plan")) == []


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_each_kind_of_problem_is_named_with_file_row_and_column(kind, tmp_path, capsys):
    folder = generated_plan(tmp_path / "plan")
    breaks, (file, row, column) = BROKEN[kind]
    breaks(folder)
    problems = check_plan_folder(folder)
    found = [p for p in problems if p.kind == kind]
    assert found, problems
    assert (found[0].file, found[0].row) == (file, row)
    if column is not None:
        assert found[0].column == column
    assert main(["plan", "check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert file in err and "Traceback" not in err
    if row is not None:
        assert f"dòng {row}" in err


def test_every_problem_is_listed_at_once_in_the_readers_language(tmp_path, capsys):
    folder = generated_plan(tmp_path / "plan")
    for kind in ("unknown_agency", "duplicate_code", "bad_due", "actual_without_source"):
        BROKEN[kind][0](folder)
    assert main(["--lang", "en", "plan", "check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"The plan folder {folder} has 4 problems:")
    assert "targets.csv, row 3, column agency: Agency “Ban Không Có” is not in agencies.csv" in err
    assert "targets.csv, row 4, column code" in err and "plan.toml, key reporting.due" in err
    assert "actuals.csv, row 3, column source: A published figure needs its source." in err


def test_init_refuses_a_broken_folder_and_creates_nothing(tmp_path, capsys):
    folder = generated_plan(tmp_path / "plan")
    BROKEN["duplicate_code"][0](folder)
    db = tmp_path / "x.duckdb"
    assert main(["--db", str(db), "init", "--plan", str(folder)]) == 2
    assert "targets.csv, dòng 4, cột code" in capsys.readouterr().err
    assert not db.exists()


def test_a_valid_folder_is_summarised(tmp_path, capsys):
    folder = generated_plan(tmp_path / "plan")
    assert main(["plan", "check", str(folder)]) == 0
    assert "6 chỉ tiêu, 5 nhiệm vụ, 5 cơ quan, 5 số liệu" in capsys.readouterr().out
