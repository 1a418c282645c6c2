"""What a leader reads at a glance, in a real browser (issue #22): the first screen of `/` names who owns
what needs attention and what changed since the previous meeting, at 390×844, 1280×800 and 1920×1080; the
presentation is a deck whose keys turn pages, whose slide is in the URL, where no slide holds a single bar
and nothing is cut. Screenshots go to tests/e2e/artifacts/glance_*.png."""

from __future__ import annotations

import datetime as dt

import pytest

from hue57 import ingest, share, store
from tests.e2e.conftest import screenshot, settle, start_server

SIZES = {"phone": (390, 844), "laptop": (1280, 800), "projector": (1920, 1080)}

IN_VIEW = """sel => { const el = document.querySelector(sel); if (!el) return null;
  const r = el.getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; }"""

SLIDE = """() => { const s = document.querySelector('[data-testid=hue57Screen]'); const main = document.querySelector('[data-testid=stMain]');
  const side = document.querySelector('[data-testid=stSidebar]');
  return {slide: Number(s.dataset.slide), slides: Number(s.dataset.slides), bars: s.querySelectorAll('.hue57-gap').length,
          cut: main.scrollHeight - main.clientHeight, sidebar: !!(side && side.getClientRects().length),
          controls: document.querySelectorAll('[data-testid=stPopover], [data-testid=stCheckbox]').length}; }"""


@pytest.fixture(scope="module")
def meeting_server(tmp_path_factory):
    """The shipped data, a meeting link on it, then an upload: the overview has changes to show."""
    db = tmp_path_factory.mktemp("glance") / "hue57.duckdb"
    store.init(db)
    share.create_link(db, upload_id=None, as_of_year=None, filters={}, lang="vi",
                      expires=dt.date.today() + dt.timedelta(days=30), by="lead")
    data = b"code,year,value,source,note,basis,band\n8.1,2026,93,a source,,,\n9,2025,40,a source,,,\n"
    assert ingest.import_file(db, data, "new.csv", "lead").status == "committed"
    srv = start_server(db)
    yield srv
    srv.proc.terminate()
    srv.proc.wait(timeout=20)


def _page(browser, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="vi-VN")
    return context, context.new_page()


@pytest.mark.parametrize("name", SIZES)
def test_the_first_screen_names_the_owner_and_what_changed(meeting_server, browser, name):
    context, page = _page(browser, SIZES[name])
    page.goto(meeting_server.url + "/")
    settle(page)
    changes = page.evaluate(IN_VIEW, "[data-testid=hue57Changes]")
    owner = page.evaluate(IN_VIEW, "[data-testid=hue57Attention] .who")
    screenshot(page, f"glance_overview_{name}")
    assert changes and changes[1] <= changes[2], changes  # the whole changes block in the first screen
    assert owner and owner[1] <= owner[2], owner  # and the lead agency of the first item needing attention
    text = page.locator("[data-testid=hue57Changes]").inner_text()
    assert "Thay đổi từ cuộc họp trước" in text and "8.1." in text
    assert page.locator("[data-testid=hue57Gaps] .who").count() == page.locator("[data-testid=hue57Gaps] a").count()
    context.close()


def test_without_a_meeting_link_the_changes_block_says_so(server, browser):
    context, page = _page(browser, SIZES["laptop"])
    page.goto(server.url + "/")
    settle(page)
    assert "Chưa có liên kết cuộc họp nào" in page.locator("[data-testid=hue57Changes]").inner_text()
    box = page.evaluate(IN_VIEW, "[data-testid=hue57Changes]")
    assert box[1] <= box[2]
    context.close()


def _slide(page) -> dict:
    settle(page)
    return page.evaluate(SLIDE)


