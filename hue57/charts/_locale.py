"""Vega's number format for the reader's language, so chart ticks read '0,75' in Vietnamese."""

from __future__ import annotations

import altair as alt

from hue57.i18n import normalise_lang

_NUMBER = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}


def localised(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """The finished chart with its axis and tooltip numbers written as `lang` writes them."""
    return chart.configure(locale={"number": _NUMBER[normalise_lang(lang)]})
