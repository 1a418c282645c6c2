"""English glosses of the plan's wording: shown in the English view, the Vietnamese stays the authority."""

import pandas as pd

from hue57 import store, tasks
from hue57.i18n import plan_text, t
from hue57.ui.views import tasks as tasks_view


def test_plan_text_gives_the_gloss_in_english_and_the_plan_in_vietnamese():
    frame = pd.DataFrame({"title_vi": ["Xây dựng kế hoạch", "Đề án"], "title_en": ["Develop a plan", None]})
    assert plan_text(frame, "title_vi", "vi").tolist() == ["Xây dựng kế hoạch", "Đề án"]
    assert plan_text(frame, "title_vi", "en").tolist() == ["Develop a plan", "Đề án"]  # no gloss: the plan's words
    row = {"output": "Kế hoạch", "output_en": "Plan"}
    assert plan_text(row, "output", "en") == "Plan" and plan_text(row, "output", "vi") == "Kế hoạch"


def test_task_listing_in_english_uses_the_glosses(db):
    snap = store.load(db)
    import datetime as dt
    table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, dt.date(2026, 12, 1))
    english = tasks_view.task_listing(table, snap.agencies, "en")
    vietnamese = tasks_view.task_listing(table, snap.agencies, "vi")
    assert english[t("tasks.col.title", "en")].iloc[0].startswith("Develop and submit")
    assert vietnamese[t("tasks.col.title", "vi")].iloc[0].startswith("Xây dựng, trình UBND")


def test_the_english_view_says_the_translation_is_unofficial():
    assert "unofficial translation" in t("gloss.unofficial", "en")
    assert "unofficial translation" in t("col.target_text", "en")
