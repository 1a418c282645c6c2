"""Every deadline text of the plan turns into the dates the product owner pinned, and nothing is guessed."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from hue57.tasks import Deadline, deadlines_frame, parse_deadline

TASKS_CSV = Path(__file__).resolve().parents[1] / "data" / "tasks.csv"

# Every distinct deadline_text in data/tasks.csv: (start, due, recurring), written out by hand.
PLAN_DEADLINES = {
    "2025": (None, date(2025, 12, 31), False),
    "2026": (None, date(2026, 12, 31), False),
    "2028": (None, date(2028, 12, 31), False),
    "2030": (None, date(2030, 12, 31), False),
    "12/2025": (None, date(2025, 12, 31), False),
    "12/2028": (None, date(2028, 12, 31), False),
    "3/2026": (None, date(2026, 3, 31), False),
    "Quý I/2025": (None, date(2025, 3, 31), False),
    "2025- 2026": (date(2025, 1, 1), date(2026, 12, 31), False),
    "2025 - 2026": (date(2025, 1, 1), date(2026, 12, 31), False),
    "2025 - 2027": (date(2025, 1, 1), date(2027, 12, 31), False),
    "2025- 2030": (date(2025, 1, 1), date(2030, 12, 31), False),
    "2025-2030": (date(2025, 1, 1), date(2030, 12, 31), False),
    "2025 - 2030": (date(2025, 1, 1), date(2030, 12, 31), False),
    "2026 - 2028": (date(2026, 1, 1), date(2028, 12, 31), False),
    "Thường xuyên": (None, None, True),
    "Nhiệm vụ thường xuyên": (None, None, True),
    "Hàng năm": (None, None, True),
    "2025 và các năm tiếp theo": (date(2025, 1, 1), None, True),
    "2025 và những năm tiếp theo": (date(2025, 1, 1), None, True),
}

# The product owner's pinned examples and other wordings the parser accepts.
OTHER_FORMS = {
    "Quý II/2025": (None, date(2025, 6, 30), False),
    "Quý III/2025": (None, date(2025, 9, 30), False),
    "Quý IV/2025": (None, date(2025, 12, 31), False),
    "Quý 2/2026": (None, date(2026, 6, 30), False),
    "Quý I năm 2026": (None, date(2026, 3, 31), False),
    "2/2028": (None, date(2028, 2, 29), False),
    "Tháng 6/2025": (None, date(2025, 6, 30), False),
    "Tháng 6 năm 2025": (None, date(2025, 6, 30), False),
    "6 tháng đầu năm 2025": (None, date(2025, 6, 30), False),
    "6 tháng cuối năm 2025": (None, date(2025, 12, 31), False),
    "Năm 2027": (None, date(2027, 12, 31), False),
    "Đến năm 2030": (None, date(2030, 12, 31), False),
    "Trước 30/6/2025": (None, date(2025, 6, 30), False),
    "15/9/2025": (None, date(2025, 9, 15), False),
    "2025–2030": (date(2025, 1, 1), date(2030, 12, 31), False),
    "2025 — 2026": (date(2025, 1, 1), date(2026, 12, 31), False),
    "Giai đoạn 2025-2030": (date(2025, 1, 1), date(2030, 12, 31), False),
    "Từ 2025 đến 2030": (date(2025, 1, 1), date(2030, 12, 31), False),
    "Hằng năm": (None, None, True),
    "Từ năm 2026 trở đi": (date(2026, 1, 1), None, True),
    # case and whitespace do not matter
    "THƯỜNG XUYÊN": (None, None, True),
    "  quý   ii/2025 ": (None, date(2025, 6, 30), False),
    "2025\n-\t2030": (date(2025, 1, 1), date(2030, 12, 31), False),
    "nhiệm vụ  Thường Xuyên": (None, None, True),
    "2025  và các năm  tiếp theo": (date(2025, 1, 1), None, True),
}

UNPARSED = ["", "-", "Sớm", "Kế hoạch", "Cuối năm", "2030 - 2025", "13/2025", "0/2025", "31/2/2025",
            "Quý V/2025", "2025, 2026", "Trong thời gian sớm nhất", "202", "20255"]


def test_every_deadline_text_in_tasks_csv_has_a_written_case():
    texts = set(pd.read_csv(TASKS_CSV, dtype=str, keep_default_na=False)["deadline_text"])
    assert texts == set(PLAN_DEADLINES)


@pytest.mark.parametrize(("text", "expected"), PLAN_DEADLINES.items())
def test_plan_deadline_parses_to_its_pinned_dates(text, expected):
    start, due, recurring = expected
    assert parse_deadline(text) == Deadline(text=text, start=start, due=due, recurring=recurring, parsed=True)


@pytest.mark.parametrize(("text", "expected"), OTHER_FORMS.items())
def test_other_wordings_parse_by_the_stated_rules(text, expected):
    start, due, recurring = expected
    assert parse_deadline(text) == Deadline(text=text, start=start, due=due, recurring=recurring, parsed=True)


@pytest.mark.parametrize("text", UNPARSED)
def test_unknown_text_stays_unparsed_without_dates(text):
    assert parse_deadline(text) == Deadline(text=text, start=None, due=None, recurring=False, parsed=False)


def test_deadlines_frame_keeps_the_index_and_marks_missing_as_unparsed():
    texts = pd.Series(["12/2025", "Thường xuyên", None, "2025 - 2030", "Sớm"], index=[10, 20, 30, 40, 50])
    frame = deadlines_frame(texts)
    assert list(frame.columns) == ["start_date", "due_date", "recurring", "parsed"]
    assert frame.index.tolist() == [10, 20, 30, 40, 50]
    assert frame["due_date"].tolist()[0] == pd.Timestamp("2025-12-31")
    assert frame["due_date"].isna().tolist() == [False, True, True, False, True]
    assert frame["start_date"].tolist()[3] == pd.Timestamp("2025-01-01")
    assert frame["recurring"].tolist() == [False, True, False, False, False]
    assert frame["parsed"].tolist() == [True, True, False, True, False]


def test_deadlines_frame_parses_every_task_of_the_plan():
    texts = pd.read_csv(TASKS_CSV, dtype=str, keep_default_na=False)["deadline_text"]
    frame = deadlines_frame(texts)
    assert frame["parsed"].all()
    assert (frame["due_date"].notna() | frame["recurring"]).all()
