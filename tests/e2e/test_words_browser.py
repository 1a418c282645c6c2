"""Every page at 1280 and 390 px, as a Vietnamese official reads it: no cell text broken inside a number, a date or
a unit; no English word of Streamlit's own on the page (the file picker, an empty table); no '.0' after a whole
number; no button label cut. Screenshots in tests/e2e/artifacts/words-*.png."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import (
    ANALYST_PASSWORD,
    open_page,
    screenshot,
    settle,
    start_analyst_server,
    stop,
    submit_sign_in,
)

pytestmark = pytest.mark.e2e

PUBLIC = ["/", "/indicator?code=8.1", "/tasks", "/agencies"]
SIGNED_IN = ["/upload", "/share", "/report"]  # reached by the navigation (a reload would sign out)
# Streamlit's own English words that can reach a page (widgets, tables, the file picker)
STREAMLIT_WORDS = ["Upload", "Drag and drop", "per file", "Browse files", "empty", "Choose an option",
                   "No results", "Press Enter", "Clear all", "Show password", "Hide password", "Download"]

# Each cell's tokens that hold a digit, '%' or '/', with the lines each token's text sits on: a token on two lines
# was broken inside (e.g. '202/6', 'bậc/n/ăm', '100/%').
BROKEN_TOKENS_JS = r"""
() => {
  const broken = [];
  const cells = document.querySelectorAll('td, th, .hue57-table td, [data-testid=stTable] td');
  for (const cell of cells) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const re = /\S*[\d%\/]\S*/g;
      let m;
      while ((m = re.exec(node.data))) {
        if (m[0].length > 40) continue;  // a link may wrap
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0] + ' in ' + cell.innerText.slice(0, 60));
      }
    }
  }
  return broken;
}
"""

CUT_BUTTONS_JS = r"""
() => [...document.querySelectorAll('button')].filter(b => b.offsetParent !== null).filter(b => {
  const label = b.querySelector('[data-testid=stMarkdownContainer] p');
  if (!label || getComputedStyle(label).visibility === 'hidden') return false;
  const l = label.getBoundingClientRect(), r = b.getBoundingClientRect();
  const clipped = label.clientWidth > 0 && label.scrollWidth > label.clientWidth + 1;
  return clipped || l.right > r.right + 1 || l.bottom > r.bottom + 1;  // an ellipsis, or text out of the button
}).map(b => b.innerText)
"""


@pytest.fixture(scope="module")
def analyst_server(tmp_path_factory):
    srv = start_analyst_server(tmp_path_factory.mktemp("words"))
    yield srv
    stop(srv)


def _sign_in(page, url: str) -> None:
    open_page(page, url + "/upload")
    submit_sign_in(page, "chuyen_vien", ANALYST_PASSWORD)


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_reads_in_vietnamese_with_whole_numbers_dates_and_units(analyst_server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    try:
        problems = []
        for path in PUBLIC + SIGNED_IN:
            if path in PUBLIC:
                open_page(page, analyst_server.url + path)
            elif path == "/upload":
                _sign_in(page, analyst_server.url)
            else:
                page.evaluate(f"document.querySelector('[data-testid=stSidebar] a[href=\"{path[1:]}\"]').click()")
                page.wait_for_url(f"**{path}")
                settle(page)
            page.wait_for_timeout(300)  # the static blocks' layout
            name = re.sub(r"\W+", "-", path.strip("/")) or "overview"
            screenshot(page, f"words-{name}-{width}")
            text = page.inner_text("[data-testid=stMain]")
            for word in STREAMLIT_WORDS:
                if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
                    problems.append(f"{path}: English '{word}'")
            for m in re.finditer(r"(?<![\d.,])\d+\.0(?![\d])", text):
                problems.append(f"{path}: '.0' in '{text[max(0, m.start() - 20):m.end() + 5]}'")
            problems += [f"{path}: broken {b}" for b in page.evaluate(BROKEN_TOKENS_JS)]
            problems += [f"{path}: button cut '{b}'" for b in page.evaluate(CUT_BUTTONS_JS)]
            if path == "/upload":
                after = page.evaluate("""() => { const p = document.querySelector(
                    '[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p');
                    const i = document.querySelector('[data-testid=stFileUploaderDropzoneInstructions] span');
                    return [getComputedStyle(p, '::after').content, getComputedStyle(i, '::after').content]; }""")
                if after != ['"Chọn tệp"', '"CSV hoặc XLSX, tối đa 5 MB"']:
                    problems.append(f"/upload: the file picker says {after}")
        assert not problems, "\n".join(problems)
    finally:
        context.close()
