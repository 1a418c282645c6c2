"""The fixed bounds every upload is read within: the fast checks that name what was too big.

Two layers. The operating system's limits hold for every shape of file, including shapes nobody has
listed: each upload is parsed in a separate worker process with a hard limit on its address space,
its CPU time and its wall time (`hue57.ingest._worker`), so the server's memory never holds what a
parse builds. Inside that worker, the checks below are the fast path: each refuses a file early and
names what was too big (the shared-strings part, one row, one cell, the rows scanned), so the analyst
knows what to fix — a worker killed by its limit can only say "too big" or "too slow". Each stage is
bounded by a constant below:

- the upload itself: `MAX_BYTES`;
- an .xlsx: the sizes its zip directory declares — Python's zipfile stops at the declared size and
  fails the CRC check, so a part cannot expand past what it declares — in total (`MAX_UNZIPPED`), for
  the shared strings openpyxl loads whole (`MAX_SHARED_STRINGS`) and for every other XML part
  openpyxl parses whole (`MAX_XML_PART`);
- every XML part, streamed through expat before openpyxl sees it (constant memory): its elements —
  shared strings (`MAX_SHARED_ELEMENTS`, and `MAX_STRING_ELEMENTS` in one string: rich-text runs), worksheets (`MAX_SHEET_ELEMENTS`), styles and every other
  part (`MAX_PART_ELEMENTS`) —, its nesting depth (`MAX_XML_DEPTH`) and no DOCTYPE (no entities); for
  a worksheet also its rows (`MAX_SCANNED_ROWS`), the cells of one row (`MAX_ROW_CELLS`), the size of one `<row>` element (`MAX_ROW_XML`,
  openpyxl builds a whole row in memory) and whether a cell holds a formula;
- while openpyxl streams the rows (read-only, `iter_rows`): row numbers, including the blank rows it
  invents for gaps (`MAX_SCANNED_ROWS`), columns (`MAX_COLUMNS`), one cell's text (`MAX_CELL_TEXT`,
  a shared string used by many cells is refused at its first use, before it is copied anywhere), the
  text of all cells (`MAX_TEXT`), non-blank cells (`MAX_CELLS`) and time (`MAX_SECONDS`, every row);
- a CSV: `MAX_BYTES` bounds its text; lines — `\r\n`, `\n` and a lone `\r` each end one, as pandas
  splits them — (`MAX_SCANNED_ROWS`) and header columns are checked before pandas builds a frame.
"""

from __future__ import annotations

import math
import re
import time
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree
from xml.parsers import expat

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
MAX_SECONDS = 7.0  # the worker is killed 1.5 s later (`hue57.ingest._worker`): an answer within 10 s
MAX_ROW_CELLS = 16_384  # cells in one row: Excel's own last column (XFD)
# Elements of one XML part. A legitimate sheet of 100,000 rows × 10 filled cells has about 2.1 million
# (row, c, v); 500,000 distinct shared strings have a million (si, t); Excel allows 64,000 styles.
MAX_SHEET_ELEMENTS = 4_000_000
MAX_SHARED_ELEMENTS = 1_500_000
MAX_STRING_ELEMENTS = 3 * MAX_CELL_TEXT  # inside one shared string: a run per character at most
MAX_PART_ELEMENTS = 400_000
MAX_XML_DEPTH = 40  # SpreadsheetML nests about 10 deep (drawings); nothing legitimate nears 40
HEADER_ROWS = 20  # a header is looked for in this many rows from the top
MAX_FORMULA_CELLS = 10  # cells named in the message about formulas without values

_CHUNK = 1024 * 1024


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


class _Stop(Exception):  # noqa: N818 — raised out of an expat handler to end the scan
    def __init__(self, refusal: Refusal):
        super().__init__(refusal.key)
        self.refusal = refusal


_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _finite_number(text: str) -> bool:
    """Whether a number cell's text is what Excel writes for a number (and openpyxl can read): finite."""
    return _NUMBER.fullmatch(text) is not None and math.isfinite(float(text))


def _part_budget(name: str) -> int:
    if name.endswith("sharedStrings.xml"):
        return MAX_SHARED_ELEMENTS
    if name.startswith("xl/worksheets/"):
        return MAX_SHEET_ELEMENTS
    return MAX_PART_ELEMENTS


