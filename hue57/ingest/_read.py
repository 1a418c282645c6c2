"""Uploaded bytes (CSV or Excel, as Vietnamese offices save them) → text cells under canonical column names.

Nothing here judges the values: every cell stays text as the user wrote it (Excel numbers also kept as
numbers), with the spreadsheet row it came from (header = row 1), so validation can name both.

Codes in Excel: a code typed into a number cell arrives as a float, so `8.10` cannot be told from `8.1`
unless the cell is text (the template formats the column as text) or shows two decimals (`0.00`).
A float cell is read as the number Excel shows: 8.1 → "8.1", 7.0 → "7".
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import itertools
import math
import re
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath

import numpy as np
import pandas as pd

from hue57.i18n import t
from hue57.ingest import _bounds
from hue57.ingest._bounds import (
    HEADER_ROWS,
    MAX_BYTES,
    MAX_CELL_TEXT,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SCANNED_ROWS,
    MAX_SECONDS,
    MAX_TEXT,
    megabytes,
)
from hue57.ingest._issues import Issues, empty_issues, row_list

ACTUALS_COLUMNS = ("code", "year", "value", "status", "source", "note", "basis", "band")
PROGRESS_COLUMNS = ("task_no", "period", "status", "progress_pct", "note", "evidence")
INFO_COLUMNS = ("row_no", "name", "unit", "target", "title", "agency")  # accepted and ignored
REQUIRED = {"actuals": ("code", "year", "source"), "progress": ("task_no", "period", "status")}

# Header spellings (folded: no diacritics, lower case, single spaces) → canonical name.
_ALIASES = {
    "code": ("code", "ma", "ma chi tieu", "ma so", "indicator code"),
    "year": ("year", "nam", "nam so lieu"),
    "value": ("value", "gia tri", "so lieu", "gia tri thuc hien", "thuc hien"),
    "status": ("status", "trang thai", "danh gia", "assessment"),
    "source": ("source", "nguon", "nguon so lieu"),
    "note": ("note", "notes", "ghi chu"),
    "basis": ("basis", "tren tong so", "ranked among", "out of"),
    "band": ("band", "nhom xep hang", "rank band"),
    "task_no": ("task_no", "task no", "task", "stt nhiem vu", "nhiem vu", "so thu tu nhiem vu"),
    "period": ("period", "ky", "ky bao cao"),
    "progress_pct": ("progress_pct", "progress pct", "progress", "progress (%)", "progress %",
                     "tien do (%)", "tien do", "tien do %"),
    "evidence": ("evidence", "minh chung"),
    "row_no": ("stt", "no", "no.", "#", "so thu tu"),
    "name": ("name", "ten chi tieu", "chi tieu", "indicator", "ten"),
    "unit": ("unit", "don vi", "don vi tinh"),
    "target": ("target", "muc tieu", "muc tieu 2030", "muc tieu 2045"),
    "title": ("title", "ten nhiem vu", "noi dung nhiem vu", "noi dung"),
    "agency": ("agency", "lead agency", "co quan chu tri", "co quan"),
}
HEADER_OF = {alias: canonical for canonical, aliases in _ALIASES.items() for alias in aliases}
_PROGRESS_ONLY = {"task_no", "period", "progress_pct", "evidence"}
_ACTUALS_ONLY = {"code", "year", "value", "source"}
_DATA_HEADERS = set(ACTUALS_COLUMNS) | set(PROGRESS_COLUMNS)
# A trailing row without any of these is not data (a signature block: "Người lập biểu", "GIÁM ĐỐC").
_ROW_KEYS = {"actuals": ("code", "value", "status"), "progress": ("task_no", "status", "progress_pct")}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .xlsx protected by a password
_ZIP_MAGIC = b"PK\x03\x04"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def header_names(name: str) -> str:
    """A canonical column as the template heads it in both languages: 'Nguồn / source'."""
    return f"{t(f'ingest.header.{name}', 'vi')} / {t(f'ingest.header.{name}', 'en')}"


def fold(text: object) -> str:
    """Header or label text compared loosely: no diacritics (đ → d), lower case, single spaces."""
    s = unicodedata.normalize("NFKD", str(text).replace("\ufeff", "")).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip().strip('"').strip().rstrip("*:").strip()
    return s


@dataclass
class ParsedUpload:
    """An upload read into text cells: canonical columns, the user's headers and spreadsheet rows.

    `cells` holds every data cell as stripped text ('' when blank); `numbers` holds the cells Excel
    stored as numbers (NaN elsewhere, None for CSV); `rows[i]` is the spreadsheet row of `cells` row i.
    `issues` lists what made the file unreadable (then `cells` is empty); `notices` what was read in a
    way worth knowing (title rows above the header, a signature block below the data, another sheet).
    """

    filename: str
    sha256: str
    size: int
    format: str = ""  # csv | xlsx
    kind: str | None = None  # actuals | progress
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)
    numbers: pd.DataFrame | None = None
    headers: dict[str, str] = field(default_factory=dict)
    rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype="int64"))
    delimiter: str | None = None
    issues: pd.DataFrame = field(default_factory=empty_issues)
    notices: pd.DataFrame = field(default_factory=empty_issues)
    peak_mb: dict[str, float] = field(default_factory=dict)  # the parse worker's VmPeak and VmHWM, in MB

    @property
    def readable(self) -> bool:
        return len(self.issues) == 0


@dataclass
class _Table:
    header: list[str]
    cells: list[list[str]] | pd.DataFrame
    numbers: list[list[float]] | None
    rows: np.ndarray
    delimiter: str | None = None


class _Bound(Exception):
    """A bound broken while reading: `key` and `params` make the message."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params


