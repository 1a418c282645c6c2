"""An agency's report form: its two tables, checked by the uploads' own validation, then against what it owes.

The form's tables are turned into a `ParsedUpload` (text cells, the numbers the browser sent, the form's
column headers, its row numbers) and given to `hue57.ingest.validate`, so a form and a file get the same
checks and the same messages naming row and column. Then every row must be the agency's own: a task on
its form, an indicator it monitors, the period being reported. Anything else is refused, never stored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from hue57.i18n import normalise_lang, t
from hue57.ingest import PROGRESS_STATUSES, QUALITATIVE_STATUSES, ParsedUpload, error_table, parse_upload, validate
from hue57.reporting._items import Items

TASK_COLUMNS = ["task_no", "title", "status", "progress_pct", "note", "evidence"]
INDICATOR_COLUMNS = ["code", "name", "unit", "year", "value", "status", "source", "note", "basis"]
TASK_FILLED = ["status", "progress_pct", "note", "evidence"]
INDICATOR_FILLED = ["year", "value", "status", "source", "note", "basis"]
PROGRESS_ROWS = ["task_no", "period", "status", "progress_pct", "note", "evidence"]
ACTUAL_ROWS = ["code", "year", "value", "status", "source", "note", "basis", "band"]


def progress_label(status: object, lang: str) -> str | None:
    return t(f"ingest.progress.{status}", lang) if status in PROGRESS_STATUSES else None


def assessment_label(status: object, lang: str) -> str | None:
    return t(f"status.{status}", lang) if status in QUALITATIVE_STATUSES else None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or (
        not isinstance(value, (int, float)) and pd.isna(value)) or str(value).strip() == ""


# --- the form, pre-filled --------------------------------------------------------------------------------

def task_form(items: Items, lang: str, stored: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per task on the agency's form: its saved report, else the newest status and progress known
    (a collective task starts blank: the Department sets its status)."""
    lang = normalise_lang(lang)
    saved = {} if stored is None else {int(r.task_no): r for r in stored.itertuples(index=False)}
    rows = []
    for task in items.tasks.itertuples(index=False):
        title = (task.title_en if lang == "en" and isinstance(task.title_en, str) and task.title_en else task.title_vi)
        if task.collective:
            title = f"{title} ({t('report.collective', lang)})"
        mine = saved.get(int(task.task_no))
        if mine is not None:
            rows.append([int(task.task_no), title, progress_label(mine.status, lang), mine.progress_pct,
                         mine.note, mine.evidence])
        elif task.collective:
            rows.append([int(task.task_no), title, None, np.nan, None, None])
        else:
            rows.append([int(task.task_no), title, progress_label(task.last_status, lang), task.last_pct, None, None])
    frame = pd.DataFrame(rows, columns=TASK_COLUMNS)
    frame["progress_pct"] = frame["progress_pct"].astype("float64")
    return frame


