"""Numbers are read as the office wrote them; a number that could mean two things is never guessed silently."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from hue57 import ingest, store
from hue57.ingest._numbers import file_convention, parse_numbers, shapes


def _read(cells: list[str], fallback: str = "vi") -> tuple[list[float], str]:
    column = shapes(pd.Series(cells, dtype="str"))
    convention = file_convention(column)
    numbers = parse_numbers(column, convention=convention, fallback=fallback)
    return numbers.values.tolist(), convention


@pytest.mark.parametrize("cell, value", [
    ("30,5", 30.5), ("30.5", 30.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1 234,5", 1234.5),
    ("1\u00a0234", 1234.0), ("1.234.567", 1234567.0), ("1,234,567", 1234567.0), ("0,125", 0.125),
    ("-2", -2.0), ("+3", 3.0), ("\u22124", -4.0), ("30,5%", 30.5), (" 12 ", 12.0), ("0.75", 0.75),
])
def test_a_cell_that_can_only_mean_one_number_is_read_exactly(cell, value):
    assert _read([cell])[0] == [value]


@pytest.mark.parametrize("cell", ["khoảng 30", "1,5e3", "30 %%", "12-14", "N/A", "1.23.4", "1,2,3", "abc", "#DIV/0!"])
def test_text_that_is_not_a_number_is_invalid(cell):
    column = shapes(pd.Series([cell], dtype="str"))
    numbers = parse_numbers(column, convention=file_convention(column))
    assert numbers.invalid.tolist() == [True]


def test_ambiguous_cells_follow_the_file():
    assert _read(["1.234", "30,5"]) == ([1234.0, 30.5], "vi")  # the file writes decimal commas
    assert _read(["1.234", "30.5"]) == ([1.234, 30.5], "en")  # the file writes decimal points
    assert _read(["1,234", "30.5"]) == ([1234.0, 30.5], "en")


def test_ambiguous_cells_without_a_hint_use_the_separator_and_are_reported():
    values, convention = _read(["1.234", "7"])
    assert convention == "none" and values == [1234.0, 7.0]
    assert _read(["1.234", "7"], fallback="en")[0] == [1.234, 7.0]
    targets = store.read_plan_targets()
    report = ingest.check_file(b"code;year;value;source\n16;2024;1.234;x\n", "a.csv", targets, "vi")
    assert report.ok and report.rows["value"].tolist() == [1234.0]
    assert "dấu chấm phân cách hàng nghìn" in report.notices["message"].iloc[0]
    report = ingest.check_file(b"code,year,value,source\n11,2024,0.753,x\n16,2024,1.234,y\n", "a.csv", targets, "en")
    assert report.ok and report.rows["value"].tolist() == [0.753, 1.234]


def test_a_file_writing_numbers_both_ways_makes_ambiguous_cells_errors():
    column = shapes(pd.Series(["30,5", "12.5", "1.234"], dtype="str"))
    numbers = parse_numbers(column, convention=file_convention(column))
    assert numbers.ambiguous.tolist() == [False, False, True]
    assert numbers.values.tolist()[:2] == [30.5, 12.5] and math.isnan(numbers.values.iloc[2])


def test_excel_numbers_are_taken_as_stored():
    column = shapes(pd.Series(["1.234", "abc"], dtype="str"))
    numbers = parse_numbers(column, pd.Series([1.234, math.nan]), convention="none")
    assert numbers.values.tolist()[0] == 1.234 and numbers.guessed == 0 and numbers.invalid.tolist() == [False, True]
