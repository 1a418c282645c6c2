"""No code, English or machine format on a Vietnamese page: uploads the system makes, meeting-link filters, who did
it, numbers in text tables, and table cells that never break inside a number, a date or a unit."""

from __future__ import annotations

import pandas as pd

from hue57.cli import default_user
from hue57.i18n import agency_labels, who_label
from hue57.ui._static import table_html, tokens_html
from hue57.ui._widgets import cell_text
from hue57.ui.views.share import filters_label
from hue57.ui.views.upload import file_label


def test_uploads_the_system_makes_are_named_by_what_they_are():
    assert file_label("data/actuals.csv", "seed", "vi") == "Số liệu công bố kèm kế hoạch (actuals.csv)"
    assert file_label("undo #2", "revert", "vi") == "Hoàn tác lần cập nhật #2"
    assert file_label("report so_nv 2026-H2 #2", "report", "vi", {"so_nv": "Sở Nội vụ"}) == \
        "Báo cáo 6 tháng cuối năm 2026 của Sở Nội vụ (báo cáo số 2)"
    assert file_label("so-lieu.xlsx", "actuals", "vi") == "so-lieu.xlsx"  # a person's file keeps its name
    assert file_label("undo #2", "revert", "en") == "Undo of upload #2"


def test_link_filters_read_as_words():
    assert filters_label("horizon=2030", "vi") == "Mục tiêu 2030"
    assert filters_label("agency=so_khcn,status=insufficient", "vi", {"so_khcn": "Sở KH&CN"}) == "Sở KH&CN; ▼ Chậm"
    assert "=" not in filters_label("code=7,group=I,present=1,page=tasks", "vi")


def test_the_command_line_and_system_logins_never_read_as_a_person():
    accounts = {"lan"}
    assert who_label("lan", accounts, "vi") == "lan"
    assert who_label(default_user(), accounts, "vi") == "dòng lệnh" or default_user() in accounts
    assert who_label("root", accounts, "vi") == who_label("init", accounts, "vi") == "dòng lệnh"
    assert who_label("cli:root", accounts, "en") == "command line"
    assert who_label("ten", accounts, "vi") == "ten"  # named with --by: that person


def test_numbers_in_text_tables_have_no_trailing_zero_and_use_the_locale():
    assert [cell_text(v, "vi") for v in (40.0, 100.0, 430.0, 2026, 12.5, 12345.0, "x")] == \
        ["40", "100", "430", "2026", "12,5", "12.345", "x"]
    assert cell_text(12.5, "en") == "12.5"


def test_a_name_with_a_comma_is_one_body_in_a_list():
    agencies = pd.DataFrame({"agency_id": ["ydd", "dhh"], "short_vi": ["Trường ĐH Y Dược", "Đại học Huế"],
                             "name_en": ["University of Medicine and Pharmacy, Hue University", "Hue University"]})
    assert agency_labels([["ydd", "dhh"]], agencies, "en") == [
        "University of Medicine and Pharmacy, Hue University; Hue University"]


def test_numbers_dates_and_units_are_kept_whole_in_a_table_cell():
    html = tokens_html("hạng 5/63 (2024) · 100% · 04/12/2026 · 2,5 bậc/năm <b>")
    for token in ("5/63", "(2024)", "100%", "04/12/2026", "bậc/năm"):
        assert f'<span class="tok">{token}</span>' in html
    assert "&lt;b&gt;" in html  # still escaped
    frame = pd.DataFrame({"Năm": ["(2024)"], "Giá trị": ["30,5% GRDP"]})
    assert "overflow-wrap:anywhere" not in table_html(frame)
