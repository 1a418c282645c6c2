"""Presentation mode: large type, one indicator group per screen, previous / next, for a projector."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hue57 import metrics, views
from hue57.i18n import t
from hue57.ui._context import Context

# Our own constant style (never user text): larger type for a room reading a projector.
_LARGE_TYPE = """<style>
[data-testid="stVerticalBlockBorderWrapper"] [data-testid="stMarkdownContainer"] p { font-size: 1.4rem; }
[data-testid="stVerticalBlockBorderWrapper"] h3 { font-size: 1.9rem; }
</style>"""


def present(board: pd.DataFrame, ctx: Context) -> None:
    """One screen of targets at a time (whole groups kept together), with previous / next buttons."""
    screens = views.presentation_screens(board)
    index = min(st.session_state.get("present_screen", 0), len(screens) - 1)
    st.html(_LARGE_TYPE)
    left, middle, right = st.columns([1, 3, 1])
    if left.button(t("present.previous", ctx.lang), disabled=index == 0, icon=":material/arrow_back:"):
        st.session_state["present_screen"] = index - 1
        st.rerun()
    middle.markdown(f"**{t('present.screen', ctx.lang, n=index + 1, total=len(screens))}**")
    if right.button(t("present.next", ctx.lang), disabled=index == len(screens) - 1, icon=":material/arrow_forward:"):
        st.session_state["present_screen"] = index + 1
        st.rerun()
    name = "name_en" if ctx.lang == "en" else "name_vi"
    for _, row in board.loc[screens[index]].iterrows():
        with st.container(border=True):
            st.markdown(f"### {row['code']}. {row[name]}")
            st.markdown(f"{t('col.target', ctx.lang)}: {views.target_text(row, ctx.lang)}")
            st.markdown(f"**{views.status_text(row['status'], ctx.lang)}** — {metrics.explain(row, ctx.lang)}")


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
