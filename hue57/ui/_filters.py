"""Filter widgets bound to the URL, so a copied address reproduces the view (read-only on a meeting link).

Streamlit's own `bind="query-params"` writes the *formatted* label into the URL, which would put
Vietnamese display text there; these widgets keep the plain value (`?code=8.1&status=met`) instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from hue57 import briefing
from hue57.ui._context import Context


def _bound_select(key: str, label: str, options: list[str], fmt: Callable[[str], str], default: str,
                  lang: str, draw: bool) -> str:
    """A select box whose value follows `?key=` on arrival and writes it back when the user changes it.

    The widget's own key carries the language, so switching language redraws its option labels. Not
    drawn, the value is the URL's: the widget writes every change there.
    """
    url_value = st.query_params.get(key)
    from_url = url_value if url_value in options else default
    if not draw:
        return from_url
    widget = f"{key}__{lang}"
    marker = f"_url_{key}"
    if widget not in st.session_state or st.session_state.get(marker) != url_value:
        st.session_state[widget] = from_url
        st.session_state[marker] = url_value

    def to_url() -> None:
        value = st.session_state[widget]
        if value == default:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = value
        st.session_state[marker] = st.query_params.get(key)

    return st.selectbox(label, options, format_func=fmt, key=widget, on_change=to_url)


def choice(ctx: Context, key: str, label: str, options: Sequence[str], fmt: Callable[[str], str],
           default: str = "", *, navigational: bool = False, draw: bool = True) -> str:
    """A select box whose value lives in the URL as `?key=value` ('' = all).

    On a meeting link a filter comes from the signed token only and the widget is disabled. A
    `navigational` choice (which indicator to open) stays free unless the token pins it: moving between
    pages of the same pinned snapshot shows nothing the link does not already show. With `draw=False`
    (filters in a closed popover) the same value is returned and nothing is drawn.
    """
    options = list(options)
    if "" not in options:
        options = ["", *options]
    if ctx.shared and not (navigational and key not in ctx.filters):
        value = str(ctx.filters.get(key, default))
        value = value if value in options else default
        if draw:
            st.selectbox(label, options, index=options.index(value), format_func=fmt, disabled=True,
                         key=f"shared_{key}__{ctx.lang}")
        return value
    return _bound_select(key, label, options, fmt, default if default in options else "", ctx.lang, draw) or ""


def as_of_year(ctx: Context, label: str, first: int = 2020, *, draw: bool = True) -> int:
    """The reporting year (`?year=`): actuals after it are ignored. A meeting link's year is fixed."""
    this_year = briefing.default_as_of()
    if ctx.shared:
        year = int(ctx.as_of_year or this_year)
        if draw:
            st.selectbox(label, [year], disabled=True, key=f"shared_year__{ctx.lang}")
        return year
    years = [str(y) for y in range(this_year, first - 1, -1)]
    return int(_bound_select("year", label, years, str, years[0], ctx.lang, draw))
