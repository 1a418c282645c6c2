"""AppTest of /upload: every bad file is refused on the page with its errors and changes nothing;
a good file previews, commits on confirmation, and can be undone; progress turns an overdue task done."""

import hashlib
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from hue57 import ingest, store
from tests.conftest import sign_in
from tests.report_html import page_tables
from tests.test_import_bad_files import BAD, EXPECTED, GENERATED

GOOD = Path(__file__).parent / "data" / "good"
WARN = Path(__file__).parent / "data" / "warn"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _analyst_page(page="upload") -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    sign_in(at, "chuyen_vien")
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def _unescaped(table):
    """A text table as the reader sees it (the page escapes Markdown in every cell)."""
    return table.value.map(lambda v: re.sub(r"\\(.)", r"\1", str(v)))


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.get("file_uploader")[0].upload(name, data)
    return at.run()


@pytest.mark.parametrize("name", sorted(set(EXPECTED) - GENERATED))
def test_bad_file_is_refused_on_the_page_and_changes_nothing(name, db):
    at = _analyst_page()  # signing in writes its session: the digest is taken after it
    before = _digest(db)
    at = _upload(at, name, (BAD / name).read_bytes())
    assert len(at.error) == 1, [e.value for e in at.error]  # the refusal, and nothing else went wrong
    assert any("không có gì được ghi" in e.value for e in at.error), [e.value for e in at.error]
    errors = _unescaped(at.table[0])
    assert not errors["Dòng"].isin(["None", "<NA>", "nan"]).any()
    for _row, _column, fragment in EXPECTED[name]:
        assert errors["Lỗi và cách sửa"].str.contains(fragment, regex=False).any(), (fragment, errors)
    assert not [b for b in at.button if b.label == "Xác nhận cập nhật"]
    assert _digest(db) == before


def test_good_file_previews_then_commits_only_when_confirmed(db):
    data = (GOOD / "vi_bom_semicolon_decimal_comma.csv").read_bytes()
    at = _upload(_analyst_page(), "vi_bom_semicolon_decimal_comma.csv", data)
    assert not at.exception and not at.error
    assert store.load(db).upload_id == 1  # preview wrote nothing
    diff = at.dataframe[-2].value  # the diff, above the history
    assert set(diff["Thay đổi"]) <= {"Mới", "Sửa", "Không đổi"}
    confirm = next(b for b in at.button if b.label == "Xác nhận cập nhật")
    at = confirm.click().run()
    assert store.load(db).upload_id == 2
    assert any("#2" in s.value for s in at.success)
    history = at.dataframe[-1].value
    assert history.iloc[0]["Lần"] == "#2" and history.iloc[0]["Người cập nhật"] == "chuyen_vien"


def test_undo_from_the_page_restores_the_earlier_value(db):
    csv = "Mã;Năm;Giá trị;Nguồn\n8.1;2025;93,5;Báo cáo của Văn phòng UBND (kiểm thử)\n".encode()
    assert ingest.import_file(db, csv, "sua.csv", "chuyen_vien").status == "committed"
    assert store.load(db).actuals.set_index(["code", "year"]).loc[("8.1", 2025), "value"] == 93.5
    at = _analyst_page()
    undo = next(s for s in at.selectbox if s.label == "Hoàn tác lần cập nhật")
    assert undo.value == 2
    at = next(b for b in at.button if b.label == "Hoàn tác").click().run()
    assert store.load(db).upload_id == 2  # asked first: nothing undone yet
    assert any("Hoàn tác lần cập nhật #2 — sua.csv, chuyen_vien" in w.value for w in at.warning)
    at = next(b for b in at.button if b.label == "Xác nhận hoàn tác #2").click().run()
    assert store.load(db).actuals.set_index(["code", "year"]).loc[("8.1", 2025), "value"] == 91.0
    assert any("Đã hoàn tác lần cập nhật #2" in s.value for s in at.success)
    undo = next(s for s in at.selectbox if s.label == "Hoàn tác lần cập nhật")
    assert undo.options == ["#3 — Hoàn tác lần cập nhật #2, chuyen_vien, " + undo.options[0].split(", ")[-1]]  # #2 is undone


def test_cancelling_an_undo_changes_nothing(db):
    csv = "Mã;Năm;Giá trị;Nguồn\n8.1;2025;93,5;Báo cáo kiểm thử\n".encode()
    assert ingest.import_file(db, csv, "sua.csv", "chuyen_vien").status == "committed"
    at = _analyst_page()
    before = _digest(db)
    at = next(b for b in at.button if b.label == "Hoàn tác").click().run()
    at = next(b for b in at.button if b.label == "Không hoàn tác").click().run()
    assert _digest(db) == before
    assert not at.warning and next(s for s in at.selectbox if s.label == "Hoàn tác lần cập nhật").value == 2


