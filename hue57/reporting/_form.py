"""An agency's report form: its two tables, checked by the uploads' own validation, then against what it owes.

The form's tables are turned into a `ParsedUpload` (text cells, the numbers the browser sent, the form's
column headers, its row numbers) and given to `hue57.ingest.validate`, so a form and a file get the same
checks and the same messages naming row and column. Then every row must be the agency's own: a task on
its form, an indicator it monitors, the period being reported. Anything else is refused, never stored.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import zipfile
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from hue57.i18n import fmt_date, fmt_percent, normalise_lang, t
from hue57.ingest import (
    MAX_BYTES,
    PROGRESS_STATUSES,
    QUALITATIVE_STATUSES,
    ParsedUpload,
    error_table,
    parse_upload,
    validate,
)
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

def previous_text(status: object, pct: object, lang: str) -> str:
    """The newest status known before this report, for reading beside the form: "Đang thực hiện · 40%"."""
    label = progress_label(status, lang)
    if label is None:
        return ""
    return label if _blank(pct) else f"{label} · {fmt_percent(float(pct), lang, 0)}"


def task_form(items: Items, lang: str, stored: pd.DataFrame | None = None,
              collective: bool | None = None) -> pd.DataFrame:
    """One row per task on the agency's form (its own first, then the collective ones; `collective` True or
    False keeps one of the two): the rows its saved report holds, blank otherwise — a row left blank is
    not reported, in the form as in the workbook. `previous` shows the newest status known, to read only."""
    lang = normalise_lang(lang)
    saved = {} if stored is None else {int(r.task_no): r for r in stored.itertuples(index=False)}
    rows = []
    for task in items.tasks.itertuples(index=False):
        if collective is not None and bool(task.collective) != collective:
            continue
        title = (task.title_en if lang == "en" and isinstance(task.title_en, str) and task.title_en else task.title_vi)
        previous = previous_text(task.last_status, task.last_pct, lang)
        mine = saved.get(int(task.task_no))
        if mine is not None:
            rows.append([int(task.task_no), title, progress_label(mine.status, lang), mine.progress_pct,
                         mine.note, mine.evidence, previous])
        else:
            rows.append([int(task.task_no), title, None, np.nan, None, None, previous])
    frame = pd.DataFrame(rows, columns=[*TASK_COLUMNS, "previous"])
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

def _scale_warnings(snap, report) -> pd.DataFrame:
    """The upload's own scale and basis warnings for a valid figures table, against the stored figures."""
    from hue57.ingest._scale import scale_warnings  # noqa: PLC0415 — figures only

    return scale_warnings(report.rows, snap.actuals, snap.targets, row_numbers=report.row_numbers,
                          value_text=report.value_text, column=report.value_header)


def _joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


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
    # figures probably on the wrong scale, or a rank without «Trên tổng số» where the indicator's ranks state one:
    # the agency is asked to check them (they do not stop a save), the analyst sees them again on review
    warnings: pd.DataFrame = field(default_factory=pd.DataFrame)


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


def _check_tasks(snap, items: Items, frame: pd.DataFrame, table: str, lang: str):
    """(rows or None when invalid, error frame or None, refused rows) for one task table as edited."""
    filled = _filled(frame, TASK_FILLED)
    if not len(filled):
        return pd.DataFrame(columns=PROGRESS_ROWS), None, []
    parsed = _parsed(filled, "progress", ["task_no", "status", "progress_pct", "note", "evidence"],
                     {"task_no": True, "progress_pct": False}, lang, {"period": items.period})
    report = validate(parsed, snap.targets, lang, tasks=snap.tasks)
    refused = _refuse(parsed.rows, t("ingest.header.task_no", lang),
                      pd.to_numeric(parsed.cells["task_no"], errors="coerce"), items.task_nos)
    return (report.rows if report.ok else None), _errors(report, table, lang), refused


