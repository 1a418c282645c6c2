"""Any plan folder, no code change: `init`, `gaps`, `tasks`, `report status`, `report build` on the national plan
(plans/nq57) and on a generated plan that differs from the shipped one in every dimension; a database belongs to
one plan and refuses another plan's folder."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hue57 import plan_facts, store
from tests.plans import NATIONAL, ROOT, SHIPPED, generated_plan


def _cli(db: Path, plan: Path | None, *argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUE57_")}
    env.update(HUE57_DB=str(db), HUE57_LOCK_TIMEOUT="20")
    if plan is not None:
        env["HUE57_PLAN"] = str(plan)
    return subprocess.run([sys.executable, "-m", "hue57", *argv], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)


def _codes(folder: Path) -> list[str]:
    with (folder / "targets.csv").open(encoding="utf-8") as f:
        return [r["code"] for r in csv.DictReader(f)]


def _task_numbers(folder: Path) -> list[int]:
    with (folder / "tasks.csv").open(encoding="utf-8") as f:
        return [int(r["no"]) for r in csv.DictReader(f)]


@pytest.fixture(params=["national", "generated"])
def plan(request, tmp_path) -> Path:
    return NATIONAL if request.param == "national" else generated_plan(tmp_path / "plan")


def test_generated_plan_differs_in_every_dimension(tmp_path):
    folder = generated_plan(tmp_path / "plan")
    ours, shipped = plan_facts.read(folder), plan_facts.read(SHIPPED)
    targets, shipped_targets = store.read_plan_targets(folder), store.read_plan_targets(SHIPPED)
    assert not set(targets["code"]) & set(shipped_targets["code"]) and len(targets) != len(shipped_targets)
    assert set(targets["horizon"]) == {2030, 2035} and "rank" not in set(targets["unit"])
    assert not set(store.read_plan_agencies(folder)["agency_id"]) & set(store.read_plan_agencies(SHIPPED)["agency_id"])
    assert len(store.read_plan_tasks(folder)) != len(store.read_plan_tasks(SHIPPED))
    assert ours.due != shipped.due and ours.start != shipped.start and ours.template.name != shipped.template.name
    assert ours.name != shipped.name and ours.place_vi != shipped.place_vi


def test_init_gaps_tasks_and_report_build_run_on_another_plan(plan, tmp_path):
    db = tmp_path / "plan.duckdb"
    codes, numbers = _codes(plan), _task_numbers(plan)
    done = _cli(db, None, "init", "--plan", str(plan))  # init --plan alone; later commands use the setting
    assert done.returncode == 0, done.stderr
    assert f"{len(codes)} chỉ tiêu, {len(numbers)} nhiệm vụ" in done.stdout

    gaps = _cli(db, plan, "gaps", "--as-of", "2026", "--format", "json")
    assert gaps.returncode == 0, gaps.stderr
    rows = json.loads(gaps.stdout)
    assert [r["code"] for r in rows] == codes
    assert {r["status"] for r in rows} - {"no_data"}, "some target of the plan has a status from its actuals"
    horizons = sorted({int(r["horizon"]) for r in rows})
    only = _cli(db, plan, "gaps", "--horizon", str(horizons[-1]), "--format", "json")
    assert {int(r["horizon"]) for r in json.loads(only.stdout)} == {horizons[-1]}

    tasks = _cli(db, plan, "tasks", "--as-of", "2026-08-01", "--format", "json")
    assert tasks.returncode == 0, tasks.stderr
    assert [r["no"] for r in json.loads(tasks.stdout)] == numbers

    facts = plan_facts.read(plan)
    status = _cli(db, plan, "report", "status", "--period", "2026-H1", "--format", "csv")
    assert status.returncode == 0, status.stderr
    assert list(csv.DictReader(io.StringIO(status.stdout))), "some body owes the period's report"

    out = tmp_path / "report.docx"
    built = _cli(db, plan, "report", "build", "--period", "2026-H2", "--date", "2026-12-31", "-o", str(out))
    assert built.returncode == 0, built.stderr
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert facts.place_vi in body and facts.compiler_vi.upper() in body
    due = dt.date(2026, *facts.due_day(2))
    assert due.strftime("%d/%m/%Y") in body, "section III names the plan's own due day"
    assert "Huế" not in body or facts.place_vi == "Huế"


def test_generated_plan_due_days_decide_the_periods(tmp_path, monkeypatch):
    folder = generated_plan(tmp_path / "plan")
    monkeypatch.setenv("HUE57_PLAN", str(folder))
    from hue57.tasks import report_due  # noqa: PLC0415

    assert report_due("2026-H1") == dt.date(2026, 7, 15) and report_due("2026-H2") == dt.date(2026, 12, 20)
    monkeypatch.setenv("HUE57_PLAN", str(SHIPPED))
    assert report_due("2026-H1") == dt.date(2026, 6, 10) and report_due("2026-H2") == dt.date(2026, 11, 25)


def test_the_database_records_its_plan(tmp_path):
    folder = generated_plan(tmp_path / "plan")
    db = tmp_path / "x.duckdb"
    store.init(db, data_dir=folder)
    with store.connect(db) as con:
        recorded = store.recorded_plan(con)
    assert recorded == {"plan_name": "thu-nghiem", "plan_folder": str(folder.resolve()),
                        "plan_hash": plan_facts.plan_hash(folder)}
    assert store.init(db, data_dir=folder).created is False  # the same plan again: nothing changes


def test_init_says_when_the_plan_files_changed_since_and_records_an_audit_line(tmp_path):
    folder = generated_plan(tmp_path / "plan")
    db = tmp_path / "x.duckdb"
    first = _cli(db, None, "init", "--plan", str(folder))
    audit = json.loads(next(line for line in first.stderr.splitlines() if line.startswith("{")))
    assert (audit["audit"], audit["created"], audit["plan"]) == ("init", True, "thu-nghiem")
    assert "đã thay đổi" not in _cli(db, None, "init", "--plan", str(folder)).stderr
    with (folder / "actuals.csv").open("a", encoding="utf-8") as f:
        f.write("XH-01,2025,95,Báo cáo thử nghiệm 2025,,,\n")
    again = _cli(db, None, "init", "--plan", str(folder))
    assert again.returncode == 0 and "đã thay đổi" in again.stderr


def test_init_against_a_database_of_another_plan_is_refused(tmp_path):
    db = tmp_path / "x.duckdb"
    assert _cli(db, None, "init", "--plan", str(NATIONAL)).returncode == 0
    before = db.read_bytes()
    refused = _cli(db, None, "init")  # the shipped plan by default
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "nq57-quoc-gia" in refused.stderr and "hue-nq57" in refused.stderr and "HUE57_PLAN" in refused.stderr
    assert db.read_bytes() == before
    other = _cli(db, generated_plan(tmp_path / "plan"), "targets")  # any command, another plan's folder
    assert other.returncode == 2 and "thu-nghiem" in other.stderr and "Traceback" not in other.stderr


def test_an_upload_naming_another_plans_codes_is_refused_with_the_code(tmp_path):
    db = tmp_path / "x.duckdb"
    store.init(db, data_dir=NATIONAL)
    upload = tmp_path / "so_lieu.csv"
    upload.write_text("code,year,value,source\n8.1,2025,12,Báo cáo\n3c,2025,4,Báo cáo\n", encoding="utf-8")
    done = _cli(db, NATIONAL, "import", str(upload), "--dry-run", "--by", "kiem_thu")
    assert done.returncode == 2 and "8.1" in done.stderr and "Traceback" not in done.stderr


def test_shipped_plans_pass_plan_check():
    for folder in (SHIPPED, NATIONAL):
        done = subprocess.run([sys.executable, "-m", "hue57", "plan", "check", str(folder)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr


def test_a_missing_or_broken_plan_folder_is_a_message_not_a_traceback(tmp_path):
    db = tmp_path / "x.duckdb"
    assert _cli(db, None, "init").returncode == 0
    missing = _cli(db, tmp_path / "nowhere", "targets")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and "plan check" in missing.stderr
    broken = generated_plan(tmp_path / "plan")
    (broken / "plan.toml").write_text("[place]\nname_vi = 'X'\n", encoding="utf-8")
    done = _cli(db, broken, "gaps")
    assert done.returncode == 2 and "Traceback" not in done.stderr and "plan check" in done.stderr


def test_the_agency_cycle_runs_on_the_generated_plan(tmp_path, monkeypatch):
    from hue57 import reporting  # noqa: PLC0415

    folder = generated_plan(tmp_path / "plan")
    monkeypatch.setenv("HUE57_PLAN", str(folder))
    db = tmp_path / "x.duckdb"
    store.init(db)
    snap = store.load(db)
    assert reporting.accountable_agencies(snap.agencies, snap) == ["ban_nn", "ban_so", "ban_tc"]  # no group, no merged
    items = reporting.agency_items(snap, "ban_so", "2026-H2")
    assert set(items.tasks["task_no"]) == {102, 103, 104}  # its own, the merged board's (103), the collective (104)
    assert set(items.tasks.loc[items.tasks["collective"], "task_no"]) == {104}
    assert set(items.indicators["code"]) == {"XH-01", "XH-02a", "XH-02b"}
    tasks, figures = reporting.task_form(items, "vi"), reporting.indicator_form(items, "vi")
    tasks.loc[tasks["task_no"] == 102, ["status", "progress_pct"]] = ["Đang thực hiện", 30.0]
    figures.loc[figures["code"] == "XH-02a", ["year", "value", "source"]] = [2025.0, 3.0, "Báo cáo của Ban Số"]
    check, sub = reporting.save_form(db, reporting.Reporter("ban_so_bc", "ban_so"), "2026-H2", tasks=tasks,
                                     indicators=figures, submit=True)
    assert check.ok and sub["state"] == "submitted"
    states = reporting.report_states(db, "2026-H2", dt.date(2026, 12, 21)).set_index("agency_id")
    assert states.at["ban_so", "state"] == "submitted" and bool(states.at["ban_so", "on_time"])
    assert states.at["ban_nn", "state"] == "missing"
    accepted, _ = reporting.accept_report(db, sub["id"], by="chuyen_vien")
    assert accepted["state"] == "accepted"
    values = store.current_values(db, ["XH-02a"])
    assert values.set_index("year").at[2025, "value"] == 3.0
