"""A task's status on a date follows the pinned rules (done, overdue, due soon, in progress, not started,
recurring reported / not reported, unparsed), and the shipped plan on 28/11/2026 shows what it must."""

from datetime import date

import pandas as pd
import pytest

from hue57 import store
from hue57.tasks import task_table

AGENCIES = store.read_plan_agencies()
PROGRESS_COLUMNS = ["task_no", "period", "status", "progress_pct", "note", "evidence"]


def make_tasks(*rows: tuple[int, str, str]) -> pd.DataFrame:
    """Tasks with (no, deadline_text, lead_agency) and the other plan columns filled in."""
    return pd.DataFrame({
        "no": [r[0] for r in rows],
        "group": 1,
        "group_title_vi": "Nhóm thử",
        "title_vi": [f"Nhiệm vụ thử {r[0]}" for r in rows],
        "lead_agency": [r[2] for r in rows],
        "coordinating": "",
        "output": "Kế hoạch",
        "deadline_text": [r[1] for r in rows],
    })


def make_progress(*rows: tuple) -> pd.DataFrame:
    """Progress rows (task_no, period, status[, progress_pct]); empty frame when none."""
    full = [(r + (None,) * 6)[:6] for r in rows]
    return pd.DataFrame(full, columns=PROGRESS_COLUMNS).astype({"task_no": "int64", "progress_pct": "float64"})


def status_of(tasks: pd.DataFrame, progress: pd.DataFrame, on: date) -> dict[int, str]:
    table = task_table(tasks, progress, AGENCIES, on)
    return dict(zip(table["no"], table["status"], strict=True))


ONE_OFF = make_tasks((1, "12/2025", "Sở Nội vụ"))
NOTHING = make_progress()


@pytest.mark.parametrize(("on", "expected"), [
    (date(2025, 6, 1), "not_started"),     # 213 days before the due date
    (date(2025, 10, 1), "not_started"),    # 91 days before
    (date(2025, 10, 2), "due_soon"),       # exactly 90 days before
    (date(2025, 12, 31), "due_soon"),      # on the due date itself
    (date(2026, 1, 1), "overdue"),         # the day after, with nothing reported
    (date(2026, 11, 28), "overdue"),
])
def test_unreported_one_off_task_moves_from_not_started_to_due_soon_to_overdue(on, expected):
    assert status_of(ONE_OFF, NOTHING, on) == {1: expected}


def test_in_progress_report_shows_until_the_due_window():
    progress = make_progress((1, "2025-H1", "in_progress", 40.0))
    assert status_of(ONE_OFF, progress, date(2025, 6, 1)) == {1: "in_progress"}
    assert status_of(ONE_OFF, progress, date(2025, 11, 1)) == {1: "due_soon"}
    assert status_of(ONE_OFF, progress, date(2026, 3, 1)) == {1: "overdue"}


def test_done_when_the_newest_report_says_done_even_after_the_due_date():
    progress = make_progress((1, "2025-H1", "in_progress", 40.0), (1, "2025-H2", "done", 100.0))
    assert status_of(ONE_OFF, progress, date(2026, 11, 28)) == {1: "done"}


def test_a_later_report_that_is_not_done_overrides_an_earlier_done():
    progress = make_progress((1, "2025-H2", "done", 100.0), (1, "2026-H1", "in_progress", 90.0))
    assert status_of(ONE_OFF, progress, date(2026, 11, 28)) == {1: "overdue"}


def test_report_for_a_period_after_the_date_is_not_known_yet():
    progress = make_progress((1, "2026-H1", "done", 100.0))
    assert status_of(ONE_OFF, progress, date(2025, 12, 1)) == {1: "due_soon"}
    assert status_of(ONE_OFF, progress, date(2026, 1, 1)) == {1: "done"}


