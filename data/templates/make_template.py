"""Writes bao_cao_6_thang.docx, the Word template of the compiled six-monthly report (run from anywhere:
`.venv/bin/python data/templates/make_template.py`); the same script gives the same file, byte for byte.

Layout of an administrative report (Decree 30/2020/NĐ-CP, Appendix I): A4, margins 20/20/30/15 mm, Times New
Roman; a borderless two-cell header table (issuing body and number on the left; national motto and
place and date on the right), the centred bold kind "BÁO CÁO" and summary, the body at 14 pt, "Nơi nhận" and
the signature block side by side at the end. Every word that varies (letterhead, number, place, date,
titles, headings, tables) is a docxtpl field, so a province edits layout in Word and words in data/plan.toml
or the text catalogue. The fields a report needs are listed in hue57/document/_docx.py (REQUIRED_FIELDS).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the repository root, for hue57

from hue57.document._docx import stable_zip  # noqa: E402

OUT = HERE / "bao_cao_6_thang.docx"
FONT = "Times New Roman"


def _font(style, size: float) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _para(container, text: str = "", *, bold=False, italic=False, size=None, align=None, before=0, after=6,
          indent_first=False, underline=False):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if align is not None:
        p.alignment = align
    if indent_first:
        fmt.first_line_indent = Mm(10)
    if text:
        run = p.add_run(text)  # one run per field: docxtpl needs a tag whole inside one run
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = Pt(size)
    return p


def _tag(container, tag: str):
    """A paragraph holding only a docxtpl block tag ({%p … %}): the whole paragraph goes when rendered."""
    return _para(container, tag, after=0)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _cell(cell, text: str, *, bold=False, italic=False, size=11, align=WD_ALIGN_PARAGRAPH.LEFT):
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    return p


def _widths(table, mm: list[float]) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and in every cell (Word reads those)."""
    table.autofit = False
    for col, w in zip(table.columns, mm, strict=True):
        col.width = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, mm, strict=True):
            cell.width = Mm(w)