def indicator_form(items: Items, lang: str, stored: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator the agency monitors (its saved rows when it saved several years)."""
    lang = normalise_lang(lang)
    saved = {} if stored is None else {code: group for code, group in stored.groupby("code", sort=False)}
    rows = []
    for ind in items.indicators.itertuples(index=False):
        unit = t("ingest.template.qualitative", lang) if ind.qualitative else (ind.unit_vi if lang == "vi" else ind.unit)
        name = ind.name_en if lang == "en" else ind.name_vi
        mine = saved.get(ind.code)
        if mine is None:
            rows.append([ind.code, name, unit, np.nan, np.nan, None, None, None, np.nan])
            continue
        for r in mine.itertuples(index=False):
            rows.append([ind.code, name, unit, float(r.year), r.value, assessment_label(r.status, lang), r.source,
                         r.note, np.nan if pd.isna(r.basis) else float(r.basis)])
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    for col in ("year", "value", "basis"):
        frame[col] = frame[col].astype("float64")
    return frame


# --- checking ---------------------------------------------------------------------------------------------

@dataclass
class FormCheck:
    """The verdict on a form or an uploaded file: `ok` when valid and every row the agency's own.

    `errors`: row, column, value, message (and which table) in the reader's language; `refused`: rows
    that are not the agency's (each row, column, value), which make the request a refusal; `progress`
    and `actuals`: the canonical rows to store (None for a table the request did not carry)."""

    ok: bool
    errors: pd.DataFrame
    refused: list[dict] = field(default_factory=list)
    progress: pd.DataFrame | None = None
    actuals: pd.DataFrame | None = None
    notices: pd.DataFrame = field(default_factory=pd.DataFrame)


def _text(value: object, whole: bool = False) -> str:
    if _blank(value):
        return ""
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return str(int(number)) if whole and number.is_integer() else f"{number:.15g}"
    return str(value).strip()


def _parsed(frame: pd.DataFrame, kind: str, columns: list[str], numeric: dict[str, bool], lang: str,
            extra: dict[str, str] | None = None) -> ParsedUpload:
    """The form's rows as an upload would be read: text cells, the browser's numbers, form row numbers."""
    cells = pd.DataFrame({c: [_text(v, numeric.get(c, False)) for v in frame[c]] if c in frame
                          else [""] * len(frame) for c in columns}, dtype=str)
    for name, value in (extra or {}).items():
        cells[name] = value
    numbers = pd.DataFrame({c: pd.to_numeric(frame[c], errors="coerce").astype("float64").to_numpy()
                            for c in numeric if c in frame}, index=cells.index)
    headers = {c: t(f"ingest.header.{c}", lang) for c in cells.columns}
    body = json.dumps(cells.to_dict("records"), ensure_ascii=False, sort_keys=True).encode()
    rows = np.asarray(frame.index.to_numpy() + 1, dtype="int64")  # the form's row numbers, from 1
    return ParsedUpload(filename=t("report.form_name", lang), sha256=hashlib.sha256(body).hexdigest(),
                        size=len(body), format="form", kind=kind, cells=cells.reset_index(drop=True),
                        numbers=numbers.reset_index(drop=True), headers=headers, rows=rows)


def _filled(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    keep = np.zeros(len(frame), dtype=bool)
    for c in columns:
        if c in frame:
            keep |= ~frame[c].map(_blank).to_numpy(bool)
    return frame[keep]  # the index keeps the form's row number


def _errors(report, table: str, lang: str) -> pd.DataFrame:
    errors = error_table(report, lang)
    errors.insert(0, t("report.col.table", lang), t(f"report.table.{table}", lang))
    return errors


def _refuse(rows, column: str, values, allowed) -> list[dict]:
    return [{"row": int(r), "column": column, "value": str(v)}
            for r, v in zip(rows, values, strict=True) if v not in allowed]


def check_form(snap, items: Items, tasks: pd.DataFrame | None, indicators: pd.DataFrame | None,
               lang: str = "vi") -> FormCheck:
    """Check the agency's two tables as edited (either may be None: not sent)."""
    lang = normalise_lang(lang)
    errors, notices, refused = [], [], []
    progress = actuals = None
    if tasks is not None:
        filled = _filled(tasks, TASK_FILLED)
        if len(filled):
            parsed = _parsed(filled, "progress", ["task_no", "status", "progress_pct", "note", "evidence"],
                             {"task_no": True, "progress_pct": False}, lang, {"period": items.period})
            report = validate(parsed, snap.targets, lang, tasks=snap.tasks)
            refused += _refuse(parsed.rows, t("ingest.header.task_no", lang),
                               pd.to_numeric(parsed.cells["task_no"], errors="coerce"), items.task_nos)
            if report.ok:
                progress = report.rows
            errors.append(_errors(report, "tasks", lang))
        else:
            progress = pd.DataFrame(columns=PROGRESS_ROWS)
    if indicators is not None:
        filled = _filled(indicators, INDICATOR_FILLED)
        if len(filled):
            parsed = _parsed(filled, "actuals", ["code", "year", "value", "status", "source", "note", "basis"],
                             {"year": True, "value": False, "basis": True}, lang)
            report = validate(parsed, snap.targets, lang, tasks=snap.tasks)
            indicator_of = dict(zip(snap.targets["code"].astype(str), snap.targets["indicator"].astype(str),
                                    strict=True))
            codes = [indicator_of.get(c, c) for c in parsed.cells["code"]]
            refused += _refuse(parsed.rows, t("ingest.header.code", lang), codes, items.codes)
            if report.ok:
                actuals = report.rows
            errors.append(_errors(report, "indicators", lang))
            if len(report.notices):
                notices.append(report.notices)
        else:
            actuals = pd.DataFrame(columns=ACTUAL_ROWS)
    error_frame = pd.concat(errors, ignore_index=True) if errors else pd.DataFrame()
    ok = not refused and error_frame.empty
    return FormCheck(ok, error_frame, refused, progress if ok else None, actuals if ok else None,
                     pd.concat(notices, ignore_index=True) if notices else pd.DataFrame())


def check_upload(snap, items: Items, data: bytes, filename: str, lang: str = "vi") -> FormCheck:
    """An offline form (the task or indicator file downloaded from /report, filled in) read as any upload,
    then held to the agency's own rows and the period being reported."""
    lang = normalise_lang(lang)
    parsed = parse_upload(data, filename)
    report = validate(parsed, snap.targets, lang, tasks=snap.tasks)
    table = "tasks" if parsed.kind == "progress" else "indicators"
    errors = _errors(report, table, lang)
    refused: list[dict] = []
    if report.ok and parsed.kind == "progress":
        rows = report.rows
        refused += _refuse(parsed.rows, parsed.headers.get("task_no", "task_no"), rows["task_no"].astype(int),
                           items.task_nos)
        refused += _refuse(parsed.rows, parsed.headers.get("period", "period"), rows["period"], {items.period})
    elif report.ok:
        refused += _refuse(report.row_numbers, parsed.headers.get("code", "code"), report.rows["code"], items.codes)
    ok = report.ok and not refused
    rows = report.rows if ok else None
    return FormCheck(ok, errors, refused, rows if parsed.kind == "progress" else None,
                     rows if parsed.kind == "actuals" else None, report.notices)


# --- storing the rows ---------------------------------------------------------------------------------------

def rows_json(frame: pd.DataFrame | None) -> str | None:
    if frame is None:
        return None
    return frame.to_json(orient="records", force_ascii=False)


def progress_rows(text: str | None) -> pd.DataFrame:
    """Stored task rows back as the store's progress columns."""
    records = json.loads(text) if text else []
    frame = pd.DataFrame.from_records(records, columns=PROGRESS_ROWS)
    frame["task_no"] = frame["task_no"].astype("int64")
    frame["period"] = frame["period"].astype(str)
    frame["progress_pct"] = pd.to_numeric(frame["progress_pct"]).astype("float64")
    for col in ("status", "note", "evidence"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame


def actual_rows(text: str | None) -> pd.DataFrame:
    """Stored indicator rows back as the store's actuals columns (codes stay text: 8.10 is not 8.1)."""
    records = json.loads(text) if text else []
    frame = pd.DataFrame.from_records(records, columns=ACTUAL_ROWS)
    frame["code"] = frame["code"].astype(str)
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = pd.to_numeric(frame["value"]).astype("float64")
    frame["basis"] = pd.array(pd.to_numeric(frame["basis"]), dtype="Int64")
    for col in ("status", "source", "note", "band"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame
