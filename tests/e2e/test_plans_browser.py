"""Every page in a real browser on another plan than the shipped one, with no code change: the national plan
(plans/nq57) and a generated plan that differs in every dimension. Readers' pages, then an analyst's (upload,
share, report with the compiled Word report) and an agency's six-monthly form; and a server started with another
plan's folder than its database's shows one clear message instead of mixing two plans."""

from __future__ import annotations

import pytest

from hue57 import auth, plan_facts, reporting, store
from tests.e2e.conftest import (
    ANALYST_PASSWORD,
    open_page,
    screenshot,
    start_analyst_server,
    start_server,
    stop,
    submit_sign_in,
)
from tests.plans import NATIONAL, SHIPPED, generated_plan

READER_PAGES = ["/", "/indicator?code={code}", "/tasks", "/agencies", "/?present=1"]
ANALYST_PAGES = ["/upload", "/share", "/report"]


def _clean(page, where: str) -> str:
    text = page.locator("[data-testid=stMain]").inner_text()
    assert page.locator("[data-testid=stException]").count() == 0, (where, text[-1500:])
    assert page.locator("[data-testid=stAlertContentError]").count() == 0, (where, text[-1500:])
    return text


def _sign_in(page, url: str, name: str, path: str = "/report") -> None:
    """Open `path`, signing in there when the browser holds no session yet (its cookie keeps it for the next)."""
    open_page(page, url + path)
    if page.get_by_label("Mật khẩu", exact=True).count():
        submit_sign_in(page, name, ANALYST_PASSWORD)


@pytest.mark.parametrize("which", ["national", "generated"])
def test_every_page_works_on_another_plan(which, tmp_path, monkeypatch, browser):
    plan = NATIONAL if which == "national" else generated_plan(tmp_path / "plan")
    monkeypatch.setenv("HUE57_PLAN", str(plan))  # this process adds the agency account against the same plan
    facts = plan_facts.read(plan)
    srv = start_analyst_server(tmp_path, plan=plan)
    try:
        snap = store.load(srv.db)
        code = snap.targets["code"].iloc[len(snap.targets) // 2]
        agency = reporting.accountable_agencies(snap.agencies, snap)[0]
        auth.add_user(srv.db, "co_quan_bc", "agency", ANALYST_PASSWORD, agency_id=agency)

        page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
        for path in READER_PAGES:
            open_page(page, srv.url + path.format(code=code))
            text = _clean(page, path)
            if path == "/":
                assert f"{facts.title_vi} của {facts.city('vi')}" in page.locator("[data-testid=stApp]").inner_text()
            if path == "/tasks":
                assert f"{len(snap.tasks)} nhiệm vụ của {facts.tasks_part_vi}" in text
                due = facts.due_day(1)
                assert f"trước ngày {due[1]} tháng {due[0]}" in text
        screenshot(page, f"plan_{which}_agencies")

        for path in ANALYST_PAGES:
            _sign_in(page, srv.url, "chuyen_vien", path)
            text = _clean(page, path)
        assert "Word" in text  # the compiled report's section on /report
        screenshot(page, f"plan_{which}_report")

        agency_page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
        _sign_in(agency_page, srv.url, "co_quan_bc")
        text = _clean(agency_page, "/report (agency)")
        assert facts.compiler_short_vi in text or facts.compiler_vi in text
        screenshot(agency_page, f"plan_{which}_agency_form")
    finally:
        stop(srv)


def test_a_server_with_another_plans_folder_says_so_and_shows_no_data(tmp_path, page):
    db = tmp_path / "hue57.duckdb"
    store.init(db, data_dir=SHIPPED)
    srv = start_server(db, plan=generated_plan(tmp_path / "plan"))
    try:
        open_page(page, srv.url + "/")
        text = page.locator("[data-testid=stApp]").inner_text()
        assert page.locator("[data-testid=stException]").count() == 0 and "Traceback" not in text
        assert "thu-nghiem" in text and "hue-nq57" in text and "không hiển thị số liệu" in text.lower()
        screenshot(page, "plan_mismatch")
    finally:
        stop(srv)
