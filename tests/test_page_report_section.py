"""The compiled report's page section: an analyst writes section IV, builds, previews I–III and downloads;
the build is recorded and listed; viewers and meeting links never see the action."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from hue57 import store
from tests.conftest import sign_in


def _analyst_report_page() -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=120)
    sign_in(at, "chuyen_vien")
    at.switch_page("app_pages/report.py")
    return at.run()


def test_analyst_builds_previews_and_downloads_and_the_build_is_listed(db):
    at = _analyst_report_page()
    assert not at.exception
    build = next(b for b in at.button if b.label == "Tạo báo cáo")
    at.text_area(key="report_proposals").input("Đề nghị UBND thành phố bố trí kinh phí năm 2027.")
    build.click()
    at.run()
    assert not at.exception and not at.error
    built = store.built_documents(db)
    assert len(built) == 1
    assert (built.iloc[0]["by"], built.iloc[0]["proposals"]) == ("chuyen_vien",
                                                                 "Đề nghị UBND thành phố bố trí kinh phí năm 2027.")
    labels = [d.label for d in at.get("download_button")]
    assert "Tải báo cáo (.docx)" in labels and "Tải lại báo cáo" in labels
    headings = " ".join(m.value for m in at.markdown)
    assert "Kế hoạch có 42 chỉ tiêu" in headings and "Nhiệm vụ quá hạn" in headings and "Các báo cáo đã tạo" in headings


def _section_app(role: str) -> AppTest:
    def app(role):
        from hue57 import ui
        from hue57.ui import Context

        ui.compiled_report_section(Context(role=role, user="x" if role == "analyst" else None))

    return AppTest.from_function(app, default_timeout=60, kwargs={"role": role}).run()


@pytest.mark.parametrize("role", ["viewer", "agency", "shared", "refused"])
def test_viewers_and_meeting_links_never_see_the_action(role, db):
    at = _section_app(role)
    assert not at.exception
    assert not at.button and not at.text_area and not at.subheader
    assert store.built_documents(db).empty
