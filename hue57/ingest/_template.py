"""The upload templates, ready to fill in as CSV or Excel bytes: every indicator (figures), every task (progress)."""

from __future__ import annotations

import io

import pandas as pd

from hue57.export import neutralise, neutralise_cell
from hue57.i18n import normalise_lang, t
from hue57.ingest._validate import PROGRESS_STATUSES, QUALITATIVE_STATUSES

TEMPLATE_COLUMNS = ["code", "name", "unit", "year", "value", "status", "source", "note", "basis", "band"]


def template_frame(targets: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """One row per indicator (other targets of the same indicator share its figures), headed in `lang`."""
    lang = normalise_lang(lang)
    plan = targets[targets["indicator"].astype(str) == targets["code"].astype(str)]
    qualitative = plan["comparator"] == "qualitative"
    if lang == "vi" and "unit_vi" in plan:
        unit = plan["unit_vi"].astype(object).where(plan["unit_vi"].fillna("").astype(str).str.strip() != "",
                                                    plan["unit"])
    else:
        unit = plan["unit"]
    unit = unit.astype(object).where(~qualitative, t("ingest.template.qualitative", lang))
    frame = pd.DataFrame({
        "code": plan["code"].astype(str).to_numpy(),
        "name": plan[f"name_{lang}"].astype(str).to_numpy(),
        "unit": unit.astype(str).to_numpy(),
        "year": "", "value": "", "status": "", "source": "", "note": "", "basis": "", "band": "",
    })
    return frame.rename(columns={c: t(f"ingest.header.{c}", lang) for c in TEMPLATE_COLUMNS})


def template_csv(targets: pd.DataFrame, lang: str = "vi") -> bytes:
    """UTF-8 with BOM; `;`-separated in Vietnamese (as Excel writes it with a decimal comma), `,` in English."""
    lang = normalise_lang(lang)
    sep = ";" if lang == "vi" else ","
    return neutralise(template_frame(targets, lang)).to_csv(index=False, sep=sep, lineterminator="\r\n") \
        .encode("utf-8-sig")


def _help_text(targets: pd.DataFrame, lang: str) -> str:
    qualitative = ", ".join(targets.loc[targets["comparator"] == "qualitative", "code"].astype(str))
    aliases = targets[targets["indicator"].astype(str) != targets["code"].astype(str)]
    listed = ", ".join(f"{c} → {i}" for c, i in zip(aliases["code"], aliases["indicator"], strict=True))
    return t("ingest.template.help", lang, qualitative=qualitative or "—", aliases=listed or "—")


def template_xlsx(targets: pd.DataFrame, lang: str = "vi") -> bytes:
    """An .xlsx whose first sheet is the template (code column formatted as text so 8.10 stays 8.10)."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = normalise_lang(lang)
    frame = neutralise(template_frame(targets, lang))
    book = Workbook()
    sheet = book.active
    sheet.title = t("ingest.template.sheet", lang)
    sheet.append(list(frame.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    last = max(len(frame) + 200, 500)
    for row in range(2, last + 1):  # the code column stays text for rows typed in later too
        sheet.cell(row=row, column=1).number_format = "@"
        sheet.cell(row=row, column=4).number_format = "0"
        sheet.cell(row=row, column=9).number_format = "0"
        sheet.cell(row=row, column=10).number_format = "@"  # '351-400' must not become a date or a sum
    for i, record in enumerate(frame.itertuples(index=False), start=2):
        for j, value in enumerate(record, start=1):
            if value != "":
                sheet.cell(row=i, column=j, value=str(value))
    labels = [t(f"status.{s}", lang) if lang == "vi" else s for s in QUALITATIVE_STATUSES]
    check = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True,
                           showErrorMessage=False)
    sheet.add_data_validation(check)
    check.add(f"F2:F{last}")
    for letter, width in zip("ABCDEFGHIJ", (8, 60, 22, 8, 12, 18, 45, 35, 14, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet(t("ingest.template.help_sheet", lang))
    help_sheet.column_dimensions["A"].width = 120
    for line in _help_text(targets, lang).splitlines():
        help_sheet.append([line])
        help_sheet.cell(row=help_sheet.max_row, column=1).alignment = Alignment(wrap_text=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


PROGRESS_TEMPLATE_COLUMNS = ["task_no", "title", "period", "status", "progress_pct", "note", "evidence"]


def progress_template_frame(tasks: pd.DataFrame, lang: str = "vi", period: str = "",
                            filled: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per task (`tasks`: no, title_vi[, title_en]) for `period`, headed in `lang`.

    `filled` (task_no, status, progress_pct, note, evidence; status as a word of `lang`) pre-fills rows:
    an agency's report downloaded to finish offline.
    """
    lang = normalise_lang(lang)
    titles = tasks["title_vi"].astype(str)
    if lang == "en" and "title_en" in tasks:
        titles = tasks["title_en"].astype(object).where(tasks["title_en"].notna() & (tasks["title_en"] != ""), titles)
    frame = pd.DataFrame({"task_no": tasks["no"].astype("int64").to_numpy(), "title": titles.astype(str).to_numpy(),
                          "period": period, "status": "", "progress_pct": "", "note": "", "evidence": ""})
    if filled is not None and len(filled):
        known = filled.set_index(filled["task_no"].astype("int64"))
        for col in ("status", "progress_pct", "note", "evidence"):
            values = frame["task_no"].map(known[col]) if col in known else None
            if values is not None:
                frame[col] = values.astype(object).where(values.notna(), "").map(
                    lambda v: f"{v:g}" if isinstance(v, float) else str(v))
    return frame.rename(columns={c: t(f"ingest.header.{c}", lang) for c in PROGRESS_TEMPLATE_COLUMNS})


def progress_template_csv(tasks: pd.DataFrame, lang: str = "vi", period: str = "") -> bytes:
    lang = normalise_lang(lang)
    sep = ";" if lang == "vi" else ","
    return neutralise(progress_template_frame(tasks, lang, period)).to_csv(
        index=False, sep=sep, lineterminator="\r\n").encode("utf-8-sig")


def progress_template_xlsx(tasks: pd.DataFrame, lang: str = "vi", period: str = "",
                           filled: pd.DataFrame | None = None) -> bytes:
    """The task-progress template as .xlsx: a status list to pick from, the period as text."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = normalise_lang(lang)
    frame = neutralise(progress_template_frame(tasks, lang, period, filled))
    book = Workbook()
    sheet = book.active
    sheet.title = t("ingest.template.progress_sheet", lang)
    sheet.append(list(frame.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for i, record in enumerate(frame.itertuples(index=False), start=2):
        for j, value in enumerate(record, start=1):
            if j == 1:
                sheet.cell(row=i, column=j, value=int(value))
            elif value != "":
                sheet.cell(row=i, column=j, value=str(value))
        sheet.cell(row=i, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row=i, column=3).number_format = "@"
    labels = [t(f"ingest.progress.{s}", lang) for s in PROGRESS_STATUSES]
    check = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True,
                           showErrorMessage=False)
    sheet.add_data_validation(check)
    check.add(f"D2:D{max(len(frame) + 1, 2)}")
    for letter, width in zip("ABCDEFG", (10, 70, 10, 18, 12, 40, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FORM_TASK_COLUMNS = ["task_no", "title", "period", "status", "progress_pct", "note", "evidence"]
FORM_INDICATOR_COLUMNS = ["code", "name", "unit", "year", "value", "status", "source", "note", "basis", "band"]
_NUMBERS = {"progress_pct", "year", "value", "basis"}


def _form_sheet(sheet, frame: pd.DataFrame, columns: list[str], lang: str, lines: list[tuple[str, str]],
                widths: tuple[int, ...]) -> int:
    """Lines above the header (text, 'title'|'warning'|'help'), then the header; the header's row number."""
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415

    for number, (text, style) in enumerate(lines, start=1):
        cell = sheet.cell(row=number, column=1, value=neutralise_cell(text))
        cell.font = Font(bold=style != "help", size=13 if style == "title" else 11,
                         color="C00000" if style == "warning" else None)
        if style == "warning":
            cell.fill = PatternFill("solid", fgColor="FCE4D6")
            sheet.row_dimensions[number].height = 15 * max(2, len(text) // 110 + 1)
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(columns))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    header = len(lines) + 2  # a blank row between the lines and the header
    for col, name in enumerate(columns, start=1):
        cell = sheet.cell(row=header, column=col, value=t(f"ingest.header.{name}", lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for letter, width in zip("ABCDEFGHIJ", widths, strict=False):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{header + 1}"
    return header


def _cell(sheet, row: int, col: int, name: str, value) -> None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return
    if name in _NUMBERS:
        number = float(value)
        sheet.cell(row=row, column=col, value=int(number) if number.is_integer() else number)
    else:
        sheet.cell(row=row, column=col, value=neutralise_cell(str(value)))


def report_form_xlsx(tasks: pd.DataFrame, indicators: pd.DataFrame | None, *, period: str, lang: str = "vi",
                     heading: str = "", warning: str = "", help_lines: tuple[str, ...] = (),
                     collective_label: str = "") -> bytes:
    """An agency's report form as one workbook, filled in offline and uploaded back.

    `tasks`: task_no, title, status, progress_pct, note, evidence (status as a word of `lang`; blank where
    not reported) and `collective` — the agency's own tasks first, then, under a row reading
    `collective_label`, the collective ones. `indicators` (None: the body monitors none, and gets no sheet):
    the columns of `FORM_INDICATOR_COLUMNS`, one row per figure reported (blank for one not yet reported).
    `heading` and `warning` (the Department's return comment) stand above each sheet's header; a row whose
    fillable cells stay blank is read back as not reported (`hue57.reporting.check_upload`)."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    lang = normalise_lang(lang)
    lines = [(heading, "title")] + ([(warning, "warning")] if warning else []) + [(h, "help") for h in help_lines]
    book = Workbook()
    sheet = book.active
    sheet.title = t("report.sheet.tasks", lang)
    header = _form_sheet(sheet, tasks, FORM_TASK_COLUMNS, lang, lines, (10, 70, 10, 18, 12, 40, 40))
    grey = PatternFill("solid", fgColor="EDEDED")
    row = header
    own = tasks[~tasks["collective"].astype(bool)]
    shared = tasks[tasks["collective"].astype(bool)]
    for part, is_shared in ((own, False), (shared, True)):
        if is_shared and len(part):
            row += 1
            label = sheet.cell(row=row, column=2, value=neutralise_cell(collective_label))
            label.font = Font(bold=True)
            for col in range(1, len(FORM_TASK_COLUMNS) + 1):
                sheet.cell(row=row, column=col).fill = grey
        for record in part.to_dict("records"):
            row += 1
            sheet.cell(row=row, column=1, value=int(record["task_no"]))
            for col, name in enumerate(FORM_TASK_COLUMNS[1:], start=2):
                _cell(sheet, row, col, name, period if name == "period" else record.get(name))
            sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
            sheet.cell(row=row, column=3).number_format = "@"
            if is_shared:
                sheet.cell(row=row, column=2).fill = grey
    labels = [t(f"ingest.progress.{s}", lang) for s in PROGRESS_STATUSES]
    check = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True,
                           showErrorMessage=False)
    sheet.add_data_validation(check)
    check.add(f"D{header + 1}:D{max(row, header + 1)}")
    if indicators is not None:
        figures = book.create_sheet(t("report.sheet.indicators", lang))
        header = _form_sheet(figures, indicators, FORM_INDICATOR_COLUMNS, lang, lines,
                             (8, 60, 22, 8, 12, 18, 45, 35, 14, 16))
        row = header
        for record in indicators.to_dict("records"):
            row += 1
            for col, name in enumerate(FORM_INDICATOR_COLUMNS, start=1):
                _cell(figures, row, col, name, record.get(name))
            figures.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        for r in range(header + 1, row + 51):  # room for another year of the same indicator, typed in later
            figures.cell(row=r, column=1).number_format = "@"
            figures.cell(row=r, column=10).number_format = "@"
        labels = [t(f"status.{s}", lang) if lang == "vi" else s for s in QUALITATIVE_STATUSES]
        check = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True,
                               showErrorMessage=False)
        figures.add_data_validation(check)
        check.add(f"F{header + 1}:F{row + 50}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