def refused_upload(data: bytes, filename: str, key: str, **params) -> ParsedUpload:
    """An upload refused as a whole (its parse was stopped): one issue, no cells."""
    issues = Issues()
    issues.add(key, **params)
    return ParsedUpload(filename=PurePath(str(filename or "")).name, sha256=hashlib.sha256(data).hexdigest(),
                        size=len(data), issues=issues.frame())


def read_upload(data: bytes, filename: str, *, sheet: str | None = None) -> ParsedUpload:
    """Read an uploaded file in this process; problems that make it unreadable are returned in `.issues`,
    never raised. Uploads come through `hue57.ingest.parse_upload`, which calls this in a limited worker.

    `sheet`: in a workbook, read only the sheet of that title (an agency's report form holds a task sheet
    and an indicator sheet); a workbook without it reads as empty.
    """
    name = PurePath(str(filename or "")).name
    result = ParsedUpload(filename=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    issues, notices = Issues(), Issues()
    ext = PurePath(name).suffix.lower()
    if len(data) > MAX_BYTES:
        issues.add("ingest.err.too_large", value=name, size=megabytes(len(data)), limit=MAX_BYTES // 1024 // 1024)
    elif ext in (".xls", ".xlsm", ".xlsb", ".ods"):
        issues.add("ingest.err.old_excel", value=name)
    elif ext not in (".csv", ".xlsx"):
        issues.add("ingest.err.extension", value=name)
    elif not data.replace(b"\xef\xbb\xbf", b"").strip():
        issues.add("ingest.err.empty", value=name)
    else:
        result.format = ext[1:]
        try:
            table = _read_xlsx(data, issues, notices, sheet) if ext == ".xlsx" else _read_csv(data, issues, notices)
        except _Bound as bound:
            issues.add(bound.key, **bound.params)
            table = None
        if table is not None and not len(issues):
            _columns(table, result, issues, notices)
    result.issues = issues.frame()
    result.notices = notices.frame()
    if len(result.issues):
        result.cells, result.numbers, result.rows, result.kind = pd.DataFrame(), None, np.zeros(0, "int64"), None
        result.notices = empty_issues()
    return result


def header_at(records: list[list]) -> int | None:
    """The first of the top `HEADER_ROWS` rows naming at least two data columns (a title block —
    "UBND THÀNH PHỐ …", "BIỂU TỔNG HỢP …" — may sit above it); None when no row does."""
    for i, record in enumerate(records[:HEADER_ROWS]):
        named = {HEADER_OF.get(fold(c)) for c in record if c is not None and str(c).strip()}
        if len(named & _DATA_HEADERS) >= 2:
            return i
    return None


def _note_title(notices: Issues, records: list[tuple[int, list]]) -> None:
    """The rows above the header that held something, named in a notice (their text shortened)."""
    filled = [(n, [str(c).strip() for c in r if c is not None and str(c).strip()]) for n, r in records]
    filled = [(n, cells) for n, cells in filled if cells]
    if filled:
        notices.add("ingest.note.title_rows", value=" · ".join(" ".join(c) for _, c in filled),
                    rows=row_list([n for n, _ in filled]), count=len(filled))


# --- CSV ------------------------------------------------------------------------------------------

def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes look like UTF-16 text saved without a byte-order mark
    (most characters of a CSV are ASCII, so every other byte is zero), else None."""
    head = data[:4096]
    head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _decode(data: bytes, issues: Issues) -> str | None:
    if data.startswith(_ZIP_MAGIC):
        issues.add("ingest.err.csv_is_xlsx")
        return None
    if data.startswith(_OLE_MAGIC):
        issues.add("ingest.err.old_excel")
        return None
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            issues.add("ingest.err.not_text")
            return None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            head = data[:4096]
            if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100:
                issues.add("ingest.err.not_text")
            else:
                line = data[: exc.start].count(b"\n") + 1
                issues.add("ingest.err.encoding", row=line, value=data[exc.start: exc.start + 8].hex(" "))
            return None
    text = text.lstrip("\ufeff").rstrip("\x1a")  # byte-order mark; DOS end-of-file marker
    controls = len(_CONTROL.findall(text[:65536]))
    if "\x00" in text or controls > max(2, len(text[:65536]) // 200):
        issues.add("ingest.err.not_text")
        return None
    return text


def _sniff_delimiter(text: str) -> str:
    """`;`, `,` or tab: whichever the header line (quoted parts removed) uses most; `,` on a tie."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    bare = re.sub(r'"[^"]*"', "", first)
    counts = {d: bare.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _find_csv_header(text: str) -> tuple[str, int, list[tuple[int, list]]]:
    """(delimiter, lines above the header, those rows) — the header is the first of the top rows that
    names two data columns under some delimiter; without one, the first line's delimiter and no rows."""
    head = "\n".join(text.split("\n", HEADER_ROWS + 1)[:HEADER_ROWS])
    best: tuple[int, str, int, list] | None = None
    for delimiter in (";", ",", "\t"):
        reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter, quotechar='"')
        records, lines = [], []
        try:
            for record in reader:
                records.append(record)
                lines.append(reader.line_num)
        except csv.Error:
            continue
        at = header_at(records)
        if at is None:
            continue
        named = len({HEADER_OF.get(fold(c)) for c in records[at]} & _DATA_HEADERS)
        if best is None or named > best[0]:
            above = lines[at - 1] if at else 0
            best = (named, delimiter, above, list(enumerate(records[:at], start=1)))
    if best is None:
        return _sniff_delimiter(text), 0, []
    return best[1], best[2], best[3]


def _read_csv(data: bytes, issues: Issues, notices: Issues) -> _Table | None:
    text = _decode(data, issues)
    if text is None:
        return None
    # pandas ends a line at \r\n, \n or a lone \r (a Mac's CSV): one ending from here on, so every count
    # below counts the lines pandas will see (blank ones too: each would become a row of the frame).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\n") > MAX_SCANNED_ROWS:
        raise _Bound("ingest.err.too_many_sheet_rows", limit=MAX_SCANNED_ROWS)
    delimiter, above, title = _find_csv_header(text)
    if above:
        _note_title(notices, title)
        cut = 0
        for _ in range(above):
            cut = text.index("\n", cut) + 1
        text = text[cut:]
    first_line = text.split("\n", 1)[0]
    if first_line.count(delimiter) + 1 > MAX_COLUMNS:
        raise _Bound("ingest.err.too_many_columns", limit=MAX_COLUMNS)
    try:  # fast path: the C parser
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str, keep_default_na=False,
                            na_filter=False, skip_blank_lines=False, quotechar='"', engine="c")
    except pd.errors.EmptyDataError:
        issues.add("ingest.err.empty")
        return None
    except (pd.errors.ParserError, ValueError):
        return _read_csv_slow(text, delimiter, issues, above)
    frame.columns = range(frame.shape[1])
    frame = frame.fillna("")
    blank = (frame == "").all(axis=1).to_numpy()
    if blank.all():
        issues.add("ingest.err.empty")
        return None
    first = int(np.argmax(~blank))
    header = [str(h) for h in frame.iloc[first].tolist()]
    body = frame.iloc[first + 1:].reset_index(drop=True)
    start = above + first + 2
    return _Table(header, body, None, np.arange(start, start + len(body), dtype="int64"), delimiter)


def _read_csv_slow(text: str, delimiter: str, issues: Issues, above: int = 0) -> _Table | None:
    """The careful path, taken when the C parser refuses the file: name each row with more cells than
    the header, or the row where a quote opens and never closes."""
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True)
    try:
        for record in reader:
            records.append(record)
    except csv.Error:
        issues.add("ingest.err.csv_quote", row=above + len(records) + 1)
        return None
    first = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), None)
    if first is None:
        issues.add("ingest.err.empty")
        return None
    header = records[first]
    width = len(header)
    body = []
    for offset, record in enumerate(records[first + 1:], start=above + first + 2):
        # More cells than headers: even when the extra cell is empty the row is refused, since
        # `7,2024,30,5,niên giám,` (a decimal comma splitting the value) shifts every later cell.
        if len(record) > width and any(c.strip() for c in record):
            issues.add("ingest.err.extra_cells", row=offset, value=delimiter.join(record)[:80],
                       cells=len(record), header=width, sep=_sep_name(delimiter))
        body.append((record + [""] * width)[:width])
    if len(issues):
        return None
    frame = pd.DataFrame(body, columns=range(width), dtype=str) if body else pd.DataFrame(columns=range(width))
    start = above + first + 2
    return _Table(header[:width], frame, None, np.arange(start, start + len(body), dtype="int64"), delimiter)


