"""The briefing (hue57.briefing): what needs attention, each gap on its own scale, worst first."""

from __future__ import annotations

import datetime as dt
import io
import json
from contextlib import redirect_stdout

import numpy as np
import pandas as pd

from hue57 import briefing, store, tasks
from hue57.cli import main
from hue57.i18n import gap_label

AS_OF = dt.date(2026, 12, 1)


def _board(db, year=2026):
    return briefing.board_for(store.load(db), year)


def test_attention_names_dti_as_sliding_with_the_shipped_data(db):
    board = _board(db)
    groups = briefing.attention(board[board["horizon"] == 2030])
    assert groups["sliding"]["code"].tolist() == ["4"]  # met (5th of 63) but heading for 10th by 2030
    assert "missed" not in groups  # empty groups are left out
    # the QS rankings state no basis: one basis, so a pace, and both are slipping (issue #22)
    assert sorted(groups["regressing"]["code"]) == ["14b", "14c"]


def test_overdue_tasks_by_agency_match_the_tasks_command_for_the_same_date(db):
    snap = store.load(db)
    table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, AS_OF)
    overdue = briefing.attention(_board(db).iloc[0:0], table)["overdue"]
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["tasks", "--as-of", AS_OF.isoformat(), "--format", "json"]) == 0
    cli = pd.DataFrame(json.loads(out.getvalue()))
    late = cli[cli["status"] == "overdue"]
    assert len(late) == len({n for ns in overdue["tasks"] for n in ns})
    per_agency = late["lead_current"].str.split("|").explode().value_counts()
    assert dict(zip(overdue["agency_id"], overdue["count"], strict=True)) == per_agency.to_dict()
    assert overdue["count"].is_monotonic_decreasing  # worst first


def test_nothing_to_report_leaves_every_group_out():
    board = pd.DataFrame({"status": ["met"], "projected_value": [np.nan], "gap": [0.0], "target_value": [1.0]})
    assert briefing.attention(board) == {}


def test_gap_rows_are_on_each_indicators_own_scale_and_worst_first(db):
    rows = briefing.gap_rows(_board(db).query("horizon == 2030"))
    assert rows["status"].iloc[0] == "regressing" and rows["status"].iloc[-1] == "met"
    for col in ("pos_latest", "pos_target"):
        assert rows[col].between(0, 1).all()
    dti = rows.set_index("code").loc["4"]
    # one rule for every rank: from twice the target (or 1.25 × the latest) to first place
    assert dti["scale_lo"] == 10 and dti["scale_hi"] == 1
    assert dti["pos_latest"] == dti["pos_target"] == (10 - 5) / 9
    assert gap_label(dti, "vi") == "hạng 5/63 (2024) · mục tiêu top 5"


def test_gap_label_reads_as_the_value_against_its_target():
    row = {"unit": "% GRDP", "latest_value": 12.5, "latest_year": 2025, "plan_comparator": ">=", "target_value": 30.0,
           "relative_to": None, "value": 30.0, "value_hi": np.nan}
    assert gap_label(row, "vi") == "12,5 / ≥ 30% GRDP (2025)"


def test_expected_now_follows_the_required_path():
    board = pd.DataFrame({"base_value": [10.0, 100.0], "base_year": [2020, 2020], "latest_year": [2024, 2022],
                          "horizon": [2030, 2030], "required_rate": [2.0, 0.1], "rate_kind": ["linear", "cagr"]})
    expected = briefing.expected_now(board.astype({"base_year": "Int64", "latest_year": "Int64"}))
    assert expected.tolist() == [18.0, 121.00000000000001]


def test_horizons_come_from_the_targets(db):
    assert briefing.horizons(store.load(db).targets) == ["2030", "2045"]


def test_attention_block_says_so_in_one_line_when_nothing_needs_attention(db):
    from hue57.ui import _briefing
    html = _briefing.attention_html({}, store.load(db).agencies, {}, "vi")
    assert "Không có chỉ tiêu, nhiệm vụ hay báo cáo nào cần chú ý." in html and html.count("<li") == 0


def test_attention_block_names_a_few_agencies_and_counts_the_rest(db):
    from hue57.ui import _briefing
    agencies = store.load(db).agencies
    reports = pd.DataFrame({"agency_id": agencies["agency_id"][:12], "state": "missing"})
    html = _briefing.attention_html({"reports": reports}, agencies, {"lang": "en"}, "en", "Second half of 2026")
    assert "Reports for the second half of 2026: 12 agencies have not reported" in html and "and 4 more" in html
    assert 'href="agencies?lang=en"' in html


def test_attention_block_escapes_uploaded_and_plan_text(db):
    from hue57.ui import _briefing
    board = briefing.board_for(store.load(db), 2026)
    row = board[board["code"] == "4"].assign(name_vi="<script>x</script>")
    html = _briefing.attention_html({"sliding": row}, store.load(db).agencies, {}, "vi")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_required_path_ends_at_the_horizon():
    board = pd.DataFrame({"base_value": [10.0], "base_year": pd.array([2028], dtype="Int64"),
                          "latest_year": pd.array([2032], dtype="Int64"), "horizon": [2030],
                          "required_rate": [20.0], "rate_kind": ["linear"]})
    assert briefing.expected_now(board).tolist() == [50.0]  # 2 years to 2030, not 4 to 2032


def test_a_task_led_jointly_counts_once_and_stays_with_the_chosen_agency():
    from hue57.ui import _briefing
    table = pd.DataFrame({"no": [1, 2], "status": ["overdue", "overdue"],
                          "lead_current": [["so_khcn", "so_tc"], ["so_tc"]]})
    empty = pd.DataFrame(columns=["status", "projected_value", "gap", "target_value"])
    overdue = briefing.attention(empty, table)["overdue"]
    assert dict(zip(overdue["agency_id"], overdue["count"], strict=True)) == {"so_tc": 2, "so_khcn": 1}
    agencies = pd.DataFrame({"agency_id": ["so_khcn", "so_tc"], "short_vi": ["Sở KH&CN", "Sở Tài chính"],
                             "name_en": ["DoST", "DoF"]})
    assert "(2)" in _briefing.attention_html({"overdue": overdue}, agencies, {}, "vi")  # two tasks, not three
    only = briefing.attention(empty, table, agency="so_khcn")["overdue"]
    assert only["agency_id"].tolist() == ["so_khcn"]
