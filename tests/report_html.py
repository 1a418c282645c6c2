"""Read back what the overview draws as HTML (tiles, chart, scorecard), the way a reader sees it."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tiles: list[list[str]] = []
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.images: list[dict] = []
        self.captions: list[str] = []
        self._cell: list[str] | None = None
        self._tile: list[str] | None = None
        self._caption: list[str] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and "hue57-tile" in (attrs.get("class") or "").split():
            self._tile = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a" and self._cell is not None:
            self.links.append(attrs.get("href", ""))
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "figcaption":
            self._caption = []

    def handle_endtag(self, tag):
        if tag == "li" and self._tile is not None:
            self.tiles.append(self._tile)
            self._tile = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "figcaption" and self._caption is not None:
            self.captions.append("".join(self._caption))
            self._caption = None

    def handle_data(self, data):
        for part in (self._cell, self._caption):
            if part is not None:
                part.append(data)
        if self._tile is not None and data.strip():
            self._tile.append(data)


def read(body: str) -> _Reader:
    reader = _Reader()
    reader.feed(body)
    return reader


def overview_block(at) -> str:
    """The HTML of the overview's report (tiles, chart and table) in an AppTest run."""
    blocks = [h.proto.body for h in at.get("html") if "hue57Tiles" in h.proto.body]
    assert len(blocks) == 1, f"expected one report block, found {len(blocks)}"
    return blocks[0]


def tiles(body: str) -> dict[str, int]:
    """{status label: count} from the tiles, in the order shown."""
    return {label: int(count) for count, label in read(body).tiles}


def scorecard(body: str) -> pd.DataFrame:
    """The scorecard as a frame (header row as columns, cells as read); `attrs["links"]` holds each link's
    address in row order."""
    reader = read(body)
    header, *rows = reader.rows
    frame = pd.DataFrame(rows, columns=header)
    frame.attrs["links"] = reader.links
    return frame


def overview_scorecard(at, code: str = "Mã") -> pd.DataFrame:
    """The overview's scorecard in an AppTest run, indexed by its code column (`attrs["links"]` as above)."""
    card = scorecard(overview_block(at))
    return card.set_index(code).__finalize__(card)


def text(body: str) -> str:
    """The block's visible text, its markup and style removed, white space collapsed."""
    import re  # noqa: PLC0415

    body = re.sub(r"<style>.*?</style>", "", body, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", __import__("html").unescape(body)).split())


def gap_rows(body: str) -> list[str]:
    """Each row of the gaps block as its visible text ('✔ Đã đạt · 4. … hạng 5/63 (2024) · mục tiêu top 5')."""
    import re  # noqa: PLC0415

    return [text(row) for row in re.findall(r'<a class="hue57-gap".*?</a>', body, flags=re.S)]


def page_tables(at) -> list[pd.DataFrame]:
    """Every static table a page drew (`ui.table`, and the overview's scorecard), in page order, each cell as read."""
    return [scorecard(h.proto.body) for h in at.get("html") if 'data-testid="hue57Table"' in h.proto.body]