def _sep_name(delimiter: str) -> str:
    return {"\t": "TAB"}.get(delimiter, delimiter)


# --- Excel ------------------------------------------------------------------------------------------

def _read_xlsx(data: bytes, issues: Issues, notices: Issues, only: str | None = None) -> _Table | None:
    if data.startswith(_OLE_MAGIC):
        issues.add("ingest.err.old_excel")
        return None
    if not data.startswith(_ZIP_MAGIC):
        looks_text = b"\x00" not in data[:4096] and _CONTROL.search(data[:4096].decode("utf-8", "replace")) is None
        issues.add("ingest.err.xlsx_is_text" if looks_text else "ingest.err.not_xlsx")
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        issues.add("ingest.err.not_xlsx")
        return None
    with archive:
        if "xl/workbook.xml" not in names:
            issues.add("ingest.err.not_xlsx")
            return None
        refusal = _bounds.check_archive(archive)  # before anything is decompressed
        deadline = time.monotonic() + MAX_SECONDS
        if refusal is None:  # every XML part streamed through expat before openpyxl parses any
            refusal, scans = _bounds.scan_parts(archive, deadline)
        if refusal is not None:
            issues.add(refusal.key, **refusal.params)
            return None
        import openpyxl  # noqa: PLC0415 — only Excel uploads need it

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except MemoryError:
            raise  # the worker's limit: refused as such by `hue57.ingest._worker`
        except Exception:  # noqa: BLE001 — any failure to open user bytes is "not a workbook"
            issues.add("ingest.err.not_xlsx")
            return None
        try:
            return _xlsx_rows(book, archive, scans, deadline, issues, notices, only)
        except (_Bound, MemoryError):
            raise
        except Exception:  # noqa: BLE001 — a damaged sheet part
            issues.add("ingest.err.not_xlsx")
            return None
        finally:
            book.close()


