"""The Word side of the compiled report: check a docxtpl template's fields against what the report supplies,
render it, and write the file the same way every time (so the same inputs give the same bytes)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "data" / "templates" / "bao_cao_6_thang.docx"  # the shipped one


def plan_template() -> Path:
    """The Word template of the plan in effect (plan.toml's `[report] template`, inside the plan folder)."""
    from hue57.plan_facts import facts  # noqa: PLC0415

    return facts().template or DEFAULT_TEMPLATE
CHART_WIDTH_MM = 160
CHART_PX = 900  # the chart's drawing width: about the page's text width at print size, so its type reads 1:1

# Every field the builder supplies is one the template must show: a template without one would leave a
# section, a number or the letterhead out of the report without anyone noticing.
REQUIRED_FIELDS = frozenset({
    "co_quan_chu_quan", "co_quan_ban_hanh", "quoc_hieu", "tieu_ngu", "so_van_ban", "dia_danh", "ngay_thang",
    "tieu_de", "trich_yeu", "kinh_gui", "mo_dau", "nhan", "chi_tieu", "nhiem_vu", "co_quan", "de_xuat",
    "noi_nhan", "chuc_vu_ky", "nguoi_ky",
})

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date: no build time in the file


class TemplateProblem(Exception):
    """The template cannot give a complete report: `kind` is file | missing | unknown, `fields` the names."""

    def __init__(self, kind: str, path: Path, fields: list[str] | None = None, reason: str = ""):
        super().__init__(f"{kind}: {path}: {', '.join(fields or []) or reason}")
        self.kind, self.path, self.fields, self.reason = kind, path, fields or [], reason


def stable_zip(data: bytes) -> bytes:
    """A .docx (a zip) rewritten with fixed entry times, in its own entry order: same content, same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def open_template(path: Path | str | None = None):
    """The docxtpl template at `path` (the shipped one by default); TemplateProblem('file') when unreadable."""
    from docxtpl import DocxTemplate  # noqa: PLC0415 — python-docx and lxml load only when a report is built

    path = Path(path or plan_template())
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # a missing file, not a zip, not a Word document: one message for each
        raise TemplateProblem("file", path, reason=f"{type(exc).__name__}: {exc}") from exc
    return tpl


_USED: dict[tuple, frozenset[str]] = {}  # (path, size, mtime) → the template's fields: parsed once per file version


def _used_fields(tpl, path: Path | str) -> frozenset[str]:
    try:
        stat = Path(path).stat()
        key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _USED:
        return _USED[key]
    used = frozenset(tpl.get_undeclared_template_variables())
    if key is not None:
        _USED[key] = used
    return used


def check_fields(tpl, path: Path | str, supplied: dict) -> None:
    """Refuse a template that lacks a required field or uses one the report does not supply (before rendering)."""
    try:
        used = set(_used_fields(tpl, path))
    except Exception as exc:  # a tag broken in Word (e.g. `{{ x }` ): the template does not parse
        raise TemplateProblem("file", Path(path), reason=f"{type(exc).__name__}: {exc}") from exc
    missing = sorted(REQUIRED_FIELDS - used)
    if missing:
        raise TemplateProblem("missing", Path(path), missing)
    unknown = sorted(used - set(supplied))
    if unknown:
        raise TemplateProblem("unknown", Path(path), unknown)


def render(fields: dict, chart_png: bytes | None, template: Path | str | None = None, *, opened=None) -> bytes:
    """The report's .docx bytes: `fields` rendered into the template, the chart image in `chi_tieu.bieu_do`."""
    from docx.shared import Mm  # noqa: PLC0415
    from docxtpl import InlineImage  # noqa: PLC0415

    path = Path(template or plan_template())
    tpl = opened if opened is not None else open_template(path)  # `opened`: checked by the caller, not rendered yet
    check_fields(tpl, path, fields)
    context = dict(fields)
    image = InlineImage(tpl, io.BytesIO(chart_png), width=Mm(CHART_WIDTH_MM)) if chart_png else ""
    context["chi_tieu"] = {**fields["chi_tieu"], "bieu_do": image}
    tpl.render(context, autoescape=True)  # every text is escaped: an '&' in a source or a name stays text
    props = tpl.docx.core_properties
    props.title = fields.get("trich_yeu", "")
    buf = io.BytesIO()
    tpl.save(buf)
    return stable_zip(buf.getvalue())
