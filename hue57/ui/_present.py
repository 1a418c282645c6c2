"""Presentation mode for a projector: a slide deck of the briefing in large type.

Slides, in the order a meeting goes through them: the status tiles with the changes since the previous
meeting; each target that needs attention with its trajectory; overdue tasks and missing reports; then the
gaps, indicator groups packed together so that no slide holds a single bar (`pack`). Nothing else is on
the screen: the sidebar, the header and the overview's controls are hidden, and each slide fits
1280×800 and 1920×1080 without scrolling. ← → / PageUp / PageDown / Space turn pages (a key listener
clicks the previous / next buttons); the slide number is in the URL (`?present=1&slide=4`), so a link
opens on that slide. A meeting link's `present=1` is signed and cannot be left; the slide number is only
which page of the same view is shown.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd
import streamlit as st

from hue57 import briefing, charts, metrics, store
from hue57.i18n import t
from hue57.ui import _briefing, _static
from hue57.ui._context import Context
from hue57.ui._data import OverviewView

SLIDE_ROWS = 6  # gap rows a slide holds in large type at 1280×800 (one more when that avoids a lone bar) …
SLIDE_LINES = 17  # … and lines of text (a long name wraps), see `_lines`
LINE_CHARS = 40  # characters of a name on one line of a slide at 1280 px
AGENCY_LINES = 9  # lines of overdue tasks and missing reports that share one slide

# Our own constant style (never user text): everything in the screen block scaled up for a room, and the
# page's chrome hidden so that the slide is all there is.
_DECK = """<style>
[data-testid=stSidebar],[data-testid=stSidebarCollapsedControl],[data-testid=stHeader],[data-testid=stToolbar],
[data-testid=stDecoration]{display:none!important}
[data-testid=stMainBlockContainer]{padding:1rem 2rem .5rem!important;max-width:none!important}
.hue57-present{font-size:1.5rem;line-height:1.4}
.hue57-present h3{font-size:2rem;margin:0 0 .4rem;padding:0}
.hue57-present .hue57-gap{padding:.25rem 0;grid-template-columns:minmax(14rem,3fr) minmax(8rem,3fr) minmax(11rem,2fr)}
.hue57-present .hue57-gap .n,.hue57-present .hue57-gap .v,.hue57-present .hue57-attn li,.hue57-present .hue57-changes li{font-size:1.35rem}
.hue57-present .hue57-gap .v small,.hue57-present .who{font-size:1.05rem!important}
.hue57-present .hue57-track{height:1.5rem}
.hue57-present .hue57-attn h4,.hue57-present .hue57-changes-box h4{font-size:1.5rem}
.hue57-present .hue57-changes-box p{font-size:1.3rem}
.hue57-present .hue57-attn{grid-template-columns:1fr;margin-bottom:.5rem}
.hue57-present p{font-size:1.15rem;margin:.25rem 0}
.hue57-present .hue57-tiles{grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));margin-bottom:.75rem!important}
.hue57-present .hue57-tile b{font-size:2.6rem}
.hue57-present .hue57-tile span{font-size:1.1rem}
.hue57-present .hue57-chart img{max-height:calc(100vh - 25rem);width:auto!important;max-width:100%;min-height:12rem}
@media (max-width:640px){.hue57-present{font-size:1.1rem}.hue57-present h3{font-size:1.4rem}.hue57-present .hue57-attn h4{font-size:1.2rem}.hue57-present .hue57-gap .n,.hue57-present .hue57-gap .v,.hue57-present .hue57-attn li,.hue57-present .hue57-changes li{font-size:1.05rem}.hue57-present .hue57-tile b{font-size:1.4rem}[data-testid=stMainBlockContainer]{padding:.5rem 1rem!important}.hue57-present .hue57-chart img{max-height:none;width:100%!important}}
</style>"""

# Keys turn pages by clicking the deck's own buttons (one rule for keys, clicks and taps). Installed once
# per page: a rerun that draws the deck again replaces the listener instead of adding a second one.
_KEYS = """<script>
(() => {
  const w = window;
  if (w.__hue57DeckKeys) document.removeEventListener('keydown', w.__hue57DeckKeys, true);
  w.__hue57DeckKeys = (e) => {
    if (!document.querySelector('[data-testid=hue57Screen]')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const el = e.target;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    let go = null;
    if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ' || e.key === 'Spacebar') go = e.shiftKey ? 'prev' : 'next';
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go = 'prev';
    if (!go) return;
    e.preventDefault();
    e.stopPropagation();
    const b = document.querySelector('.st-key-present_' + go + ' button');
    if (b && !b.disabled) b.click();
  };
  document.addEventListener('keydown', w.__hue57DeckKeys, true);
})();
</script>"""


def pack(groups: list[pd.DataFrame], cost: Callable[[pd.DataFrame], pd.Series] | None = None,
         size: int = SLIDE_ROWS, lines: int = SLIDE_LINES) -> list[pd.DataFrame]:
    """Gap rows grouped into slides: whole indicator groups side by side while they fit (`size` rows and
    `lines` lines of text, each row costing `cost(rows)` lines), a larger group split evenly; no slide holds
    a single row unless there is only one row in all (a lone row joins its neighbour, or borrows a row of
    it when the two together would not fit)."""
    cost = cost or (lambda rows: pd.Series(1, index=rows.index))
    pieces: list[pd.DataFrame] = []
    for rows in groups:
        n, need = len(rows), float(cost(rows).sum())
        chunks = max(1, -(-n // size), int(-(-need // lines)))
        chunks = min(chunks, max(1, n // 2))  # never split into pieces of one row
        bounds = [round(i * n / chunks) for i in range(chunks + 1)]  # even split: never a remainder of one
        pieces += [rows.iloc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    slides: list[list[pd.DataFrame]] = []
    for piece in pieces:
        held = slides[-1] if slides else []
        if held and sum(map(len, held)) + len(piece) <= size and \
                sum(float(cost(p).sum()) for p in held) + float(cost(piece).sum()) <= lines:
            held.append(piece)
        else:
            slides.append([piece])
    out = [pd.concat(s) for s in slides]
    while len(out) > 1 and (lone := [i for i, s in enumerate(out) if len(s) == 1]):
        i = lone[0]  # a lone bar joins the smaller of its neighbours
        j = i + 1 if i == 0 or (i + 1 < len(out) and len(out[i + 1]) < len(out[i - 1])) else i - 1
        lo, hi = min(i, j), max(i, j)
        merged = pd.concat([out[lo], out[hi]])
        if len(merged) <= size and float(cost(merged).sum()) <= lines:
            out[lo:hi + 1] = [merged]
        elif j > i:  # too full to join: the neighbour lends its first row
            out[i], out[j] = pd.concat([out[i], out[j].iloc[:1]]), out[j].iloc[1:]
        else:  # … or its last
            out[j], out[i] = out[j].iloc[:-1], pd.concat([out[j].iloc[-1:], out[i]])
    return out


def _lines(lang: str) -> Callable[[pd.DataFrame], pd.Series]:
    """The lines a gap row takes on a slide at 1280 px: its status, code and name wrapped at
    `LINE_CHARS`, and the agency line under it."""
    name = "name_en" if lang == "en" else "name_vi"

    def cost(rows: pd.DataFrame) -> pd.Series:
        chars = rows[name].astype("str").str.len() + rows["code"].astype("str").str.len() + 16
        return -(-chars // LINE_CHARS) + 1
    return cost


def screens(view: OverviewView, changes: str, ctx: Context, snap: store.Snapshot, year: int) -> list[Callable[[], str]]:
    """A builder of each slide's HTML, in the order a meeting goes through them (see the module docstring).
    Builders, not HTML: a trajectory is drawn by Vega on the server (~0.2 s), only when its slide is shown."""
    params, lang = ctx.link_params(), ctx.lang
    out: list[Callable[[], str]] = [
        lambda: _static._CSS + _static.tiles_html(view.counts) + (changes or _briefing.no_meeting_html(lang))]
    agencies = {k: v for k, v in view.attention.items() if k in ("overdue", "reports")}
    for key, rows in view.attention.items():
        if key in ("overdue", "reports"):
            continue
        for label in rows.index[:_static.ATTENTION_ITEMS]:
            def target_screen(key=key, one=rows.loc[[label]]) -> str:
                row = one.iloc[0]
                return (_briefing.attention_html({key: one}, view.agencies, params, lang, view.period)
                        + f"<p>{html.escape(metrics.explain(row, lang))}</p>" + _trajectory(row, view, snap, year, lang))
            out.append(target_screen)
    lines = sum(len(rows) if key == "overdue" else rows["state"].nunique() for key, rows in agencies.items())
    slides = [agencies] if lines <= AGENCY_LINES else [{key: rows} for key, rows in agencies.items()]
    for one in slides:  # overdue tasks and missing reports are both about agencies: one slide when they fit
        out.append(lambda one=one: _briefing.attention_html(one, view.agencies, params, lang, view.period))
    gaps = view.gaps
    names = dict(zip(view.shown["code"], view.shown["name_en" if lang == "en" else "name_vi"], strict=True))
    groups = [rows for _, rows in gaps.groupby("group", sort=False)] if len(gaps) else []
    for rows in pack(groups, _lines(lang)):
        only = rows["group"].unique()
        title = f"{only[0]}. {names[only[0]]}" if len(only) == 1 and only[0] in names and len(rows) > 1 else ""
        out.append(lambda rows=rows, title=title: _briefing.gaps_html(rows, params, lang, title=title,
                                                                       agencies=view.agencies))
    return out


# (chart width, text px) for the room and for a phone. The image is drawn at most at its own size, so its
# text is never larger than this, and smaller only as much as the screen is narrower: 20 px of 1,080 stays
# 15 px in the 820 px a 1280-wide laptop leaves; a phone loads the narrow one (14 px, ~360 px wide).
_PROJECTOR = (1300, 20)
_PHONE = (600, 14)


def _trajectory(row, view: OverviewView, snap: store.Snapshot, year: int, lang: str) -> str:
    """The indicator's trajectory drawn on the server as an image (a page turn must not wait for Vega in
    the browser), in large type for the room and again at a phone's width."""
    if row["plan_comparator"] == "qualitative" or pd.isna(row["latest_value"]):
        return ""
    shown = view.shown[view.shown["indicator"] == row["indicator"]]
    plan = snap.targets[snap.targets["code"].isin(shown["code"])]
    paths, rules = metrics.paths(plan, snap.actuals, year), briefing.target_rules(shown)
    wide, narrow = (charts.chart_svg(charts.trajectory(paths, rules, unit=row["unit"], lang=lang, text_size=size),
                                     width=width) for width, size in (_PROJECTOR, _PHONE))
    return _static.chart_html(wide, t("present.trajectory_alt", lang, name=row["code"]), narrow=narrow)


