"""The leader's pages read right by themselves (issue #22): the agencies' cards, the indicator page's facts,
the changes block, the presentation's slides — each rule tested on its own, without a browser."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from hue57 import briefing, store
from hue57.charts import trajectory
from hue57.ui import _briefing
from hue57.ui._present import pack
from hue57.ui.views import agencies as agencies_view
from hue57.ui.views import indicator as indicator_view


def _card(**over):
    base = dict(agency_id="dhh", targets=0, behind_codes=[], tasks=3, judged=3, late=3, on_time_pct=0.0,
                overdue_tasks=[], **{f"t_{s}": 0 for s in ("met", "on_track", "moderate", "insufficient", "regressing",
                                                            "missed", "insufficient_data", "no_data")})
    return SimpleNamespace(**{**base, **over})


def test_an_agency_with_no_overdue_task_says_so_instead_of_a_zero_share():
    _, tasks = agencies_view.agency_card_text(_card(), pd.DataFrame(columns=["expected"]), "vi")
    assert "Không có nhiệm vụ quá hạn" in tasks and "0/3" not in tasks and "(0%)" not in tasks
    _, tasks = agencies_view.agency_card_text(_card(), pd.DataFrame(columns=["expected"]), "en")
    assert "No overdue task" in tasks


def test_an_agency_with_overdue_tasks_keeps_its_on_time_share_and_names_them():
    _, tasks = agencies_view.agency_card_text(_card(judged=6, late=5, on_time_pct=100 / 6, overdue_tasks=[3, 9]),
                                              pd.DataFrame(columns=["expected"]), "vi")
    assert "Đúng hạn: 1/6" in tasks and "số 3, 9" in tasks


def test_a_met_indicator_says_when_it_was_met_and_that_the_pace_loses_it(db):
    row = briefing.board_for(store.load(db), 2026).set_index("code").loc["4"]  # DTI: 5th of 63, heading for 10th
    facts = indicator_view.assessment_facts(row, "vi").set_index("Nội dung")["Giá trị"]
    assert "Năm dự kiến đạt" not in facts.index
    assert facts["Đạt mục tiêu từ năm"].startswith("2024") and "năm 2030 không còn đạt" in facts["Đạt mục tiêu từ năm"]


def test_the_changes_block_is_a_sentence_when_nothing_changed_or_no_meeting_link_exists():
    empty = pd.DataFrame({"value_changed": pd.Series([], dtype=bool), "status_changed": pd.Series([], dtype=bool)})
    assert "Không chỉ tiêu nào thay đổi" in _briefing.changes_html(empty, {}, {}, 1, 2, {}, "vi")
    assert "Chưa có liên kết cuộc họp nào" in _briefing.no_meeting_html("vi")
    assert "No meeting link yet" in _briefing.no_meeting_html("en")


def test_a_long_changes_list_shows_its_first_five_and_says_how_many_more():
    n = 8
    changes = pd.DataFrame({"code": [str(i) for i in range(n)], "horizon": 2030, "value_changed": True,
                            "status_changed": False, "old_value": 1.0, "old_year": 2024, "new_value": 2.0,
                            "new_year": 2025, "old_status": "met", "new_status": "met"})
    html = _briefing.changes_html(changes, {}, {}, 1, 2, {}, "vi")
    assert html.count("<li>") == 5 and "và 3 thay đổi khác" in html and "và 6 thay đổi khác" in html  # desktop, phone


def _groups(*sizes):
    return [pd.DataFrame({"code": [f"{g}.{i}" for i in range(n)], "name_vi": "x" * 10, "group": str(g)})
            for g, n in enumerate(sizes)]


def test_slides_pack_groups_so_that_no_slide_holds_a_single_bar():
    for sizes in ((3, 1), (6, 1), (1, 6), (7,), (13,), (1, 1, 1), (2, 1, 2, 1), (5, 5, 1), (6, 1, 6), (1, 1), (4, 4, 4, 1)):
        slides = pack(_groups(*sizes))
        assert [len(s) for s in slides if len(s) == 1] == [], sizes
        assert sum(map(len, slides)) == sum(sizes)  # every row on exactly one slide, in order
        assert pd.concat(slides)["code"].tolist() == pd.concat(_groups(*sizes))["code"].tolist()
    assert [len(s) for s in pack(_groups(1))] == [1]  # one row in all: one slide


def test_slides_count_wrapped_lines_so_long_names_get_fewer_rows():
    long = [pd.DataFrame({"code": [f"8.{i}" for i in range(6)], "name_vi": "y" * 120, "group": "8"})]
    slides = pack(long, lambda rows: pd.Series(4, index=rows.index), size=6, lines=14)
    assert [len(s) for s in slides] == [3, 3]


def test_the_trajectory_target_label_gives_way_on_a_phone(db):
    snap = store.load(db)
    board = briefing.board_for(snap, 2026)
    rows = board[board["code"] == "4"]
    from hue57 import metrics
    chart = trajectory(metrics.paths(snap.targets[snap.targets["code"] == "4"], snap.actuals, 2026),
                       briefing.target_rules(rows), unit="rank", lang="vi")
    texts = [layer for layer in chart.to_dict()["layer"] if layer.get("mark", {}).get("type") == "text"]
    assert texts and all("width < 480" in str(layer["mark"].get("opacity")) for layer in texts)
