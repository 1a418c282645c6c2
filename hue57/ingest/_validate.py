"""Checking a parsed upload against the plan: every problem at once, each naming row, column, value and fix.

The happy path is vectorised (pandas masks over whole columns); Python loops run only over distinct
values (codes, statuses) or over rows already found wrong.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa

from hue57 import calendar
from hue57.i18n import normalise_lang, t
from hue57.ingest._issues import LISTED, Issues, empty_issues, map_distinct, render, row_list
from hue57.ingest._numbers import file_convention, parse_numbers, shapes, to_float
from hue57.ingest._read import ParsedUpload, fold, header_names
from hue57.store._plan import band_start

QUALITATIVE_STATUSES = ("met", "on_track", "moderate", "insufficient", "regressing")
PROGRESS_STATUSES = ("not_started", "in_progress", "done")
ACTUAL_ROW_COLUMNS = ["code", "year", "value", "status", "source", "note", "basis", "band"]
PROGRESS_ROW_COLUMNS = ["task_no", "period", "status", "progress_pct", "note", "evidence"]
FIRST_YEAR = 2000
MAX_SOURCE = 500
MAX_NOTE = 1000


def this_year() -> int:
    return calendar.today().year


def _label(text: object) -> str:
    return fold(text).replace("-", " ").replace("_", " ")


def _labels(keys: tuple[str, ...], catalogue_prefix: str, extra: dict[str, str]) -> dict[str, str]:
    """Folded label → canonical status: the key itself and its Vietnamese and English labels."""
    out = {_label(k): k for k in keys}
    for k in keys:
        for lang in ("vi", "en"):
            out[_label(t(f"{catalogue_prefix}{k}", lang))] = k
    out.update({_label(a): k for a, k in extra.items()})
    return out


STATUS_OF = _labels(QUALITATIVE_STATUSES, "status.", {"đạt": "met", "dat": "met", "needs acceleration": "moderate",
                                                       "too slow": "insufficient"})
PROGRESS_STATUS_OF = _labels(PROGRESS_STATUSES, "ingest.progress.", {
    "chưa thực hiện": "not_started", "đã hoàn thành": "done", "đang triển khai": "in_progress",
    "not started": "not_started", "in progress": "in_progress", "completed": "done"})

ACTUALS_SCHEMA = pa.DataFrameSchema(
    {
        "code": pa.Column(str, pa.Check.str_length(1, 20)),
        "year": pa.Column("int64"),
        "value": pa.Column("float64", nullable=True),
        "status": pa.Column(None, pa.Check.isin(list(QUALITATIVE_STATUSES)), nullable=True),
        "source": pa.Column(str, pa.Check.str_length(1, MAX_SOURCE)),
        "note": pa.Column(None, nullable=True),
        "basis": pa.Column("Int64", pa.Check.ge(1), nullable=True),
        "band": pa.Column(None, nullable=True),
    },
    strict=True, ordered=True, name="actuals upload",
)
PROGRESS_SCHEMA = pa.DataFrameSchema(
    {
        "task_no": pa.Column("int64", pa.Check.ge(1)),
        "period": pa.Column(str, pa.Check.str_matches(r"^\d{4}-H[12]$")),
        "status": pa.Column(str, pa.Check.isin(list(PROGRESS_STATUSES))),
        "progress_pct": pa.Column("float64", pa.Check.in_range(0, 100), nullable=True),
        "note": pa.Column(None, nullable=True),
        "evidence": pa.Column(None, nullable=True),
    },
    strict=True, ordered=True, name="progress upload",
)


@dataclass
class ValidationReport:
    """The verdict on one upload: `ok`, the errors (row, column, value, message) and the rows to store.

    `rows` holds canonical actuals (code, year, value, status, source, note, basis, band) or progress
    (task_no, period, status, progress_pct, note, evidence) and is empty unless `ok`. A blank basis or
    band is missing (NA/None): the store then keeps the cell's stored one (`store.commit_upload`). `notices` tell the user what
    was read in a way worth knowing (code 26 stored as 7, blank template rows skipped, how `1.234`
    was read). `mapped` lists the rows whose code was stored under its indicator's code.
    """

    ok: bool
    kind: str | None
    lang: str
    errors: pd.DataFrame
    rows: pd.DataFrame
    notices: pd.DataFrame
    filename: str = ""
    sha256: str = ""
    mapped: pd.DataFrame = field(default_factory=lambda: _no_mapping())
    units: dict[str, dict[str, str]] = field(default_factory=dict)  # code → {"vi": unit, "en": unit}
    issues: pd.DataFrame = field(default_factory=empty_issues, repr=False)
    notice_issues: pd.DataFrame = field(default_factory=empty_issues, repr=False)
    error_count: int = 0  # every problem found; `issues` keeps the first LISTED of each kind in full
    error_kinds: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)  # key, column, count, first_row
    # Where each of `rows` came from, for checks that need the database (`hue57.ingest._scale`):
    # its spreadsheet row, its value cell as written, and the value column's header as written.
    row_numbers: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype="int64"), repr=False)
    value_text: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object), repr=False)
    value_header: str = ""


def _no_mapping() -> pd.DataFrame:
    return pd.DataFrame(columns=["row", "code_in_file", "code", "year"])


def validate(parsed: ParsedUpload, targets: pd.DataFrame, lang: str = "vi", *,
             tasks: pd.DataFrame | None = None) -> ValidationReport:
    """Check every row of `parsed` against the plan (`targets`; `tasks` for progress files)."""
    lang = normalise_lang(lang)
    issues, notices = Issues(), Issues()
    issues.extend(parsed.issues)
    notices.extend(parsed.notices)
    rows = pd.DataFrame(columns=ACTUAL_ROW_COLUMNS)
    mapped = _no_mapping()
    origin: dict = {}
    unit_vi = targets["unit_vi"] if "unit_vi" in targets else targets["unit"]
    unit_vi = unit_vi.astype(object).where(unit_vi.fillna("").astype(str).str.strip() != "", targets["unit"])
    units = {code: {"en": str(en), "vi": str(vi)}
             for code, en, vi in zip(targets["code"].astype(str), targets["unit"], unit_vi, strict=True)}
    if parsed.readable and parsed.kind == "actuals":
        rows, mapped = _actuals(parsed, targets, issues, notices, origin)
    elif parsed.readable and parsed.kind == "progress":
        if tasks is None:
            from hue57 import store  # noqa: PLC0415 — the plan's own tasks when none are given

            tasks = store.read_plan_tasks()
        rows = _progress(parsed, tasks, issues, notices)
    issue_frame, notice_frame = issues.frame(), notices.frame()
    ok = len(issue_frame) == 0
    if ok:
        schema = ACTUALS_SCHEMA if parsed.kind == "actuals" else PROGRESS_SCHEMA
        rows = schema.validate(rows)  # the contract with the store: a failure here is a bug, not user error
    else:
        rows = rows.iloc[0:0]
    return ValidationReport(ok=ok, kind=parsed.kind, lang=lang, errors=render(issue_frame.head(LISTED), lang),
                            rows=rows, error_count=len(issues), error_kinds=issues.kinds(),
                            notices=render(notice_frame, lang), filename=parsed.filename, sha256=parsed.sha256,
                            mapped=mapped if ok else mapped.iloc[0:0], units=units, issues=issue_frame,
                            notice_issues=notice_frame, **(origin if ok else {}))


# --- shared helpers -------------------------------------------------------------------------------

class _Columns:
    """The parsed columns of one file, with blanks for the optional ones it does not have."""

    def __init__(self, parsed: ParsedUpload, keep: np.ndarray):
        self.cells = parsed.cells.iloc[keep].reset_index(drop=True)
        self.numbers = None if parsed.numbers is None else parsed.numbers.iloc[keep].reset_index(drop=True)
        self.rows = parsed.rows[keep]
        self.headers = parsed.headers
        self.n = len(self.cells)

    def text(self, name: str) -> pd.Series:
        if name in self.cells:
            return self.cells[name]
        return pd.Series([""] * self.n, dtype="str")

    def excel(self, name: str) -> pd.Series | None:
        if self.numbers is None or name not in self.numbers:
            return None
        return self.numbers[name]

    def header(self, name: str) -> str:
        """The column as the user wrote its header; for a column the file lacks, the template's names."""
        return self.headers.get(name) or header_names(name)