def test_newest_report_fills_the_last_columns():
    progress = make_progress((1, "2025-H1", "in_progress", 40.0, "bắt đầu", "QĐ 1"),
                             (1, "2025-H2", "in_progress", 70.0, "đang trình", "QĐ 2"))
    row = task_table(ONE_OFF, progress, AGENCIES, date(2025, 12, 1)).iloc[0]
    assert (row["last_period"], row["last_status"], row["progress_pct"], row["last_note"], row["last_evidence"]) == (
        "2025-H2", "in_progress", 70.0, "đang trình", "QĐ 2")


RECURRING = make_tasks((2, "Thường xuyên", "Sở Nội vụ"), (3, "2027 và các năm tiếp theo", "Sở Nội vụ"))


def test_recurring_task_is_reported_only_for_the_current_half_year():
    progress = make_progress((2, "2026-H1", "in_progress", 50.0))
    assert status_of(RECURRING, progress, date(2026, 6, 5))[2] == "reported"
    assert status_of(RECURRING, progress, date(2026, 7, 1))[2] == "not_reported"
    assert status_of(RECURRING, NOTHING, date(2026, 6, 5))[2] == "not_reported"


def test_recurring_task_reported_as_done_is_reported_not_done():
    progress = make_progress((2, "2026-H2", "done", 100.0))
    assert status_of(RECURRING, progress, date(2026, 11, 28))[2] == "reported"


def test_recurring_task_starting_later_is_not_started():
    assert status_of(RECURRING, NOTHING, date(2026, 11, 28))[3] == "not_started"
    assert status_of(RECURRING, NOTHING, date(2027, 1, 1))[3] == "not_reported"


def test_unparsed_deadline_is_shown_as_unparsed_whatever_was_reported():
    tasks = make_tasks((4, "Khi có chỉ đạo", "Sở Nội vụ"), (5, "", "Sở Nội vụ"))
    progress = make_progress((4, "2026-H2", "done", 100.0))
    assert status_of(tasks, progress, date(2026, 11, 28)) == {4: "unparsed", 5: "unparsed"}
    table = task_table(tasks, progress, AGENCIES, date(2026, 11, 28))
    assert table["last_status"].tolist() == ["done", None]
    assert table["on_time"].isna().all()


def test_range_task_keeps_its_start_and_due_dates():
    tasks = make_tasks((6, "2026 - 2028", "Sở Nội vụ"))
    row = task_table(tasks, NOTHING, AGENCIES, date(2026, 11, 28)).iloc[0]
    assert (row["start_date"], row["due_date"], row["recurring"], row["parsed"]) == (
        pd.Timestamp(2026, 1, 1), pd.Timestamp(2028, 12, 31), False, True)
    assert row["status"] == "not_started"


def test_lead_ids_as_written_and_lead_current_after_the_merger():
    tasks = make_tasks((7, "2025", "Sở Thông tin và Truyền thông Sở Khoa học và Công nghệ"),
                       (8, "2025", "Sở Kế hoạch và Đầu tư"),
                       (9, "2025", "Các sở, ngành, địa phương"))
    table = task_table(tasks, NOTHING, AGENCIES, date(2025, 6, 1))
    assert table["lead_ids"].tolist() == [["so_tttt", "so_khcn"], ["so_khdt"], ["all"]]
    assert table["lead_current"].tolist() == [["so_khcn"], ["so_tc"], ["all"]]


@pytest.mark.parametrize(("progress_rows", "on", "expected"), [
    ([(1, "2025-H2", "done")], date(2026, 11, 28), True),    # done in the half-year of its due date
    ([(1, "2026-H1", "done")], date(2026, 11, 28), False),   # done after it was due
    ([(1, "2025-H2", "in_progress"), (1, "2026-H1", "done")], date(2026, 11, 28), False),
    ([], date(2025, 6, 1), True),                             # not yet due
    ([], date(2026, 1, 1), False),                            # overdue
])
def test_on_time_of_a_one_off_task(progress_rows, on, expected):
    table = task_table(ONE_OFF, make_progress(*progress_rows), AGENCIES, on)
    assert bool(table["on_time"].iloc[0]) is expected


