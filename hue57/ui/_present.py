"""Presentation mode for a projector: the changes since the previous meeting first, then one screen per
attention group and one per indicator group, in large type, with previous / next."""

from __future__ import annotations

import html
from collections.abc import Callable

import streamlit as st

from hue57 import briefing, charts, metrics, store
from hue57.i18n import t
from hue57.ui import _briefing, _static
from hue57.ui._context import Context
from hue57.ui._data import OverviewView

# Our own constant style (never user text): everything in the screen block scaled up for a room.
_LARGE_TYPE = """<style>
.hue57-present{font-size:1.5rem;line-height:1.45}
.hue57-present h3{font-size:2.1rem;margin:.2rem 0 .6rem}
.hue57-present .hue57-gap .n,.hue57-present .hue57-gap .v,.hue57-present .hue57-attn li,.hue57-present .hue57-changes li{font-size:1.45rem}
.hue57-present .hue57-gap .v small{font-size:1.15rem}
.hue57-present .hue57-track{height:1.6rem}
.hue57-present .hue57-attn h4{font-size:1.6rem}
.hue57-present .hue57-attn{grid-template-columns:1fr}
.hue57-present p{font-size:1.15rem}
@media (max-width:640px){.hue57-present{font-size:1.1rem}.hue57-present h3{font-size:1.5rem}.hue57-present .hue57-attn h4{font-size:1.2rem}.hue57-present .hue57-gap .n,.hue57-present .hue57-gap .v,.hue57-present .hue57-attn li,.hue57-present .hue57-changes li{font-size:1.1rem}}
</style>"""


def screens(view: OverviewView, changes: str, ctx: Context, snap: store.Snapshot, year: int) -> list[Callable[[], str]]:
    """A builder of each screen's HTML, in the order a meeting goes through them: what changed; each target
    that needs attention with its trajectory; overdue tasks; missing reports; then each indicator group's gaps.
    Builders, not HTML: a trajectory is drawn by Vega on the server (~0.2 s), only when its screen is shown."""
    params, lang = ctx.link_params(), ctx.lang
    out: list[Callable[[], str]] = [lambda: changes] if changes else []
    for key, rows in view.attention.items():
        if key in ("overdue", "reports"):
            out.append(lambda key=key, rows=rows: _briefing.attention_html({key: rows}, view.agencies, params, lang,
                                                                            view.period))
            continue
        for label in rows.index[:_static.ATTENTION_ITEMS]:
            def target_screen(key=key, one=rows.loc[[label]]) -> str:
                row = one.iloc[0]
                return (_briefing.attention_html({key: one}, view.agencies, params, lang, view.period)
                        + f"<p>{html.escape(metrics.explain(row, lang))}</p>" + _trajectory(row, view, snap, year, lang))
            out.append(target_screen)
    gaps = view.gaps
    names = dict(zip(view.shown["code"], view.shown["name_en" if lang == "en" else "name_vi"], strict=True))
    for group, rows in gaps.groupby("group", sort=False) if len(gaps) else []:
        title = f"{group}. {names[group]}" if group in names and len(rows) > 1 else ""
        out.append(lambda rows=rows, title=title: _briefing.gaps_html(rows, params, lang, title=title))
    return out or [lambda: _briefing.attention_html({}, view.agencies, params, lang)]


# (chart width, text px) for the room and for a phone. The image is drawn at most at its own size, so its
# text is never larger than this, and smaller only as much as the screen is narrower: 20 px of 1,080 stays
# 15 px in the 820 px a 1280-wide laptop leaves; a phone loads the narrow one (14 px, ~360 px wide).
_PROJECTOR = (1300, 20)
_PHONE = (600, 14)


def _trajectory(row, view: OverviewView, snap: store.Snapshot, year: int, lang: str) -> str:
    """The indicator's trajectory drawn on the server as an image (a page turn must not wait for Vega in
    the browser), in large type for the room and again at a phone's width."""
    if row["plan_comparator"] == "qualitative":
        return ""
    shown = view.shown[view.shown["indicator"] == row["indicator"]]
    plan = snap.targets[snap.targets["code"].isin(shown["code"])]
    paths, rules = metrics.paths(plan, snap.actuals, year), briefing.target_rules(shown)
    wide, narrow = (charts.chart_svg(charts.trajectory(paths, rules, unit=row["unit"], lang=lang, text_size=size),
                                     width=width) for width, size in (_PROJECTOR, _PHONE))
    return _static.chart_html(wide, t("present.trajectory_alt", lang, name=row["code"]), narrow=narrow)


def present(view: OverviewView, changes: str, ctx: Context, snap: store.Snapshot, year: int) -> None:
    """One screen at a time; the screens are built once per view and reader and kept with the view."""
    key = ("present", tuple(sorted(ctx.link_params().items())), changes)
    pages, built = view.html.get(key) or view.html.setdefault(key, (screens(view, changes, ctx, snap, year), {}))
    last = len(pages) - 1

    def turn(step: int) -> None:  # before the run: both buttons are then drawn for the screen shown
        st.session_state["present_screen"] = min(max(st.session_state.get("present_screen", 0) + step, 0), last)

    index = min(st.session_state.get("present_screen", 0), last)
    # One row that stays a row on a phone (columns would stack the buttons above and below the counter).
    bar = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center", wrap=False)
    bar.button(t("present.previous", ctx.lang), disabled=index == 0, icon=":material/arrow_back:",
               on_click=turn, args=(-1,))
    bar.markdown(f"**{t('present.screen', ctx.lang, n=index + 1, total=len(pages))}**", width="content")
    bar.button(t("present.next", ctx.lang), disabled=index == last, icon=":material/arrow_forward:",
               on_click=turn, args=(1,))
    if index not in built:  # drawn once per view and reader, the first time a presenter reaches it
        built[index] = pages[index]()
    st.html(_briefing.CSS + _LARGE_TYPE + f'<div class="hue57-present" data-testid="hue57Screen">{built[index]}</div>')


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

    return st.toggle(t("present.toggle", ctx.lang), key="present", on_change=to_url)


