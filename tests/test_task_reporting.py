"""The six-monthly reporting calendar (10 June, 25 November), who has reported for the current period, and
the roll-up of task status per lead agency after the 2025 mergers."""

from datetime import date

import pandas as pd
import pytest

from hue57 import store
from hue57.tasks import (
    agency_task_rollup,
    current_period,
    period_end,
    period_label,
    period_start,
    report_due,
    reporting_status,
    task_table,
)
from tests.test_task_status import AGENCIES, make_progress, make_tasks

# --- calendar --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("on", "period"), [
    (date(2026, 1, 1), "2026-H1"),
    (date(2026, 6, 10), "2026-H1"),
    (date(2026, 6, 30), "2026-H1"),
    (date(2026, 7, 1), "2026-H2"),
    (date(2026, 11, 28), "2026-H2"),
    (date(2026, 12, 31), "2026-H2"),
])
def test_current_period_is_the_half_year_containing_the_date(on, period):
    assert current_period(on) == period


def test_h1_report_is_due_10_june_and_h2_report_25_november():
    assert report_due("2026-H1") == date(2026, 6, 10)
    assert report_due("2026-H2") == date(2026, 11, 25)
    assert report_due("2025-H2") == date(2025, 11, 25)


def test_period_boundaries_and_labels():
    assert (period_start("2026-H1"), period_end("2026-H1")) == (date(2026, 1, 1), date(2026, 6, 30))
    assert (period_start("2026-H2"), period_end("2026-H2")) == (date(2026, 7, 1), date(2026, 12, 31))
    assert period_label("2026-H2") == "6 tháng cuối năm 2026"
    assert period_label("2026-H1", "en") == "First half of 2026"


@pytest.mark.parametrize("bad", ["2026-H3", "2026H1", "26-H1", "", "2026-h1x"])
def test_malformed_period_is_refused(bad):
    with pytest.raises(ValueError):
        report_due(bad)


# --- reporting status ------------------------------------------------------------------------------------

REPORTING_TASKS = make_tasks(
    (1, "Thường xuyên", "Sở Thông tin và Truyền thông"),
    (2, "2026", "Sở Khoa học và Công nghệ"),
    (3, "2025", "Sở Thông tin và Truyền thông"),
    (4, "2028 - 2030", "Sở Khoa học và Công nghệ"),   # starts after 2026: owes no report yet
    (5, "2026", "Sở Nội vụ"),
)


def reporting(progress: pd.DataFrame, on: date) -> pd.DataFrame:
    table = task_table(REPORTING_TASKS, progress, AGENCIES, on)
    return reporting_status(table, progress, on).set_index("agency_id")


def test_reporting_status_counts_reports_for_the_current_period_per_merged_agency():
    progress = make_progress((1, "2026-H2", "in_progress"), (2, "2026-H1", "in_progress"),
                             (3, "2025-H2", "done"), (5, "2026-H2", "in_progress"))
    out = reporting(progress, date(2026, 11, 28))
    assert out.loc["so_khcn", ["period", "report_due", "due_passed"]].tolist() == ["2026-H2", date(2026, 11, 25), True]
    # so_khcn now leads 1 and 3 (from Sở TT&TT), 2 and 4; 3 was done in 2025-H2, 4 starts in 2028
    assert out.loc["so_khcn", ["led", "expected", "reported", "missing_count"]].tolist() == [4, 2, 1, 1]
    assert out.loc["so_khcn", "missing"] == [2]
    assert out.loc["so_nv", ["led", "expected", "reported", "missing"]].tolist() == [1, 1, 1, []]
    assert "so_tttt" not in out.index
    assert out.index.tolist() == ["so_khcn", "so_nv"]  # most missing first


def test_reporting_due_has_not_passed_before_25_november():
    out = reporting(make_progress(), date(2026, 11, 25))
    assert not out["due_passed"].any()
    assert out.loc["so_khcn", "missing"] == [1, 2, 3]


# --- agency roll-up --------------------------------------------------------------------------------------