def check_form(snap, items: Items, tasks: pd.DataFrame | None, indicators: pd.DataFrame | None,
               lang: str = "vi", collective: pd.DataFrame | None = None) -> FormCheck:
    """Check the agency's tables as edited (each may be None: not sent). `tasks` holds its own tasks (and,
    from older callers, the collective ones too); `collective` the collective tasks' table, optional rows.

    A row whose fillable cells are all blank is not reported (not an error): the same rule as the workbook."""
    lang = normalise_lang(lang)
    errors, notices, refused, warnings = [], [], [], []
    progress = actuals = None
    task_parts = [(frame, table) for frame, table in ((tasks, "tasks"), (collective, "collective"))
                  if frame is not None]
    if task_parts:
        parts = []
        for frame, table in task_parts:
            rows, found, not_ours = _check_tasks(snap, items, frame, table, lang)
            refused += not_ours
            if found is not None:
                errors.append(found)
            parts.append(rows)
        if all(p is not None for p in parts):
            progress = pd.concat([p for p in parts if len(p)] or [parts[0]], ignore_index=True)
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
                warnings.append(_scale_warnings(snap, report))
            errors.append(_errors(report, "indicators", lang))
            if len(report.notices):
                notices.append(report.notices)
        else:
            actuals = pd.DataFrame(columns=ACTUAL_ROWS)
    error_frame = pd.concat(errors, ignore_index=True) if errors else pd.DataFrame()
    ok = not refused and error_frame.empty
    return FormCheck(ok, error_frame, refused, progress if ok else None, actuals if ok else None,
                     pd.concat(notices, ignore_index=True) if notices else pd.DataFrame(), _joined(warnings))


# --- the offline form: one workbook out, read back -----------------------------------------------------------

FORM_FILLED = {"progress": ("status", "progress_pct", "note", "evidence"),
               "actuals": ("year", "value", "status", "source", "note", "basis", "band")}


