"""The compiled report's gap chart as a PNG: the overview's chart with every label whole (wrapped on two lines
rather than cut with "…") and all text in one font that holds Vietnamese and the status marks (✔ ≥ …), so no
glyph falls back to another face (the cause of labels mixing bold-italic and regular). Drawn once per content:
the PNG is kept by the hash of the chart's spec (same data version, same spec), in memory and in a temporary
folder, so a second build of the same snapshot does not draw it again."""

from __future__ import annotations

import hashlib
import json
import tempfile
import textwrap
from collections import OrderedDict
from pathlib import Path

FONT = "DejaVu Sans"  # Vietnamese, ✔ ▲ ► ▼ ✖ ⊘ … ○ and ≥ ≤ in one family (Noto Sans lacks the marks)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
LINE = 60  # characters a label line holds before it wraps
_MEMORY: OrderedDict[str, bytes] = OrderedDict()
_DISK = Path(tempfile.gettempdir()) / "hue57-charts"
_registered = False


def whole_label(icon: str, code: str, name: str) -> str:
    """'✔ 8.1. Tỉ lệ …|của người dân …': the whole name, wrapped at word boundaries ('|' separates lines)."""
    return "|".join(textwrap.wrap(f"{icon} {code}. {name}", LINE)) or f"{icon} {code}."


def _spec(chart, width: int) -> dict:
    spec = chart.to_dict(validate=False)
    spec["width"] = width - 420 if spec.get("width") == "container" else spec.get("width", width)
    spec["height"] = {"step": 50}
    for layer in spec.get("layer", [spec]):
        y = layer.get("encoding", {}).get("y")
        if isinstance(y, dict):
            y["axis"] = {**(y.get("axis") or {}), "labelLimit": 0, "labelExpr": "split(datum.label, '|')",
                         "labelLineHeight": 15, "labelFontSize": 12, "labelBaseline": "middle"}
    config = spec.setdefault("config", {})
    config["font"] = FONT
    for part in ("axis", "legend", "title", "text", "mark"):
        config.setdefault(part, {}).update({"font": FONT} if part in ("text", "mark") else
                                           {"labelFont": FONT, "titleFont": FONT} if part != "title" else {"font": FONT})
    return spec


_VERSION = "1"  # of the drawing below and of charts.gap_bars' look: change it when either changes


def rows_key(rows, lang: str, width: int, scale: float = 2.0) -> str:
    """The cache key of the chart of `rows` (the data version): the rows' content, the language and the size."""
    content = rows.to_json(orient="split", double_precision=10, force_ascii=False)
    return hashlib.sha256(json.dumps([_VERSION, content, lang, width, scale]).encode()).hexdigest()


def chart_png(chart, width: int, scale: float = 2.0, *, key: str | None = None) -> bytes:
    """The PNG of `chart` for the report (see the module docstring), from the cache when drawn before. `chart`
    may be a function giving the chart, called only when the image is not cached under `key`."""
    import vl_convert as vlc  # noqa: PLC0415 — Vega loads only when a chart is drawn

    global _registered
    spec = None
    if key is None:
        spec = _spec(chart() if callable(chart) else chart, width)
        key = hashlib.sha256(json.dumps([spec, scale], sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    if key in _MEMORY:
        _MEMORY.move_to_end(key)
        return _MEMORY[key]
    cached = _DISK / f"{key}.png"
    try:
        png = cached.read_bytes()
    except OSError:
        if not _registered and FONT_DIR.is_dir():
            vlc.register_font_directory(str(FONT_DIR))
            _registered = True
        if spec is None:
            spec = _spec(chart() if callable(chart) else chart, width)
        png = vlc.vegalite_to_png(spec, scale=scale)
        try:
            _DISK.mkdir(mode=0o700, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_bytes(png)
            tmp.replace(cached)
        except OSError:  # no writable temporary folder: memory only
            pass
    _MEMORY[key] = png
    while len(_MEMORY) > 8:
        _MEMORY.popitem(last=False)
    return png
