"""Charts rendered by Vega off screen (vl-convert): PNG files to download, and SVG to draw a chart on a
page without loading Vega in the browser; with a font that renders Vietnamese diacritics."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import altair as alt
import vl_convert as vlc

from hue57 import calendar

_FONT_DIRS = [Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu")]
_FONT = "Noto Sans"
_registered = False


def _register_fonts() -> None:
    global _registered
    if not _registered:
        for folder in _FONT_DIRS:
            if folder.is_dir():
                vlc.register_font_directory(str(folder))
        _registered = True


def _static_spec(chart: alt.TopLevelMixin, width: int) -> dict:
    """The chart's spec at a fixed width (a container width means nothing off screen), in our font."""
    _register_fonts()
    spec = chart.to_dict(validate=False)  # our builders are tested; validation costs more than the render
    spec["width"] = width - 300 if spec.get("width") == "container" else spec.get("width", width)
    spec.setdefault("config", {})
    for part in ("axis", "legend", "title", "header", "mark", "text"):
        spec["config"].setdefault(part, {})
    spec["config"]["font"] = _FONT
    return spec


def chart_png(chart: alt.TopLevelMixin, *, width: int = 1100, scale: float = 2.0) -> bytes:
    """The chart rendered to PNG at a fixed width."""
    return vlc.vegalite_to_png(_static_spec(chart, width), scale=scale)


def chart_svg(chart: alt.TopLevelMixin, *, width: int = 1100) -> str:
    """The chart rendered by Vega to SVG, at its drawn size (a page scales it down to fit).

    The SVG keeps Vega's structure and its `role`/`aria-label` attributes.
    """
    return vlc.vegalite_to_svg(_static_spec(chart, width))


def png_name(stem: str, on: dt.date | None = None) -> str:
    """A file name a leader can file: 'chi-tieu-7_2026-11-28.png' (ASCII, no spaces)."""
    ascii_stem = unicodedata.normalize("NFKD", stem.replace("đ", "d").replace("Đ", "D"))
    ascii_stem = re.sub(r"[^A-Za-z0-9.]+", "-", ascii_stem.encode("ascii", "ignore").decode()).strip("-")
    return f"{ascii_stem.lower()}_{(on or calendar.today()).isoformat()}.png"
