"""Appendix I as data: every row, code, horizon, comparator and value as the plan writes it."""

import pandas as pd
import pytest

from hue57 import store
from hue57.tasks import split_agencies

TARGETS = store.read_plan_targets()
BY_CODE = TARGETS.set_index("code")


def test_every_appendix_i_row_is_present_once():
    expected = [str(c) for c in range(1, 8)] + ["8"] + [f"8.{i}" for i in range(1, 13)] + \
        [str(c) for c in range(9, 14)] + ["14a", "14b", "14c"] + [str(c) for c in range(15, 29)]
    assert TARGETS["code"].tolist() == expected
    assert TARGETS["code"].is_unique


def test_every_comparator_is_one_of_the_six():
    assert set(TARGETS["comparator"]) <= {">=", ">", "<=", "<", "between", "qualitative"}


def test_horizons_are_2030_except_the_2045_rows():
    assert set(TARGETS.loc[TARGETS["horizon"] == 2045, "code"]) == {"26", "27", "28"}
    assert set(TARGETS["horizon"].astype(int)) == {2030, 2045}


def test_2045_rows_read_the_actuals_of_the_indicator_they_restate():
    assert BY_CODE.loc[["26", "27", "28"], "indicator"].tolist() == ["7", "3", "5"]
    assert (BY_CODE.drop(["26", "27", "28"])["indicator"] == BY_CODE.drop(["26", "27", "28"]).index).all()


@pytest.mark.parametrize("code", ["1", "2", "8"])
def test_unmeasurable_wording_is_qualitative(code):
    assert BY_CODE.loc[code, "comparator"] == "qualitative"
    assert pd.isna(BY_CODE.loc[code, "value"])


@pytest.mark.parametrize(("code", "comparator", "value"), [
    ("3", "<=", 10), ("4", "<=", 5), ("5", ">=", 1), ("6", ">=", 55), ("7", ">=", 30),
    ("8.1", ">=", 70), ("8.2", ">=", 90), ("8.3", ">=", 100), ("8.4", ">=", 100), ("8.5", ">=", 80),
    ("8.6", ">=", 80), ("8.7", ">=", 70), ("8.8", ">=", 30), ("8.9", ">=", 50), ("8.10", ">=", 100),
    ("8.11", ">=", 100), ("8.12", ">=", 100), ("9", ">=", 80), ("10", ">=", 40), ("11", ">", 0.75),
    ("12", ">=", 3), ("13", ">=", 12), ("14a", "<=", 3), ("14b", "<=", 200), ("14c", "<=", 700),
    ("15", ">=", 1.3), ("16", ">=", 20), ("17", "between", 8), ("18", "<=", 10), ("19", "<=", 6),
    ("20", ">=", 1), ("21", ">=", 100), ("22", ">=", 95), ("23", ">=", 50), ("24", ">=", 95),
    ("25", ">=", 50), ("26", ">=", 50), ("27", "<=", 5), ("28", ">=", 5),
])
def test_target_value_and_comparator_match_the_plan(code, comparator, value):
    assert BY_CODE.loc[code, "comparator"] == comparator
    assert BY_CODE.loc[code, "value"] == value


def test_between_has_upper_edge_and_relative_target_keeps_its_base_year():
    assert BY_CODE.loc["17", "value_hi"] == 10
    assert BY_CODE.loc["15", "relative_to"] == 2025
    assert TARGETS["value_hi"].notna().sum() == 1
    assert TARGETS["relative_to"].notna().sum() == 1


def test_rank_targets_are_lower_is_better():
    ranks = TARGETS[TARGETS["unit"] == "rank"]
    measurable = ranks[ranks["comparator"] != "qualitative"]
    assert set(measurable["code"]) == {"3", "4", "14a", "14b", "14c", "18", "19", "27"}
    assert set(measurable["comparator"]) == {"<="}


def test_parents_group_8_and_14():
    assert set(TARGETS.loc[TARGETS["parent"] == "8", "code"]) == {f"8.{i}" for i in range(1, 13)}
    assert set(TARGETS.loc[TARGETS["parent"] == "14", "code"]) == {"14a", "14b", "14c"}