def _whole_numbers(text: pd.Series, excel: pd.Series | None) -> tuple[pd.Series, np.ndarray]:
    """Whole numbers written as digits (or stored by Excel as an integral number); NaN and invalid mask."""
    s = text.str.strip()
    digits = s.str.fullmatch(r"[+-]?\d{1,9}").to_numpy(dtype=bool, na_value=False)
    values = to_float(s.str.replace("^\\+", "", regex=True), digits)
    if excel is not None:
        integral = excel.notna().to_numpy() & (excel.fillna(0.5) % 1 == 0).to_numpy()
        values = values.where(~integral, excel)
    invalid = (s != "").to_numpy() & values.isna().to_numpy()
    return values, invalid


def _long_text(cols: _Columns, issues: Issues, name: str, limit: int) -> None:
    text = cols.text(name)
    issues.flag((text.str.len() > limit).to_numpy(bool), "ingest.err.too_long", rows=cols.rows,
                column=cols.header(name), values=text, limit=limit)


def _duplicates(issues: Issues, keys: pd.DataFrame, valid: np.ndarray, rows: np.ndarray, *, key: str,
                column: str, shown: pd.Series, moved: np.ndarray | None = None, moved_key: str = "",
                **params) -> None:
    """Each row of a repeated key names every row holding it (only repeated rows are looped over).

    A group with a row whose code was `moved` to its indicator's code gets `moved_key`, which says so.
    """
    dup = valid & keys.duplicated(keep=False).to_numpy() & keys.notna().all(axis=1).to_numpy()
    if not dup.any():
        return
    frame = keys[dup].copy()
    frame["_row"] = rows[dup]
    frame["_moved"] = moved[dup] if moved is not None else False
    groups = frame.groupby(list(keys.columns), sort=False, dropna=False)
    listed = pd.Series("", index=keys.index, dtype=object)
    listed[dup] = groups["_row"].transform(lambda r: row_list(sorted(r))).to_numpy()
    via = np.zeros(len(keys), dtype=bool)
    via[dup] = groups["_moved"].transform("any").to_numpy(dtype=bool)
    issues.flag(dup & ~via, key, rows=rows, column=column, values=shown, rows_list=listed, **params)
    issues.flag(dup & via, moved_key or key, rows=rows, column=column, values=shown, rows_list=listed, **params)