def _data_table(doc, headers: list[str], cells: list[str], loop: str, widths: list[float]) -> None:
    """A grid table: a bold header row, a loop row ({%tr for …%}), one row of fields, the end row."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell(table.rows[1].cells[0], "{%tr for r in " + loop + " %}")
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        _cell(cell, text)
    _cell(table.rows[3].cells[0], "{%tr endfor %}")
    _widths(table, widths)
    _para(doc, after=3)


def _page_numbers(section) -> None:
    """The page number centred in the top margin, from page 2 (Decree 30/2020/NĐ-CP, Appendix I: "canh giữa
    theo chiều ngang trong phần lề trên … không hiển thị số trang thứ nhất"): a PAGE field in the header, and a
    different, empty first-page header."""
    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = p.add_run()
        run.font.size = Pt(13)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text  # the cached value shown until the field is updated
    section.first_page_header.paragraphs[0].text = ""


def build(out: Path = OUT) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _font(doc.styles["Normal"], 14)
    _font(doc.styles["Table Grid"], 11)
    _page_numbers(section)
    props = doc.core_properties
    props.author = props.last_modified_by = "hue57"
    props.title = "Báo cáo 6 tháng (mẫu)"
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1

    # Header: issuing body and number | national motto and place, date (Decree 30, Appendix I, items 1–5).
    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(head)
    left, right = head.rows[0].cells
    _cell(left, "{{ co_quan_chu_quan }}", size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(left, "{{ co_quan_ban_hanh }}", bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(left, "Số: {{ so_van_ban }}", size=13, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=0)
    _cell(right, "{{ quoc_hieu }}", bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(right, "{{ tieu_ngu }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _para(right, "{{ dia_danh }}, {{ ngay_thang }}", italic=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER,
          before=6, after=0)
    _widths(head, [72, 93])

    _para(doc, "{{ tieu_de }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=18, after=0)
    _para(doc, "{{ trich_yeu }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _para(doc, "{{ kinh_gui }}", align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _para(doc, "{{ mo_dau }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_first=True)

    # I. Targets
    _para(doc, "{{ nhan.muc_i }}", bold=True, before=6)
    _para(doc, "{{ chi_tieu.tom_tat }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_first=True)
    _data_table(doc, ["{{ nhan.trang_thai }}", "{{ nhan.so_luong }}"], ["{{ r.ten }}", "{{ r.so }}"],
                "chi_tieu.dem", [110, 40])
    _tag(doc, "{%p for nhom in chi_tieu.nhom %}")
    _para(doc, "{{ nhom.ten }}", bold=True, italic=True, before=6)
    _tag(doc, "{%p if nhom.dong %}")
    _data_table(doc, ["{{ nhan.ma }}", "{{ nhan.chi_tieu }}", "{{ nhom.cot_muc_tieu }}", "{{ nhan.thuc_hien }}",
                      "{{ nhan.trang_thai }}", "{{ nhan.giai_thich }}"],
                ["{{ r.ma }}", "{{ r.ten }}", "{{ r.muc_tieu }}", "{{ r.thuc_hien }}", "{{ r.trang_thai }}",
                 "{{ r.giai_thich }}"], "nhom.dong", [11, 33, 22, 31, 19, 49])
    _tag(doc, "{%p endif %}")
    _para(doc, "{{ nhom.chua_co_so_lieu }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_first=True)
    _tag(doc, "{%p endfor %}")
    _para(doc, "{{ chi_tieu.bieu_do }}", align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=0)
    _para(doc, "{{ nhan.bieu_do }}", italic=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)

    # II. Tasks
    _para(doc, "{{ nhan.muc_ii }}", bold=True, before=6)
    _para(doc, "{{ nhiem_vu.tom_tat }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_first=True)
    _data_table(doc, ["{{ nhan.tinh_trang }}", "{{ nhan.so_luong }}"], ["{{ r.ten }}", "{{ r.so }}"],
                "nhiem_vu.dem", [110, 40])
    for title, rows in (("qua_han_tieu_de", "qua_han"), ("hoan_thanh_tieu_de", "hoan_thanh")):
        _para(doc, "{{ nhiem_vu." + title + " }}", bold=True, italic=True, before=6)
        _tag(doc, "{%p if nhiem_vu." + rows + " %}")
        _data_table(doc, ["{{ nhan.stt }}", "{{ nhan.nhiem_vu }}", "{{ nhan.co_quan_chu_tri }}", "{{ nhan.thoi_han }}"],
                    ["{{ r.stt }}", "{{ r.ten }}", "{{ r.co_quan }}", "{{ r.thoi_han }}"], "nhiem_vu." + rows,
                    [12, 83, 40, 30])
        _tag(doc, "{%p else %}")
        _para(doc, "{{ nhan.khong_co }}", indent_first=True)
        _tag(doc, "{%p endif %}")

    # III. Agencies' reports
    _para(doc, "{{ nhan.muc_iii }}", bold=True, before=6)
    _para(doc, "{{ co_quan.tom_tat }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_first=True)
    _tag(doc, "{%p for dong in co_quan.nhom %}")
    _para(doc, "- {{ dong.trang_thai }} ({{ dong.so }}): {{ dong.danh_sach }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY,
          indent_first=True)
    _tag(doc, "{%p endfor %}")

    # IV. Proposals (the analyst's text)
    _para(doc, "{{ nhan.muc_iv }}", bold=True, before=6)
    _tag(doc, "{%p for doan in de_xuat %}")
    _para(doc, "{{ doan }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_first=True)
    _tag(doc, "{%p endfor %}")

    # Recipients | signature (Decree 30, Appendix I, items 7–9)
    foot = doc.add_table(rows=1, cols=2)
    _no_borders(foot)
    left, right = foot.rows[0].cells
    _cell(left, "{{ nhan.noi_nhan }}", bold=True, italic=True, size=12)
    _tag(left, "{%p for n in noi_nhan %}")
    _para(left, "- {{ n }}", size=11, after=0)
    _tag(left, "{%p endfor %}")
    _cell(right, "{{ chuc_vu_ky }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(right, "", after=60)
    _para(right, "{{ nguoi_ky }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(foot, [85, 80])
    _para(doc, after=0, size=1).paragraph_format.line_spacing = Pt(1)  # the body's last paragraph: no spare page

    tmp = out.with_suffix(".tmp")
    doc.save(tmp)
    out.write_bytes(stable_zip(tmp.read_bytes()))
    tmp.unlink()
    return out


if __name__ == "__main__":
    print(build())
