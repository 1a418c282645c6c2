"""Values probably on the wrong scale are warnings the analyst must confirm; nothing is written until then.

Files in tests/data/warn (made by tests/data/make_files.py). The shipped data has 8.1 at 87% (2024) and
91% (2025); 11 is an index whose target is > 0,75.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from hue57 import cli, ingest, store
from hue57.ingest._scale import JUMP, scale_warnings

WARN = Path(__file__).parent / "data" / "warn"

# file → (row, message fragment) of each warning it must raise
EXPECTED = {
    "fraction_for_percent.csv": [(2, "«0,93» có thể là phân số thay cho phần trăm (năm 2025 là 91). Nếu ý là 93%")],
    "fraction_for_percent.xlsx": [(2, "có thể là phân số thay cho phần trăm")],
    "index_75_for_0_75.csv": [(2, "Chỉ tiêu 11 là chỉ số có mục tiêu 0,75: «75» lớn hơn 1")],
    "jump_within_file.csv": [(2, "chênh 40 lần so với năm 2024 (480)"), (3, "chênh 40 lần so với năm 2023 (12)")],
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _value(db, code: str, year: int):
    frame = store.load(db).actuals
    row = frame[(frame["code"] == code) & (frame["year"] == year)]
    return None if row.empty else float(row.iloc[0]["value"])


def test_every_warning_file_has_expectations():
    assert {p.name for p in WARN.iterdir()} == set(EXPECTED) | {"percent_cell_no_warning.xlsx"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_import_with_warnings_exits_2_and_changes_nothing(name, db, capsys):
    before = _digest(db)
    assert cli.main(["import", str(WARN / name), "--by", "lan", "--format", "csv"]) == 2
    err = capsys.readouterr().err
    body, _, summary = err.rstrip("\n").rpartition("\n")
    assert "chưa có gì được ghi" in summary and "--accept-warnings" in summary
    table = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)
    assert list(table.columns) == ["Dòng", "Cột", "Giá trị trong tệp", "Cảnh báo"]
    for row, fragment in EXPECTED[name]:
        hits = table[table["Cảnh báo"].str.contains(fragment, regex=False)]
        assert (hits["Dòng"] == str(row)).any(), (fragment, table.to_string())
    assert _digest(db) == before


def test_a_dry_run_with_warnings_also_exits_2_and_records_nothing(db, capsys):
    before = _digest(db)
    assert cli.main(["import", str(WARN / "fraction_for_percent.csv"), "--dry-run"]) == 2
    assert "--accept-warnings" in capsys.readouterr().err
    assert _digest(db) == before


def test_accept_warnings_imports_and_prints_what_was_accepted(db, capsys):
    assert cli.main(["import", str(WARN / "fraction_for_percent.csv"), "--accept-warnings", "--by", "lan"]) == 0
    out = capsys.readouterr().out
    assert "lần cập nhật #2" in out and "(đã được xác nhận)" in out and "  ! Chỉ tiêu 8.1" in out
    assert _value(db, "8.1", 2026) == pytest.approx(0.93)


def test_warnings_speak_english(db, capsys):
    assert cli.main(["--lang", "en", "import", str(WARN / "index_75_for_0_75.csv")]) == 2
    err = capsys.readouterr().err
    assert "Indicator 11 is an index with target 0.75: “75” is above 1" in err
    assert "run again with --accept-warnings" in err


def test_a_percent_formatted_excel_cell_is_read_as_the_percentage_it_shows(db, capsys):
    assert cli.main(["import", str(WARN / "percent_cell_no_warning.xlsx")]) == 0
    assert _value(db, "8.1", 2026) == 93.0


def test_preview_lists_warnings_and_writes_nothing(db):
    before = _digest(db)
    preview = ingest.preview_file(db, (WARN / "fraction_for_percent.csv").read_bytes(), "f.csv")
    assert preview.status == "preview" and len(preview.warnings) == 1
    assert ingest.warning_table(preview, "en").columns[-1] == "Warning"
    unconfirmed = ingest.import_file(db, (WARN / "fraction_for_percent.csv").read_bytes(), "f.csv", "lan")
    assert (unconfirmed.status, unconfirmed.upload_id) == ("unconfirmed", None)
    assert _digest(db) == before


# --- the rules, on frames -----------------------------------------------------------------------------

TARGETS = pd.DataFrame({
    "code": ["p", "i", "n", "r"], "indicator": ["p", "i", "n", "r"], "unit": ["%", "index", "patents", "rank"],
    "value": [80.0, 0.75, 20.0, 10.0], "value_hi": [np.nan] * 4,
})


def _warn(rows: list[tuple], stored: list[tuple] = ()) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["code", "year", "value"])
    current = pd.DataFrame(list(stored), columns=["code", "year", "value"])
    return scale_warnings(frame, current, TARGETS, row_numbers=np.arange(2, len(frame) + 2),
                          value_text=frame["value"].astype(str).to_numpy(object), column="value")


def test_the_nearest_earlier_stored_year_is_the_reference():
    found = _warn([("n", 2025, 100.0)], stored=[("n", 2020, 1.0), ("n", 2024, 90.0), ("n", 2026, 1.0)])
    assert found.empty  # 2024 (90) is nearer than 2020, and earlier years come before later ones


def test_a_value_exactly_jump_times_away_warns_and_just_under_does_not():
    assert _warn([("n", 2025, 10.0 * JUMP)], stored=[("n", 2024, 10.0)])["key"].tolist() == ["ingest.warn.jump"]
    assert _warn([("n", 2025, 10.0 * JUMP * 0.99)], stored=[("n", 2024, 10.0)]).empty
    assert _warn([("n", 2025, 10.0 / JUMP)], stored=[("n", 2024, 10.0)])["key"].tolist() == ["ingest.warn.jump"]


def test_zeros_have_no_ratio_and_are_not_compared():
    assert _warn([("n", 2025, 0.0)], stored=[("n", 2024, 50.0)]).empty
    assert _warn([("n", 2025, 50.0)], stored=[("n", 2024, 0.0)]).empty


def test_a_fraction_for_a_percentage_is_named_as_such():
    found = _warn([("p", 2025, 0.93)], stored=[("p", 2024, 91.0)])
    assert found["key"].tolist() == ["ingest.warn.fraction_percent"]
    assert found.iloc[0]["params"]["n_suggest"] == pytest.approx(93.0)


def test_a_small_percentage_near_its_history_is_no_fraction():
    assert _warn([("p", 2025, 0.6)], stored=[("p", 2024, 0.5)]).empty


def test_a_whole_file_of_fractions_warns_on_every_row_against_the_stored_figure():
    found = _warn([("p", 2025, 0.91), ("p", 2026, 0.93)], stored=[("p", 2024, 90.0)])
    assert found["key"].tolist() == ["ingest.warn.fraction_percent"] * 2


def test_an_index_above_one_warns_only_when_its_target_is_at_most_one():
    assert _warn([("i", 2025, 75.0)])["key"].tolist() == ["ingest.warn.index_scale"]
    assert _warn([("i", 2025, 0.8)]).empty
    big_target = TARGETS.assign(value=[80.0, 50.0, 20.0, 10.0])
    frame = pd.DataFrame([("i", 2025, 75.0)], columns=["code", "year", "value"])
    assert scale_warnings(frame, frame.iloc[0:0], big_target, row_numbers=np.array([2]),
                          value_text=np.array(["75"], dtype=object), column="value").empty


def test_each_row_gets_at_most_one_warning():
    found = _warn([("i", 2025, 75.0)], stored=[("i", 2024, 0.7)])
    assert found["key"].tolist() == ["ingest.warn.index_scale"]