def scan_part(archive: zipfile.ZipFile, part: str, deadline: float) -> SheetScan:
    """Stream one XML part through expat in 1 MB chunks (constant memory, nothing kept): its elements
    against the part's budget, its depth, no DOCTYPE; for a worksheet its rows, the largest `<row>`
    element and whether any cell has a formula. Stops at the first bound broken."""
    budget = _part_budget(part)
    sheet = part.lstrip("/").startswith("xl/worksheets/")
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    state = {"elements": 0, "depth": 0, "rows": 0, "row_start": -1, "longest": 0, "formulas": False,
             "string_start": -1, "row_cells": 0, "cell": "", "cell_type": "n"}
    number: list[str] | None = None  # the text of a number cell's <v>, while it is read

    def refuse(key: str, **params) -> None:
        raise _Stop(Refusal(key, params))

    def start(name: str, attrs) -> None:
        nonlocal number
        state["elements"] += 1
        state["depth"] += 1
        if state["elements"] > budget:
            refuse("ingest.err.xml_elements", part=part, limit=budget)
        if state["depth"] > MAX_XML_DEPTH:
            refuse("ingest.err.xml_depth", part=part, limit=MAX_XML_DEPTH)
        if state["elements"] % 65536 == 0 and time.monotonic() > deadline:
            refuse("ingest.err.too_slow", limit=int(MAX_SECONDS))
        local = name.rsplit(":", 1)[-1]
        if state["string_start"] >= 0 and state["elements"] - state["string_start"] > MAX_STRING_ELEMENTS:
            refuse("ingest.err.rich_text_runs", part=part, limit=MAX_STRING_ELEMENTS)
        if local == "si":
            state["string_start"] = state["elements"]
        elif local == "v" and sheet and state["cell_type"] == "n":
            number = []
        elif local == "c" and sheet:
            state["cell"], state["cell_type"] = attrs.get("r", "?"), attrs.get("t", "n")
            state["row_cells"] += 1
            if state["row_cells"] > MAX_ROW_CELLS:
                refuse("ingest.err.row_cells", row=state["rows"], limit=MAX_ROW_CELLS)
        elif local == "row":
            state["rows"] += 1
            state["row_cells"] = 0
            state["row_start"] = parser.CurrentByteIndex
            if state["rows"] > MAX_SCANNED_ROWS:
                refuse("ingest.err.too_many_sheet_rows", limit=MAX_SCANNED_ROWS)
        elif local == "f":
            state["formulas"] = True

    def end(name: str) -> None:
        nonlocal number
        state["depth"] -= 1
        if number is not None:  # </v> of a number cell: openpyxl would fail on it without naming the cell
            text, number = "".join(number).strip(), None
            if text and not _finite_number(text):
                refuse("ingest.err.xlsx_not_number", cell=state["cell"], value=text[:40])
        if state["row_start"] >= 0 and name.rsplit(":", 1)[-1] == "row":
            state["longest"] = max(state["longest"], parser.CurrentByteIndex - state["row_start"])
            state["row_start"] = -1
            if state["longest"] > MAX_ROW_XML:
                refuse("ingest.err.row_too_large", row=state["rows"], size=megabytes(state["longest"]),
                       limit=MAX_ROW_XML // 2 ** 20)

    def doctype(*_args) -> None:
        refuse("ingest.err.not_xlsx")  # no spreadsheet program writes one; entities are never expanded

    def characters(text: str) -> None:
        if number is not None and len(number) < 64:
            number.append(text)

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = characters
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = doctype
    read = 0
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                parser.Parse(chunk, False)
                if state["row_start"] >= 0 and read - state["row_start"] > MAX_ROW_XML:  # a row still open
                    refuse("ingest.err.row_too_large", row=state["rows"], size=megabytes(read - state["row_start"]),
                           limit=MAX_ROW_XML // 2 ** 20)
                if time.monotonic() > deadline:
                    refuse("ingest.err.too_slow", limit=int(MAX_SECONDS))
            parser.Parse(b"", True)
    except _Stop as stop:
        return SheetScan(state["rows"], state["formulas"], stop.refusal)
    except (expat.ExpatError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return SheetScan(state["rows"], state["formulas"], Refusal("ingest.err.not_xlsx", {}))
    return SheetScan(state["rows"], state["formulas"])


def scan_parts(archive: zipfile.ZipFile, deadline: float) -> tuple[Refusal | None, dict[str, SheetScan]]:
    """Every XML part of the archive scanned (`scan_part`): the first refusal, or the scan of each part."""
    scans: dict[str, SheetScan] = {}
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue  # pictures and other binary parts are never parsed
        scan = scan_part(archive, info.filename, deadline)
        if scan.refusal is not None:
            return scan.refusal, scans
        scans[info.filename] = scan
    return None, scans


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