def _sheet_titles(data: bytes) -> list[str]:
    """The sheet titles an .xlsx declares (xl/workbook.xml, read on its own and bounded): whether an upload is
    the report form workbook is known before, and whatever, its sheets are read."""
    if not data.startswith(b"PK\x03\x04"):
        return []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("xl/workbook.xml")
            if info.file_size > 1_000_000:
                return []
            text = archive.read(info).decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, EOFError):
        return []
    return [html.unescape(name) for name in re.findall(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"', text)]


def _touched(parsed: ParsedUpload) -> ParsedUpload:
    """The rows of an upload somebody filled: a row whose fillable cells are all blank (a task or indicator
    listed on the form and left alone) is dropped, as the web form drops its blank rows."""
    if not parsed.readable or parsed.kind not in FORM_FILLED:
        return parsed
    columns = [c for c in FORM_FILLED[parsed.kind] if c in parsed.cells]
    keep = (parsed.cells[columns] != "").any(axis=1).to_numpy() if columns else np.ones(len(parsed.cells), bool)
    return replace(parsed, cells=parsed.cells[keep].reset_index(drop=True),
                   numbers=None if parsed.numbers is None else parsed.numbers[keep].reset_index(drop=True),
                   rows=parsed.rows[keep])


def _nothing_filled(filename: str, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("report.col.table", lang): [t("report.table.file", lang)],
                         t("ingest.col.row", lang): [None], t("ingest.col.column", lang): [""],
                         t("ingest.col.value", lang): [filename],
                         t("ingest.col.message", lang): [t("report.nothing_filled", lang)]})


def check_upload(snap, items: Items, data: bytes, filename: str, lang: str = "vi") -> FormCheck:
    """An offline form read back as any upload, held to the agency's own rows and the period being reported.

    The report form workbook (`form_workbook`) carries a task sheet and, for a body that monitors
    indicators, an indicator sheet: each is read on its own. Any other file (a task or indicator template,
    a CSV) fills the one table it holds. Rows left blank are not reported; a file with no row filled at all
    is an error (nothing saved)."""
    lang = normalise_lang(lang)
    parts: list[tuple[str, ParsedUpload]] = []
    if str(filename).lower().endswith(".xlsx") and len(data) <= MAX_BYTES:  # the form workbook: each sheet alone
        titles = _sheet_titles(data)
        for table, key in (("tasks", "report.sheet.tasks"), ("indicators", "report.sheet.indicators")):
            title = next((t(key, lg) for lg in ("vi", "en") if t(key, lg) in titles), None)
            if title is not None:
                parts.append((table, parse_upload(data, filename, sheet=title)))
    if not parts:  # any other file (or unreadable bytes): the one table it holds, or why it cannot be read
        parsed = parse_upload(data, filename)
        parts = [("tasks" if parsed.kind == "progress" else "indicators", parsed)]
    parts = [(table, _touched(p)) for table, p in parts]
    if all(p.readable and p.kind is not None and not len(p.cells) for _, p in parts):
        return FormCheck(False, _nothing_filled(parts[0][1].filename, lang))
    errors, notices, refused, warnings = [], [], [], []
    progress = actuals = None
    for table, part in parts:
        if part.readable and part.kind is not None and not len(part.cells):
            rows = pd.DataFrame(columns=PROGRESS_ROWS if part.kind == "progress" else ACTUAL_ROWS)
        else:
            report = validate(part, snap.targets, lang, tasks=snap.tasks)
            errors.append(_errors(report, "tasks" if part.kind == "progress" else table, lang))
            if len(report.notices):
                notices.append(report.notices)
            if not report.ok:
                continue
            rows = report.rows
            if part.kind == "progress":
                refused += _refuse(part.rows, part.headers.get("task_no", "task_no"), rows["task_no"].astype(int),
                                   items.task_nos)
                refused += _refuse(part.rows, part.headers.get("period", "period"), rows["period"], {items.period})
            else:
                refused += _refuse(report.row_numbers, part.headers.get("code", "code"), rows["code"], items.codes)
                warnings.append(_scale_warnings(snap, report))
        if part.kind == "progress":
            progress = rows
        else:
            actuals = rows
    error_frame = pd.concat(errors, ignore_index=True) if errors else pd.DataFrame()
    ok = error_frame.empty and not refused
    return FormCheck(ok, error_frame, refused, progress if ok else None, actuals if ok else None,
                     pd.concat(notices, ignore_index=True) if notices else pd.DataFrame(), _joined(warnings))


def form_workbook(snap, items: Items, lang: str = "vi", submission: dict | None = None) -> bytes:
    """The agency's report form as one workbook: its own tasks, then the collective ones (optional), and an
    indicator sheet only when it monitors indicators — pre-filled with what `submission` holds (a draft or a
    returned report), the Department's return comment written above the header."""
    from hue57 import calendar  # noqa: PLC0415
    from hue57.ingest import report_form_xlsx  # noqa: PLC0415
    from hue57.tasks import period_label, report_due  # noqa: PLC0415

    lang = normalise_lang(lang)
    stored_tasks = progress_rows(submission.get("tasks_json")) if submission else None
    stored_figures = actual_rows(submission.get("actuals_json")) if submission else None
    tasks = task_form(items, lang, stored_tasks)
    tasks["collective"] = tasks["task_no"].isin(items.tasks.loc[items.tasks["collective"], "task_no"])
    tasks["title"] = [f"{title}\n({t('report.previous', lang)}: {prev})" if prev else title
                      for title, prev in zip(tasks["title"], tasks["previous"], strict=True)]
    indicators = None
    if len(items.indicators):
        indicators = indicator_form(items, lang, stored_figures)
        bands = {} if stored_figures is None else {(c, int(y)): b for c, y, b in zip(
            stored_figures["code"], stored_figures["year"], stored_figures["band"], strict=True)}
        indicators["band"] = [bands.get((c, int(y))) if pd.notna(y) else None
                              for c, y in zip(indicators["code"], indicators["year"], strict=True)]
    names = snap.agencies.set_index("agency_id")
    name = names.at[items.agency_id, "name_en" if lang == "en" else "name_vi"]
    heading = t("report.form_heading", lang, agency=name, label=period_label(items.period, lang),
                period=items.period, due=fmt_date(report_due(items.period), lang))
    warning = ""
    if submission and submission.get("state") == "returned" and submission.get("comment"):
        at = submission.get("reviewed_at")
        when = fmt_date(calendar.local(pd.Timestamp(at).to_pydatetime()).date(), lang) if at is not None else ""
        warning = t("report.form_returned", lang, by=submission.get("reviewed_by") or "", at=when,
                    comment=submission["comment"])
    help_lines = (t("report.form_help", lang),)
    return report_form_xlsx(tasks, indicators, period=items.period, lang=lang, heading=heading, warning=warning,
                            help_lines=help_lines, collective_label=t("report.collective_group", lang))


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
