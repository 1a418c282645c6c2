"""Edge values an office's file can hold: a number cell holding NaN or infinity is refused naming the cell, −0 is
stored as 0, a figure no unit can hold (1.7e308 patents) is a scale warning to confirm, no numpy warning reaches
stderr, and Vietnamese messages carry no English words."""

from __future__ import annotations

import warnings

import pytest

from hue57 import ingest, store
from hue57.i18n import t
from tests.test_import_hostile_files import HEADER, raw_xlsx


def _xlsx(value: str, code: str = "16") -> bytes:
    return raw_xlsx(HEADER + f'<row r="2"><c r="A2" t="inlineStr"><is><t>{code}</t></is></c><c r="B2"><v>2025</v></c>'
                    f'<c r="C2"><v>{value}</v></c><c r="D2" t="inlineStr"><is><t>Cục SHTT</t></is></c></row>')


@pytest.mark.parametrize("value", ["NaN", "INF", "-inf", "1e400"])
def test_a_number_cell_holding_nan_or_infinity_is_refused_naming_the_cell(value, db):
    before = db.read_bytes()
    outcome = ingest.import_file(db, _xlsx(value), "so_lieu.xlsx", "lan")
    message = ingest.error_table(outcome, "vi").iloc[0, -1]
    assert outcome.status == "invalid" and message.startswith(f"Ô C2 là ô số nhưng chứa «{value}»"), message
    assert db.read_bytes() == before


@pytest.mark.parametrize("data, name", [(_xlsx("-0"), "a.xlsx"),
                                        ("Mã;Năm;Giá trị;Nguồn\n16;2025;-0,0;Cục SHTT\n".encode(), "a.csv")])
def test_minus_zero_is_stored_as_zero(data, name, db):
    assert ingest.import_file(db, data, name, "lan").status == "committed"
    value = store.load(db).actuals.set_index(["code", "year"]).loc[("16", 2025), "value"]
    assert value == 0 and str(value) == "0.0"


def test_a_figure_no_unit_can_hold_is_a_warning_and_no_numpy_warning_is_printed(db, capfd):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any RuntimeWarning (overflow in a ratio) fails the test
        outcome = ingest.import_file(db, _xlsx("1.7E+308"), "a.xlsx", "lan")
    assert outcome.status == "unconfirmed"
    message = ingest.warning_table(outcome, "vi").iloc[0, -1]
    assert message.startswith("Chỉ tiêu 16: «1.7e+308» vượt xa mức có thể có") and "10.000.000" in message
    assert "Warning" not in capfd.readouterr().err


@pytest.mark.parametrize("unit, limit", [("%", 1e3), ("% GRDP", 1e3), ("rank", 1e5), ("index", 1e3),
                                         ("patents", 1e7), ("tỷ đồng", 1e15)])
def test_plausible_limit_per_unit(unit, limit):
    from hue57.ingest._scale import plausible_limit  # noqa: PLC0415

    assert plausible_limit(unit) == limit


@pytest.mark.parametrize("key", ["report.refused.state_submitted", "report.refused.state_accepted",
                                 "report.refused.state_returned"])
def test_report_refusals_carry_no_english_action_word(key):
    for action in ("draft", "submit", "return", "accept"):
        assert action not in t(key, "vi", action=action)
