"""What a leader reads is right at a glance (issue #22): a ranking without a stated basis has a pace, a band
is on track only when its forecast lands inside it, a bar never looks fuller than the distance to the
target allows, and a looser target never reads worse than a stricter one on the same series."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hue57 import briefing, metrics, store
from hue57.i18n import expected_label, gap_label
from hue57.metrics import assess, explain, progress
from hue57.ui import _briefing
from hue57.ui.views import indicator as indicator_view

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def one(target: dict, points: list[tuple], as_of: int = 2026) -> pd.Series:
    """points: (year, value) or (year, value, basis)."""
    tg = pd.DataFrame([{"code": "x", "horizon": 2030, "comparator": ">=", "value": np.nan, "value_hi": np.nan,
                        "unit": "count", "relative_to": None, **target}])
    ac = pd.DataFrame({"code": "x", "year": [p[0] for p in points], "value": [float(p[1]) for p in points],
                       "basis": pd.array([p[2] if len(p) > 2 else None for p in points], dtype="Int64")})
    return assess(tg, ac, as_of).iloc[0]


def board_of(out: pd.DataFrame) -> pd.DataFrame:
    """`assess` output with the few board columns the briefing reads."""
    return out.assign(plan_comparator=out["comparator"], value=np.nan, value_hi=out["band_hi"], relative_to=np.nan,
                      name_vi="x", name_en="x", group=out["code"], agency_ids=[[] for _ in range(len(out))])


# ------------------------------------------------------------------------------ 1. basis
def test_qs_asia_on_the_shipped_data_has_a_pace_a_status_and_names_the_years_it_compared(db):
    snap = store.load(db)
    row = briefing.board_for(snap, 2026).set_index("code").loc["14b"]
    assert row["status"] not in ("insufficient_data", "no_data")
    assert np.isfinite(row["observed_rate"]) and np.isfinite(row["ratio"])
    assert row["status"] == "regressing"  # 401 (2021) → 450 (2026) against top 200 by 2030
    assert row["base_year"] == 2021 and row["latest_year"] == 2026
    assert "từ 2021 đến 2026" in explain(row, "vi") and "from 2021 to 2026" in explain(row, "en")
    facts = indicator_view.assessment_facts(row, "vi").set_index("Nội dung")["Giá trị"]
    assert facts["Tốc độ thực tế"] != "—" and "2021" in facts["Năm gốc"]


def test_a_series_that_never_states_its_basis_is_one_basis():
    row = one({"value": 200, "unit": "rank", "comparator": "<="}, [(2022, 401), (2024, 351), (2026, 450)])
    assert row["base_year"] == 2022 and pd.isna(row["reason"]) and row["status"] == "regressing"


def test_only_a_stated_change_of_basis_breaks_the_pace():
    row = one({"value": 5, "unit": "rank", "comparator": "<="}, [(2023, 3, 63), (2024, 5, 63), (2025, 8, 34)])
    assert row["status"] == "insufficient_data" and row["reason"] == "basis_changed"
    row = one({"value": 5, "unit": "rank", "comparator": "<="}, [(2023, 3, 63), (2024, 5, 63), (2025, 4, 63)])
    assert row["base_year"] == 2023 and pd.isna(row["reason"])


# ------------------------------------------------------------------------------ 2. bands
def test_a_band_forecast_that_overshoots_is_not_on_track_and_says_so():
    # the example: band 8–8,5%, 2 → 7,4 read "On track. Forecast for 2030: 14,2% (target 8%)"
    row = one({"comparator": "between", "value": 8, "value_hi": 8.5, "unit": "%"}, [(2024, 2), (2026, 7.4)])
    assert row["status"] != "on_track"
    assert row["projected_value"] > 8.5
    vi, en = explain(row, "vi"), explain(row, "en")
    assert "dự báo vượt khoảng mục tiêu" in vi and "overshoots the target range" in en
    assert "mục tiêu khoảng 8–8,5%" in vi and "target range 8–8.5%" in en


def test_a_band_forecast_inside_the_band_is_on_track():
    row = one({"comparator": "between", "value": 8, "value_hi": 10, "unit": "%"}, [(2022, 5), (2026, 7)])
    assert row["status"] == "on_track" and 8 <= row["projected_value"] <= 10
    assert "vượt" not in explain(row, "vi")


bands = st.tuples(st.integers(0, 80), st.integers(1, 20)).map(lambda p: (p[0] / 2, p[0] / 2 + p[1] / 2))
series = st.lists(st.tuples(st.integers(2018, 2026), st.integers(0, 400).map(lambda n: n / 4)), min_size=1,
                  max_size=6, unique_by=lambda p: p[0])


@SETTINGS
@given(bands, series)
def test_a_band_verdict_never_contradicts_its_forecast(band, points):
    row = one({"comparator": "between", "value": band[0], "value_hi": band[1], "unit": "%"}, points)
    if row["status"] == "on_track":
        assert band[0] - 1e-6 <= row["projected_value"] <= band[1] + 1e-6
        assert "vượt khoảng" not in explain(row, "vi")
    if "vượt khoảng" in explain(row, "vi"):
        assert row["status"] != "on_track"


# ------------------------------------------------------------------------------ 3. bars
def test_a_regressing_row_whose_base_had_met_the_target_is_not_drawn_nearly_full():
    row = one({"value": 90, "unit": "%"}, [(2022, 95), (2026, 60)])
    board = board_of(pd.DataFrame([row]))
    share = progress(board).iloc[0]
    assert share == pytest.approx(60 / 90)  # what the distance to 90 allows on a 0–100 scale, not 0,99
    gap = briefing.gap_rows(board).iloc[0]
    assert gap["pos_latest"] / gap["pos_target"] == pytest.approx(60 / 90)


def test_an_out_of_range_row_draws_no_bar():
    row = one({"value": 10, "unit": "count"}, [(2022, 1e-300), (2026, 1e300)])
    assert row["reason"] == "out_of_range"
    board = board_of(pd.DataFrame([row]))
    assert pd.isna(progress(board).iloc[0])
    gaps = briefing.gap_rows(board)
    assert pd.isna(gaps["pos_latest"].iloc[0])
    html = _briefing.gaps_html(gaps, {}, "vi")
    assert 'class="now"' not in html and "nan" not in html.lower()


def test_equal_ranks_against_equal_targets_draw_alike_whatever_their_basis_or_base():
    pii = one({"value": 10, "unit": "rank", "comparator": "<="}, [(2024, 13, 63), (2025, 5)])
    other = one({"value": 10, "unit": "rank", "comparator": "<="}, [(2020, 40, 63), (2025, 5, 63)])
    rows = briefing.gap_rows(board_of(pd.DataFrame([pii, other]).assign(code=["a", "b"])))
    assert rows["pos_latest"].nunique() == 1 and rows["pos_target"].nunique() == 1


values = st.integers(-40, 800).map(lambda n: n / 4)


@st.composite
def assessed_rows(draw):
    n = draw(st.integers(1, 6))
    targets, actuals = [], []
    for i in range(n):
        comparator = draw(st.sampled_from([">=", ">", "<=", "<", "between"]))
        value = draw(values)
        targets.append({"code": f"t{i}", "horizon": 2030, "comparator": comparator, "value": value,
                        "value_hi": value + draw(st.integers(1, 40)) / 4 if comparator == "between" else np.nan,
                        "unit": draw(st.sampled_from(["%", "rank", "count"])), "relative_to": None})
        for year in draw(st.lists(st.integers(2018, 2026), min_size=1, max_size=5, unique=True)):
            actuals.append({"code": f"t{i}", "year": year, "value": draw(values)})
    out = assess(pd.DataFrame(targets), pd.DataFrame(actuals), 2026)
    return out[out["unit"] != "rank"].pipe(lambda f: pd.concat([f, out[(out["unit"] == "rank")
                                                                       & (out["latest_value"] >= 1)]]))


@SETTINGS
@given(assessed_rows())
def test_a_bar_never_fills_more_than_the_distance_to_its_target_allows(out):
    board = board_of(out.reset_index(drop=True))
    share = progress(board)
    allowed = metrics.allowed_share(board)
    not_met = (board["status"] != "met").to_numpy()
    known = not_met & np.isfinite(share.to_numpy()) & np.isfinite(allowed)
    assert (share.to_numpy()[known] <= allowed[known] + 1e-9).all()
    assert (share.to_numpy()[not_met & np.isfinite(share.to_numpy())] < 1).all()
    gaps = briefing.gap_rows(board)
    behind = gaps[(gaps["status"] != "met") & gaps["pos_latest"].notna()]
    assert (behind["pos_latest"] <= behind["pos_target"] + 1e-9).all()  # the bar never reaches the target's mark


# ------------------------------------------------------------------------------ 4. monotone in the target
GOODNESS = {"met": 0, "on_track": 1, "moderate": 2, "insufficient": 3, "regressing": 4, "missed": 5}


def test_ten_to_five_deaths_reads_no_worse_against_a_looser_target():
    tg = pd.DataFrame([{"code": c, "indicator": "d", "horizon": 2030, "comparator": "<=", "value": v, "unit": "deaths"}
                       for c, v in (("strict", 0.0), ("loose", 0.5))])
    out = assess(tg, pd.DataFrame({"code": "d", "year": [2021, 2026], "value": [10.0, 5.0]}), 2026).set_index("code")
    assert out.loc["strict", "rate_kind"] == out.loc["loose", "rate_kind"] == "linear"
    assert GOODNESS[out.loc["loose", "status"]] <= GOODNESS[out.loc["strict", "status"]]


positive = st.integers(1, 800).map(lambda n: n / 4)


@SETTINGS
@given(st.sampled_from([">=", "<="]), st.sampled_from(["count", "%", "rank"]), positive, positive,
       st.lists(st.tuples(st.integers(2018, 2026), positive), min_size=2, max_size=6, unique_by=lambda p: p[0]))
def test_a_looser_target_never_gets_a_worse_verdict_than_a_stricter_one(comparator, unit, a, b, points):
    strict, loose = (max(a, b), min(a, b)) if comparator == ">=" else (min(a, b), max(a, b))
    tg = pd.DataFrame([{"code": c, "indicator": "s", "horizon": 2030, "comparator": comparator, "value": v, "unit": unit}
                       for c, v in (("strict", strict), ("loose", loose))])
    ac = pd.DataFrame({"code": "s", "year": [p[0] for p in points], "value": [p[1] for p in points]})
    out = assess(tg, ac, 2026).set_index("code")
    s, lo = out.loc["strict", "status"], out.loc["loose", "status"]
    if "insufficient_data" in (s, lo):
        assert lo == "met" or s == lo
        return
    assert GOODNESS[lo] <= GOODNESS[s], (strict, loose, s, lo)


# ------------------------------------------------------------------------------ no inf/NaN where shown
wild = st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
                 st.sampled_from([1e-300, 1e300, 0.0]))


@FEWER
@given(st.sampled_from([">=", "<=", "between", ">"]), st.sampled_from(["%", "rank", "count"]), wild,
       st.lists(st.tuples(st.integers(2018, 2026), wild), min_size=1, max_size=5, unique_by=lambda p: p[0]))
def test_no_inf_or_nan_is_ever_written_where_a_number_is_shown(comparator, unit, value, points):
    row = one({"comparator": comparator, "value": value, "value_hi": value + 1 if comparator == "between" else np.nan,
               "unit": unit}, points)
    board = board_of(pd.DataFrame([row]))
    gaps = briefing.gap_rows(board)
    texts = [explain(row, "vi"), explain(row, "en"), _briefing.gaps_html(gaps, {}, "vi")]
    for r in gaps.to_dict("records"):
        texts += [gap_label(r, "vi"), expected_label(r, "vi")]
    facts = indicator_view.assessment_facts(board.iloc[0], "vi")
    texts += facts.iloc[:, 1].astype(str).tolist()
    for text in texts:
        low = text.lower()
        assert "inf" not in low.replace("info", "") and "nan" not in low, text


def test_an_upload_of_a_rank_without_its_basis_asks_for_it_when_other_years_state_one(db):
    from hue57 import ingest
    data = b"code,year,value,source,note,basis,band\n3,2026,7,src,,,\n14b,2027,400,src,,,\n4,2025,3,src,,34,\n"
    outcome = ingest.preview_file(db, data, "ranks.csv")
    table = ingest.warning_table(outcome, "vi")
    messages = table.iloc[:, -1].tolist()
    assert len(messages) == 1  # PII (3) states 63 elsewhere; QS Asia (14b) never states one; DTI gives 34
    assert "Chỉ tiêu 3 năm 2026" in messages[0] and "«Trên tổng số»" in messages[0] and "63" in messages[0]
    assert ingest.import_file(db, data, "ranks.csv", "lead").status == "unconfirmed"  # nothing written unconfirmed
    assert ingest.import_file(db, data, "ranks.csv", "lead", accept_warnings=True).status == "committed"