# --- actuals ------------------------------------------------------------------------------------------

def _actuals(parsed: ParsedUpload, targets: pd.DataFrame, issues: Issues, notices: Issues, origin: dict):
    cells = parsed.cells
    data_cols = [c for c in ("year", "value", "status", "source", "note") if c in cells]
    filled = (cells[data_cols] != "").any(axis=1).to_numpy() if data_cols else np.zeros(len(cells), bool)
    if (~filled).any():
        notices.add("ingest.note.skipped", value=int((~filled).sum()), rows=row_list(parsed.rows[~filled]))
    if not filled.any():
        issues.add("ingest.err.no_filled_rows")
        return pd.DataFrame(columns=ACTUAL_ROW_COLUMNS), _no_mapping()
    cols = _Columns(parsed, np.flatnonzero(filled))
    rows = cols.rows
    plan = targets.assign(code=targets["code"].astype(str), indicator=targets["indicator"].astype(str))

    code_text = cols.text("code")
    at = pd.Index(plan["code"].str.lower()).get_indexer(code_text.str.lower())  # one hash lookup
    known = at >= 0
    code_blank = (code_text == "").to_numpy()

    def lookup(column: str) -> pd.Series:
        values = plan[column].astype(object).fillna("").to_numpy()[np.where(known, at, 0)]
        return pd.Series(np.where(known, values, None), dtype=object)

    code = lookup("code")
    indicator = lookup("indicator")
    unit = lookup("unit").fillna("")
    unit_vi = lookup("unit_vi").fillna("") if "unit_vi" in plan else unit
    unit_vi = unit_vi.where(unit_vi != "", unit)

    def flag_of(mask: pd.Series) -> np.ndarray:  # a per-plan-row property, gathered for every upload row
        return known & mask.to_numpy(dtype=bool)[np.where(known, at, 0)]

    plan_unit = plan["unit"].fillna("").astype(str)
    qualitative = flag_of(plan["comparator"] == "qualitative")
    numeric = known & ~qualitative
    code_h = cols.header("code")
    issues.flag(code_blank, "ingest.err.code_missing", rows=rows, column=code_h, values=code_text)
    unknown = ~code_blank & ~known
    if unknown.any():
        hints = code_text.map({u: _suggest(u, list(plan["code"])) for u in code_text[unknown].unique()})
        hinted = (hints.fillna("") != "").to_numpy()
        issues.flag(unknown & ~hinted, "ingest.err.code_unknown", rows=rows, column=code_h, values=code_text)
        issues.flag(unknown & hinted, "ingest.err.code_unknown_hint", rows=rows, column=code_h, values=code_text,
                    hint=hints.fillna(""))
        if not known.any() and code_text[unknown].nunique() >= 2:  # several codes, none of this plan: another plan's file
            issues.add("ingest.err.other_plan", column=code_h)

    year_text = cols.text("year")
    year, year_bad = _whole_numbers(year_text, cols.excel("year"))
    year_h = cols.header("year")
    last_year = this_year() + 1
    issues.flag((year_text == "").to_numpy(), "ingest.err.year_missing", rows=rows, column=year_h, values=year_text)
    issues.flag(year_bad, "ingest.err.year_not_int", rows=rows, column=year_h, values=year_text)
    out_of_range = year.notna().to_numpy() & ((year < FIRST_YEAR) | (year > last_year)).to_numpy()
    issues.flag(out_of_range, "ingest.err.year_range", rows=rows, column=year_h, values=year_text,
                first=FIRST_YEAR, last=last_year)
    year_ok = year.notna().to_numpy() & ~out_of_range

    value_text = cols.text("value")
    value_shapes = shapes(value_text)
    hint = "en" if parsed.delimiter == "," else "vi"
    num = parse_numbers(value_shapes, cols.excel("value"), convention=file_convention(value_shapes), fallback=hint)
    if num.guessed:
        notices.add("ingest.note.decimal_" + hint, value=num.guessed)
    value_h = cols.header("value")
    value = num.values
    vnum = value.to_numpy()
    has_value = ~num.blank
    issues.flag(numeric & num.blank, "ingest.err.value_missing", rows=rows, column=value_h, values=value_text,
                code=code_text)
    issues.flag(~qualitative & num.invalid, "ingest.err.value_not_number", rows=rows, column=value_h,
                values=value_text)
    issues.flag(~qualitative & num.ambiguous, "ingest.err.value_ambiguous", rows=rows, column=value_h,
                values=value_text)
    issues.flag(qualitative & has_value, "ingest.err.value_for_qualitative", rows=rows, column=value_h,
                values=value_text, code=code_text, status_col=cols.header("status"))
    valid_num = numeric & ~np.isnan(vnum)
    percent = flag_of(plan_unit.str.startswith("%"))
    rank = flag_of(plan_unit == "rank")
    count = flag_of(~plan_unit.str.startswith("%") & (plan_unit != "rank") & (plan_unit != "index"))
    with np.errstate(invalid="ignore"):
        issues.flag(valid_num & percent & ((vnum < 0) | (vnum > 100)), "ingest.err.percent_range", rows=rows,
                    column=value_h, values=value_text, code=code_text, unit=unit, unit_vi=unit_vi)
        issues.flag(valid_num & rank & ((vnum < 1) | (vnum % 1 != 0)), "ingest.err.rank_whole", rows=rows,
                    column=value_h, values=value_text, code=code_text)
        issues.flag(valid_num & count & (vnum < 0), "ingest.err.count_negative", rows=rows, column=value_h,
                    values=value_text, code=code_text, unit=unit, unit_vi=unit_vi)

    basis, band = _rank_fields(cols, issues, rows=rows, known=known, rank=rank & numeric, value=vnum,
                               valid_rank=valid_num & rank, code_text=code_text, value_h=value_h)

    status_text = cols.text("status")
    status = map_distinct(status_text, lambda s: STATUS_OF.get(_label(s)))
    status_given = (status_text != "").to_numpy()
    status_h = cols.header("status")
    issues.flag(numeric & status_given, "ingest.err.status_for_numeric", rows=rows, column=status_h,
                values=status_text, code=code_text, value_col=value_h)
    issues.flag(qualitative & ~status_given, "ingest.err.status_missing", rows=rows, column=status_h,
                values=status_text, code=code_text)
    issues.flag(~numeric & status_given & status.isna().to_numpy(), "ingest.err.status_unknown", rows=rows,
                column=status_h, values=status_text)

    source = cols.text("source")
    issues.flag((source == "").to_numpy(), "ingest.err.source_missing", rows=rows, column=cols.header("source"),
                values=source)
    _long_text(cols, issues, "source", MAX_SOURCE)
    _long_text(cols, issues, "note", MAX_NOTE)

    stored_code = indicator.where(indicator.notna(), None)
    keys = pd.DataFrame({"code": stored_code, "year": year.where(year_ok)})
    moved = known & (stored_code != code).to_numpy()
    _duplicates(issues, keys, known & year_ok, rows, key="ingest.err.duplicate", column=code_h,
                shown=code_text + " · " + year_text, moved=moved, moved_key="ingest.err.duplicate_mapped",
                code=stored_code.fillna(""), year=year_text)

    mapped = pd.DataFrame({"row": rows[moved], "code_in_file": code[moved].to_numpy(),
                           "code": stored_code[moved].to_numpy(), "year": year[moved].to_numpy()})
    for (written, stored), group in mapped.groupby(["code_in_file", "code"], sort=False):
        notices.add("ingest.note.mapped", column=code_h, value=written, code=written, indicator=stored,
                    rows=row_list(group["row"]))
    if len(issues):
        return pd.DataFrame(columns=ACTUAL_ROW_COLUMNS), mapped
    note = cols.text("note")
    out = pd.DataFrame({
        "code": stored_code.astype(str).to_numpy(),
        "year": year.astype("int64").to_numpy(),
        "value": np.where(qualitative, np.nan, vnum).astype("float64"),
        "status": status.astype(object).where(status.notna(), None).to_numpy(),
        "source": source.to_numpy(),
        "note": note.astype(object).where(note != "", None).to_numpy(),
        "basis": pd.array(basis.to_numpy(), dtype="Int64"),
        "band": band.to_numpy(),
    })
    out["code"] = out["code"].astype(str)
    out["source"] = out["source"].astype(str)
    origin.update(row_numbers=np.asarray(rows, dtype="int64"), value_text=value_text.to_numpy(dtype=object),
                  value_header=value_h)
    return _with_none(out, "status", "note", "band"), mapped


