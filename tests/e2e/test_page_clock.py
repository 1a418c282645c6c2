"""The page's own record of when it settled (SETTLED_AT), which bench/pages.py times the overview by:
taken at the first frame after the script has finished, no skeleton is left and the chart has loaded;
dropped when the page starts running again and taken anew."""

from tests.e2e.conftest import SETTLED_AT, settle

RECORD = "window.__hue57Settled"
WAIT = 5_000  # ms: a record comes within a frame or two; a broken script should fail fast, not hang
APP = "document.querySelector('[data-testid=stApp]')"
FAKE_APP = '<div data-testid="stApp" data-test-script-state="running"><div data-testid="stSkeleton"></div></div>'


def change_at(page, js: str) -> float:
    """Run `js` in the page; the page's time just before it. The next frame's time goes to window.__frame."""
    return page.evaluate(f"""(() => {{ const at = performance.now(); {js};
        requestAnimationFrame(() => {{ window.__frame = performance.now(); }}); return at; }})()""")


def settled_record(page) -> float:
    return page.wait_for_function(RECORD, timeout=WAIT).json_value()


def no_record_after_a_while(page) -> bool:
    page.wait_for_timeout(150)  # enough frames for a wrong record to appear
    return page.evaluate(RECORD) is None


def test_recorded_only_once_every_part_of_settled_holds(page):
    page.set_content(FAKE_APP)
    page.evaluate(SETTLED_AT)

    change_at(page, f"{APP}.setAttribute('data-test-script-state', 'notRunning')")
    assert no_record_after_a_while(page)  # a skeleton is still on screen

    gone = change_at(page, "document.querySelector('[data-testid=stSkeleton]').remove()")
    record = settled_record(page)
    assert record >= page.evaluate("window.__frame") > gone  # the frame that shows it, not the change

    held = []  # the chart image's request, answered only when the test says so
    page.route("http://hue57.test/chart.svg", lambda route: held.append(route))
    with page.expect_request("http://hue57.test/chart.svg", timeout=WAIT):
        change_at(page, f"{APP}.insertAdjacentHTML('beforeend', "
                        "'<figure data-testid=hue57Chart><img src=\"http://hue57.test/chart.svg\"></figure>')")
    page.wait_for_function("true")  # let the routed request reach its handler
    assert held and no_record_after_a_while(page)  # a chart image that has not loaded yet

    loaded = page.evaluate("performance.now()")
    held[0].fulfill(content_type="image/svg+xml", body='<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>')
    first = settled_record(page)
    assert first > loaded

    rerun = change_at(page, f"{APP}.setAttribute('data-test-script-state', 'running')")
    assert no_record_after_a_while(page)  # running again: the old record no longer holds
    change_at(page, f"{APP}.setAttribute('data-test-script-state', 'notRunning')")
    assert settled_record(page) > rerun > first


def test_a_chart_that_fails_to_load_still_ends_the_wait(page):
    page.set_content(FAKE_APP)
    page.evaluate(SETTLED_AT)
    page.route("http://hue57.test/chart.svg", lambda route: route.abort())
    change_at(page, f"""document.querySelector('[data-testid=stSkeleton]').remove();
        {APP}.insertAdjacentHTML('beforeend', '<figure data-testid=hue57Chart><img src="http://hue57.test/chart.svg"></figure>');
        {APP}.setAttribute('data-test-script-state', 'notRunning')""")
    assert settled_record(page) > 0


def test_a_page_that_leaves_settled_before_its_frame_is_not_recorded(page):
    page.set_content(FAKE_APP)
    page.evaluate(SETTLED_AT)
    change_at(page, f"""document.querySelector('[data-testid=stSkeleton]').remove();
        {APP}.setAttribute('data-test-script-state', 'notRunning');
        setTimeout(() => {APP}.setAttribute('data-test-script-state', 'running'), 0)""")
    assert no_record_after_a_while(page)


TABLE_SEEN = """new MutationObserver(() => { if (!window.__tableAt && document.querySelector('[data-testid=hue57Table]'))
  window.__tableAt = performance.now(); }).observe(document, {subtree: true, childList: true});"""


def test_a_real_overview_is_recorded_after_its_scorecard_was_drawn(server, page):
    page.add_init_script(SETTLED_AT)
    page.add_init_script(TABLE_SEEN)
    page.goto(server.url + "/")
    settle(page)
    settled_ms = settled_record(page)
    assert 0 < page.evaluate("window.__tableAt") < settled_ms < page.evaluate("performance.now()")
