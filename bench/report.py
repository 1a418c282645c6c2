"""Benchmark: building the compiled Word report for the plan's data against rendering the bare template.

Both in the same run, on a fresh database initialised from `data/` in a temporary folder:
- report: `document.build` (load the snapshot, assess every target, the task table, agency states, the gap
  chart drawn by vl-convert, the template's fields checked, docxtpl rendering, stable zip) for 2026-H2;
- baseline: the same template rendered by docxtpl with empty tables and no chart (opening, Jinja, saving).
Prints the median of 5 timings of each (after one warm-up, which loads python-docx, Altair and Vega) and
their ratio, and how much of the build is the chart. Run: `.venv/bin/python bench/report.py`.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hue57 import document, store  # noqa: E402
from hue57.document._docx import DEFAULT_TEMPLATE  # noqa: E402

RUNS = 5
ON = dt.date(2026, 11, 30)


def bare_template() -> bytes:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(DEFAULT_TEMPLATE))
    empty = {"tom_tat": "", "dem": [], "nhom": [], "bieu_do": "", "qua_han_tieu_de": "",
             "qua_han": [], "hoan_thanh_tieu_de": "", "hoan_thanh": []}
    context = {name: "" for name in document.REQUIRED_FIELDS}
    context.update(nhan={}, chi_tieu=empty, nhiem_vu=empty, co_quan=empty, de_xuat=[], noi_nhan=[])
    tpl.render(context, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "hue57.duckdb"
        store.init(db)

        def build():
            return document.build(db, "2026-H2", on=ON, proposals="Đề xuất.")

        first = build()
        bare_template()  # warm-up: imports, fonts, Vega

        def chart():
            from hue57 import charts
            from hue57.document._docx import CHART_PX

            return charts.chart_png(first.content.chart, width=CHART_PX)

        built = [timed(build) for _ in range(RUNS)]
        drawn = [timed(chart) for _ in range(RUNS)]
        bare = [timed(bare_template) for _ in range(RUNS)]
    t_report = statistics.median(s for s, _ in built)
    t_bare = statistics.median(s for s, _ in bare)
    size = len(built[0][1].data)
    print(f"report.build (plan data, 2026-H2, {size / 1024:.0f} KiB): {t_report * 1000:8.1f} ms (median of {RUNS})")
    print(f"bare template render (same template, no data):  {t_bare * 1000:8.1f} ms (median of {RUNS})")
    print(f"  of which the gap chart (vl-convert PNG):       {statistics.median(s for s, _ in drawn) * 1000:8.1f} ms")
    print(f"ratio report / bare: {t_report / t_bare:.1f}x")


if __name__ == "__main__":
    main()
