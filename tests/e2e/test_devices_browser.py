"""The leaders' pages on a phone (390×844), a laptop (1280×720) and a projector (1920×1080): nothing scrolls
sideways, chart text is at least 11 px as drawn, no table column is cut, tables become cards and the task
timeline a list on a phone, and the sidebar gets out of the way once a page is chosen there.

One browser context per screen size; each page is loaded once per size and measured in one evaluation.
Screenshots go to tests/e2e/artifacts/devices_<size>_<page>.png.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import screenshot, settle

PHONE, LAPTOP, PROJECTOR = (390, 844), (1280, 720), (1920, 1080)
PAGES = {"overview": "/", "indicator_4": "/indicator?code=4", "tasks": "/tasks", "present": "/?present=1&slide=2"}
MIN_TEXT_PX = 11

# Everything measured in the page at once. Text in a chart Vega draws in the browser (Streamlit renders it
# as SVG) is its font size times the SVG's scale on screen; in a chart drawn on the server as an SVG image,
# the text's font size times the image's drawn width over its viewBox width (of the source the browser
# chose). Hidden charts (width 0) are not drawn, so not measured.
MEASURE = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const texts = [];
  for (const el of document.querySelectorAll('[data-testid=stVegaLiteChart] svg text')) {
    if (!el.textContent.trim() || !el.getBoundingClientRect().width) continue;
    const m = el.getScreenCTM();
    texts.push([el.textContent, parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b)]);
  }
  for (const img of document.querySelectorAll('[data-testid=hue57Chart] img')) {
    const drawn = img.getBoundingClientRect().width;
    if (!drawn) continue;
    const bytes = Uint8Array.from(atob(img.src.split(',')[1]), c => c.charCodeAt(0));
    const svg = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'image/svg+xml').documentElement;
    const scale = drawn / Number(svg.getAttribute('viewBox').split(/[ ,]+/)[2]);
    for (const t of svg.querySelectorAll('text'))
      if (t.textContent.trim()) texts.push([t.textContent, parseFloat(t.getAttribute('font-size')) * scale]);
  }
  const shown = el => el.getClientRects().length > 0;
  return {
    page: document.documentElement.scrollWidth, inner: innerWidth,
    main: main.scrollWidth, mainClient: main.clientWidth,
    texts, charts: document.querySelectorAll('[data-testid=stVegaLiteChart], [data-testid=hue57Chart] img').length,
    canvasCharts: document.querySelectorAll('[data-testid=stVegaLiteChart] canvas').length,
    clipped: [...document.querySelectorAll('th')].filter(th => shown(th) && th.scrollWidth > th.clientWidth + 1)
      .map(th => th.textContent),
    grids: [...document.querySelectorAll('[data-testid=stDataFrame]')].filter(shown).length,
    tables: [...document.querySelectorAll('[data-testid=hue57Table]')].filter(shown)
      .map(t => [t.querySelectorAll('thead th').length, shown(t.querySelector('thead'))]),
    taskList: [...document.querySelectorAll('[data-testid=hue57TaskList]')].filter(shown).length,
    timeline: [...document.querySelectorAll('.st-key-tasks_timeline')].filter(shown).length,
  };
}"""


VEGA_DRAWN = """(() => { const c = document.querySelector('[data-testid=stVegaLiteChart]');
  return c && (!c.getClientRects().length || c.querySelector('svg text')); })()"""


@pytest.fixture(scope="module")
def measured(server, browser):
    """{(size, page name): measurements}, each page loaded once per screen size (and photographed)."""
    out = {}
    for size in (PHONE, LAPTOP, PROJECTOR):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="vi-VN")
        page = context.new_page()
        for name, path in PAGES.items():
            page.goto(server.url + path)
            settle(page)
            if name in ("indicator_4", "tasks"):  # the in-browser chart: wait until Vega has drawn it (if shown)
                page.wait_for_function(VEGA_DRAWN)
            page.wait_for_function("[...document.images].every(i => i.complete)")
            assert page.locator("[data-testid=stException]").count() == 0
            out[size, name] = page.evaluate(MEASURE)
            screenshot(page, f"devices_{size[0]}x{size[1]}_{name}")
            if name != "present":  # the first table or list as a reader scrolls to it
                target = page.locator("[data-testid=hue57TaskList]:visible, [data-testid=hue57Table]:visible").first
                if target.count():
                    target.scroll_into_view_if_needed()
                    screenshot(page, f"devices_{size[0]}x{size[1]}_{name}_table")
        context.close()
    return out


