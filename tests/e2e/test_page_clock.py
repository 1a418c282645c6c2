"""The page's own record of when it settled (SETTLED_AT), which bench/pages.py times the overview by:
taken only once the script has finished, no skeleton is left and the chart is decoded; dropped when the
page starts running again and taken anew."""

from tests.e2e.conftest import SETTLED_AT, settle

RECORD = "window.__hue57Settled"


def _flip(page, js: str) -> float:
    """Change the fake app in the page; the page's time just before the change."""
    return page.evaluate(f"(() => {{ const at = performance.now(); {js}; return at; }})()")


def test_recorded_only_once_every_part_of_settled_holds(page):
    page.set_content('<div data-testid="stApp" data-test-script-state="running"><div data-testid="stSkeleton">'
                     '</div></div>')
    page.evaluate(SETTLED_AT)
    app = "document.querySelector('[data-testid=stApp]')"

    _flip(page, f"{app}.setAttribute('data-test-script-state', 'notRunning')")
    page.wait_for_timeout(150)
    assert page.evaluate(RECORD) is None  # a skeleton is still on screen

    _flip(page, "document.querySelector('[data-testid=stSkeleton]').remove()")
    page.wait_for_timeout(150)
    assert page.evaluate(RECORD) is not None

    held = []  # the chart image's request, answered only when the test says so
    page.route("http://hue57.test/chart.svg", lambda route: held.append(route))
    _flip(page, f"{app}.insertAdjacentHTML('beforeend', "
                "'<figure data-testid=hue57Chart><img src=\"http://hue57.test/chart.svg\"></figure>')")
    page.wait_for_timeout(150)
    assert held and page.evaluate(RECORD) is None  # a chart image that has not loaded yet

    loaded = page.evaluate("performance.now()")
    held[0].fulfill(content_type="image/svg+xml", body='<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>')
    first = page.wait_for_function(RECORD).json_value()
    assert first > loaded

    rerun = _flip(page, f"{app}.setAttribute('data-test-script-state', 'running')")
    page.wait_for_timeout(150)
    assert page.evaluate(RECORD) is None  # running again: the old record no longer holds
    _flip(page, f"{app}.setAttribute('data-test-script-state', 'notRunning')")
    assert page.wait_for_function(RECORD).json_value() > rerun > first


TABLE_SEEN = """new MutationObserver(() => { if (!window.__tableAt && document.querySelector('[data-testid=hue57Table]'))
  window.__tableAt = performance.now(); }).observe(document, {subtree: true, childList: true});"""


def test_a_real_overview_is_recorded_after_its_scorecard_was_drawn(server, page):
    page.add_init_script(SETTLED_AT)
    page.add_init_script(TABLE_SEEN)
    page.goto(server.url + "/")
    settle(page)
    settled_ms = page.wait_for_function(RECORD).json_value()
    assert 0 < page.evaluate("window.__tableAt") < settled_ms < page.evaluate("performance.now()")
