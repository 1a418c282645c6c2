"""Trajectories for charts, the sentence behind each status, and the status roll-ups."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from hue57.i18n import CATALOGUE
from hue57.metrics import STATUS_ORDER, assess, explain, paths, rollup_by_group, status_counts
from tests.test_assess_rules import actuals, targets


def row_of(target: dict, points: list[tuple], as_of: int = 2025) -> dict:
    return assess(targets(target), actuals(*points), as_of).iloc[0].to_dict()


def series(frame: pd.DataFrame, name: str, code: str = "x") -> list[tuple[int, float]]:
    part = frame[(frame["code"] == code) & (frame["series"] == name)]
    return [(int(y), round(float(v), 6)) for y, v in zip(part["year"], part["value"], strict=True)]


# ------------------------------------------------------------------------------------------- paths
def test_paths_linear_rank_has_actuals_required_line_projection_and_target():
    # 20 (2022) → 14 (2024) → top 10 by 2030: required (10-20)/8 = -1.25/yr, observed -3/yr, clipped ≥ 1
    out = paths(targets({"comparator": "<=", "value": 10, "unit": "rank"}),
                actuals(("x", 2022, 20), ("x", 2024, 14), ("x", 2026, 2)), 2025)
    assert list(out.columns) == ["code", "horizon", "year", "series", "value"]
    assert series(out, "actual") == [(2022, 20.0), (2024, 14.0)]
    assert series(out, "required") == [(2022, 20.0), (2023, 18.75), (2024, 17.5), (2025, 16.25), (2026, 15.0),
                                       (2027, 13.75), (2028, 12.5), (2029, 11.25), (2030, 10.0)]
    assert series(out, "projection") == [(2024, 14.0), (2025, 11.0), (2026, 8.0), (2027, 5.0), (2028, 2.0),
                                         (2029, 1.0), (2030, 1.0)]
    assert series(out, "target") == [(2030, 10.0)]
    assert list(out["series"].drop_duplicates()) == ["actual", "required", "projection", "target"]


def test_paths_compound_required_path_ends_exactly_on_the_target():
    # 10 (2020) → 20 (2024), ≥ 40 by 2030: required 4^(1/10)-1 a year from 10 in 2020
    out = paths(targets({"value": 40}), actuals(("x", 2020, 10), ("x", 2024, 20)), 2025)
    required = series(out, "required")
    assert required[0] == (2020, 10.0)
    assert required[5] == (2025, 20.0)  # 10 × 4^(5/10)
    assert required[-1] == (2030, 40.0)
    projection = series(out, "projection")
    assert projection[0] == (2024, 20.0)
    assert projection[4] == (2028, 40.0)  # 20 × 2^(4/4)


def test_paths_percentage_projection_is_clipped_at_100():
    out = paths(targets({"value": 100, "unit": "%"}), actuals(("x", 2020, 80), ("x", 2024, 96)), 2025)
    assert max(v for _, v in series(out, "projection")) == 100.0


def test_paths_follow_the_targets_order_and_skip_qualitative_rows():
    tg = targets({"code": "b", "value": 5}, {"code": "q", "comparator": "qualitative"}, {"code": "a", "value": 5})
    out = paths(tg, actuals(("a", 2020, 1), ("a", 2024, 2), ("b", 2024, 9), ("q", 2024, np.nan, "met")), 2025)
    assert list(out["code"].drop_duplicates()) == ["b", "a"]
    assert series(out, "actual", "b") == [(2024, 9.0)]
    assert series(out, "projection", "b") == []  # met with one value: no observed rate


def test_paths_single_value_still_draws_the_required_path():
    out = paths(targets({"value": 16}), actuals(("x", 2026, 1), ("x", 2022, 1)), 2025)
    required = series(out, "required")
    assert required[0] == (2022, 1.0) and required[-1] == (2030, 16.0)
    assert series(out, "projection") == []


# ----------------------------------------------------------------------------------------- explain
GRDP = {"code": "7", "value": 30, "unit": "% GRDP"}
GRDP_POINTS = [("7", 2020, 10), ("7", 2024, 17.43)]


def test_explain_percentage_in_points_with_its_forecast_in_vietnamese_and_english():
    row = row_of(GRDP, GRDP_POINTS)
    assert explain(row) == ("Tăng bình quân 1,86 điểm %/năm từ 2020 đến 2024, cần 2 điểm %/năm để đạt 30% GRDP năm 2030 → Cần đẩy nhanh. "
                            "Dự báo năm 2030: 28,6% GRDP (mục tiêu ≥ 30% GRDP); theo tốc độ này đạt mục tiêu vào năm 2031")
    assert explain(row, "en") == ("Growing 1.86 points a year from 2020 to 2024; 2 points a year is needed to reach 30% of GRDP by 2030 "
                                  "→ Speed up. Forecast for 2030: 28.6% of GRDP (target ≥ 30% of GRDP); at this pace "
                                  "the target is reached in 2031")


def test_explain_on_track_compound_for_a_count():
    row = row_of({"value": 30, "unit": "enterprises"}, [("x", 2020, 10), ("x", 2024, 17.43)])
    assert explain(row).startswith("Tăng bình quân 14,9%/năm từ 2020 đến 2024, cần 11,6%/năm để đạt 30 doanh nghiệp năm 2030 "
                                   "→ Đúng lộ trình. Dự báo năm 2030:")


def test_explain_met_names_the_comparator():
    row = row_of({"code": "8.1", "value": 70, "unit": "%"}, [("8.1", 2024, 87), ("8.1", 2025, 91)])
    assert explain(row) == "Đã đạt: 91% (2025) so với mục tiêu ≥ 70%"
    assert explain(row, "en") == "Met: 91% (2025) against a target of ≥ 70%"


def test_explain_met_rank_says_top_n():
    row = row_of({"comparator": "<=", "value": 10, "unit": "rank"}, [("x", 2024, 13), ("x", 2025, 5)])
    assert explain(row) == "Đã đạt: hạng 5/63 (2025) so với mục tiêu top 10"


def test_explain_met_band_prints_the_band_when_given():
    row = row_of({"comparator": "between", "value": 8, "value_hi": 10, "unit": "%"}, [("x", 2024, 9)])
    assert explain(row) == "Đã đạt: 9% (2024), nằm trong khoảng mục tiêu"
    assert explain({**row, "value": 8.0, "value_hi": 10.0}) == "Đã đạt: 9% (2024), nằm trong khoảng mục tiêu 8–10%"


def test_explain_rank_counts_places_a_year():
    # 20 (2020) → 14 (2024), top 10 by 2030: climbing 1.5 places a year, 1 needed
    row = row_of({"comparator": "<=", "value": 10, "unit": "rank"}, [("x", 2020, 20), ("x", 2024, 14)])
    assert explain(row) == ("Hạng 14/63 (2024), cần lên hạng 10 năm 2030 (lên 1 bậc/năm); đang lên 1,5 bậc/năm từ 2020 đến 2024 "
                            "→ Đúng lộ trình. Dự báo năm 2030: hạng 5 (mục tiêu top 10); theo tốc độ này đạt mục "
                            "tiêu vào năm 2027")
    assert explain(row, "en") == ("Rank 14/63 (2024); reaching rank 10 by 2030 needs climbing 1 place a year; "
                                  "now climbing 1.5 places a year from 2020 to 2024 → On track. Forecast for 2030: rank 5 (target top "
                                  "10); at this pace the target is reached in 2027")


def test_explain_rank_slipping_away():
    row = row_of({"comparator": "<=", "value": 5, "unit": "rank"}, [("x", 2022, 4), ("x", 2024, 8)])
    assert explain(row) == ("Hạng 8/63 (2024), đang tụt 2 bậc/năm từ 2022 đến 2024, xa dần mục tiêu hạng 5 → Đi lùi. Dự báo năm 2030: "
                            "hạng 20 (mục tiêu top 5); theo tốc độ này không đạt mục tiêu trước năm 2100")


def test_explain_linear_counts_in_units_a_year():
    # 0 (2020) → 10 (2024), ≥ 30 by 2030: 2.5 a year, 3 needed
    row = row_of({"value": 30, "unit": "enterprises"}, [("x", 2020, 0), ("x", 2024, 10)])
    assert explain(row) == ("Tăng bình quân 2,5 doanh nghiệp/năm từ 2020 đến 2024, cần 3 doanh nghiệp/năm để đạt 30 doanh nghiệp "
                            "năm 2030 → Cần đẩy nhanh. Dự báo năm 2030: 25 doanh nghiệp (mục tiêu ≥ 30 doanh "
                            "nghiệp); theo tốc độ này đạt mục tiêu vào năm 2032")
    assert explain({**row, "unit_vi": "doanh nghiệp"}).startswith("Tăng bình quân 2,5 doanh nghiệp/năm")


def test_explain_linear_percentage_in_percentage_points():
    row = row_of({"value": 50, "unit": "%"}, [("x", 2020, 0), ("x", 2024, 10)])
    assert explain(row).startswith("Tăng bình quân 2,5 điểm %/năm từ 2020 đến 2024, cần 5 điểm %/năm để đạt 50% năm 2030 → Chậm. ")


def test_explain_falling_is_regressing():
    row = row_of({"value": 80, "unit": "%"}, [("x", 2020, 60), ("x", 2024, 48)])
    assert explain(row) == ("Giảm bình quân 3 điểm %/năm từ 2020 đến 2024, cần 2 điểm %/năm để đạt 80% năm 2030 → Đi lùi. "
                            "Dự báo năm 2030: 30% (mục tiêu ≥ 80%); theo tốc độ này không đạt mục tiêu trước năm 2100")


def test_explain_slipped_below_a_passed_target():
    row = row_of({"value": 80, "unit": "%"}, [("x", 2021, 85), ("x", 2024, 75)])
    assert explain(row).startswith("Giảm bình quân 3,33 điểm %/năm từ 2021 đến 2024, xa dần mục tiêu 80% → Đi lùi. Dự báo năm 2030: 55%")


def test_explain_flat_is_too_slow():
    row = row_of({"value": 55, "unit": "%"}, [("x", 2020, 50), ("x", 2024, 50)])
    assert explain(row).startswith("Không thay đổi từ 2020 đến 2024, cần 0,5 điểm %/năm để đạt 55% năm 2030 → Chậm. ")
    assert explain(row, "en").startswith("Not changing from 2020 to 2024; 0.5 points a year is needed to reach 55% by 2030 → Too slow. ")


def test_explain_deadline_passed_unmet():
    row = row_of({"value": 100}, [("x", 2030, 50), ("x", 2031, 60)], as_of=2031)
    assert explain(row) == "Năm 2031 đạt 60 count; mục tiêu năm 2030 là ≥ 100 count → Không đạt"


def test_explain_insufficient_data_has_only_one_value():
    row = row_of({"value": 70, "unit": "%"}, [("x", 2024, 50)])
    assert explain(row) == ("Mới có một giá trị: 50% (2024); cần số liệu thêm ít nhất một năm để tính tốc độ "
                            "→ Chưa đủ số liệu")
    assert explain(row, "en").startswith("Only one value so far: 50% (2024)")


def test_explain_insufficient_data_names_the_missing_reference_year():
    row = row_of({"value": 1.3, "relative_to": 2025, "unit": "publications"}, [("x", 2022, 80), ("x", 2024, 90)])
    assert explain(row).endswith("nhưng chưa xác định được giá trị mục tiêu → Chưa đủ số liệu")
    assert explain({**row, "relative_to": 2025, "unit_vi": "bài"}) == (
        "Đã có 90 bài (2024) nhưng chưa có số liệu năm 2025 để tính mục tiêu → Chưa đủ số liệu")


def test_explain_no_data():
    row = row_of({"value": 70, "unit": "%"}, [])
    assert explain(row) == "Chưa có số liệu thực hiện → Chưa có số liệu"
    assert explain(row, "en") == "No actual value reported yet → No data"


def test_explain_qualitative_gives_the_analysts_assessment():
    target = {"comparator": "qualitative", "unit": "rank"}
    row = row_of(target, [("x", 2025, np.nan, "moderate")])
    assert explain(row) == "Đánh giá của chuyên viên (2025): Cần đẩy nhanh"
    assert explain(row, "en") == "Analyst's assessment (2025): Speed up"
    assert explain(row_of(target, [])) == "Chưa có đánh giá của chuyên viên → Chưa có số liệu"


def test_explain_accepts_a_pandas_row_and_unknown_language_falls_back_to_vietnamese():
    frame = assess(targets(GRDP), actuals(*GRDP_POINTS), 2025)
    assert explain(frame.iloc[0], "fr") == explain(frame.iloc[0].to_dict())


def test_explain_covers_every_status_in_both_languages():
    cases = [
        ({"value": 5}, [("x", 2024, 9)]),                                   # met
        ({"value": 30, "unit": "enterprises"}, [("x", 2020, 10), ("x", 2024, 17.43)]),  # on_track
        ({"value": 10}, [("x", 2020, 0), ("x", 2025, 3)]),                   # moderate
        ({"value": 10}, [("x", 2020, 0), ("x", 2025, 1)]),                   # insufficient
        ({"value": 10}, [("x", 2020, 5), ("x", 2025, 1)]),                   # regressing
        ({"value": 10, "horizon": 2024}, [("x", 2025, 1)]),                  # missed
        ({"value": 10}, [("x", 2025, 1)]),                                   # insufficient_data
        ({"value": 10}, []),                                                 # no_data
    ]
    seen = set()
    for target, points in cases:
        row = row_of(target, points)
        seen.add(row["status"])
        for lang in ("vi", "en"):
            text = explain(row, lang)
            assert text and "{" not in text and "nan" not in text.lower()
    assert seen == set(STATUS_ORDER)


def test_metrics_catalogue_has_both_languages_and_vietnamese_diacritics():
    texts = {k: v for k, v in CATALOGUE.items() if k.startswith("metrics.")}  # once hue57/i18n/_metrics.py
    forms = lambda v: v if isinstance(v, tuple) else (v,)  # noqa: E731 — a count's plural forms
    for entry in texts.values():
        assert all(f.strip() for f in forms(entry["vi"]) + forms(entry["en"]))
        for form in forms(entry["en"]):
            assert set(re.findall(r"{(\w+)}", forms(entry["vi"])[0])) == set(re.findall(r"{(\w+)}", form))
    vietnamese = " ".join(forms(entry["vi"])[0] for entry in texts.values())
    for phrase in ("Đã đạt", "Tăng bình quân", "năm", "Đánh giá của chuyên viên", "số liệu", "bậc/năm"):
        assert phrase in vietnamese


# ----------------------------------------------------------------------------------------- roll-ups
def _assessed() -> pd.DataFrame:
    tg = targets({"code": "8", "comparator": "qualitative"}, {"code": "8.1", "value": 70},
                 {"code": "8.2", "value": 90}, {"code": "14a", "comparator": "<=", "value": 3, "unit": "rank"},
                 {"code": "3", "comparator": "<=", "value": 10, "unit": "rank"},
                 {"code": "26", "horizon": 2045, "value": 50})
    tg["parent"] = ["", "8", "8", "14", "", None]
    ac = actuals(("8.1", 2025, 91), ("8.2", 2024, 50), ("8", 2025, np.nan, "on_track"), ("3", 2025, 5))
    return tg, assess(tg, ac, 2025)


def test_status_counts_lists_every_status_in_order_with_zeros():
    _, assessed = _assessed()
    out = status_counts(assessed)
    assert list(out.columns) == ["horizon", "status", "count"]
    assert list(out["status"]) == list(STATUS_ORDER) * 2
    counts = dict(zip(out.loc[out["horizon"] == 2030, "status"], out.loc[out["horizon"] == 2030, "count"], strict=True))
    assert counts == {"met": 2, "on_track": 1, "moderate": 0, "insufficient": 0, "regressing": 0, "missed": 0,
                      "insufficient_data": 1, "no_data": 1}
    assert out.loc[out["horizon"] == 2045, "count"].sum() == 1


def test_status_counts_by_a_column_the_caller_merged_in():
    _, assessed = _assessed()
    assessed["agency"] = ["A", "A", "B", "B", "B", "A"]
    out = status_counts(assessed, by="agency")
    assert list(out.columns) == ["horizon", "agency", "status", "count"]
    assert len(out) == 3 * len(STATUS_ORDER)  # (2030, A), (2030, B), (2045, A)
    b = out[(out["horizon"] == 2030) & (out["agency"] == "B")].set_index("status")["count"]
    assert b["met"] == 1 and b["insufficient_data"] == 1 and b["no_data"] == 1 and b.sum() == 3


def test_rollup_by_group_uses_the_parent_code_in_natural_order():
    tg, assessed = _assessed()
    out = rollup_by_group(assessed, tg)
    assert list(out.columns) == ["horizon", "group", "targets", *STATUS_ORDER]
    assert list(zip(out["horizon"], out["group"], strict=True)) == [(2030, "3"), (2030, "8"), (2030, "14"),
                                                                   (2045, "26")]
    eight = out[out["group"] == "8"].iloc[0]
    assert (eight["targets"], eight["met"], eight["on_track"], eight["insufficient_data"]) == (3, 1, 1, 1)
    assert out[out["group"] == "14"].iloc[0]["no_data"] == 1


def test_rollup_by_group_without_a_parent_column_uses_the_leading_number():
    tg, assessed = _assessed()
    out = rollup_by_group(assessed, tg.drop(columns=["parent"]))
    assert list(out.loc[out["horizon"] == 2030, "group"]) == ["3", "8", "14"]


@pytest.mark.parametrize("by", [None, "agency", ["agency", "unit"]])
def test_status_counts_total_equals_the_number_of_rows(by):
    _, assessed = _assessed()
    assessed["agency"] = "A"
    assert status_counts(assessed, by=by)["count"].sum() == len(assessed)