CASES = [(size, name) for size in (PHONE, LAPTOP, PROJECTOR) for name in PAGES]


def _id(case) -> str:
    (w, h), name = case
    return f"{w}x{h}-{name}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_nothing_scrolls_sideways(measured, case):
    m = measured[case]
    assert m["page"] <= m["inner"]
    assert m["main"] <= m["mainClient"]  # Streamlit scrolls its main block itself, not the document


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_chart_text_is_at_least_11_px_as_drawn(measured, case):
    m = measured[case]
    assert m["canvasCharts"] == 0  # a canvas could not be measured: Streamlit draws these as SVG
    if case[1] in ("indicator_4", "present") or (case[1] == "tasks" and case[0] != PHONE):
        assert m["texts"], "the chart should be on screen and measured"
    small = [(text, round(px, 1)) for text, px in m["texts"] if px < MIN_TEXT_PX]
    assert not small


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_no_table_column_is_cut_and_no_grid_scrolls_inside(measured, case):
    m = measured[case]
    assert m["clipped"] == []
    assert m["grids"] == 0  # Streamlit's grid cuts long cells and scrolls in a box; ours wrap


@pytest.mark.parametrize("name", ["overview", "indicator_4", "tasks"])
def test_tables_wider_than_two_columns_are_cards_on_a_phone(measured, name):
    phone, laptop = measured[PHONE, name]["tables"], measured[LAPTOP, name]["tables"]
    assert phone and len(phone) == len(laptop)
    assert [head for columns, head in phone if columns > 2] == [False] * sum(c > 2 for c, _ in phone)
    assert all(head for _, head in laptop)  # a header row wherever there is room for it


def test_task_timeline_is_a_list_on_a_phone_and_a_chart_elsewhere(measured):
    phone, laptop = measured[PHONE, "tasks"], measured[LAPTOP, "tasks"]
    assert (phone["taskList"], phone["timeline"]) == (1, 0)
    assert (laptop["taskList"], laptop["timeline"]) == (0, 1)


def test_phone_task_list_names_number_title_lead_due_and_status(server, browser):
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, locale="vi-VN")
    page = context.new_page()
    page.goto(server.url + "/tasks?task_status=overdue&task_group=1")
    settle(page)
    first = page.locator("[data-testid=hue57TaskList] li").first
    text = first.inner_text()
    assert text.startswith("1. Xây dựng") and "✖ Quá hạn" in text and "Sở" in text
    assert first.bounding_box()["width"] <= PHONE[0]
    context.close()


def test_choosing_a_page_in_the_sidebar_on_a_phone_closes_the_sidebar(server, browser):
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, locale="vi-VN")
    page = context.new_page()
    page.goto(server.url + "/?lang=en")
    settle(page)
    sidebar = page.get_by_test_id("stSidebar")
    assert sidebar.get_attribute("data-collapsed") == "true"  # a phone starts with it closed
    page.get_by_test_id("stExpandSidebarButton").click()
    page.wait_for_function("document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'false'")
    page.get_by_test_id("stSidebarUserContent").get_by_role("link", name="Tasks").click()
    page.wait_for_url("**/tasks?lang=en")  # the language survives the move
    settle(page)
    page.wait_for_function("document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'true'")
    title = page.locator("h1").first
    assert title.inner_text().strip() == "Tasks"
    box = title.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert page.evaluate(f"document.elementFromPoint({x}, {y}).closest('h1') !== null")  # nothing lies over it
    screenshot(page, "devices_390x844_after_navigation")
    context.close()


def test_presentation_turns_to_the_next_screen_in_large_type(server, browser):
    context = browser.new_context(viewport={"width": PROJECTOR[0], "height": PROJECTOR[1]}, locale="vi-VN")
    page = context.new_page()
    page.goto(server.url + "/?present=1")
    settle(page)
    counter = page.get_by_text("Trang 1/")
    total = int(counter.inner_text().split("/")[1])
    assert total >= 3
    body_px = page.locator("[data-testid=hue57Screen]").evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)")
    assert body_px >= 24  # large type for a room
    page.get_by_role("button", name="Tiếp").click()
    page.get_by_text(f"Trang 2/{total}").wait_for(timeout=20_000)
    settle(page)
    assert page.locator("[data-testid=stException]").count() == 0
    screenshot(page, "devices_1920x1080_present_2")
    page.get_by_role("button", name="Trước").click()
    page.get_by_text(f"Trang 1/{total}").wait_for(timeout=20_000)
    context.close()