def test_the_undo_list_offers_only_uploads_that_can_still_be_undone(db):
    assert not [s for s in _analyst_page().selectbox if s.label == "Hoàn tác lần cập nhật"]  # the seed only
    first = ingest.import_file(db, "Mã;Năm;Giá trị;Nguồn\n8.1;2025;93,5;a\n".encode(), "a.csv", "lan")
    ingest.import_file(db, "Mã;Năm;Giá trị;Nguồn\n8.1;2025;93,5;a\n".encode(), "a.csv", "lan")  # a no-op
    ingest.import_file(db, "Mã;Năm;Giá trị;Nguồn\n9;2025;80;b\n".encode(), "b.csv", "lan", dry_run=True)
    store.revert(db, first.upload_id, "lan")  # #3 undoes #2
    assert store.undoable_uploads(store.uploads(db)) == [3]
    store.revert(db, 3, "lan")  # #4 undoes the undo: #2 stands again
    assert store.undoable_uploads(store.uploads(db)) == [4, 2]
    undo = next(s for s in _analyst_page().selectbox if s.label == "Hoàn tác lần cập nhật")
    assert [o.split(" ")[0] for o in undo.options] == ["#4", "#2"]


def test_warnings_must_be_ticked_before_the_upload_can_be_confirmed(db):
    at = _analyst_page()
    before = _digest(db)
    data = (WARN / "fraction_for_percent.csv").read_bytes()
    at = _upload(at, "fraction_for_percent.csv", data)
    assert not at.exception and not at.error
    assert any("1 giá trị có thể sai thang đo" in w.value for w in at.warning)
    warnings = next(tb.value for tb in at.table if "Cảnh báo" in tb.value.columns)
    assert str(warnings.iloc[0]["Dòng"]) == "2" and "phân số thay cho phần trăm" in warnings.iloc[0]["Cảnh báo"]
    confirm = next(b for b in at.button if b.label == "Xác nhận cập nhật")
    assert confirm.disabled
    assert _digest(db) == before
    at = next(c for c in at.checkbox if c.label.startswith("Tôi đã kiểm tra các cảnh báo")).check().run()
    confirm = next(b for b in at.button if b.label == "Xác nhận cập nhật")
    assert not confirm.disabled
    at = confirm.click().run()
    assert store.load(db).upload_id == 2
    assert store.load(db).actuals.set_index(["code", "year"]).loc[("8.1", 2026), "value"] == 0.93


def test_progress_upload_turns_an_overdue_task_into_done(db, tmp_path):
    at = _analyst_page("tasks")
    listing = page_tables(at)[0].set_index("STT")
    assert listing.loc["7", "Tình trạng"] == "✖ Quá hạn"
    csv = ("STT nhiệm vụ,Kỳ,Trạng thái,Tiến độ (%),Ghi chú,Minh chứng\n"
           "7,2025-H1,Hoàn thành,100,Đã ban hành kế hoạch (kiểm thử),Kế hoạch số 00/KH-UBND (kiểm thử)\n").encode()
    at = _upload(_analyst_page(), "tien_do.csv", csv)
    at = next(b for b in at.button if b.label == "Xác nhận cập nhật").click().run()
    listing = page_tables(_analyst_page("tasks"))[0].set_index("STT")
    assert listing.loc["7", "Tình trạng"] == "✔ Hoàn thành"


def test_a_file_name_is_shown_as_written_not_as_markdown(db):
    name = "**đậm** [bấm](x.example) :red[đỏ] $x$.csv"
    at = _upload(_analyst_page(), name, "Mã;Năm;Giá trị;Nguồn\n8.1;2026;93,5;Báo cáo thử\n".encode())
    shown = next(i.value for i in at.info)
    assert "\\*\\*đậm\\*\\*" in shown and "\\[bấm\\]" in shown and "\\$x\\$" in shown and "\\:red" in shown


def test_analysts_see_every_stored_value_of_an_indicator_including_undone_ones(db):
    from hue57 import ingest
    upload = ingest.import_file(db, "Mã;Năm;Giá trị;Nguồn\n7;2025;12,5;Ước tính\n".encode(), "a.csv", "lan")
    store.revert(db, upload.upload_id, "lan")
    at = _analyst_page()
    at.selectbox(key="history_code").set_value("7").run()
    history = next(_unescaped(tb) for tb in at.table if {"Năm", "Giá trị"} <= set(tb.value.columns))
    assert history["Giá trị"].tolist() == ["Đã rút lại (hoàn tác)", "12,5% GRDP"]  # newest upload first