def _sheet_rows(sheet, deadline: float):
    """(row number, cells) for every row of a read-only sheet, blank ones included, within the bounds."""
    text = cells = 0
    # The declared dimension may be wrong (some tools write "A1"): read the cells each row really has.
    sheet.reset_dimensions()
    for number, row in enumerate(sheet.iter_rows(min_row=1), start=1):
        if number > MAX_SCANNED_ROWS:  # also the blank rows openpyxl invents for a gap (a cell at row 1,048,576)
            raise _Bound("ingest.err.too_many_sheet_rows", limit=MAX_SCANNED_ROWS)
        if time.monotonic() > deadline:  # every row: openpyxl may spend a second on one wide row
            raise _Bound("ingest.err.too_slow", limit=int(MAX_SECONDS))
        row = row[:MAX_COLUMNS]
        for i, cell in enumerate(row):
            value = getattr(cell, "value", None)
            if value is None:
                continue
            cells += 1
            if isinstance(value, str):
                if len(value) > MAX_CELL_TEXT:  # refused at its first use, before any copy is made
                    raise _Bound("ingest.err.cell_too_long", row=number, column=_column_letter(i),
                                 length=len(value), limit=MAX_CELL_TEXT)
                text += len(value)
        if text > MAX_TEXT:
            raise _Bound("ingest.err.text_too_large", limit=MAX_TEXT)
        if cells > MAX_CELLS:
            raise _Bound("ingest.err.too_many_cells", limit=MAX_CELLS)
        yield number, row


