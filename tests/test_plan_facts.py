"""The plan's own facts live in its folder's plan.toml only (no place name in the code: test_plan_words.py), and
titles, the report and the clock follow the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hue57 import calendar, document, plan_facts, reporting, store
from hue57.document._content import DocumentInputs, gather
from hue57.i18n import t

ROOT = Path(__file__).resolve().parents[1]
OTHER = """
[place]
name_vi = "Đà Nẵng"
name_en = "Da Nang"
kind_vi = "thành phố"
kind_en = "City"
time_zone = "Asia/Ho_Chi_Minh"
[plan]
title_vi = "Kế hoạch thực hiện Nghị quyết 57"
title_en = "Resolution 57 plan"
number = "12/KH-UBND"
date = "2025-03-04"
implements_vi = "Nghị quyết số 03/NQ-CP"
implements_en = "Resolution 03/NQ-CP"
[report]
compiler_vi = "Sở Khoa học và Công nghệ"
compiler_en = "Department of Science and Technology"
number = "   /BC-SKHCN"
signer_title_vi = "GIÁM ĐỐC"
signer_title_en = "DIRECTOR"
signer_name = "Nguyễn Văn A"
recipients_vi = ["UBND thành phố;"]
recipients_en = ["City People's Committee;"]
"""


def _other(tmp_path: Path) -> plan_facts.PlanFacts:
    path = tmp_path / "plan.toml"
    path.write_text(OTHER, encoding="utf-8")
    return plan_facts.read(path)


def test_the_shipped_facts_name_the_place_and_its_time_zone():
    facts = plan_facts.facts()
    assert (facts.place_vi, facts.city("vi"), facts.city("en")) == ("Huế", "thành phố Huế", "Huế City")
    assert t("app.title", "vi").endswith("của thành phố Huế")
    assert str(calendar.LOCAL_TZ) == facts.time_zone
    evening_utc = dt.datetime(2026, 6, 30, 18, 30, tzinfo=dt.UTC)
    assert calendar.today(evening_utc) == dt.date(2026, 7, 1)


def test_titles_follow_another_plan_file(tmp_path, monkeypatch):
    other = _other(tmp_path)
    monkeypatch.setattr(plan_facts, "facts", lambda: other)
    assert t("app.title", "vi") == "Theo dõi Kế hoạch thực hiện Nghị quyết 57 của thành phố Đà Nẵng"
    assert t("app.title", "en") == "Resolution 57 plan tracker — Da Nang City"


def test_the_report_takes_place_plan_and_signer_from_the_plan_file(db, tmp_path):
    other = _other(tmp_path)
    snap = store.load(db)
    states = reporting.report_states(db, "2026-H1", dt.date(2026, 6, 12), snap=snap)
    fields = gather(snap, DocumentInputs("2026-H1", dt.date(2026, 6, 12)), states, plan=other).fields
    assert fields["dia_danh"] == "Đà Nẵng" and fields["co_quan_chu_quan"] == "UBND THÀNH PHỐ ĐÀ NẴNG"
    assert fields["trich_yeu"].startswith("Kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 04/03/2025 của Ủy ban "
                                          "nhân dân thành phố Đà Nẵng")
    assert (fields["nguoi_ky"], fields["noi_nhan"], fields["so_van_ban"]) == ("Nguyễn Văn A", ["UBND thành phố;"],
                                                                            "   /BC-SKHCN")
    assert document.REQUIRED_FIELDS == set(fields)