def presenting(ctx: Context) -> bool:
    """Whether the overview is shown as a deck: a meeting link's signed `present=1`, else `?present=1`."""
    if ctx.shared:
        return str(ctx.filters.get("present", "")) == "1"
    return st.query_params.get("present") == "1"


def _slide_from_url(last: int) -> int:
    """The slide asked for in the URL (`slide=4` is the fourth), within the deck; the first otherwise."""
    try:
        return min(max(int(st.query_params.get("slide", "1")) - 1, 0), last)
    except ValueError:
        return 0


def present(view: OverviewView, changes: str, ctx: Context, snap: store.Snapshot, year: int) -> None:
    """One slide at a time; the slides are built once per view and reader and kept with the view."""
    key = ("present", tuple(sorted(ctx.link_params().items())), changes)
    pages, built = view.html.get(key) or view.html.setdefault(key, (screens(view, changes, ctx, snap, year), {}))
    last = len(pages) - 1
    index = _slide_from_url(last)

    def turn(step: int) -> None:  # before the run: the URL then holds the slide this run draws
        st.query_params["slide"] = str(min(max(_slide_from_url(last) + step, 0), last) + 1)

    if index not in built:  # drawn once per view and reader, the first time a presenter reaches it
        built[index] = pages[index]()
    st.html(_briefing.CSS + _DECK + f'<div class="hue57-present" data-testid="hue57Screen" '
                                    f'data-slide="{index + 1}" data-slides="{last + 1}">{built[index]}</div>')
    # One row that stays a row on a phone (columns would stack the buttons above and below the counter).
    bar = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center", wrap=False,
                       key="present_bar")
    bar.button(t("present.previous", ctx.lang), disabled=index == 0, icon=":material/arrow_back:",
               on_click=turn, args=(-1,), key="present_prev")
    bar.markdown(f"**{t('present.slide_of', ctx.lang, n=index + 1, total=last + 1)}**", width="content",
                 help=t("present.keys", ctx.lang))
    bar.button(t("present.next", ctx.lang), disabled=index == last, icon=":material/arrow_forward:",
               on_click=turn, args=(1,), key="present_next")
    if not ctx.shared:  # under the row: a phone has no room beside the three
        st.button(t("present.exit", ctx.lang), icon=":material/close:", on_click=_leave, key="present_exit",
                  type="tertiary")
    st.html(_KEYS, unsafe_allow_javascript=True)


def _leave() -> None:
    st.query_params.pop("present", None)
    st.query_params.pop("slide", None)
    st.session_state["present"] = False


def presentation_toggle(ctx: Context) -> bool:
    """On a meeting link the signed `present=1` decides; otherwise a toggle kept in the URL as `?present=1`."""
    if ctx.shared:
        return str(ctx.filters.get("present", "")) == "1"
    if "present" not in st.session_state:
        st.session_state["present"] = st.query_params.get("present") == "1"

    def to_url() -> None:
        if st.session_state["present"]:
            st.query_params["present"] = "1"
        else:
            st.query_params.pop("present", None)
        st.query_params.pop("slide", None)

    return st.toggle(t("present.toggle", ctx.lang), key="present", on_change=to_url)