def _blank(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _xlsx_rows(book, archive: zipfile.ZipFile, scans: dict[str, _bounds.SheetScan], deadline: float,
               issues: Issues, notices: Issues, only: str | None = None) -> _Table | None:
    sheets = [s for s in book.worksheets if only is None or s.title == only]
    if not sheets:
        issues.add("ingest.err.empty")
        return None
    chosen = fallback = None
    for sheet in sheets:  # the first sheet with a recognisable header among its top rows
        part = sheet._worksheet_path
        scan = scans.get(part.lstrip("/")) or _bounds.scan_part(archive, part, deadline)
        if scan.refusal is not None:
            issues.add(scan.refusal.key, **scan.refusal.params)
            return None
        stream = _sheet_rows(sheet, deadline)
        top = list(itertools.islice(stream, HEADER_ROWS))
        at = header_at([_values(r) for _, r in top])
        if at is not None:
            chosen = (sheet, stream, top, at, scan)
            break
        if fallback is None and any(not _blank(_values(r)) for _, r in top):
            fallback = (sheet, stream, top, None, scan)
    if chosen is None and fallback is None:
        issues.add("ingest.err.empty")
        return None
    sheet, stream, top, at, scan = chosen or fallback
    if sheet is not sheets[0] and only is None:
        notices.add("ingest.note.sheet", value=sheet.title, sheet=sheet.title, first=sheets[0].title)
    if scan.has_formulas:
        try:
            names, count = _bounds.formulas_without_values(archive, sheet._worksheet_path, deadline)
        except TimeoutError:
            raise _Bound("ingest.err.too_slow", limit=int(MAX_SECONDS)) from None
        if count:
            issues.add("ingest.err.formula_no_value", value=", ".join(names), sheet=sheet.title, count=count,
                       cells=", ".join(names) + (" …" if count > len(names) else ""))
            return None
    if at is None:  # no recognisable header: the first filled row stands as one, and is named as unknown
        at = next(i for i, (_, r) in enumerate(top) if not _blank(_values(r)))
    else:
        _note_title(notices, [(n, _values(r)) for n, r in top[:at]])
    header = ["" if v is None else str(v) for v in _values(top[at][1])]
    code_col = next((i for i, h in enumerate(header) if HEADER_OF.get(fold(h)) == "code"), -1)
    texts: list[list[str]] = []
    numbers: list[list[float]] = []
    rows: list[int] = []
    for number, row in itertools.chain(top[at + 1:], stream):
        if _blank(_values(row)):
            continue  # blank rows are dropped anyway; the rows kept carry their own numbers
        text_row, num_row = [], []
        for i, cell in enumerate(row):
            text, num = _xlsx_cell(cell.value, getattr(cell, "number_format", "General") or "General",
                                   as_code=i == code_col)
            text_row.append(text)
            num_row.append(num)
        texts.append(text_row)
        numbers.append(num_row)
        rows.append(number)
        if len(rows) > MAX_ROWS:  # past the limit: stop reading, the count is reported
            break
    width = max([len(header)] + [len(r) for r in texts])
    header = header + [""] * (width - len(header))
    texts = [r + [""] * (width - len(r)) for r in texts]
    numbers = [r + [math.nan] * (width - len(r)) for r in numbers]
    return _Table(header, texts, numbers, np.asarray(rows, dtype="int64"))


def _values(row) -> list:
    return [getattr(c, "value", None) for c in row]


def _number_text(value: float | int) -> str:
    if abs(value) >= 1e15:  # past what Excel shows digit by digit: 1.7e+308, not 309 digits
        return repr(float(value))
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def _xlsx_cell(value, number_format: str, *, as_code: bool) -> tuple[str, float]:
    """A cell as (text as the sheet shows it, number or NaN). Percent-formatted cells are in points."""
    if value is None:
        return "", math.nan
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), math.nan
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            return str(value), math.nan
        if as_code:
            decimals = re.fullmatch(r"0\.(0+)", number_format.strip())
            if decimals and not float(value).is_integer():
                return f"{value:.{len(decimals.group(1))}f}", math.nan
            return _number_text(value), math.nan
        if "%" in number_format:
            points = float(Decimal(repr(float(value))) * 100)
            return _number_text(points) + "%", points
        return _number_text(value), float(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat(), math.nan
    return str(value), math.nan


# --- columns ---------------------------------------------------------------------------------------

def _columns(table: _Table, result: ParsedUpload, issues: Issues, notices: Issues) -> None:
    """Name the columns, decide the kind of file, keep the data columns (issues for the rest)."""
    if isinstance(table.cells, pd.DataFrame):
        cells = table.cells
        cells.columns = range(cells.shape[1])
    else:
        cells = pd.DataFrame(table.cells, columns=range(len(table.header)), dtype=str) if table.cells \
            else pd.DataFrame(columns=range(len(table.header)), dtype=str)
    cells = cells.astype(str)
    numbers = None
    if table.numbers is not None:
        numbers = pd.DataFrame(table.numbers, columns=range(len(table.header)), dtype="float64") \
            if table.numbers else pd.DataFrame(columns=range(len(table.header)), dtype="float64")
    for col in cells.columns:
        cells[col] = cells[col].str.strip()
    canon = [HEADER_OF.get(fold(h)) for h in table.header]
    named = {c for c in canon if c}
    kind = "progress" if named & _PROGRESS_ONLY else ("actuals" if named & _ACTUALS_ONLY else None)
    result.delimiter = table.delimiter
    if kind is None:
        issues.add("ingest.err.unknown_layout", value=" | ".join(h.strip() for h in table.header)[:80])
        return
    allowed = set(ACTUALS_COLUMNS if kind == "actuals" else PROGRESS_COLUMNS) | set(INFO_COLUMNS)
    keep: dict[str, int] = {}
    headers: dict[str, str] = {}
    for pos, (raw, name) in enumerate(zip(table.header, canon, strict=True)):
        text = raw.replace("\ufeff", "").strip()
        if not text:
            if (cells[pos] != "").any():
                first = int(np.argmax((cells[pos] != "").to_numpy()))
                issues.add("ingest.err.no_header", row=int(table.rows[first]), column=_column_letter(pos),
                           value=cells[pos].iloc[first])
            continue
        if name is None or name not in allowed:
            issues.add(f"ingest.err.unknown_column_{kind}", row=1, column=text, value=text)
            continue
        if name in headers:
            issues.add("ingest.err.duplicate_column", row=1, column=text, value=text, first=headers[name])
            continue
        headers[name] = text
        if name not in INFO_COLUMNS:
            keep[name] = pos
    missing = [name for name in REQUIRED[kind] if name not in headers]
    if kind == "actuals" and "value" not in headers and "status" not in headers:
        missing.append("value")
    for name in missing:
        issues.add("ingest.err.missing_column", row=1, column=header_names(name),
                   vi=t(f"ingest.header.{name}", "vi"), en=t(f"ingest.header.{name}", "en"))
    if len(issues):
        return
    data = pd.DataFrame({name: cells[pos] for name, pos in keep.items()}, index=cells.index)
    blank = (data == "").all(axis=1).to_numpy() | _footer(cells, keep, kind, table.rows, notices)
    if numbers is not None:
        nums = pd.DataFrame({name: numbers[pos] for name, pos in keep.items()}, index=numbers.index)
        nums = nums.iloc[~blank].reset_index(drop=True)
    data = data.iloc[~blank].reset_index(drop=True)
    rows = table.rows[~blank]
    if not len(data):
        issues.add("ingest.err.header_only")
        return
    if len(data) > MAX_ROWS:
        issues.add("ingest.err.too_many_rows", limit=MAX_ROWS)
        return
    result.kind, result.cells, result.rows, result.headers = kind, data, rows, headers
    result.numbers = nums if numbers is not None else None


def _footer(cells: pd.DataFrame, keep: dict[str, int], kind: str, rows: np.ndarray, notices: Issues) -> np.ndarray:
    """Rows after the last one with a code or a value (task, status, progress for progress files) that
    hold only other text — a signature block ("Người lập biểu", "GIÁM ĐỐC") — marked, and named in a notice."""
    keys = [keep[k] for k in _ROW_KEYS[kind] if k in keep]
    footer = np.zeros(len(cells), dtype=bool)
    if not keys or not len(cells):
        return footer
    keyed = np.flatnonzero((cells[keys] != "").any(axis=1).to_numpy())
    if not len(keyed):  # nothing is data: every row gets its own errors instead
        return footer
    last = keyed[-1]
    filled = (cells != "").any(axis=1).to_numpy()
    footer[last + 1:] = filled[last + 1:]
    if footer.any():
        words = [c for c in cells.iloc[np.flatnonzero(footer)].to_numpy().ravel().tolist() if c]
        notices.add("ingest.note.footer", value=" · ".join(dict.fromkeys(words)), rows=row_list(rows[footer]),
                    count=int(footer.sum()))
    return footer


def _column_letter(pos: int) -> str:
    letters = ""
    pos += 1
    while pos:
        pos, rem = divmod(pos - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