def test_keys_turn_the_slides_and_the_url_holds_the_slide(meeting_server, browser):
    context, page = _page(browser, SIZES["laptop"])
    page.goto(meeting_server.url + "/?present=1")
    assert _slide(page)["slide"] == 1
    for key, expected in (("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2)):
        page.keyboard.press(key)
        page.wait_for_function(f"document.querySelector('[data-testid=hue57Screen]')?.dataset.slide === '{expected}'",
                               timeout=20_000)
        assert f"slide={expected}" in page.url
    page.goto(meeting_server.url + "/?present=1&slide=4")  # a shared address opens on its slide
    assert _slide(page)["slide"] == 4
    assert page.locator("[data-testid=stException]").count() == 0
    context.close()


@pytest.mark.parametrize("name", ["laptop", "projector"])
def test_every_slide_fits_holds_no_single_bar_and_hides_the_chrome(meeting_server, browser, name):
    context, page = _page(browser, SIZES[name])
    page.goto(meeting_server.url + "/?present=1")
    first = _slide(page)
    assert page.locator("[data-testid=hue57Screen] [data-testid=hue57Tiles]").count() == 1  # tiles on slide 1
    assert page.locator("[data-testid=hue57Screen] [data-testid=hue57Changes]").count() == 1
    for n in range(1, first["slides"] + 1):
        page.goto(meeting_server.url + f"/?present=1&slide={n}")
        m = _slide(page)
        page.wait_for_function("[...document.images].every(i => i.complete)")
        m = page.evaluate(SLIDE)
        screenshot(page, f"glance_present_{name}_{n}")
        assert m["slide"] == n
        assert m["bars"] != 1, f"slide {n} holds a single bar"
        assert m["cut"] <= 1, f"slide {n} is cut by {m['cut']} px"
        assert not m["sidebar"] and m["controls"] == 0
    context.close()


def test_a_phone_reaches_every_slide(meeting_server, browser):
    context, page = _page(browser, SIZES["phone"])
    page.goto(meeting_server.url + "/?present=1&slide=2")
    m = _slide(page)
    screenshot(page, "glance_present_phone_2")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    page.get_by_role("button", name="Tiếp").click()
    page.wait_for_function("document.querySelector('[data-testid=hue57Screen]')?.dataset.slide === '3'", timeout=20_000)
    assert m["slides"] >= 3
    context.close()


@pytest.mark.parametrize("path,name", [("/indicator?code=14b", "indicator_14b"), ("/indicator?code=7", "indicator_7"),
                                       ("/indicator?code=4", "indicator_4"), ("/agencies", "agencies")])
def test_leader_pages_read_without_contradictions(meeting_server, browser, path, name):
    for size_name in ("phone", "laptop"):
        context, page = _page(browser, SIZES[size_name])
        page.goto(meeting_server.url + path)
        settle(page)
        screenshot(page, f"glance_{name}_{size_name}")
        text = page.locator("[data-testid=stMain]").inner_text()
        assert page.locator("[data-testid=stException]").count() == 0
        if name == "indicator_14b":
            assert "từ 2021 đến 2026" in text and "Chưa đủ số liệu" not in text
        if name == "indicator_7":
            assert "chưa có quỹ đạo để vẽ" in text and page.locator("[data-testid=stVegaLiteChart]").count() == 0
        if name == "indicator_4":
            assert "Năm dự kiến đạt" not in text and "Đạt mục tiêu từ năm" in text
        if name == "agencies":
            assert "Không có nhiệm vụ quá hạn" in text
        context.close()


def test_the_toggle_opens_the_deck_and_leaving_it_returns_to_the_briefing(server, browser):
    context, page = _page(browser, SIZES["laptop"])
    page.goto(server.url + "/")
    settle(page)
    page.get_by_text("Chế độ trình chiếu").click()
    page.wait_for_selector("[data-testid=hue57Screen]", timeout=20_000)
    assert "present=1" in page.url
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('[data-testid=hue57Screen]')?.dataset.slide === '2'", timeout=20_000)
    page.get_by_role("button", name="Thoát trình chiếu").click()
    page.wait_for_selector("[data-testid=hue57Gaps]", timeout=20_000)
    settle(page)
    assert "present" not in page.url and "slide" not in page.url
    assert page.locator("[data-testid=hue57Screen]").count() == 0
    page.get_by_text("Chế độ trình chiếu").click()  # and in again: the toggle still works
    page.wait_for_selector("[data-testid=hue57Screen]", timeout=20_000)
    context.close()
