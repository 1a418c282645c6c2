"""The gap method at its edges (issue #13): points for percentages, `missed`, forecasts in every verdict,
bars in range, no inf, ranks compared only among the same basis."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from hue57.metrics import STATUS_ORDER, assess, explain, progress


def assess_one(target: dict, points: list[tuple], as_of: int = 2025) -> pd.Series:
    """points: (year, value) or (year, value, basis)."""
    tg = pd.DataFrame([{"code": "x", "horizon": 2030, "comparator": ">=", "value": np.nan, "value_hi": np.nan,
                        "unit": "count", "relative_to": None, **target}])
    rows = [(y, v, p[0] if p else None) for y, v, *p in points]
    ac = pd.DataFrame({"code": "x", "year": [r[0] for r in rows], "value": [float(r[1]) for r in rows],
                       "basis": pd.array([r[2] for r in rows], dtype="Int64")})
    return assess(tg, ac, as_of).iloc[0]


# ------------------------------------------------------------------------------ 1. percentages in points
def test_a_share_of_grdp_moves_in_points_a_year_not_compound_growth():
    row = assess_one({"value": 30, "unit": "% GRDP"}, [(2023, 10.8), (2025, 12.5)])
    assert row["rate_kind"] == "linear"
    assert row["observed_rate"] == pytest.approx(0.85)  # (12,5 − 10,8) / 2
    assert row["projected_value"] == pytest.approx(16.75)  # 12,5 + 0,85 × 5, not 100% GRDP by 2040
    assert "0,85 điểm %/năm" in explain(row, "vi") and "0.85 points a year" in explain(row, "en")
    assert "15,7%/năm" not in explain(row, "vi")


def test_a_percentage_moves_in_points_code_6():
    row = assess_one({"value": 55, "unit": "%"}, [(2020, 42.3), (2025, 44.1)])
    assert row["observed_rate"] == pytest.approx(0.36)
    assert "0,36 điểm %/năm" in explain(row, "vi")


def test_counts_and_indices_keep_compound_growth():
    assert assess_one({"value": 20, "unit": "enterprises"}, [(2020, 2), (2024, 4)])["rate_kind"] == "cagr"


# ------------------------------------------------------------------------------------------- 2. missed
def test_not_met_with_the_horizon_passed_is_missed_without_pace_words():
    row = assess_one({"value": 100, "unit": "%"}, [(2028, 80), (2030, 90)], as_of=2031)
    assert row["status"] == "missed"
    for lang, pace_words in (("vi", ("Đúng lộ trình", "Cần đẩy nhanh", "/năm")), ("en", ("On track", "Speed up", "a year"))):
        text = explain(row, lang)
        assert ("Không đạt" if lang == "vi" else "Missed") in text
        assert not any(w in text for w in pace_words), text


def test_met_at_the_horizon_stays_met_and_a_single_late_value_is_missed():
    assert assess_one({"value": 80}, [(2030, 85)], as_of=2030)["status"] == "met"
    assert assess_one({"value": 80}, [(2031, 70)], as_of=2031)["status"] == "missed"


def test_missed_sits_after_regressing_in_the_status_order():
    assert STATUS_ORDER.index("missed") == STATUS_ORDER.index("regressing") + 1


def test_missed_has_its_own_icon_colour_and_word():
    from hue57.charts._palette import STATUS_COLORS, STATUS_ICONS, status_label
    assert STATUS_ICONS["missed"] not in {v for k, v in STATUS_ICONS.items() if k != "missed"}
    assert STATUS_COLORS["missed"] not in {v for k, v in STATUS_COLORS.items() if k != "missed"}
    assert status_label("missed", "vi").endswith("Không đạt") and status_label("missed", "en").endswith("Missed")


# ------------------------------------------------------------------------ 3. the verdict and its forecast
def test_on_track_verdict_states_its_forecast_and_the_year_reached():
    # 44 (2020) → 52 (2025), 55% by 2030: 1,6 points a year against 1,1 → on track; 60 in 2030, reached 2027
    row = assess_one({"value": 55, "unit": "%"}, [(2020, 44), (2025, 52)])
    assert row["status"] == "on_track"
    vi = explain(row, "vi")
    assert "Dự báo năm 2030: 60%" in vi and "đạt mục tiêu vào năm 2027" in vi
    assert "at this pace the target is reached in 2027" in explain(row, "en")


def test_on_track_below_target_at_the_horizon_says_both_numbers():
    # ratio ≥ 0,95 yet the forecast falls just short: the sentence links them
    # 1,21 points a year against (55 − 42,3) / 10 = 1,27: ratio 0,953; 48,35 + 1,21 × 5 = 54,4
    row = assess_one({"value": 55, "unit": "%"}, [(2020, 42.3), (2025, 48.35)])
    assert row["status"] == "on_track" and row["projected_value"] < 55
    text = explain(row, "vi")
    assert "Dự báo năm 2030: 54,4%" in text and "mục tiêu ≥ 55%" in text and "năm 2031" in text


def test_a_target_never_reached_says_so():
    row = assess_one({"value": 20, "unit": "enterprises"}, [(2020, 10), (2024, 2)])
    assert "không đạt mục tiêu trước năm 2100" in explain(row, "vi")


# ----------------------------------------------------------------------------------- 4. bars in range
def test_a_target_not_met_never_draws_a_full_bar():
    # DTI: rank 2 in the base year had passed top 5, now 7: regressing, the share would be 133%
    row = assess_one({"value": 5, "unit": "rank", "comparator": "<="}, [(2020, 2, 63), (2024, 7, 63)])
    assert row["status"] == "regressing"
    share = progress(pd.DataFrame([row]))
    assert 0 <= share.iloc[0] < 1


# ------------------------------------------------------------------------------------ 5. no inf or NaN
def test_values_too_far_apart_give_insufficient_data_with_a_reason_and_no_inf():
    row = assess_one({"value": 10}, [(2020, 1e-300), (2024, 1e300)])
    assert row["status"] == "insufficient_data" and row["reason"] == "out_of_range"
    for col in ("observed_rate", "required_rate", "ratio", "projected_value"):
        assert not np.isinf(row[col])
    assert "kiểm tra đơn vị" in explain(row, "vi") and "check the unit" in explain(row, "en")


def test_projection_of_a_count_never_goes_below_zero():
    row = assess_one({"value": 10, "unit": "per 10,000 people"}, [(2020, 10), (2024, 0)])  # −2,5 a year
    assert row["rate_kind"] == "linear" and row["projected_value"] == 0.0


def test_strict_target_sitting_on_its_threshold_must_exceed_it():
    row = assess_one({"value": 0.75, "unit": "index", "comparator": ">"}, [(2020, 0.7), (2024, 0.75)])
    assert row["status"] != "met"
    assert "yêu cầu vượt 0,75" in explain(row, "vi")
    assert "exceed 0.75" in explain(row, "en")


# ----------------------------------------------------------------------------------------- 6. ranks
def test_a_rank_pace_is_computed_only_among_the_same_basis():
    # DTI: 63 provinces until 2024, then 34: the 2025 rank has no comparable earlier point
    row = assess_one({"value": 5, "unit": "rank", "comparator": "<="},
                     [(2022, 4, 63), (2023, 8, 63), (2025, 7, 34)])
    assert row["status"] == "insufficient_data" and row["reason"] == "basis_changed"
    assert row["latest_basis"] == 34
    assert "7/34" in explain(row, "vi") and "tổng số khác" in explain(row, "vi")


def test_an_unstated_basis_is_not_a_stated_change():
    # PII: 13th of 63 in 2024, 12th of an unstated number in 2025: only a stated change breaks the pace
    # (issue #22); the upload of the unstated one was warned to state it
    row = assess_one({"value": 10, "unit": "rank", "comparator": "<="}, [(2024, 13, 63), (2025, 12)])
    assert pd.isna(row["reason"]) and row["base_year"] == 2024 and row["observed_rate"] == -1.0


def test_a_stated_change_breaks_the_pace_even_across_unstated_points():
    row = assess_one({"value": 5, "unit": "rank", "comparator": "<="},
                     [(2021, 9, 63), (2022, 8), (2023, 12, 34), (2024, 10)])
    assert row["base_year"] == 2022  # 63 and 34 differ: 2021 is left out; the unstated points agree with 34


def test_points_of_the_same_basis_still_give_a_pace_after_a_change():
    row = assess_one({"value": 5, "unit": "rank", "comparator": "<="},
                     [(2021, 2, 63), (2022, 9, 34), (2024, 7, 34)])
    assert row["base_year"] == 2022 and row["observed_rate"] == -1.0


def test_a_rank_is_shown_with_its_basis_or_band():
    from hue57.metrics import latest_value_text
    row = assess_one({"value": 5, "unit": "rank", "comparator": "<="}, [(2024, 5, 63)])
    assert latest_value_text(row, "vi") == "5/63"
    assert latest_value_text({**row.to_dict(), "latest_band": "351–400"}, "vi") == "nhóm 351–400"
    assert latest_value_text({**row.to_dict(), "latest_band": "351–400"}, "en") == "band 351–400"


def test_an_indicator_already_below_zero_is_not_lifted_to_zero():
    row = assess_one({"value": -2, "unit": "points", "comparator": "<="}, [(2022, 1), (2024, -1)])
    assert row["status"] == "on_track" and row["projected_value"] == pytest.approx(-7.0)
    assert row["year_reached"] == 2025
