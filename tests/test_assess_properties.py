"""Properties of the gap method that hold for any plan and any actuals (Hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hue57.metrics import STATUS_ORDER, assess

CODES = ("1", "2", "3", "8.1", "14a")
YEARS = range(2016, 2031)
AS_OF = 2026
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # explain per row is slow

# values on a 0.25 grid keep the examples readable and away from float-noise coincidences
numbers = st.integers(-40, 800).map(lambda n: n / 4)
positive = st.integers(1, 800).map(lambda n: n / 4)


@st.composite
def target_rows(draw, values=numbers, comparators=(">=", ">", "<=", "<", "between", "qualitative"),
                units=("%", "rank", "count"), relative=True):
    n = draw(st.integers(1, 8))
    rows = []
    for i in range(n):
        comparator = draw(st.sampled_from(comparators))
        value = draw(values)
        rows.append({
            "code": f"t{i}",
            "indicator": draw(st.sampled_from(CODES)),
            "horizon": draw(st.sampled_from([2030, 2045])),
            "comparator": comparator,
            "value": np.nan if comparator == "qualitative" else value,
            "value_hi": value + draw(st.integers(0, 40)) / 4 if comparator == "between" else np.nan,
            "unit": draw(st.sampled_from(units)),
            "relative_to": draw(st.sampled_from([None, 2020, 2024])) if relative else None,
        })
    frame = pd.DataFrame(rows)
    frame["relative_to"] = frame["relative_to"].astype("Int64")
    return frame


@st.composite
def actual_rows(draw, values=numbers):
    """Unique (code, year) pairs (with duplicates the last row wins, so row order would matter)."""
    keys = draw(st.lists(st.tuples(st.sampled_from(CODES), st.sampled_from(YEARS)), unique=True, max_size=40))
    rows = [(code, year, draw(values), draw(st.sampled_from([None, *STATUS_ORDER[:5]]))) for code, year in keys]
    return pd.DataFrame(rows, columns=["code", "year", "value", "status"]).astype({"value": "float64"})


@SETTINGS
@given(target_rows(), actual_rows())
def test_met_means_gap_zero_and_gap_is_never_negative(targets, actuals):
    out = assess(targets, actuals, AS_OF)
    out = out[out["comparator"] != "qualitative"]  # a qualitative row has no numbers at all (gap NaN)
    assert (out.loc[out["status"] == "met", "gap"] == 0).all()
    gap = out["gap"].dropna()
    assert (gap >= 0).all()
    assert set(out["status"]) <= set(STATUS_ORDER)


@SETTINGS
@given(target_rows(), actual_rows())
def test_year_reached_is_never_before_the_latest_year(targets, actuals):
    out = assess(targets, actuals, AS_OF).dropna(subset=["year_reached"])
    assert (out["year_reached"] >= out["latest_year"]).all()
    assert (out["year_reached"] <= 2100).all()


@SETTINGS
@given(target_rows(), actual_rows(), st.randoms(use_true_random=False))
def test_status_never_depends_on_the_row_order_of_targets_or_actuals(targets, actuals, rnd):
    before = assess(targets, actuals, AS_OF)
    t_order = list(range(len(targets)))
    a_order = list(range(len(actuals)))
    rnd.shuffle(t_order)
    rnd.shuffle(a_order)
    after = assess(targets.iloc[t_order], actuals.iloc[a_order], AS_OF)
    expected = before.iloc[t_order].reset_index(drop=True)
    assert list(after["status"]) == list(expected["status"])
    pd.testing.assert_frame_equal(after, expected)


@SETTINGS
@given(
    target_rows(values=positive, comparators=(">=", ">", "<=", "<", "between"), units=("%", "count"), relative=False),
    actual_rows(values=positive),
    st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False),
)
def test_scaling_a_cagr_target_and_its_actuals_changes_no_status(targets, actuals, k):
    targets = targets.assign(unit="count")  # not '%': clipping at 100 is not scale-free
    before = assess(targets, actuals, AS_OF)
    assert set(before["rate_kind"].dropna()) <= {"cagr"}
    scaled_t = targets.assign(value=targets["value"] * k, value_hi=targets["value_hi"] * k)
    after = assess(scaled_t, actuals.assign(value=actuals["value"] * k), AS_OF)
    assert list(after["status"]) == list(before["status"])
    pd.testing.assert_series_equal(after["year_reached"], before["year_reached"])


@SETTINGS
@given(target_rows(), actual_rows(), st.sampled_from([2018, 2022, 2026]))
def test_actuals_after_as_of_change_nothing(targets, actuals, as_of):
    later = pd.DataFrame({"code": list(CODES), "year": as_of + 1, "value": 1e6, "status": "met"})
    with_later = pd.concat([actuals, later], ignore_index=True)
    pd.testing.assert_frame_equal(assess(targets, with_later, as_of), assess(targets, actuals, as_of))


def _meets(x: float, comparator: str, target: float, lo: float, hi: float) -> bool:
    tol = 1e-9 * max(abs(x), abs(target))
    return {
        ">=": x >= target - tol, ">": x > target + tol, "<=": x <= target + tol, "<": x < target - tol,
        "between": lo - 1e-9 * max(abs(x), abs(lo)) <= x <= hi + 1e-9 * max(abs(x), abs(hi)),
    }[comparator]


@SETTINGS
@given(target_rows(relative=False), actual_rows())
def test_closed_form_year_reached_equals_stepping_year_by_year(targets, actuals):
    out = assess(targets, actuals, AS_OF)
    for i, row in out.iterrows():
        if row["status"] in ("met", "no_data", "insufficient_data") or row["comparator"] == "qualitative":
            continue
        latest = row["latest_value"]
        if (row["unit"] == "%" and not 0 <= latest <= 100) or (row["unit"] == "rank" and latest < 1) or latest < 0:
            continue  # a value outside its unit's range: the clipped projection could "meet" by clipping alone
        t = targets.iloc[i]
        expected = None
        for year in range(int(row["latest_year"]) + 1, 2101):  # the oracle may loop; assess may not
            n = year - row["latest_year"]
            if row["rate_kind"] == "cagr":
                x = row["latest_value"] * (1 + row["observed_rate"]) ** n
            else:
                x = row["latest_value"] + row["observed_rate"] * n
            x = min(max(x, 0.0), 100.0) if row["unit"] == "%" else max(x, 1.0) if row["unit"] == "rank" else max(x, 0.0)
            if _meets(x, row["comparator"], row["target_value"], t["value"], t["value_hi"]):
                expected = year
                break
        got = None if pd.isna(row["year_reached"]) else int(row["year_reached"])
        assert got == expected, (i, row.to_dict())


# any finite floats, from tiny to huge, negative and zero included: nothing may overflow into the output
wild = st.one_of(st.floats(allow_nan=False, allow_infinity=False, width=64), st.sampled_from([1e-300, 1e300, 0.0]))


@st.composite
def ranked_actuals(draw, values=numbers):
    frame = draw(actual_rows(values))
    frame["basis"] = pd.array([draw(st.sampled_from([None, 34, 63])) for _ in range(len(frame))], dtype="Int64")
    return frame


@FEWER
@given(target_rows(values=wild, relative=False), actual_rows(values=wild))
def test_no_inf_in_any_numeric_column_for_any_finite_inputs(targets, actuals):
    out = assess(targets, actuals, AS_OF)
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            assert not np.isinf(out[col].to_numpy(dtype=float)).any(), col
    from hue57.metrics import explain
    for row in out.to_dict("records"):
        explain(row, "vi")
        explain(row, "en")


@SETTINGS
@given(target_rows(), ranked_actuals())
def test_progress_is_within_0_and_1_and_full_only_when_met(targets, actuals):
    from hue57.metrics import progress
    out = assess(targets, actuals, AS_OF)
    share = progress(out)
    known = share.dropna()
    assert ((known >= 0) & (known <= 1)).all()
    assert (out.loc[share == 1, "status"] == "met").all()


@SETTINGS
@given(target_rows(), ranked_actuals())
def test_missed_exactly_when_not_met_and_the_horizon_has_passed(targets, actuals):
    for as_of in (2026, 2030, 2031):
        out = assess(targets, actuals, as_of)
        numeric = (out["comparator"] != "qualitative") & out["target_value"].notna()
        past = numeric & (out["latest_year"] >= out["horizon"]).fillna(False)
        not_met = out["status"] != "met"
        assessable = out["status"] != "insufficient_data"  # values that overflowed are not judged
        assert (out.loc[past & not_met & assessable, "status"] == "missed").all()
        assert (~past[out["status"] == "missed"]).sum() == 0


@SETTINGS
@given(target_rows(units=("count", "enterprises")), actual_rows())
def test_projections_of_counts_never_go_below_zero(targets, actuals):
    out = assess(targets, actuals, AS_OF)
    counts = out[out["latest_value"] >= 0]  # an indicator already below zero is not lifted to it
    assert (counts["projected_value"].dropna() >= 0).all()
