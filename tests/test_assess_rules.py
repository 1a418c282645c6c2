"""Every rule of the gap method (`hue57.metrics.assess`), with expected numbers worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from hue57.metrics import OUTPUT_COLUMNS, STATUS_ORDER, assess

NA = pd.NA


def targets(*rows: dict) -> pd.DataFrame:
    base = {"code": "x", "horizon": 2030, "comparator": ">=", "value": np.nan, "value_hi": np.nan,
            "unit": "count", "relative_to": NA}
    frame = pd.DataFrame([{**base, **row} for row in rows])
    frame["relative_to"] = frame["relative_to"].astype("Int64")
    return frame


def actuals(*points: tuple, basis: int | None = 63) -> pd.DataFrame:
    """(code, year, value) or (code, year, value, status); every point ranked among `basis` (ranks read it)."""
    rows = [p if len(p) == 4 else (*p, None) for p in points]
    frame = pd.DataFrame(rows, columns=["code", "year", "value", "status"]).astype({"value": "float64"})
    frame["basis"] = pd.array([basis] * len(frame), dtype="Int64")
    return frame


def one(target: dict, points: list[tuple], as_of: int = 2025) -> pd.Series:
    return assess(targets(target), actuals(*points), as_of).iloc[0]


def approx(x: float) -> object:
    return pytest.approx(x, rel=1e-6)


# ------------------------------------------------------------------------------------------- shape
def test_output_has_one_row_per_target_in_the_targets_order_with_the_pinned_columns():
    tg = targets({"code": "b", "value": 5}, {"code": "a", "value": 5}, {"code": "b", "horizon": 2045, "value": 9})
    out = assess(tg, actuals(("a", 2024, 1.0)), 2025)
    assert list(out.columns) == list(OUTPUT_COLUMNS)
    assert list(out["code"]) == ["b", "a", "b"]
    assert list(out["horizon"]) == [2030, 2030, 2045]
    assert list(out["status"]) == ["no_data", "insufficient_data", "no_data"]


def test_years_are_nullable_int64_and_numbers_are_float_nan():
    out = assess(targets({"code": "a", "value": 5}, {"code": "b", "value": 5}),
                 actuals(("a", 2020, 1.0), ("a", 2024, 2.0)), 2025)
    for col in ("latest_year", "base_year", "year_reached"):
        assert out[col].dtype == "Int64"
    assert out["latest_year"].isna().tolist() == [False, True]
    for col in ("latest_value", "target_value", "gap", "observed_rate", "ratio", "projected_value"):
        assert out[col].dtype == "float64"


def test_unknown_comparator_is_refused_with_the_code():
    with pytest.raises(ValueError, match="zz"):
        assess(targets({"code": "zz", "comparator": "=>", "value": 1}), actuals(), 2025)


# ------------------------------------------------------------------------------------------- ranks
@pytest.mark.parametrize(("rank", "met", "gap"), [(9, True, 0.0), (10, True, 0.0), (11, False, 1.0), (14, False, 4.0)])
def test_rank_target_is_met_at_or_below_n(rank, met, gap):
    row = one({"comparator": "<=", "value": 10, "unit": "rank"}, [("x", 2024, rank)])
    assert (row["status"] == "met") is met
    assert row["gap"] == gap


def test_rank_improving_has_negative_rates_and_a_positive_ratio():
    # 20 (2020) → 14 (2024), top 10 by 2030: observed (14-20)/4 = -1.5, required (10-20)/10 = -1.0
    row = one({"comparator": "<=", "value": 10, "unit": "rank"}, [("x", 2020, 20), ("x", 2024, 14)])
    assert row["rate_kind"] == "linear"
    assert row["observed_rate"] == -1.5
    assert row["required_rate"] == -1.0
    assert row["ratio"] == 1.5
    assert row["status"] == "on_track"
    assert row["gap"] == 4.0
    assert row["projected_value"] == 5.0  # 14 - 1.5 × 6
    assert row["year_reached"] == 2027  # 14 - 1.5 × 3 = 9.5 ≤ 10; after 2 years 11 > 10


def test_rank_falling_back_is_regressing():
    # 10 (2020) → 14 (2024), top 5 by 2030: observed +1/yr, required -0.5/yr → ratio -2
    row = one({"comparator": "<=", "value": 5, "unit": "rank"}, [("x", 2020, 10), ("x", 2024, 14)])
    assert row["ratio"] == -2.0
    assert row["status"] == "regressing"
    assert pd.isna(row["year_reached"])


def test_rank_projection_is_never_better_than_first_place():
    # 10 (2021) → 4 (2024): -2 places a year, 6 more years → -8, clipped to 1
    row = one({"comparator": "<=", "value": 3, "unit": "rank"}, [("x", 2021, 10), ("x", 2024, 4)])
    assert row["projected_value"] == 1.0
    assert row["year_reached"] == 2025


def test_rank_is_always_linear_even_with_positive_values():
    row = one({"comparator": "<=", "value": 5, "unit": "rank"}, [("x", 2020, 9), ("x", 2024, 7)])
    assert row["rate_kind"] == "linear"
    assert row["observed_rate"] == -0.5


def test_strict_less_than_rank_is_not_met_on_the_threshold():
    row = one({"comparator": "<", "value": 10, "unit": "rank"}, [("x", 2024, 10)])
    assert row["status"] != "met"
    assert row["gap"] == 0.0


# ----------------------------------------------------------------------------------------- between
def test_between_from_below_aims_at_the_low_edge():
    # 4 (2020) → 6 (2024), band 8–10% by 2030, in points: observed 2/4 = 0.5, required (8-4)/10 = 0.4
    row = one({"comparator": "between", "value": 8, "value_hi": 10, "unit": "%"}, [("x", 2020, 4), ("x", 2024, 6)])
    assert row["target_value"] == 8.0
    assert row["gap"] == 2.0
    assert row["rate_kind"] == "linear"
    assert row["observed_rate"] == 0.5
    assert row["required_rate"] == 0.4
    assert row["ratio"] == approx(1.25)
    assert row["status"] == "on_track"
    assert row["year_reached"] == 2028  # 6 + 0.5 × 4 = 8


@pytest.mark.parametrize("value", [8.0, 9.0, 10.0])
def test_between_is_met_inside_the_band_edges_included(value):
    row = one({"comparator": "between", "value": 8, "value_hi": 10, "unit": "%"}, [("x", 2024, value)])
    assert row["status"] == "met"
    assert row["target_value"] == value
    assert row["gap"] == 0.0
    assert row["year_reached"] == 2024


def test_between_from_above_aims_at_the_high_edge_and_must_fall():
    # 12 (2020) → 11 (2024), band 8–10%: observed -1/4 points a year, required (10-12)/10 = -0.2
    row = one({"comparator": "between", "value": 8, "value_hi": 10, "unit": "%"}, [("x", 2020, 12), ("x", 2024, 11)])
    assert row["target_value"] == 10.0
    assert row["gap"] == 1.0
    assert row["observed_rate"] == -0.25
    assert row["required_rate"] == approx(-0.2)
    assert row["ratio"] == approx(1.25)
    assert row["status"] == "on_track"
    assert row["year_reached"] == 2028  # 11 - 0.25 × 4 = 10


def test_between_band_jumped_over_is_never_reached():
    # 2 (2022) → 5 (2024): ×1.58 a year → 7.9 in 2025, 12.5 in 2026: never inside 8–10
    row = one({"comparator": "between", "value": 8, "value_hi": 10, "unit": "count"}, [("x", 2022, 2), ("x", 2024, 5)])
    assert row["status"] == "moderate"  # the ratio alone says on track; the forecast jumps past the band
    assert pd.isna(row["year_reached"])


def test_between_target_value_is_nan_without_data():
    row = one({"comparator": "between", "value": 8, "value_hi": 10}, [])
    assert row["status"] == "no_data"
    assert math.isnan(row["target_value"])


# ---------------------------------------------------------------------------------------- relative
REL = {"comparator": ">=", "value": 1.3, "relative_to": 2025, "unit": "publications"}
REL_POINTS = [("x", 2021, 90), ("x", 2023, 95), ("x", 2025, 100), ("x", 2026, 120)]


def test_relative_target_is_nan_until_the_reference_year_actual_exists():
    row = one(REL, REL_POINTS, as_of=2024)
    assert math.isnan(row["target_value"])
    assert math.isnan(row["gap"])
    assert row["status"] == "insufficient_data"
    assert row["latest_value"] == 95.0
    assert pd.isna(row["rate_kind"])


def test_relative_target_multiplies_the_reference_year_actual():
    # target 1.3 × 100 = 130; latest 120 (2026), base 90 (2021): observed (120/90)^(1/5)-1, required (130/90)^(1/9)-1
    row = one(REL, REL_POINTS, as_of=2026)
    assert row["target_value"] == approx(130.0)
    assert row["gap"] == approx(10.0)
    assert row["base_year"] == 2021
    assert row["observed_rate"] == approx(0.0592238410)
    assert row["required_rate"] == approx(0.0417044948)
    assert row["ratio"] == approx(1.4200829259)
    assert row["status"] == "on_track"


def test_relative_target_is_met_exactly_at_the_multiple_despite_float_rounding():
    row = one(REL, [("x", 2025, 100), ("x", 2027, 130)], as_of=2027)  # 1.3 × 100 = 130.00000000000003
    assert row["status"] == "met"
    assert row["gap"] == 0.0


# ----------------------------------------------------------------------------------------- strict >
def test_strict_greater_than_is_not_met_on_the_threshold():
    row = one({"comparator": ">", "value": 0.75, "unit": "index"}, [("x", 2024, 0.75)])
    assert row["status"] == "insufficient_data"
    assert row["gap"] == 0.0


def test_strict_greater_than_is_met_just_above():
    assert one({"comparator": ">", "value": 0.75, "unit": "index"}, [("x", 2024, 0.76)])["status"] == "met"


def test_strict_greater_than_on_the_threshold_is_reached_the_next_year():
    # 0.70 (2020) → 0.75 (2024), > 0.75: rising, so the first year strictly above is 2025
    row = one({"comparator": ">", "value": 0.75, "unit": "index"}, [("x", 2020, 0.70), ("x", 2024, 0.75)])
    assert row["status"] == "on_track"  # observed 1.74%/yr against 0.69%/yr required
    assert row["observed_rate"] == approx(0.0173978273)
    assert row["required_rate"] == approx(0.0069231421)
    assert row["year_reached"] == 2025


def test_floor_met_exactly_on_the_value():
    row = one({"comparator": ">=", "value": 70, "unit": "%"}, [("x", 2025, 70)])
    assert row["status"] == "met"
    assert row["gap"] == 0.0
    assert row["year_reached"] == 2025


# ------------------------------------------------------------------------------------- percentages
def test_percentage_projection_is_clipped_at_100():
    # 80 (2020) → 96 (2024): +4 points a year; 96 + 4 × 6 = 120 → 100
    row = one({"comparator": ">=", "value": 100, "unit": "%"}, [("x", 2020, 80), ("x", 2024, 96)])
    assert row["observed_rate"] == 4.0
    assert row["projected_value"] == 100.0
    assert row["year_reached"] == 2025  # 96 + 4 = 100


def test_percentage_projection_is_clipped_at_0():
    # 30 (2020) → 10 (2024), linear because the target 0 is not positive: -5 a year → -20 → 0
    row = one({"comparator": "<=", "value": 0, "unit": "%"}, [("x", 2020, 30), ("x", 2024, 10)])
    assert row["rate_kind"] == "linear"
    assert row["projected_value"] == 0.0
    assert row["year_reached"] == 2026


def test_percentage_unit_with_a_suffix_is_clipped_too():
    row = one({"comparator": ">=", "value": 30, "unit": "% GRDP"}, [("x", 2020, 10), ("x", 2024, 90)])
    assert row["status"] == "met"
    assert row["projected_value"] == 100.0  # 90 + 20 × 6 = 210 → 100


def test_percentage_target_above_100_is_never_reached_by_the_clipped_projection():
    row = one({"comparator": ">=", "value": 101, "unit": "%"}, [("x", 2020, 80), ("x", 2024, 96)])
    assert pd.isna(row["year_reached"])


# ---------------------------------------------------------------------------------------- the base
def test_base_is_the_oldest_actual_within_five_years_of_the_latest():
    row = one({"value": 100}, [("x", 2015, 10), ("x", 2018, 20), ("x", 2019, 30), ("x", 2024, 40)])
    assert row["base_year"] == 2019
    assert row["base_value"] == 30.0
    assert row["observed_rate"] == approx(0.0592238410)  # (40/30)^(1/5) - 1


def test_points_older_than_five_years_leave_only_one_value():
    row = one({"value": 100}, [("x", 2017, 10), ("x", 2024, 40)])
    assert row["status"] == "insufficient_data"
    assert row["base_year"] == 2024
    assert math.isnan(row["observed_rate"])
    assert math.isnan(row["projected_value"])
    # the required pace from the only value is still given: (100/40)^(1/6) - 1
    assert row["required_rate"] == approx(0.1649930576)


def test_single_value_that_meets_the_target_is_met_not_insufficient_data():
    row = one({"value": 30}, [("x", 2024, 40)])
    assert row["status"] == "met"
    assert row["year_reached"] == 2024


def test_same_year_twice_the_last_row_wins():
    row = one({"value": 100}, [("x", 2020, 10), ("x", 2024, 40), ("x", 2024, 20)])
    assert row["latest_value"] == 20.0


def test_missing_values_are_not_data_points():
    row = one({"value": 100}, [("x", 2020, 10), ("x", 2024, 20), ("x", 2025, np.nan)])
    assert row["latest_year"] == 2024


# ------------------------------------------------------------------------------------------- as_of
def test_as_of_year_cuts_later_actuals():
    pts = [("x", 2020, 10), ("x", 2024, 20), ("x", 2026, 50)]
    assert one({"value": 100}, pts, as_of=2025)["latest_value"] == 20.0
    assert one({"value": 100}, pts, as_of=2026)["latest_value"] == 50.0
    assert one({"value": 100}, pts, as_of=2019)["status"] == "no_data"


def test_no_actual_is_no_data_with_empty_numbers():
    row = one({"value": 100}, [("y", 2024, 50)])
    assert row["status"] == "no_data"
    assert pd.isna(row["latest_year"]) and pd.isna(row["year_reached"]) and pd.isna(row["rate_kind"])
    assert row["target_value"] == 100.0
    assert math.isnan(row["gap"])


# ------------------------------------------------------------------------------- linear fallback
def test_zero_base_falls_back_to_linear():
    # 0 (2020) → 10 (2024), ≥ 30 by 2030: 2.5/yr observed, 3/yr required
    row = one({"value": 30}, [("x", 2020, 0), ("x", 2024, 10)])
    assert row["rate_kind"] == "linear"
    assert row["observed_rate"] == 2.5
    assert row["required_rate"] == 3.0
    assert row["ratio"] == approx(0.8333333333)
    assert row["status"] == "moderate"
    assert row["projected_value"] == 25.0
    assert row["year_reached"] == 2032  # 10 + 2.5 × 8 = 30


def test_negative_values_fall_back_to_linear():
    # -5 (2020) → 5 (2024), ≥ 20 by 2030: 2.5/yr observed, 2.5/yr required
    row = one({"value": 20}, [("x", 2020, -5), ("x", 2024, 5)])
    assert row["rate_kind"] == "linear"
    assert row["ratio"] == 1.0
    assert row["status"] == "on_track"


def test_zero_target_falls_back_to_linear():
    row = one({"comparator": "<=", "value": 0}, [("x", 2020, 8), ("x", 2024, 4)])
    assert row["rate_kind"] == "linear"
    assert row["observed_rate"] == -1.0
    assert row["required_rate"] == -0.8
    assert row["ratio"] == 1.25


def test_positive_counts_use_compound_growth():
    row = one({"value": 30, "unit": "enterprises"}, [("x", 2020, 10), ("x", 2024, 17.43)])
    assert row["rate_kind"] == "cagr"
    assert row["observed_rate"] == approx(0.1490114243)
    assert row["required_rate"] == approx(0.1161231740)  # 3^(1/10) - 1


# ------------------------------------------------------------------------------------- thresholds
# base 0 (2020), target 10 by 2030: required exactly 1 a year; latest in 2025 sets the observed pace
@pytest.mark.parametrize(("latest", "ratio", "status"), [
    (4.75, 0.95, "on_track"),
    (4.70, 0.94, "moderate"),
    (3.00, 0.60, "moderate"),
    (2.95, 0.59, "insufficient"),
    (0.00, 0.00, "insufficient"),
    (-0.5, -0.10, "regressing"),
])
def test_status_thresholds_are_095_060_and_0(latest, ratio, status):
    row = one({"value": 10}, [("x", 2020, 0), ("x", 2025, latest)])
    assert row["ratio"] == pytest.approx(ratio, abs=1e-12)
    assert row["status"] == status


def test_target_passed_at_base_then_slipped_back_is_regressing_without_a_ratio():
    # 85 (2021) ≥ 80 already, 75 (2024) below: required from the base is negative, ratio not meaningful
    row = one({"value": 80, "unit": "%"}, [("x", 2021, 85), ("x", 2024, 75)])
    assert row["required_rate"] < 0 < -row["observed_rate"]
    assert math.isnan(row["ratio"])
    assert row["status"] == "regressing"
    assert row["gap"] == 5.0


def test_horizon_not_after_the_base_year_has_no_required_rate():
    # base 2030 = horizon: rising but the deadline has passed unmet
    row = one({"value": 100}, [("x", 2030, 50), ("x", 2031, 60)], as_of=2031)
    assert math.isnan(row["required_rate"])
    assert math.isnan(row["ratio"])
    assert row["status"] == "missed"
    assert row["projected_value"] == 60.0  # latest_year ≥ horizon: no projection backwards


def test_strict_target_stuck_on_the_threshold_is_insufficient():
    row = one({"comparator": ">", "value": 50}, [("x", 2020, 50), ("x", 2024, 50)])
    assert row["status"] == "insufficient"
    assert row["gap"] == 0.0


# ---------------------------------------------------------------------------------- year_reached
def test_year_reached_is_the_first_year_the_projection_meets_the_target():
    # compound (all positive): ×2^(1/4) a year; 20 × 2^(n/4) ≥ 40 ⇔ n ≥ 4
    assert one({"value": 40}, [("x", 2020, 10), ("x", 2024, 20)])["year_reached"] == 2028
    # linear (zero base): 0 → 20 in 4 years = 5/yr; 20 + 5n ≥ 40 ⇔ n ≥ 4; strict > needs n = 5
    assert one({"value": 40}, [("x", 2020, 0), ("x", 2024, 20)])["year_reached"] == 2028
    assert one({"comparator": ">", "value": 40}, [("x", 2020, 0), ("x", 2024, 20)])["year_reached"] == 2029


def test_year_reached_is_latest_year_when_met():
    assert one({"value": 5}, [("x", 2020, 1), ("x", 2023, 6)])["year_reached"] == 2023


def test_year_reached_is_empty_when_never_by_2100():
    # 10 → 10.04 in 4 years: 0.1%/yr; 100 needs ~2,300 years
    row = one({"value": 100}, [("x", 2020, 10), ("x", 2024, 10.04)])
    assert pd.isna(row["year_reached"])


def test_year_reached_is_empty_when_moving_away_or_standing_still():
    assert pd.isna(one({"value": 100}, [("x", 2020, 50), ("x", 2024, 40)])["year_reached"])
    assert pd.isna(one({"value": 100}, [("x", 2020, 50), ("x", 2024, 50)])["year_reached"])


def test_year_reached_may_be_after_the_horizon():
    # 0 → 4 (2020–2024): 1/yr; 20 reached 2040 for a 2030 target
    row = one({"value": 20}, [("x", 2020, 0), ("x", 2024, 4)])
    assert row["status"] == "insufficient"  # 1/yr against (20-0)/10 = 2/yr → 0.5
    assert row["year_reached"] == 2040


# ---------------------------------------------------------------------------------- indicators
def test_target_row_reads_the_actuals_of_its_indicator():
    tg = targets({"code": "7", "value": 30, "unit": "% GRDP"},
                 {"code": "26", "horizon": 2045, "value": 50, "unit": "% GRDP", "indicator": "7"})
    tg.loc[0, "indicator"] = ""
    out = assess(tg, actuals(("7", 2020, 10), ("7", 2024, 20), ("26", 2024, 99)), 2025)
    assert list(out["indicator"]) == ["7", "7"]
    assert list(out["latest_value"]) == [20.0, 20.0]
    assert out.loc[1, "required_rate"] == approx(1.6)  # (50 - 10) / 25 points a year from base 2020


def test_codes_are_matched_as_stripped_strings():
    out = assess(targets({"code": " 8.1", "value": 70, "unit": "%"}), actuals(("8.1 ", 2024, 91.0)), 2025)
    assert out.loc[0, "code"] == "8.1"
    assert out.loc[0, "status"] == "met"


# ---------------------------------------------------------------------------------- qualitative
QUAL = {"comparator": "qualitative", "unit": "rank"}


@pytest.mark.parametrize("status", STATUS_ORDER[:5])
def test_qualitative_status_is_the_newest_assessment(status):
    row = one(QUAL, [("x", 2023, np.nan, "regressing"), ("x", 2024, np.nan, status)])
    assert row["status"] == status
    assert row["latest_year"] == 2024
    for col in ("latest_value", "target_value", "gap", "observed_rate", "ratio", "projected_value"):
        assert math.isnan(row[col])
    assert pd.isna(row["base_year"]) and pd.isna(row["year_reached"])


def test_qualitative_without_an_assessment_is_no_data():
    assert one(QUAL, [("x", 2024, 5.0)])["status"] == "no_data"
    assert one(QUAL, [])["status"] == "no_data"


def test_qualitative_assessment_after_as_of_is_ignored_and_spelling_normalised():
    row = one(QUAL, [("x", 2023, np.nan, " On_Track "), ("x", 2026, np.nan, "met"), ("x", 2024, np.nan, "maybe")])
    assert row["status"] == "on_track"
    assert row["latest_year"] == 2023