def test_recurring_task_is_late_only_after_the_report_due_date():
    late = task_table(RECURRING, NOTHING, AGENCIES, date(2026, 11, 26))
    in_time = task_table(RECURRING, NOTHING, AGENCIES, date(2026, 11, 25))
    assert late["on_time"].tolist() == [False, True]   # task 3 has not started: on time
    assert in_time["on_time"].tolist() == [True, True]


def test_every_plan_column_is_kept_and_the_status_columns_are_added():
    table = task_table(ONE_OFF, NOTHING, AGENCIES, date(2025, 6, 1))
    assert table.columns.tolist() == [
        "no", "group", "group_title_vi", "title_vi", "lead_agency", "coordinating", "output", "deadline_text",
        "start_date", "due_date", "recurring", "parsed", "lead_ids", "lead_current", "last_period",
        "last_status", "progress_pct", "last_note", "last_evidence", "done_period", "status", "on_time",
    ]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> store.Snapshot:
    db = tmp_path_factory.mktemp("db") / "hue57.duckdb"
    store.init(db)
    return store.load(db)


def test_shipped_plan_on_28_11_2026_has_every_one_off_2025_task_overdue(shipped):
    assert shipped.progress.empty  # no invented progress is shipped
    table = task_table(shipped.tasks, shipped.progress, shipped.agencies, date(2026, 11, 28))
    assert len(table) == 70
    due_2025 = table[~table["recurring"] & (table["due_date"].dt.year == 2025)]
    assert len(due_2025) == 20  # 16 × "2025", 3 × "12/2025", 1 × "Quý I/2025"
    assert set(due_2025["status"]) == {"overdue"}
    assert table.loc[table["status"] == "overdue", "no"].tolist() == sorted(due_2025["no"].tolist() + [62])  # 3/2026
    assert table["status"].value_counts().to_dict() == {
        "overdue": 21, "due_soon": 19, "not_reported": 19, "not_started": 11}


def test_shipped_plan_with_a_done_report_in_the_store(shipped, tmp_path):
    db = tmp_path / "hue57.duckdb"
    store.init(db)
    progress = make_progress((1, "2025-H2", "done", 100.0, "Đã ban hành", "KH số 1"))
    store.commit_upload(db, store.UploadRecord(by="t", filename="f.csv", sha256="x", kind="progress"),
                        progress=progress)
    snap = store.load(db)
    table = task_table(snap.tasks, snap.progress, snap.agencies, date(2026, 11, 28)).set_index("no")
    assert (table.loc[1, "status"], table.loc[4, "status"]) == ("done", "overdue")
    assert table.loc[1, "last_note"] == "Đã ban hành"


# --- timeline chart --------------------------------------------------------------------------------------

TIMELINE_TASKS = make_tasks(
    (1, "2025", "Sở Nội vụ"),                 # overdue bar
    (2, "2025 - 2030", "Sở Nội vụ"),          # bar with a start
    (3, "Thường xuyên", "Sở Nội vụ"),         # recurring line
    (4, "Khi có chỉ đạo", "Sở Nội vụ"),       # unparsed point
)


@pytest.fixture(scope="module")
def timeline() -> dict:
    from hue57.charts._timeline import task_timeline

    table = task_table(TIMELINE_TASKS, make_progress((3, "2026-H2", "in_progress")), AGENCIES, date(2026, 11, 28))
    return task_timeline(table, date(2026, 11, 28), "vi").to_dict()


def layer_rows(spec: dict, mark: str) -> list[list[dict]]:
    """The data rows of every layer with this mark type."""
    return [spec["datasets"][layer["data"]["name"]] for layer in spec["layer"]
            if (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]) == mark]


def test_timeline_has_one_mark_per_task(timeline):
    bars, = layer_rows(timeline, "bar")
    points, = layer_rows(timeline, "point")
    task_rules = [rows for rows in layer_rows(timeline, "rule") if rows and "no" in rows[0]]
    assert [r["no"] for r in bars] == [1, 2]
    assert [r["no"] for r in task_rules[0]] == [3]
    assert [r["no"] for r in points] == [4]
    assert (bars[1]["x"], bars[1]["x2"]) == ("2025-01-01T00:00:00", "2030-12-31T00:00:00")
    assert bars[0]["x"] == "2025-01-01T00:00:00"  # no start: the plan's start