_BAND = r"\s*(\d{1,6})\s*(?:[–—-]\s*(\d{1,6})|\+)\s*"


def _rank_fields(cols: _Columns, issues: Issues, *, rows: np.ndarray, known: np.ndarray, rank: np.ndarray,
                 value: np.ndarray, valid_rank: np.ndarray, code_text: pd.Series, value_h: str) -> tuple[pd.Series, pd.Series]:
    """`basis` (how many were ranked) and `band` ('351–400', '1401+'), checked; both belong to ranks only.

    A basis is a whole number ≥ 1 and a rank is at most its basis. A band is 'first–last' with
    last ≥ first, or 'first+'; the value must be its best place (first), as the store keeps bands.
    Bands are returned written with an en dash, as the shipped data writes them.
    """
    basis_text = cols.text("basis")
    if (basis_text == "").all() and (band_text := cols.text("band")).eq("").all():
        return pd.Series(np.nan, index=basis_text.index, dtype="float64"), pd.Series([None] * cols.n, dtype=object)
    basis, basis_bad = _whole_numbers(basis_text, cols.excel("basis"))
    basis_h = cols.header("basis")
    given = (basis_text != "").to_numpy()
    with np.errstate(invalid="ignore"):
        not_positive = basis.notna().to_numpy() & (basis < 1).to_numpy()
        issues.flag(given & (basis_bad | not_positive), "ingest.err.basis_whole", rows=rows, column=basis_h,
                    values=basis_text)
        issues.flag(given & known & ~rank, "ingest.err.basis_not_rank", rows=rows, column=basis_h, values=basis_text,
                    code=code_text)
        over = valid_rank & basis.notna().to_numpy() & ~not_positive & (value > basis.fillna(np.inf).to_numpy())
        issues.flag(over, "ingest.err.rank_over_basis", rows=rows, column=value_h, values=cols.text("value"),
                    code=code_text, basis=basis.fillna(0).astype("int64").astype(str), basis_col=basis_h)

    band_text = cols.text("band")
    band_h = cols.header("band")
    band_given = (band_text != "").to_numpy()
    band = pd.Series([None] * cols.n, dtype=object)
    if not band_given.any():  # most files: no band at all, nothing to parse
        return basis, band
    given_text = band_text[band_given]
    parts = given_text.str.extract(f"^{_BAND}$")
    first = pd.to_numeric(parts[0], errors="coerce").reindex(band_text.index)
    last = pd.to_numeric(parts[1], errors="coerce").reindex(band_text.index)
    well_formed = first.notna().to_numpy() & (first >= 1).to_numpy() & ~(last < first).to_numpy()
    issues.flag(band_given & known & ~rank, "ingest.err.band_not_rank", rows=rows, column=band_h, values=band_text,
                code=code_text)
    issues.flag(band_given & rank & ~well_formed, "ingest.err.band_format",
                rows=rows, column=band_h, values=band_text)
    starts = band_text.map({b: band_start(b) for b in given_text.unique()}).astype("float64").to_numpy()
    with np.errstate(invalid="ignore"):
        off = band_given & rank & well_formed & valid_rank & (value != starts)
    issues.flag(off, "ingest.err.band_value", rows=rows, column=value_h, values=cols.text("value"),
                band=band_text, start=first.fillna(0).astype("int64").astype(str), band_col=band_h)
    ok = band_given & well_formed
    written = first[ok].astype("int64").astype(str) + np.where(
        last[ok].notna(), "–" + last[ok].fillna(0).astype("int64").astype(str), "+")
    band[ok] = written.to_numpy()
    return basis, band


