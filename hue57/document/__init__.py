"""The compiled six-monthly report to the People's Committee: a Word document built from one snapshot.

Every number in it is the dashboard's number for the same snapshot (upload) and date: the content is
gathered by `_content.gather` from `store.load`, `briefing.board_for` (the gap method), `metrics.explain` and
`tasks.task_table`; section III reads a frame of agency states (`_agencies`). The document is a docxtpl
template in `data/templates/` (rebuilt by `data/templates/make_template.py`) whose fields are checked
before rendering. Each build is recorded with its file in `reports_built`, to be listed and downloaded again.

Page-facing functions: `build` (no record), `build_and_record`, `list_documents`, `document_bytes`, `to_pdf`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from hue57 import calendar, reporting, store
from hue57.document._agencies import STATES, agency_lines, agency_states
from hue57.document._content import (
    DocumentContent,
    DocumentInputs,
    DocumentRefused,
    check_period,
    default_date,
    gather,
)
from hue57.document._docx import (
    DEFAULT_TEMPLATE,
    REQUIRED_FIELDS,
    TemplateProblem,
    check_fields,
    open_template,
    plan_template,
    render,
)
from hue57.i18n import fmt_date, fmt_datetime, t, who_label

__all__ = [
    "DEFAULT_TEMPLATE", "REQUIRED_FIELDS", "STATES", "BuiltDocument", "DocumentContent", "DocumentInputs", "DocumentRefused",
    "TemplateProblem", "agency_lines", "agency_states", "build", "build_and_record", "check_period", "default_date",
    "gather", "list_documents", "document_bytes", "office_binary", "preview_tables", "to_pdf",
]


@dataclass(frozen=True)
class BuiltDocument:
    content: DocumentContent
    data: bytes
    sha256: str
    filename: str
    report_id: int | None = None


def _committed_upload(db, as_of_upload: int | None, lang: str) -> int | None:
    if as_of_upload is None:
        return None
    history = store.uploads(db)
    ok = history[(history["status"] == "committed") & history["id"].notna()]["id"].astype(int)
    if int(as_of_upload) not in set(ok):
        raise DocumentRefused(t("report.error.upload", lang, upload=as_of_upload))
    return int(as_of_upload)


def _template_message(problem: TemplateProblem, lang: str) -> str:
    if problem.kind == "missing":
        return t("report.error.template_missing", lang, path=problem.path, fields=", ".join(problem.fields),
                 first=problem.fields[0])
    if problem.kind == "unknown":
        return t("report.error.template_unknown", lang, path=problem.path, fields=", ".join(problem.fields))
    return t("report.error.template_file", lang, path=problem.path, reason=problem.reason)


def file_name(period: str, on: dt.date, upload_id: int, lang: str) -> str:
    """'bao-cao_2026-H2_2026-11-30_cap-nhat-5.docx' (ASCII: a name any mail system keeps)."""
    stem = "report" if lang == "en" else "bao-cao"
    upload = "upload" if lang == "en" else "cap-nhat"
    return f"{stem}_{period}_{on.isoformat()}_{upload}-{upload_id}.docx"


def build(db: str | os.PathLike | None, period: str, *, as_of_upload: int | None = None, on: dt.date | None = None,
          lang: str = "vi", proposals: str = "", template: str | os.PathLike | None = None) -> BuiltDocument:
    """The report for `period` from the data as of `as_of_upload` (newest when None), dated `on` (default:
    `default_date`). Raises DocumentRefused (message in `lang`) for an unknown period, upload or date, or a
    template that lacks a field or uses one the report does not supply; nothing is written."""
    period = check_period(period, lang)
    upload = _committed_upload(db, as_of_upload, lang)
    path = Path(template or plan_template())
    try:
        opened = open_template(path)
        check_fields(opened, path, dict.fromkeys(REQUIRED_FIELDS))  # before anything is gathered
    except TemplateProblem as problem:
        raise DocumentRefused(_template_message(problem, lang)) from problem
    snap = store.load(db, upload)
    on = on or default_date(period)
    states = reporting.report_states(db, period, on, snap=snap)
    content = gather(snap, DocumentInputs(period, on, lang, proposals), states)
    png = None
    if content.chart_rows is not None:
        from hue57.document._chart import chart_png, rows_key  # noqa: PLC0415 — vl-convert only when drawn
        from hue57.document._docx import CHART_PX  # noqa: PLC0415

        png = chart_png(lambda: content.chart, CHART_PX, key=rows_key(content.chart_rows, lang, CHART_PX))
    try:
        data = render(content.fields, png, path, opened=opened)
    except TemplateProblem as problem:
        raise DocumentRefused(_template_message(problem, lang)) from problem
    return BuiltDocument(content, data, hashlib.sha256(data).hexdigest(), file_name(period, on, snap.upload_id, lang))


def build_and_record(db: str | os.PathLike | None, period: str, *, by: str, **options) -> BuiltDocument:
    """`build`, then record who built it, when, for which period, snapshot and date, with the file."""
    report = build(db, period, **options)
    inputs = report.content.inputs
    report_id = store.insert_document(db, by=by, period=inputs.period, upload_id=report.content.upload_id,
                                    as_of=inputs.on, lang=inputs.lang, filename=report.filename, sha256=report.sha256,
                                    proposals=inputs.proposals, content=report.data)
    return BuiltDocument(report.content, report.data, report.sha256, report.filename, report_id)


def list_documents(db: str | os.PathLike | None, lang: str = "vi") -> pd.DataFrame:
    """The built reports, newest first, as the page lists them (the `id` column stays a number): the period by
    its label, the builder by account name ("dòng lệnh" for a build from the command line), the language by name."""
    from hue57.tasks.periods import period_label  # noqa: PLC0415

    rows = store.built_documents(db)
    accounts = set(store.list_users(db)["name"]) if len(rows) else set()
    return pd.DataFrame({
        "id": rows["id"].astype("int64"),
        t("report.col.built_at", lang): [fmt_datetime(calendar.local(pd.Timestamp(a).to_pydatetime()), lang)
                                         for a in rows["built_at"]],
        t("report.col.by", lang): [who_label(b, accounts, lang) for b in rows["by"]],
        t("report.col.period", lang): [period_label(p, lang) for p in rows["period"]],
        t("report.col.upload", lang): [f"#{u}" for u in rows["upload_id"]],
        t("report.col.on", lang): [fmt_date(pd.Timestamp(d).date(), lang) for d in rows["as_of"]],
        t("report.col.lang", lang): [t(f"lang.{x}", lang) if x in ("vi", "en") else x for x in rows["lang"]],
        "SHA-256": rows["sha256"].str[:12],
    })


def document_bytes(db: str | os.PathLike | None, report_id: int, lang: str = "vi") -> tuple[str, bytes]:
    """(file name, bytes) of a report built earlier; DocumentRefused when there is none with that number."""
    found = store.document_file(db, report_id)
    if found is None:
        raise DocumentRefused(t("report.error.unknown_report", lang, id=report_id))
    return found


def office_binary() -> str | None:
    """LibreOffice's command (soffice or libreoffice) when installed, else None."""
    import shutil  # noqa: PLC0415

    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: bytes, lang: str = "vi", timeout: float = 120) -> bytes:
    """The PDF of a built report, converted by LibreOffice headless in a private folder and profile; checked to
    be a PDF. DocumentRefused when LibreOffice is missing or fails."""
    import subprocess  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    office = office_binary()
    if office is None:
        raise DocumentRefused(t("report.error.pdf_tool", lang))
    with tempfile.TemporaryDirectory(prefix="hue57-pdf-") as folder:
        src = Path(folder) / "report.docx"
        src.write_bytes(docx)
        try:
            run = subprocess.run([office, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                                  "--convert-to", "pdf", "--outdir", folder, str(src)],
                                 capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DocumentRefused(t("report.error.pdf_failed", lang, reason=type(exc).__name__)) from exc
        pdf = Path(folder) / "report.pdf"
        data = pdf.read_bytes() if pdf.exists() else b""
        if not data.startswith(b"%PDF-"):
            reason = (run.stderr or run.stdout or f"exit {run.returncode}").strip().splitlines()[-1:] or ["?"]
            raise DocumentRefused(t("report.error.pdf_failed", lang, reason=reason[0][:200]))
        return data


def preview_tables(content: DocumentContent) -> list[tuple[str, pd.DataFrame | None]]:
    """Sections I–III as (heading, table) pairs for the page's preview: the same fields the document shows
    (a line without a table, such as the indicators without data, has None)."""
    f, lab = content.fields, content.fields["nhan"]
    out = [(f["chi_tieu"]["tom_tat"], pd.DataFrame(f["chi_tieu"]["dem"]).set_axis([lab["trang_thai"], lab["so_luong"]],
                                                                                  axis=1))]
    for group in f["chi_tieu"]["nhom"]:
        out.append((group["ten"], pd.DataFrame(group["dong"], columns=["ma", "ten", "muc_tieu", "thuc_hien", "trang_thai",
                                                                       "giai_thich"]).set_axis(
            [lab["ma"], lab["chi_tieu"], group["cot_muc_tieu"], lab["thuc_hien"], lab["trang_thai"], lab["giai_thich"]],
            axis=1)))
        if group["chua_co_so_lieu"]:
            out.append((group["chua_co_so_lieu"], None))  # a line, no table
    tasks_ = f["nhiem_vu"]
    out.append((tasks_["tom_tat"], pd.DataFrame(tasks_["dem"]).set_axis([lab["tinh_trang"], lab["so_luong"]], axis=1)))
    task_cols = [lab["stt"], lab["nhiem_vu"], lab["co_quan_chu_tri"], lab["thoi_han"]]
    for title, rows in (("qua_han_tieu_de", "qua_han"), ("hoan_thanh_tieu_de", "hoan_thanh")):
        out.append((tasks_[title], pd.DataFrame(tasks_[rows], columns=["stt", "ten", "co_quan", "thoi_han"]).set_axis(
            task_cols, axis=1)))
    out.append((f["co_quan"]["tom_tat"], pd.DataFrame(f["co_quan"]["nhom"]).set_axis(
        [lab["trang_thai"], lab["so_luong"], lab["muc_iii"]], axis=1)))
    return out
