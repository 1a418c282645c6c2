"""The fixed bounds every upload is read within, and the checks of an .xlsx archive made before openpyxl parses it.

Why in-process streaming checks and not a child process with resource limits: the Streamlit server is
multi-threaded, so forking it per upload is unsafe and spawning a fresh interpreter (pandas, openpyxl)
costs about a second per upload; and a child killed by its limit can only say "too big", while a bound
checked here names what was too big (the shared-strings part, one row, one cell, the rows scanned), so
the analyst knows what to fix. Each stage is bounded by a constant below:

- the upload itself: `MAX_BYTES`;
- an .xlsx: the sizes its zip directory declares — Python's zipfile stops at the declared size and
  fails the CRC check, so a part cannot expand past what it declares — in total (`MAX_UNZIPPED`), for
  the shared strings openpyxl loads whole (`MAX_SHARED_STRINGS`) and for every other XML part
  openpyxl parses whole (`MAX_XML_PART`);
- a worksheet, streamed in chunks before openpyxl sees it: rows in the XML (`MAX_SCANNED_ROWS`) and
  the size of one `<row>` element (`MAX_ROW_XML`), since openpyxl builds a whole row in memory;
- while openpyxl streams the rows (read-only, `iter_rows`): row numbers, including the blank rows it
  invents for gaps (`MAX_SCANNED_ROWS`), columns (`MAX_COLUMNS`), one cell's text (`MAX_CELL_TEXT`,
  a shared string used by many cells is refused at its first use, before it is copied anywhere), the
  text of all cells (`MAX_TEXT`), non-blank cells (`MAX_CELLS`) and time (`MAX_SECONDS`);
- a CSV: `MAX_BYTES` bounds its text; lines (`MAX_SCANNED_ROWS`) and header columns are checked
  before pandas builds a frame.
"""

from __future__ import annotations

import re
import time
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000  # data rows
MAX_COLUMNS = 50
MAX_SCANNED_ROWS = MAX_ROWS + 5_000  # rows looked at, blank ones included
MAX_UNZIPPED = 60 * 1024 * 1024
MAX_SHARED_STRINGS = 16 * 1024 * 1024
MAX_XML_PART = 4 * 1024 * 1024  # styles, workbook, relationships …
MAX_SHEET_XML = 50 * 1024 * 1024
MAX_ROW_XML = 2 * 1024 * 1024
MAX_CELL_TEXT = 5_000  # characters; the longest column we keep (a note) allows 1,000
MAX_TEXT = 20_000_000  # characters in all cells read
MAX_CELLS = 2_000_000  # non-blank cells read
MAX_SECONDS = 8.0
HEADER_ROWS = 20  # a header is looked for in this many rows from the top
MAX_FORMULA_CELLS = 10  # cells named in the message about formulas without values

_CHUNK = 1024 * 1024
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_TAG_OVERLAP = 16  # bytes kept between chunks so a tag split across two chunks is still seen


def megabytes(size: int) -> float:
    """Rounded up to 0.1 MB, so a size just over a limit never reads as exactly at it."""
    return -(-size * 10 // (1024 * 1024)) / 10


@dataclass(frozen=True)
class Refusal:
    """A bound an upload broke: the i18n key and the values that fill it."""

    key: str
    params: dict


def check_archive(archive: zipfile.ZipFile) -> Refusal | None:
    """The declared sizes of an .xlsx's parts against the bounds (nothing is decompressed)."""
    infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED:
        return Refusal("ingest.err.unzipped_too_large", {"size": megabytes(total), "limit": MAX_UNZIPPED // 2 ** 20})
    for info in infos:
        name = info.filename
        if name == "xl/sharedStrings.xml" or name.endswith("/sharedStrings.xml"):
            limit = MAX_SHARED_STRINGS
        elif name.startswith("xl/worksheets/"):
            limit = MAX_SHEET_XML
        elif name.endswith((".xml", ".rels", ".vml")):
            limit = MAX_XML_PART
        else:
            continue  # pictures and other binary parts are never parsed
        if info.file_size > limit:
            return Refusal("ingest.err.part_too_large", {"part": name, "size": megabytes(info.file_size),
                                                         "limit": limit // 2 ** 20})
    return None


@dataclass(frozen=True)
class SheetScan:
    rows: int
    has_formulas: bool
    refusal: Refusal | None = None


def scan_sheet(archive: zipfile.ZipFile, part: str) -> SheetScan:
    """Stream one worksheet part in 1 MB chunks (constant memory): count its rows, measure the largest
    `<row>` element, and note whether any cell has a formula. Stops at the first bound broken."""
    rows, longest, offset, formulas = 0, 0, 0, False
    last_start: int | None = None
    tail = b""
    with archive.open(part) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            data = tail + chunk
            final = not chunk
            cut = len(data) if final else max(0, len(data) - _TAG_OVERLAP)  # tags starting later: next round
            for match in _ROW_TAG.finditer(data):
                if match.start() >= cut:
                    break
                start = offset + match.start()
                if last_start is not None:
                    longest = max(longest, start - last_start)
                last_start, rows = start, rows + 1
                if rows > MAX_SCANNED_ROWS:
                    return SheetScan(rows, formulas, Refusal("ingest.err.too_many_sheet_rows",
                                                             {"limit": MAX_SCANNED_ROWS}))
            formulas = formulas or _FORMULA_TAG.search(data) is not None
            if last_start is not None:
                longest = max(longest, offset + cut - last_start)
            if longest > MAX_ROW_XML:
                return SheetScan(rows, formulas, Refusal("ingest.err.row_too_large", {
                    "row": rows, "size": megabytes(longest), "limit": MAX_ROW_XML // 2 ** 20}))
            if final:
                return SheetScan(rows, formulas)
            tail, offset = data[cut:], offset + cut


def formulas_without_values(archive: zipfile.ZipFile, part: str, deadline: float) -> tuple[list[str], int]:
    """Cells of a worksheet holding a formula but no saved result (a file written by a program that
    does not calculate): the first `MAX_FORMULA_CELLS` cell names, and how many there are. Raises
    TimeoutError past `deadline` (a `time.monotonic()` value)."""
    names: list[str] = []
    count = 0
    with archive.open(part) as stream:
        for seen, (_event, element) in enumerate(ElementTree.iterparse(stream, events=("end",))):
            if seen % 4096 == 0 and time.monotonic() > deadline:
                raise TimeoutError(part)
            if element.tag.rsplit("}", 1)[-1] != "c":
                if element.tag.rsplit("}", 1)[-1] == "row":
                    element.clear()
                continue
            children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
            value = children.get("v")
            if "f" in children and (value is None or not (value.text or "").strip()):
                count += 1
                if len(names) < MAX_FORMULA_CELLS:
                    names.append(element.get("r", "?"))
    return names, count