def test_timeline_has_a_labelled_rule_at_today(timeline):
    rules = [rows for rows in layer_rows(timeline, "rule") if rows and "label" in rows[0]]
    assert rules == [[{"x": "2026-11-28T00:00:00", "label": "Hôm nay 28/11/2026"}]]
    texts = [rows for rows in layer_rows(timeline, "text") if rows and "label" in rows[0]]
    assert texts == rules


def test_timeline_says_the_status_in_words_not_only_by_colour(timeline):
    labels = [layer for layer in timeline["layer"] if layer["mark"]["type"] == "text"
              and layer["encoding"]["text"]["field"] == "status_label"]
    assert len(labels) == 1
    rows = timeline["datasets"][labels[0]["data"]["name"]]
    assert {r["no"]: r["status_label"] for r in rows} == {
        1: "✖ Quá hạn", 2: "… Chưa bắt đầu", 3: "● Đã báo cáo", 4: "? Chưa rõ thời hạn"}
    for layer in timeline["layer"]:
        if "color" in layer["encoding"]:
            assert layer["encoding"]["color"]["field"] == "status_label"
            assert {"field": "status_label", "title": "Tình trạng", "type": "nominal"} in layer["encoding"]["tooltip"]


def test_timeline_colours_are_the_colour_blind_safe_palette_in_vietnamese(timeline):
    bar = next(layer for layer in timeline["layer"] if layer["mark"]["type"] == "bar")
    scale = bar["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "✖ Quá hạn": "#D55E00", "… Chưa bắt đầu": "#BDBDBD", "● Đã báo cáo": "#56B4E9",
        "? Chưa rõ thời hạn": "#7F7F7F"}
    assert bar["encoding"]["y"]["title"] is None  # the "N. title" labels need no axis title over them
    assert bar["encoding"]["y"]["sort"] == ["1. Nhiệm vụ thử 1", "2. Nhiệm vụ thử 2", "3. Nhiệm vụ thử 3",
                                            "4. Nhiệm vụ thử 4"]


def test_timeline_in_english():
    from hue57.charts._timeline import task_timeline

    table = task_table(TIMELINE_TASKS, make_progress(), AGENCIES, date(2026, 11, 28))
    spec = task_timeline(table, date(2026, 11, 28), "en").to_dict()
    labels = {r["status_label"] for rows in spec["datasets"].values() for r in rows if "status_label" in r}
    assert labels == {"✖ Overdue", "… Not started", "○ Not reported", "? Unclear deadline"}


def test_every_task_word_has_vietnamese_and_english_with_the_same_placeholders():
    import re

    from hue57.i18n import CATALOGUE
    from hue57.tasks import STATUS_ORDER

    texts = {k: v for k, v in CATALOGUE.items() if k.startswith("tasks.")}  # once hue57/i18n/_tasks.py
    forms = lambda v: v if isinstance(v, tuple) else (v,)  # noqa: E731 — an entry with plural forms holds a tuple
    for key, entry in texts.items():
        assert key.startswith("tasks.")
        assert all(f.strip() for f in (*forms(entry["vi"]), *forms(entry["en"])))
        fields = {f for text in forms(entry["vi"]) for f in re.findall(r"{(\w+)}", text)} - {"n"}
        assert all(set(re.findall(r"{(\w+)}", text)) - {"n"} == fields for text in forms(entry["en"])), key
    assert {f"tasks.status.{s}" for s in STATUS_ORDER} <= texts.keys()
    words = {texts[f"tasks.status.{s}"]["vi"] for s in STATUS_ORDER}
    assert {"Quá hạn", "Hoàn thành", "Đang thực hiện", "Chưa bắt đầu", "Sắp đến hạn", "Đã báo cáo",
            "Chưa báo cáo"} <= words
