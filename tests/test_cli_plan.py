"""`python -m hue57 targets | tasks | actuals`: pinned columns, formats, errors."""

import csv
import io
import json

import pytest

from hue57.cli import main


def _csv(capsys) -> list[dict]:
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_targets_csv_matches_appendix_i(db, capsys):
    assert main(["targets", "--format", "csv"]) == 0
    rows = _csv(capsys)
    pinned = ["code", "parent", "name_vi", "name_en", "unit", "horizon", "comparator", "value", "value_hi",
              "relative_to", "agency", "text_vi"]
    assert list(rows[0])[:len(pinned)] == pinned
    with open("data/targets.csv", encoding="utf-8") as f:
        plan = list(csv.DictReader(f))
    assert [r["code"] for r in rows] == [r["code"] for r in plan]
    for got, want in zip(rows, plan, strict=True):
        assert got["comparator"] == want["comparator"]
        assert got["horizon"] == want["horizon"]
        assert (float(got["value"]) if got["value"] else None) == (float(want["value"]) if want["value"] else None)


def test_tasks_lists_all_70_with_deadline_text_as_written(db, capsys):
    assert main(["tasks", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["no"] for r in rows] == list(range(1, 71))
    for col in ("no", "group", "title_vi", "lead_agency", "coordinating", "output", "deadline_text"):
        assert col in rows[0]
    by_no = {r["no"]: r for r in rows}
    assert by_no[7]["deadline_text"] == "Quý I/2025"
    assert by_no[2]["deadline_text"] == "Thường xuyên"


def test_actuals_carry_source_note_and_upload(db, capsys):
    assert main(["actuals", "--format", "csv"]) == 0
    rows = _csv(capsys)
    assert list(rows[0])[:7] == ["code", "year", "value", "status", "source", "note", "upload_id"]
    dti_2024 = next(r for r in rows if r["code"] == "4" and r["year"] == "2024")
    assert float(dti_2024["value"]) == 5 and "vneconomy.vn" in dti_2024["source"]
    assert "63" in dti_2024["note"] and dti_2024["upload_id"] == "1"


def test_actuals_list_codes_in_plan_order_with_basis_and_band(db, capsys):
    assert main(["actuals", "--format", "csv"]) == 0
    rows = _csv(capsys)
    assert list(rows[0])[-2:] == ["basis", "band"]
    codes = list(dict.fromkeys(r["code"] for r in rows))
    assert codes.index("3") < codes.index("4") < codes.index("8.1") < codes.index("14b") < codes.index("18")
    dti_2024 = next(r for r in rows if r["code"] == "4" and r["year"] == "2024")
    qs_2023 = next(r for r in rows if r["code"] == "14b" and r["year"] == "2023")
    assert (dti_2024["basis"], dti_2024["band"]) == ("63", "")
    assert (qs_2023["value"], qs_2023["band"]) == ("351.0", "351–400")
    assert main(["actuals", "--format", "json", "--code", "4"]) == 0
    assert {r["basis"] for r in json.loads(capsys.readouterr().out)} == {63}


def test_table_format_is_readable(db, capsys):
    assert main(["actuals", "--code", "3"]) == 0
    out = capsys.readouterr().out
    assert "huengaynay.vn" in out  # a link is one word: never broken, wrapped or not
    assert max(len(line) for line in out.splitlines()) <= 100


@pytest.mark.parametrize("argv", [["bogus"], ["targets", "--format", "xml"], ["tasks", "--as-of", "28/11/2026"]])
def test_invalid_input_exits_2_without_traceback(db, capsys, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err and "Traceback" not in err


def test_csv_export_neutralises_formula_cells():
    import pandas as pd

    from hue57.export import neutralise

    frame = pd.DataFrame({"a": ["=1+1", "+x", "-3", "@SUM", "ok"], "n": [1, 2, 3, 4, 5]})
    out = neutralise(frame)
    assert out["a"].tolist() == ["'=1+1", "'+x", "'-3", "'@SUM", "ok"]
    assert out["n"].tolist() == [1, 2, 3, 4, 5]


def test_every_command_line_in_the_readme_is_a_real_command():
    import shlex  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from hue57.cli import build_parser  # noqa: PLC0415

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    lines = [ln.split("  #")[0] for ln in readme.splitlines() if ln.startswith(".venv/bin/python -m hue57 ")]
    assert len(lines) >= 10
    for line in lines:
        argv = shlex.split(line)[3:]
        if ">" in argv:  # a redirection of the shell, not an argument
            argv = argv[: argv.index(">")]
        assert "|" not in argv, line
        build_parser().parse_args(argv)  # argparse exits (SystemExit) on anything it does not know