def _with_none(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Optional text columns as object with None for blanks, as the store reads them back."""
    for col in columns:
        values = frame[col].astype(object)
        frame[col] = values.where(values.notna(), None)
    return frame


def _suggest(text: str, codes: list[str]) -> str:
    """Up to three plan codes close to an unknown one ('14' → 14a, 14b, 14c)."""
    folded = text.casefold()
    starts = [c for c in codes if c.casefold().startswith(folded) and c.casefold() != folded]
    close = starts or difflib.get_close_matches(text, codes, n=3, cutoff=0.6)
    return ", ".join(close[:3])


# --- task progress ---------------------------------------------------------------------------------------

_PERIOD_FORMS = (
    (r"(?P<y>\d{4})\s*[-/ ]?\s*h(?P<h>[12])", None),
    (r"h(?P<h>[12])\s*[-/ ]?\s*(?P<y>\d{4})", None),
    (r"6 thang dau (?:nam )?(?P<y>\d{4})", "1"),
    (r"6 thang cuoi (?:nam )?(?P<y>\d{4})", "2"),
)


def _periods(text: pd.Series) -> pd.Series:
    """'2025-H1' from '2025-H1', '2025 h1', 'H1/2025', '6 tháng đầu năm 2025'; NaN when none fits."""
    folded = map_distinct(text, fold).astype(str)
    out = pd.Series([None] * len(text), dtype=object, index=text.index)
    for pattern, half in _PERIOD_FORMS:
        found = folded.str.extract(f"^{pattern}$")
        if "h" not in found:
            found["h"] = half
        hit = found["y"].notna() & out.isna()
        out[hit] = found.loc[hit, "y"] + "-H" + found.loc[hit, "h"]
    return out


def _progress(parsed: ParsedUpload, tasks: pd.DataFrame, issues: Issues, notices: Issues) -> pd.DataFrame:
    cols = _Columns(parsed, np.arange(len(parsed.cells)))
    rows = cols.rows
    task_text = cols.text("task_no")
    task, task_bad = _whole_numbers(task_text, cols.excel("task_no"))
    task_h = cols.header("task_no")
    known_tasks = set(pd.to_numeric(tasks["no"]).astype(int))
    last_task = max(known_tasks) if known_tasks else 0
    issues.flag((task_text == "").to_numpy(), "ingest.err.task_missing", rows=rows, column=task_h, values=task_text)
    issues.flag(task_bad, "ingest.err.task_not_int", rows=rows, column=task_h, values=task_text, last=last_task)
    unknown = task.notna().to_numpy() & ~task.isin(known_tasks).to_numpy()
    issues.flag(unknown, "ingest.err.task_unknown", rows=rows, column=task_h, values=task_text, last=last_task)

    period_text = cols.text("period")
    period = _periods(period_text)
    period_h = cols.header("period")
    period_year = pd.to_numeric(period.str[:4], errors="coerce")
    issues.flag((period_text == "").to_numpy(), "ingest.err.period_missing", rows=rows, column=period_h,
                values=period_text)
    issues.flag((period_text != "").to_numpy() & period.isna().to_numpy(), "ingest.err.period_format",
                rows=rows, column=period_h, values=period_text)
    last_year = this_year() + 1
    bad_year = period.notna().to_numpy() & ((period_year < FIRST_YEAR) | (period_year > last_year)).to_numpy()
    issues.flag(bad_year, "ingest.err.year_range", rows=rows, column=period_h, values=period_text,
                first=FIRST_YEAR, last=last_year)

    status_text = cols.text("status")
    status = map_distinct(status_text, lambda s: PROGRESS_STATUS_OF.get(_label(s)))
    status_h = cols.header("status")
    issues.flag((status_text == "").to_numpy(), "ingest.err.progress_status_missing", rows=rows, column=status_h,
                values=status_text)
    issues.flag((status_text != "").to_numpy() & status.isna().to_numpy(), "ingest.err.progress_status_unknown",
                rows=rows, column=status_h, values=status_text)

    pct_text = cols.text("progress_pct")
    hint = "en" if parsed.delimiter == "," else "vi"
    pct_shapes = shapes(pct_text)
    pct = parse_numbers(pct_shapes, cols.excel("progress_pct"), convention=file_convention(pct_shapes),
                        fallback=hint)
    if pct.guessed:
        notices.add("ingest.note.decimal_" + hint, value=pct.guessed)
    pct_h = cols.header("progress_pct")
    issues.flag(pct.invalid, "ingest.err.value_not_number", rows=rows, column=pct_h, values=pct_text)
    issues.flag(pct.ambiguous, "ingest.err.value_ambiguous", rows=rows, column=pct_h, values=pct_text)
    p = pct.values.to_numpy()
    with np.errstate(invalid="ignore"):
        issues.flag(~np.isnan(p) & ((p < 0) | (p > 100)), "ingest.err.pct_range", rows=rows, column=pct_h,
                    values=pct_text)
    _long_text(cols, issues, "note", MAX_NOTE)
    _long_text(cols, issues, "evidence", MAX_SOURCE)
    valid = task.notna().to_numpy() & ~unknown & period.notna().to_numpy()
    keys = pd.DataFrame({"task_no": task.where(valid), "period": period.where(valid)})
    _duplicates(issues, keys, valid, rows, key="ingest.err.progress_duplicate", column=task_h,
                shown=task_text + " · " + period_text, task=task_text, period=period.fillna(""))
    if len(issues):
        return pd.DataFrame(columns=PROGRESS_ROW_COLUMNS)
    note, evidence = cols.text("note"), cols.text("evidence")
    out = pd.DataFrame({
        "task_no": task.astype("int64").to_numpy(),
        "period": period.astype(str).to_numpy(),
        "status": status.astype(str).to_numpy(),
        "progress_pct": p.astype("float64"),
        "note": note.astype(object).where(note != "", None).to_numpy(),
        "evidence": evidence.astype(object).where(evidence != "", None).to_numpy(),
    })
    out["period"] = out["period"].astype(str)
    out["status"] = out["status"].astype(str)
    return _with_none(out, "note", "evidence")
