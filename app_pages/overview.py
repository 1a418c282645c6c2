"""Tổng quan — the briefing: what needs attention, each gap on its own scale, what changed, the scorecard."""


import contextlib

import streamlit as st

from hue57 import briefing, calendar, charts, export, metrics, ui
from hue57.i18n import agency_label, status_label, t
from hue57.ui.views import overview as overview_view

ctx = ui.current()
snap = ui.snapshot(ctx.upload_id)

presenting = ui.presenting(ctx)  # a slide deck: no title, no controls, only the slides
if not presenting:
    st.title(t("page.overview", ctx.lang))
    # Filters and downloads sit in popovers whose contents run only while open: a whole meeting opens this
    # page at once, and each widget drawn costs the browser time (bench/pages.py). Closed, the filters still
    # apply: their values live in the URL. The line under the bar says which view is shown.
    bar = st.container(horizontal=True, vertical_alignment="center")
    filters = bar.popover(t("overview.filters", ctx.lang), icon=":material/filter_list:", key="overview_filters",
                          on_change="rerun")
    downloads = bar.popover(t("export.menu", ctx.lang), icon=":material/download:", key="overview_downloads",
                            on_change="rerun")
with filters if not presenting else contextlib.nullcontext():
    draw = not presenting and bool(filters.open)
    year = ui.as_of_year(ctx, t("indicator.as_of", ctx.lang), draw=draw)
    horizons = briefing.horizons(snap.targets)
    horizon = ui.choice(ctx, "horizon", t("overview.horizon", ctx.lang), horizons,
                        lambda h: h or t("filter.all", ctx.lang), default=horizons[0], draw=draw)
    board = ui.board(ctx.upload_id, year)
    names = dict(zip(board["code"], board["name_en" if ctx.lang == "en" else "name_vi"], strict=True))

    def group_name(g: str) -> str:
        return f"{g}. {names.get(g, g)}" if g else t("filter.all", ctx.lang)

    def agency_name(a: str) -> str:
        return agency_label([a], snap.agencies, ctx.lang) if a else t("filter.all", ctx.lang)

    def status_name(s: str) -> str:
        return status_label(s, ctx.lang) if s else t("filter.all", ctx.lang)

    group = ui.choice(ctx, "group", t("overview.group", ctx.lang), list(dict.fromkeys(board["group"])), group_name,
                      draw=draw)
    agency = ui.choice(ctx, "agency", t("col.agency", ctx.lang), briefing.agency_options(board["agency_ids"]),
                       agency_name, draw=draw)
    status = ui.choice(ctx, "status", t("col.status", ctx.lang), list(metrics.STATUS_ORDER), status_name, draw=draw)
if not presenting:
    with bar:
        ui.presentation_toggle(ctx)
    ui.data_as_of(snap, ctx, [(label, value) for label, value, chosen in [
        (t("indicator.as_of", ctx.lang), year, True),
        (t("overview.horizon", ctx.lang), horizon or t("filter.all", ctx.lang), True),
        (t("overview.group", ctx.lang), group_name(group), bool(group)),
        (t("col.agency", ctx.lang), agency_name(agency), bool(agency)),
        (t("col.status", ctx.lang), status_name(status), bool(status))] if chosen])

view = ui.overview(ctx.upload_id, year, ctx.lang, horizon=horizon, group=group, agency=agency, status=status)
if not presenting and downloads.open and not view.shown.empty:  # files are built only when a button is clicked
    today = calendar.today()
    with downloads:
        st.download_button(t("export.csv", ctx.lang), lambda: export.csv_bytes(view.table),
                           file_name=f"tong-quan_{today}.csv", mime="text/csv")
        st.download_button(t("export.xlsx", ctx.lang),
                           lambda: export.xlsx_bytes(*overview_view.scorecard_export(view.shown, ctx.lang)),
                           file_name=f"tong-quan_{today}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        st.download_button(t("export.png", ctx.lang), lambda: charts.chart_png(view.chart), mime="image/png",
                           file_name=charts.png_name("khoang-cach", today))
elif not presenting and downloads.open:
    downloads.caption(t("overview.no_rows", ctx.lang))
if view.shown.empty:
    st.info(t("overview.no_rows", ctx.lang))
    st.stop()
changes = ui.changes_since_previous_meeting(snap, year, ctx)
if presenting:
    ui.present(view, changes, ctx, snap, year)
    st.stop()
ui.overview_report(view, ctx, changes)
