"""The compiled Word report: every number of every table is the `gaps` / `tasks --as-of` number for the same
snapshot and date; diacritics survive; the same inputs give the same document; a broken template or a bad
period or upload is refused with exit 2 and nothing written; the layout of an administrative report."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pandas as pd
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from hue57 import briefing, document, ingest, metrics, reporting, store, tasks
from hue57.cli import main
from hue57.document._docx import DEFAULT_TEMPLATE
from hue57.i18n import t

DATA = Path(__file__).parent / "data" / "report"
ON = dt.date(2026, 11, 30)
DUE_LOCAL_UTC = "2026-11-20 02:00:00"  # 09:00 on 20 November, local time: before the 25 November due date


def _import(db: Path, name: str, at_utc: str) -> int:
    outcome = ingest.import_file(db, (DATA / name).read_bytes(), name, "test")
    assert outcome.upload_id, outcome
    with store.connect(db, read_only=False) as con:  # when it arrived decides on time or late
        con.execute('UPDATE uploads SET "at" = CAST(? AS TIMESTAMP) WHERE id = ?', [at_utc, outcome.upload_id])
    return outcome.upload_id


@pytest.fixture
def reported_db(db) -> Path:
    """The shipped plan plus actuals (upload 2), reports that arrived on time (3) and late (4)."""
    _import(db, "actuals.csv", "2026-11-01 02:00:00")
    _import(db, "progress_on_time.csv", DUE_LOCAL_UTC)
    _import(db, "progress_late.csv", "2026-11-27 02:00:00")
    return db


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _cli_json(*args: str) -> pd.DataFrame:
    code, out, err = _cli(*args, "--format", "json")
    assert code == 0, err
    return pd.DataFrame(json.loads(out))


def _build_cli(tmp_path: Path, *extra: str) -> docx.document.Document:
    out = tmp_path / "bao-cao.docx"
    code, stdout, err = _cli("report", "build", "--period", "2026-H2", "--date", ON.isoformat(), "-o", str(out), *extra)
    assert code == 0, err
    assert stdout.strip() == str(out)
    return docx.Document(str(out))


def _number(text: str) -> float:
    """The first number of a Vietnamese-formatted text: '1.234,5' → 1234.5."""
    m = re.search(r"\d[\d.]*(?:,\d+)?", text)
    assert m, text
    return float(m.group(0).replace(".", "").replace(",", "."))


def _rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def _tables_after(document, heading_prefix: str) -> list:
    """The tables that follow the paragraph starting with `heading_prefix`, up to the next paragraph with text."""
    body = document.element.body
    found, tables = False, []
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(child.itertext()).strip()
            if found and text and tables:
                break
            found = found or text.startswith(heading_prefix)
        elif tag == "tbl" and found:
            tables.append(docx.table.Table(child, document))
    return tables


def _group_text(document, horizon: int) -> str:
    """The paragraphs' text from a targets group's heading to the next heading (the no-data line is there)."""
    texts, inside = [], False
    for p in document.paragraphs:
        if p.text.startswith(("1. Các chỉ tiêu đến năm", "2. Các chỉ tiêu đến năm", "II. ")):
            inside = p.text.endswith(str(horizon))
        elif inside:
            texts.append(p.text)
    return "\n".join(texts)


def _counts_table(table) -> dict[str, int]:
    return {name: int(_number(n)) for name, n in _rows(table)[1:]}


def test_every_target_number_matches_gaps_for_the_same_snapshot(reported_db, tmp_path):
    document = _build_cli(tmp_path)
    gaps = _cli_json("gaps", "--as-of", "2026").set_index("code")

    counts = _counts_table(_tables_after(document, "Kế hoạch có 42 chỉ tiêu")[0])
    expected = gaps["status"].value_counts()
    assert counts.pop("Tổng số") == len(gaps)
    assert counts == {t(f"status.{s}"): int(expected.get(s, 0)) for s in metrics.STATUS_ORDER}

    seen = set()
    for horizon in (2030, 2045):
        (table,) = _tables_after(document, f"{1 if horizon == 2030 else 2}. Các chỉ tiêu đến năm {horizon}")
        header, *rows = _rows(table)
        assert header[2] == f"Mục tiêu {horizon}"
        for code, _name, target, latest, status, explanation in rows:
            row = gaps.loc[code]
            seen.add(code)
            assert int(row["horizon"]) == horizon
            assert status == t(f"status.{row['status']}")
            if row["comparator"] != "qualitative" and pd.notna(row["target_value"]):
                assert _number(target) == pytest.approx(row["target_value"]), (code, target)
            if pd.isna(row["latest_value"]):
                assert latest == "—"
            else:
                assert _number(latest) == pytest.approx(row["latest_value"]), (code, latest)
                assert f"({int(row['latest_year'])})" in latest
                if pd.notna(row["latest_basis"]):
                    assert f"/{int(row['latest_basis'])}" in latest  # a rank says what it ranks among
            assert explanation.strip()
            assert row["status"] != "no_data"  # those are on one line after the table
        line = next(p.text for p in document.paragraphs if p.text.startswith("Chưa có số liệu:")
                    and p.text in _group_text(document, horizon))
        codes = re.search(r"\((.*)\)\.$", line).group(1).split(", ")
        assert line.startswith(f"Chưa có số liệu: {len(codes)} chỉ tiêu (")
        assert set(codes) == set(gaps[(gaps["status"] == "no_data") & (gaps["horizon"] == horizon)].index)
        seen |= set(codes)
    assert seen == set(gaps.index)
    assert (gaps.loc["7", "status"], gaps.loc["7", "latest_value"]) == ("insufficient", 12.5)  # the uploaded figure


def test_every_task_number_matches_tasks_as_of_the_report_date(reported_db, tmp_path):
    document = _build_cli(tmp_path)
    listed = _cli_json("tasks", "--as-of", ON.isoformat()).set_index("no")

    counts = _counts_table(_tables_after(document, "1. Kế hoạch có 70 nhiệm vụ")[0])
    assert counts.pop("Tổng số") == len(listed) == 70
    expected = listed["status"].value_counts()
    assert counts == {t(f"tasks.status.{s}"): int(expected.get(s, 0)) for s in tasks.STATUS_ORDER}

    overdue = listed[listed["status"] == "overdue"]
    (table,) = _tables_after(document, f"2. Nhiệm vụ quá hạn ({len(overdue)})")
    names = store.load(reported_db).agencies.set_index("agency_id")["name_vi"]
    for no, _title, lead, deadline in _rows(table)[1:]:
        row = listed.loc[int(no)]
        assert row["status"] == "overdue"
        assert lead == "; ".join(names[a] for a in row["lead_current"].split("|"))
        assert dt.date.fromisoformat(row["due_date"]).strftime("%d/%m/%Y") in deadline
    assert sorted(int(r[0]) for r in _rows(table)[1:]) == sorted(overdue.index)

    done = listed[(listed["status"].isin(["done", "reported"])) & (listed["last_period"] == "2026-H2")]
    (table,) = _tables_after(document, "3. Nhiệm vụ hoàn thành trong kỳ (3)")
    # every task reported completed in the period, the recurring 50 too (its status stays "reported": it recurs)
    assert sorted(int(r[0]) for r in _rows(table)[1:]) == [5, 41, 50]
    assert {5, 41, 50} <= set(done.index)


def test_agencies_are_listed_on_time_late_or_missing_by_their_six_monthly_reports(reported_db, tmp_path):
    from tests.test_report_cycle import KHCN, _filled_forms, _utc

    finance = reporting.Reporter("tc", "so_tc")
    for reporter, local in ((KHCN, dt.datetime(2026, 11, 25, 20)), (finance, dt.datetime(2026, 11, 26, 8))):
        _, tasks, figures = _filled_forms(reported_db, reporter)
        reporting.save_form(reported_db, reporter, "2026-H2", tasks=tasks, indicators=figures, submit=True,
                            at=_utc(local))
    text = "\n".join(p.text for p in _build_cli(tmp_path).paragraphs)
    on_time = re.search(r"- Báo cáo đúng hạn \((\d+)\): (.*)", text)
    late = re.search(r"- Báo cáo trễ hạn \((\d+)\): (.*)", text)
    missing = re.search(r"- Chưa báo cáo \((\d+)\): (.*)", text)
    assert on_time.groups() == ("1", "Sở Khoa học và Công nghệ")  # on the due date itself
    assert late.groups() == ("1", "Sở Tài chính")  # the day after
    owing = int(re.search(r"Trong (\d+) cơ quan", text).group(1))
    assert owing == len(reporting.report_states(reported_db, "2026-H2", ON)) and int(missing.group(1)) == owing - 2
    assert "Sở Y tế" in missing.group(2)


def test_section_iii_reads_any_frame_of_agency_states(db):
    agencies = store.load(db).agencies
    states = pd.DataFrame({"agency_id": ["so_tc", "so_khcn", "dhh"], "state": ["late", "on_time", "late"]})
    lines = document.agency_lines(states, agencies, "vi")
    assert [(x["trang_thai"], x["so"], x["danh_sach"]) for x in lines] == [
        ("Báo cáo đúng hạn", "1", "Sở Khoa học và Công nghệ"),
        ("Báo cáo trễ hạn", "2", "Đại học Huế; Sở Tài chính"),
        ("Chưa báo cáo", "0", "—"),
    ]


def test_vietnamese_diacritics_survive(reported_db, tmp_path):
    document = _build_cli(tmp_path)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Huế, ngày 30 tháng 11 năm 2026" in document.tables[0].cell(0, 1).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in document.tables[0].cell(0, 1).text
    assert "IV. ĐỀ XUẤT, KIẾN NGHỊ" in text and "III. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ" in text
    names = {r[1] for table in document.tables for r in _rows(table)[1:] if len(r) == 6}
    with_data = set(briefing.board_for(store.load(reported_db), 2026).query("status != 'no_data'")["name_vi"])
    assert with_data == names  # every indicator's name exactly as the plan writes it


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for table in document.tables for row in table.rows for c in row.cells]
    return "\n".join(parts)


def test_same_inputs_give_the_same_document(reported_db):
    first = document.build(reported_db, "2026-H2", as_of_upload=3, on=ON, proposals="Đề nghị bố trí kinh phí.")
    again = document.build(reported_db, "2026-H2", as_of_upload=3, on=ON, proposals="Đề nghị bố trí kinh phí.")
    text = _all_text(docx.Document(io.BytesIO(first.data)))
    assert text == _all_text(docx.Document(io.BytesIO(again.data)))
    assert first.sha256 == again.sha256  # fixed zip times: the very same bytes
    assert "30/11/2026" in text and dt.date.today().strftime("%d/%m/%Y") not in text.replace("30/11/2026", "")
    assert "Đề nghị bố trí kinh phí." in text


def test_an_earlier_snapshot_gives_that_snapshots_numbers(reported_db):
    built = document.build(reported_db, "2026-H2", as_of_upload=1, on=ON)
    snap = store.load(reported_db, 1)
    board = briefing.board_for(snap, 2026).set_index("code")
    rows = [r for table in docx.Document(io.BytesIO(built.data)).tables for r in _rows(table)[1:] if len(r) == 6]
    assert {r[0]: r[4] for r in rows} == {c: t(f"status.{s}") for c, s in board["status"].items() if s != "no_data"}
    # the actuals of upload 2 are not in snapshot 1: indicator 7 is on the no-data line, not in a table
    assert "7" not in {r[0] for r in rows}
    assert any("7" in g["chua_co_so_lieu"].split("(", 1)[1].rstrip(").").split(", ")
               for g in built.content.fields["chi_tieu"]["nhom"] if g["chua_co_so_lieu"])
    assert built.content.upload_id == 1 and "lần cập nhật số 1," in built.content.fields["mo_dau"]


def _template_without(tmp_path: Path, field: str) -> Path:
    src = zipfile.ZipFile(DEFAULT_TEMPLATE)
    out = tmp_path / "mau-thieu-truong.docx"
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                assert f"{{{{ {field} }}}}".encode() in data
                data = data.replace(f"{{{{ {field} }}}}".encode(), b"")
            dst.writestr(info, data)
    return out


@pytest.mark.parametrize("field", ["so_van_ban", "ngay_thang"])
def test_template_with_a_field_removed_is_refused_with_exit_2_and_nothing_written(field, db, tmp_path):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    out = tmp_path / "x.docx"
    code, stdout, err = _cli("report", "build", "--period", "2026-H2", "--template",
                             str(_template_without(tmp_path, field)), "-o", str(out))
    assert code == 2 and stdout == ""
    assert f"thiếu trường {field}" in err and "Traceback" not in err
    assert not out.exists()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert store.built_documents(db).empty


def test_template_with_a_field_the_report_does_not_supply_is_refused(db, tmp_path):
    fixed = tmp_path / "mau-truong-la.docx"
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as src, zipfile.ZipFile(fixed, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"{{ so_van_ban }}", b"{{ so_van_ban }}{{ so_cong_van }}")
            dst.writestr(info, data)
    code, _out, err = _cli("--lang", "en", "report", "build", "--period", "2026-H2", "--template", str(fixed),
                           "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "uses field(s) the report does not supply: so_cong_van" in err
    assert store.built_documents(db).empty


@pytest.mark.parametrize(("args", "fragment"), [
    (["--period", "2026-H3"], "Kỳ báo cáo không hợp lệ: 2026-H3"),
    (["--period", "1999-H1"], "Kỳ báo cáo không hợp lệ: 1999-H1"),
    (["--period", "2026-H2", "--as-of-upload", "99"], "Không có lần cập nhật số 99"),
    (["--period", "2026-H2", "--date", "2026-05-01"], "Ngày báo cáo 01/05/2026 ở trước kỳ 2026-H2"),
])
def test_unknown_period_upload_or_date_is_refused_with_exit_2(args, fragment, db, tmp_path):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, stdout, err = _cli("report", "build", *args, "-o", str(tmp_path / "x.docx"))
    assert (code, stdout) == (2, "")
    assert fragment in err and "Traceback" not in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_header_is_two_borderless_cells_and_the_title_is_centred_and_bold(reported_db, tmp_path):
    document = _build_cli(tmp_path)
    header = document.tables[0]
    assert (len(header.rows), len(header.columns)) == (1, 2)
    left, right = header.rows[0].cells
    assert "UBND THÀNH PHỐ HUẾ" in left.text and "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in left.text and "Số:" in left.text
    assert right.text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    borders = header._tbl.tblPr.find(docx.oxml.ns.qn("w:tblBorders"))
    assert {b.get(docx.oxml.ns.qn("w:val")) for b in borders} == {"nil"}
    for title in ("BÁO CÁO", "Kết quả thực hiện Kế hoạch"):
        para = next(p for p in document.paragraphs if p.text.startswith(title))
        assert para.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in para.runs if run.text.strip())
    assert next(p for p in document.paragraphs if p.text.startswith("Kết quả")).text.endswith("6 tháng cuối năm 2026")
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt in (13, 14)


def test_first_half_title_and_english_build_use_the_same_template(reported_db):
    h1 = document.build(reported_db, "2026-H1", on=dt.date(2026, 6, 12))
    assert h1.content.fields["trich_yeu"].endswith("6 tháng đầu năm 2026")
    en = docx.Document(io.BytesIO(document.build(reported_db, "2026-H2", on=ON, lang="en").data))
    assert en.tables[0].cell(0, 1).text.startswith("SOCIALIST REPUBLIC OF VIET NAM\nIndependence - Freedom - Happiness")
    assert "Huế, 30 November 2026" in en.tables[0].cell(0, 1).text
    assert any(p.text == "I. TARGETS" for p in en.paragraphs)
    assert {r[4] for table in en.tables for r in _rows(table)[1:] if len(r) == 6} <= {
        t(f"status.{s}", "en") for s in metrics.STATUS_ORDER}


def test_each_build_is_recorded_and_can_be_downloaded_again(reported_db):
    built = document.build_and_record(reported_db, "2026-H2", by="chuyen_vien", on=ON, proposals="Kiến nghị A.")
    listed = store.built_documents(reported_db)
    row = listed.iloc[0]
    assert (row["id"], row["by"], row["period"], row["upload_id"], row["sha256"]) == (
        built.report_id, "chuyen_vien", "2026-H2", 4, built.sha256)
    assert pd.Timestamp(row["as_of"]).date() == ON and row["proposals"] == "Kiến nghị A."
    name, data = document.document_bytes(reported_db, built.report_id)
    assert (name, hashlib.sha256(data).hexdigest()) == (built.filename, built.sha256)
    assert name == "bao-cao_2026-H2_2026-11-30_cap-nhat-4.docx"
    shown = document.list_documents(reported_db)
    assert shown["id"].tolist() == [built.report_id]
    with pytest.raises(document.DocumentRefused, match="Không có báo cáo số 99"):
        document.document_bytes(reported_db, 99)


def test_a_database_from_before_the_reports_table_lists_none_and_gets_it_on_the_first_build(db):
    with store.connect(db, read_only=False) as con:
        con.execute("DROP TABLE reports_built")
    assert store.built_documents(db).empty and store.document_file(db, 1) is None
    built = document.build_and_record(db, "2026-H2", by="a", on=ON)
    assert store.built_documents(db)["id"].tolist() == [built.report_id]


# --- ready to sign (issue 23) -------------------------------------------------------------------------------

def test_page_number_is_a_page_field_centred_in_the_top_margin_from_page_two(reported_db, tmp_path):
    """Decree 30/2020/NĐ-CP: the number centred in the top margin, not on the first page."""
    document = _build_cli(tmp_path)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = [e.text for e in header._p.iter(docx.oxml.ns.qn("w:instrText"))]
    assert [i.strip() for i in instructions] == ["PAGE"]
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()


def test_title_names_the_period(reported_db):
    h2 = document.build(reported_db, "2026-H2", on=ON)
    assert h2.content.fields["trich_yeu"].endswith("6 tháng cuối năm 2026")
    assert "6 tháng cuối năm 2026" in h2.content.fields["mo_dau"]
    en = document.build(reported_db, "2026-H2", on=ON, lang="en")
    assert en.content.fields["trich_yeu"].endswith("second half of 2026")


def test_no_two_identical_explanation_rows_for_indicators_without_data(reported_db, tmp_path):
    document_ = _build_cli(tmp_path)
    explanations = [r[5] for table in document_.tables for r in _rows(table)[1:] if len(r) == 6]
    assert explanations
    assert not any("Chưa có số liệu" in e for e in explanations)  # 30 identical "no data" rows became one line
    lines = [p.text for p in document_.paragraphs if p.text.startswith("Chưa có số liệu:")]
    assert len(lines) == 2  # one per horizon
    en = document.build(reported_db, "2026-H2", on=ON, lang="en").content.fields["chi_tieu"]["nhom"]
    for group in en:  # the English plural form follows the count (ngettext): "1 target", "28 targets"
        n = int(re.match(r"No data yet: (\d+) target", group["chua_co_so_lieu"]).group(1))
        assert (" targets (" in group["chua_co_so_lieu"]) == (n != 1), group["chua_co_so_lieu"]


def test_output_must_end_in_docx_or_pdf_and_nothing_is_built_otherwise(reported_db, tmp_path):
    before = len(store.built_documents(reported_db))
    code, out, err = _cli("report", "build", "--period", "2026-H2", "-o", str(tmp_path / "x.txt"))
    assert code == 2 and ".docx" in err and not (tmp_path / "x.txt").exists()
    assert len(store.built_documents(reported_db)) == before


def test_pdf_is_refused_without_libreoffice_or_converted_with_it(reported_db, tmp_path):
    out = tmp_path / "bao-cao.pdf"
    code, stdout, err = _cli("report", "build", "--period", "2026-H2", "--date", ON.isoformat(), "-o", str(out))
    if document.office_binary() is None:
        assert code == 2 and "LibreOffice" in err and not out.exists()
    else:
        assert code == 0, err
        assert out.read_bytes().startswith(b"%PDF-")


def test_the_chart_image_is_drawn_once_per_data_version(reported_db, monkeypatch):
    from hue57.document import _chart

    first = document.build(reported_db, "2026-H2", on=ON)
    drawn = []
    import vl_convert

    real = vl_convert.vegalite_to_png
    monkeypatch.setattr(vl_convert, "vegalite_to_png", lambda *a, **k: drawn.append(1) or real(*a, **k))
    _chart._MEMORY.clear()  # the temporary folder still holds it
    again = document.build(reported_db, "2026-H2", on=ON)
    assert again.data == first.data and not drawn
    labels = [r["label"] for r in first.content.chart.to_dict()["datasets"].popitem()[1]]
    assert labels and not any("…" in label.split(" ", 1)[1] for label in labels)  # whole names (the icon may be …)


def test_builds_are_listed_with_the_period_label_and_a_person_or_the_command_line(reported_db):
    document.build_and_record(reported_db, "2026-H2", by="root", on=ON)
    shown = document.list_documents(reported_db)
    assert shown["Người tạo"].tolist() == ["dòng lệnh"]
    assert shown["Kỳ"].tolist() == ["6 tháng cuối năm 2026"] and shown["Ngôn ngữ"].tolist() == ["Tiếng Việt"]


def test_a_build_from_the_command_line_reads_dong_lenh_and_a_named_builder_keeps_the_name(reported_db, tmp_path):
    from hue57.cli import default_user

    document.build_and_record(reported_db, "2026-H2", by=default_user(), on=ON)
    document.build_and_record(reported_db, "2026-H2", by="chuyen_vien", on=ON)
    assert document.list_documents(reported_db)["Người tạo"].tolist() == ["chuyen_vien", "dòng lệnh"]