ROLLUP_TASKS = make_tasks(
    (1, "2025", "Sở Thông tin và Truyền thông"),                 # overdue, counts under so_khcn
    (2, "2025", "Sở Khoa học và Công nghệ"),                     # done in 2025-H2: on time
    (3, "2026", "Sở Khoa học và Công nghệ"),                     # due soon on 28/11/2026: on time
    (4, "2025", "Sở Khoa học và Công nghệ, Sở Thông tin và Truyền thông"),  # done late; once under so_khcn
    (5, "Thường xuyên", "Các sở, ngành, địa phương"),            # collective: its own row
    (6, "Quý I/2025", "Sở Kế hoạch và Đầu tư"),                  # overdue under so_tc
    (7, "2028", "Sở Tài chính"),                                 # not started, on time
    (8, "Khi có chỉ đạo", "Sở Tài chính"),                       # unparsed: not judged
)
ROLLUP_PROGRESS = make_progress((2, "2025-H2", "done", 100.0), (4, "2026-H1", "done", 100.0),
                                (5, "2026-H2", "in_progress", 50.0))


@pytest.fixture(scope="module")
def rollup() -> pd.DataFrame:
    table = task_table(ROLLUP_TASKS, ROLLUP_PROGRESS, AGENCIES, date(2026, 11, 28))
    return agency_task_rollup(table)


def test_rollup_counts_each_status_per_current_lead_agency(rollup):
    out = rollup.set_index("agency_id")
    columns = ["tasks", "overdue", "due_soon", "done", "not_started", "reported", "unparsed"]
    assert out.loc["so_khcn", columns].tolist() == [4, 1, 1, 2, 0, 0, 0]
    assert out.loc["so_tc", columns].tolist() == [3, 1, 0, 0, 1, 0, 1]
    assert out.loc["all", columns].tolist() == [1, 0, 0, 0, 0, 1, 0]


def test_rollup_on_time_share_and_overdue_list(rollup):
    out = rollup.set_index("agency_id")
    # so_khcn: 2 (done in time) and 3 (not yet due) on time; 1 overdue; 4 done late → 2 of 4
    assert out.loc["so_khcn", ["judged", "late", "on_time_pct"]].tolist() == [4, 2, 50.0]
    assert out.loc["so_khcn", "overdue_tasks"] == [1]
    # so_tc: 6 overdue, 7 not yet due, 8 unparsed and not judged → 1 of 2
    assert out.loc["so_tc", ["judged", "late", "on_time_pct"]].tolist() == [2, 1, 50.0]
    assert out.loc["so_tc", "overdue_tasks"] == [6]
    assert out.loc["all", "on_time_pct"] == 100.0


def test_merged_agencies_do_not_appear_and_collective_lead_is_its_own_row(rollup):
    assert set(rollup["agency_id"]) == {"so_khcn", "so_tc", "all"}


def test_rollup_is_sorted_most_behind_first(rollup):
    assert rollup["agency_id"].tolist() == ["so_khcn", "so_tc", "all"]


def test_task_led_by_former_information_department_counts_under_science_and_technology():
    tasks = make_tasks((1, "2025", "Sở Thông tin và Truyền thông"))
    out = agency_task_rollup(task_table(tasks, make_progress(), AGENCIES, date(2026, 11, 28)))
    assert out[["agency_id", "tasks", "overdue", "on_time_pct"]].to_dict("records") == [
        {"agency_id": "so_khcn", "tasks": 1, "overdue": 1, "on_time_pct": 0.0}]


def test_shipped_plan_rollup_puts_the_former_information_department_tasks_under_science_and_technology(tmp_path):
    db = tmp_path / "hue57.duckdb"
    store.init(db)
    snap = store.load(db)
    table = task_table(snap.tasks, snap.progress, snap.agencies, date(2026, 11, 28))
    out = agency_task_rollup(table).set_index("agency_id")
    assert "so_tttt" not in out.index and "so_khdt" not in out.index
    assert out.loc["so_khcn", ["tasks", "overdue"]].tolist() == [24, 7]
    assert out.loc["so_khcn", "overdue_tasks"] == [1, 4, 10, 17, 18, 32, 56]
    assert out.loc["all", "tasks"] == 16
    assert out["overdue"].sum() >= 21  # a task with two current leads counts under each