def test_plan_wording_is_kept_verbatim():
    assert BY_CODE.loc["3", "text_vi"] == "Top 10 tỉnh, thành phố trực thuộc TW dẫn đầu toàn quốc"
    assert BY_CODE.loc["12", "text_vi"] == "≥ 3% và tăng dần theo yêu cầu phát triển"
    assert BY_CODE.loc["11", "text_vi"] == "> 0,75"
    assert BY_CODE.loc["8", "text_vi"] == "Top đầu cả nước"
    assert (BY_CODE.loc[["14a", "14b", "14c"], "text_vi"] ==
            "Top 3 các cơ sở giáo dục đại học Việt Nam, trong top 200 châu Á và 700 thế giới.").all()


def test_the_three_parts_of_14_have_distinct_vietnamese_names_from_the_plans_wording():
    # the plan: "Top 3 các cơ sở giáo dục đại học Việt Nam, trong top 200 châu Á và 700 thế giới" (issue #22)
    names = BY_CODE.loc[["14a", "14b", "14c"], "name_vi"]
    assert names.nunique() == 3
    assert "trong nước" in names["14a"] and "Việt Nam" in names["14a"]
    assert "châu Á" in names["14b"] and "thế giới" in names["14c"]
    assert all(n.startswith("Đại học Huế") for n in names)


def test_every_monitoring_agency_is_a_known_agency():
    agencies = store.read_plan_agencies()
    for code, text in TARGETS.loc[TARGETS["agency"] != "", ["code", "agency"]].itertuples(index=False):
        assert split_agencies(text, agencies), f"target {code}: agency {text!r} not in agencies.csv"


def test_shipped_actuals_all_have_a_source_and_a_known_code():
    actuals = store.read_plan_actuals()
    assert (actuals["source"].str.len() > 10).all()
    assert set(actuals["code"]) <= set(TARGETS["code"])
    assert len(actuals) == 24
    dti = actuals[actuals["code"] == "4"].set_index("year")["value"].to_dict()
    assert dti == {2020: 2, 2021: 2, 2022: 4, 2023: 3, 2024: 5}
    assert actuals[actuals["code"] == "4"]["note"].str.contains("63").all()


def test_every_shipped_rank_says_what_it_ranks_among():
    """A rank has its basis, or a note saying the source does not state it."""
    actuals = store.read_plan_actuals()
    ranks = actuals[actuals["code"].isin(TARGETS.loc[TARGETS["unit"] == "rank", "code"])]
    unstated = ranks["basis"].isna()
    assert ranks.loc[unstated, "note"].str.contains("không nêu").all()
    assert ranks.loc[ranks["code"] == "4", "basis"].eq(63).all()


def test_shipped_facts_include_the_new_rows_with_bands_as_best_place():
    actuals = store.read_plan_actuals().set_index(["code", "year"])
    for code, year in (("8.3", 2025), ("8.7", 2025), ("18", 2021)):
        assert (code, year) in actuals.index
    qs_asia = actuals.loc["14b"]
    assert qs_asia["value"].to_dict() == {2019: 451, 2020: 451, 2021: 401, 2022: 401, 2023: 351, 2024: 351,
                                          2025: 348, 2026: 450}
    assert qs_asia.loc[2023, "band"] == "351–400" and pd.isna(qs_asia.loc[2025, "band"])
    assert actuals.loc[("14c", 2026), "band"] == "1401+" and actuals.loc[("14c", 2026), "value"] == 1401


def test_a_band_that_is_not_stored_as_its_best_place_is_refused(tmp_path):
    for name in ("targets.csv", "tasks.csv", "agencies.csv"):
        (tmp_path / name).write_bytes((store.DATA_DIR / name).read_bytes())
    (tmp_path / "actuals.csv").write_text("code,year,value,source,note,basis,band\n14b,2023,400,a source text,,,351–400\n",
                                          encoding="utf-8")
    with pytest.raises(ValueError, match="row 2"):
        store.read_plan_actuals(tmp_path)


def test_a_between_target_upside_down_is_refused_naming_its_row(tmp_path):
    text = (store.DATA_DIR / "targets.csv").read_text(encoding="utf-8")
    (tmp_path / "targets.csv").write_text(text.replace(",between,8,10,", ",between,10,8,"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"row \d+ \(code 17\).*value_hi"):
        store.read_plan_targets(tmp_path)
