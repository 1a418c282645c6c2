"""Read-only HTML blocks: status tiles, a chart Vega drew on the server, a table.

Why static HTML: the browser renders every Streamlit element as its own message, and a data grid or an
in-browser Vega view is a large script to load on every visit. On the overview (what a whole meeting
opens at once) seven bordered tiles, a Vega view and a data grid made the page about 2.3× slower to
settle than a bare page, timed then around Playwright's waits; drawn as one block, with the filters
drawn only while open, it is about 1.4–1.5× by that measure and 1.7–1.9× by the page's own clock
(bench/pages.py).

Only our own words and numbers go into this HTML, and every piece of text is escaped all the same:
text from an upload (a source, a note) is shown as text, never as markup.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from hue57 import briefing, charts
from hue57.i18n import t, tn
from hue57.ui import _briefing
from hue57.ui._context import Context
from hue57.ui._data import OverviewView
from hue57.ui.views import overview as overview_view

_CSS = """<style>
.hue57-tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(5.5rem,1fr));gap:.5rem;margin:0!important;padding:0!important;list-style:none}
.hue57-tile{margin:0!important;border:1px solid rgba(49,51,63,.2);border-radius:.5rem;padding:.4rem .75rem}
.hue57-tile b{display:block;font-size:1.75rem;font-weight:600;line-height:1.3}
.hue57-tile span{font-size:.875rem;color:rgba(49,51,63,.75)}
@media (max-width:640px){.hue57-tile.zero{display:none}.hue57-tiles{grid-template-columns:repeat(auto-fit,minmax(7rem,1fr))}.hue57-tile b{font-size:1.3rem;display:inline;margin-right:.35rem}.hue57-tile{padding:.2rem .5rem}.hue57-tile span{font-size:.8rem}}
.hue57-table{border:1px solid rgba(49,51,63,.2);border-radius:.5rem}
.hue57-note{font-size:.875rem;color:rgba(49,51,63,.7);margin:.25rem 0 1rem}
.hue57-table table{border-collapse:collapse;width:100%;font-size:.875rem;margin:0}
.hue57-table th{background:#f0f2f6;text-align:left;font-weight:600}
.hue57-table th,.hue57-table td{padding:.3rem .5rem;border-bottom:1px solid rgba(49,51,63,.1);vertical-align:top}
.hue57-table tbody tr:nth-child(even){background:#fafafa}
.hue57-table{overflow-x:auto}
.hue57-table .num{white-space:nowrap}
.hue57-table .wide{min-width:7rem}
.hue57-table td{overflow-wrap:break-word}
.hue57-table .tok{white-space:nowrap}
@media (max-width:640px){.hue57-cards table,.hue57-cards tbody,.hue57-cards tr,.hue57-cards td{display:block;width:auto}.hue57-cards thead{display:none}.hue57-cards tr{padding:.4rem 0;border-bottom:1px solid rgba(49,51,63,.2)}.hue57-cards td{border:none;padding:.1rem .5rem;min-width:0}.hue57-cards td:empty{display:none}.hue57-cards td::before{content:attr(data-label) ": ";font-weight:600}}
</style>"""


def tiles_html(counts: Sequence[tuple[str, int]]) -> str:
    """One tile per (label, count): the count, and under it the label (icon and word, never colour
    alone). The label wraps under the number instead of being cut ("Đúng lộ…") on a projector."""
    items = "".join(f'<li class="hue57-tile{" zero" if not count else ""}"><b>{int(count)}</b>'
                    f'<span>{html.escape(str(label))}</span></li>' for label, count in counts)
    return f'<ul class="hue57-tiles" data-testid="hue57Tiles">{items}</ul>'


def table_html(frame: pd.DataFrame, *, links: Mapping[str, Sequence[str]] | None = None,
               nowrap: Sequence[str] = (), wide: Sequence[str] = (), whole: Sequence[str] = (),
               cards: bool = True) -> str:
    """`frame` as an HTML table; a column named in `links` shows each cell as a link to its URL.

    Empty and missing cells show as empty. Columns in `nowrap` (codes, values) do not break across
    lines; columns in `wide` (names, plan wording) are given room before they wrap; columns in `whole`
    (dates, short words) wrap between words only, never inside one ('12/2025'). With `cards`, each row
    becomes a card of 'column: value' lines on a narrow screen; without, the table stays a table (two
    short columns fit a phone as they are).
    """
    links = links or {}
    columns = list(frame.columns)
    css = [' class="num"' if c in nowrap else ' class="wide"' if c in wide else ' class="whole"' if c in whole else ""
           for c in columns]
    head = "".join(f'<th scope="col"{cls}>{html.escape(str(c))}</th>' for c, cls in zip(columns, css, strict=True))
    targets = [links.get(c) for c in columns]
    rows = []
    for i, values in enumerate(frame.itertuples(index=False, name=None)):
        cells = []
        for value, cls, urls, column in zip(values, css, targets, columns, strict=True):
            text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else tokens_html(str(value))
            if urls is not None and text:
                text = f'<a href="{html.escape(str(urls[i]), quote=True)}" target="_self">{text}</a>'
            cells.append(f'<td{cls} data-label="{html.escape(str(column), quote=True)}">{text}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="hue57-table{" hue57-cards" if cards else ""}" data-testid="hue57Table" tabindex="0">'
            f"<table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


_TOKEN = re.compile(r"\S*[\d%/]\S*")  # a number, a date, a unit with a slash: '(2024)', '04/12/2026', 'bậc/năm'


def tokens_html(text: str) -> str:
    """`text` escaped, each token holding a digit, '%' or '/' kept on one line (a `tok` span): a table cell wraps
    between words, never inside '100%', '(2024)', '04/12/2026' or 'bậc/năm'."""
    out, end = [], 0
    for m in _TOKEN.finditer(text):
        out.append(html.escape(text[end:m.start()]))
        token = html.escape(m.group(0))
        out.append(f'<span class="tok">{token}</span>' if len(m.group(0)) <= 40 else token)  # a link may wrap
        end = m.end()
    out.append(html.escape(text[end:]))
    return "".join(out)


def chart_html(svg: str, description: str, *, title: str = "", notes: Sequence[str] = (), narrow: str = "") -> str:
    """A chart Vega rendered to SVG (`charts.chart_svg`) as an image with its description as alt text,
    under its title and above its notes (no image when `svg` is empty: nothing to draw). `narrow`, the
    same chart rendered about a phone's width, is the image shown up to `NARROW_PX` instead: an image
    shrinks its lettering with it, and 1,100 px drawn in 360 would print 12 px text at 4 px. (Two images
    switched by CSS, not `<picture>`: Streamlit's sanitiser drops a `srcset` that holds a data URI.)

    An image, not inline SVG: the browser decodes it as one picture instead of sanitising and laying
    out hundreds of SVG nodes in the page.
    """
    parts = [f"<h3>{html.escape(title)}</h3>"] if title else []
    alt = html.escape(description, quote=True)
    if svg:
        parts.append(f'<img class="wide" src="{_svg_uri(svg)}" alt="{alt}" style="width:100%;max-width:{_svg_width(svg)}px">')
    if svg and narrow:
        parts.append(f'<img class="narrow" src="{_svg_uri(narrow)}" alt="{alt}" '
                     f'style="width:100%;max-width:{_svg_width(narrow)}px">')
    parts += [f"<figcaption>{html.escape(note)}</figcaption>" for note in notes]
    return f'{_CHART_CSS}<figure class="hue57-chart" data-testid="hue57Chart">{"".join(parts)}</figure>'


NARROW_PX = 640  # the width below which tables become cards and charts their narrow rendering


_CHART_CSS = f"""<style>
.hue57-chart{{margin:0}}
.hue57-chart figcaption{{font-size:.875rem;color:rgba(49,51,63,.6);margin-top:.25rem}}
.hue57-chart .narrow{{display:none}}
@media (max-width:{NARROW_PX}px){{.hue57-chart:has(.narrow) .wide{{display:none}}.hue57-chart .narrow{{display:block}}}}
</style>"""


def _svg_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _svg_width(svg: str) -> int:
    match = re.search(r'viewBox="0 0 ([\d.]+) ', svg)
    return round(float(match[1])) if match else 1100


def status_tiles(counts: Sequence[tuple[str, int]]) -> None:
    """The status counts as one row of tiles."""
    st.html(_CSS + tiles_html(counts))


STATIC_TABLE_ROWS = 300  # beyond this a scrolling grid that draws only the visible rows is lighter


def table(frame: pd.DataFrame, *, nowrap: Sequence[str] = (), wide: Sequence[str] = (), whole: Sequence[str] = (),
          cards: bool = True) -> None:
    """A read-only table that shows every column whole: long texts wrap instead of being cut, and below
    `NARROW_PX` each row becomes a card of 'column: value' lines (unless not `cards`: a table that fits a
    phone as it is), so a phone never scrolls sideways. Column classes as in `table_html`.
    Up to `STATIC_TABLE_ROWS` rows; a longer one gets Streamlit's grid, which draws only the rows on screen."""
    if len(frame) > STATIC_TABLE_ROWS:
        st.dataframe(frame, hide_index=True, width="stretch", placeholder="")
    else:
        st.html(_CSS + table_html(frame, nowrap=nowrap, wide=wide, whole=whole, cards=cards))


_TASK_LIST_CSS = f"""<style>
.hue57-tasklist{{list-style:none;margin:.25rem 0 1rem;padding:0}}
.hue57-tasklist li{{padding:.4rem 0;border-bottom:1px solid rgba(49,51,63,.15);overflow-wrap:anywhere}}
.hue57-tasklist b{{font-variant-numeric:tabular-nums}}
.hue57-tasklist small{{display:block;color:rgba(49,51,63,.75);font-size:.875rem}}
@media (max-width:{NARROW_PX}px){{.st-key-tasks_timeline{{display:none!important}}}}
@media (min-width:{NARROW_PX + 1}px){{.hue57-tasklist{{display:none}}}}
</style>"""


def task_list(rows: Sequence[tuple[object, str, str, str, str]]) -> None:
    """The task timeline as a list for narrow screens, one line per task: (number, title, lead agency, due
    date, status with its icon). The chart drawn in the container keyed `tasks_timeline` is hidden there:
    70 bars squeezed into 360 px are unreadable, and its labels would shrink below 11 px."""
    items = "".join(f"<li><b>{html.escape(str(no))}.</b> {html.escape(title)}"
                    f"<small>{html.escape(status)} · {html.escape(due)} · {html.escape(lead)}</small></li>"
                    for no, title, lead, due, status in rows)
    st.html(f'{_TASK_LIST_CSS}<ul class="hue57-tasklist" data-testid="hue57TaskList">{items}</ul>')


def overview_report(view: OverviewView, ctx: Context, changes: str = "") -> None:
    """The overview's briefing: status tiles, what needs attention, the gaps, what changed (`changes`, HTML
    from `_briefing.changes_html`) and the scorecard (each code linking to its indicator page).

    One element when the scorecard is a plain table (up to `STATIC_TABLE_ROWS` rows: it wraps long
    Vietnamese names instead of cutting them); a larger plan gets Streamlit's grid for the scorecard,
    which draws only the rows on screen.
    """
    lang, params = ctx.lang, ctx.link_params()
    small = len(view.table) <= STATIC_TABLE_ROWS
    key = (tuple(sorted(params.items())), changes)  # one language already; links differ per reader
    body = view.html.get(key)
    if body is None:
        body = _report_html(view, lang, params, small, changes)
        if len(view.html) < _REPORTS_KEPT:
            view.html[key] = body
    st.html(body)
    if not small:
        code = t("col.code", lang)
        st.subheader(t("overview.scorecard", lang))
        st.dataframe(view.table.assign(**{code: overview_view.indicator_urls(view.shown["code"], params)}), hide_index=True,
                     width="stretch", column_config={code: st.column_config.LinkColumn(
                         code, display_text=r"code=([^&]+)", help=t("overview.open_indicator", lang))})


# A large plan's briefing lists the worst rows and says how many more the scorecard holds: past these, a
# list is no longer read, and its HTML is what a browser spends its time on (bench/pages.py, 2,000 targets:
# ~950 gap rows and ~400 attention items, 0.5 MB, took a load from ~2.2x to ~3.9x a bare page).
BRIEFING_ROWS = charts.GAP_CHART_ROWS
ATTENTION_ITEMS = 20

_REPORTS_KEPT = 32  # per view: one per meeting link open at once, and one for readers without a link


def _report_html(view: OverviewView, lang: str, params: Mapping[str, str], small: bool, changes: str) -> str:
    """Tiles, the changes since the previous meeting, then what needs attention (each item with its lead
    agency), each gap on its own scale, and the scorecard: the first screen answers "what changed" and
    "who"."""
    missing = briefing.no_data_codes(view.shown)
    notes = [tn("overview.no_data_line", len(missing), lang, codes=", ".join(missing))] if missing else []
    gaps = view.gaps.head(BRIEFING_ROWS)
    if len(view.gaps) > len(gaps):
        notes.insert(0, t("briefing.gaps_limited", lang, shown=len(gaps), total=len(view.gaps)))
    blocks = [tiles_html(view.counts),
              changes or _briefing.no_meeting_html(lang),  # "what changed" stands in the first screen
              _briefing.attention_html(view.attention, view.agencies, params, lang, view.period,
                                       limit=ATTENTION_ITEMS),
              _briefing.gaps_html(gaps, params, lang, agencies=view.agencies) if len(gaps) else "",
              "".join(f'<p class="hue57-note">{html.escape(note)}</p>' for note in notes)]
    if small:
        urls = overview_view.indicator_urls(view.shown["code"], params)
        blocks.append(f"<h3>{html.escape(t('overview.scorecard', lang))}</h3>" + table_html(
            view.table, links={t("col.code", lang): urls},
            nowrap=[t(k, lang) for k in ("col.code", "col.horizon")],
            wide=[t(k, lang) for k in ("col.name", "col.target", "col.source", "col.target_text")]))
    return _CSS + _briefing.CSS + "".join(blocks)
