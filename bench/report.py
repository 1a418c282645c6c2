"""Benchmark: building the compiled Word report for the plan's data against rendering the bare template.

Both in the same run, on a fresh database initialised from `data/` in a temporary folder:
- report: `document.build` (load the snapshot, assess every target, the task table, agency states, the gap
  chart drawn by vl-convert, the template's fields checked, docxtpl rendering, stable zip) for 2026-H2;
- baseline: the same template rendered by docxtpl with empty tables and no chart (opening, Jinja, saving).
Prints the median of 7 timings of each (after one warm-up, which loads python-docx, Altair and Vega and draws the
chart once: the report keeps the chart image per data version, `hue57/document/_chart.py`), in processor time
(this machine is shared: wall time swings with the neighbours' load) and wall time, their ratio, and what
drawing the chart costs when it is not cached. Run: `.venv/bin/python bench/report.py`.
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

RUNS = 7
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


def timed(func) -> tuple[float, float, object]:
    start, cpu = time.perf_counter(), time.process_time()
    result = func()
    return time.process_time() - cpu, time.perf_counter() - start, result


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "hue57.duckdb"
        store.init(db)

        def build():
            return document.build(db, "2026-H2", on=ON, proposals="Đề xuất.")

        first = build()
        bare_template()  # warm-up: imports, fonts, Vega

        def chart():
            from hue57.document import _chart
            from hue57.document._docx import CHART_PX

            _chart._MEMORY.clear()
            for cached in _chart._DISK.glob("*.png"):
                cached.unlink()
            return _chart.chart_png(first.content.chart, CHART_PX)

        built = [timed(build) for _ in range(RUNS)]
        drawn = [timed(chart) for _ in range(RUNS)]
        bare = [timed(bare_template) for _ in range(RUNS)]
    size = len(built[0][2].data)
    for label, clock in (("processor", 0), ("wall", 1)):
        t_report = statistics.median(r[clock] for r in built)
        t_bare = statistics.median(r[clock] for r in bare)
        t_chart = statistics.median(r[clock] for r in drawn)
        print(f"[{label} time] report.build (plan data, 2026-H2, {size / 1024:.0f} KiB): {t_report * 1000:7.1f} ms; "
              f"bare template render: {t_bare * 1000:6.1f} ms; ratio report / bare: {t_report / t_bare:.1f}x "
              f"(drawing the chart uncached: {t_chart * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
