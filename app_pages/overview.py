"""Tổng quan — status of every target for the chosen year and horizon: counts, gap chart, scorecard."""


import streamlit as st

from hue57 import calendar, charts, export, metrics, ui, views
from hue57.i18n import t

ctx = ui.current()
snap = ui.snapshot(ctx.upload_id)

st.title(t("page.overview", ctx.lang))
ui.data_as_of(snap, ctx)
presenting = ui.presentation_toggle(ctx)
filters = st.expander(t("overview.filters", ctx.lang), expanded=not presenting)  # out of a projector's way
c1, c2, c3, c4, c5 = filters.columns([1, 1, 2, 2, 2])
with c1:
    year = ui.as_of_year(ctx, t("indicator.as_of", ctx.lang))
with c2:
    horizon = ui.choice(ctx, "horizon", t("overview.horizon", ctx.lang), ["2030", "2045"],
                        lambda h: h or t("filter.all", ctx.lang), default="2030")
board = ui.board(ctx.upload_id, year)
names = dict(zip(board["code"], board["name_en" if ctx.lang == "en" else "name_vi"], strict=True))
with c3:
    group = ui.choice(ctx, "group", t("overview.group", ctx.lang), list(dict.fromkeys(board["group"])),
                      lambda g: f"{g}. {names.get(g, g)}" if g else t("filter.all", ctx.lang))
with c4:
    agency = ui.choice(ctx, "agency", t("col.agency", ctx.lang), views.agency_options(board["agency_ids"]),
                       lambda a: views.agency_label([a], snap.agencies, ctx.lang) if a else t("filter.all", ctx.lang))
with c5:
    status = ui.choice(ctx, "status", t("col.status", ctx.lang), list(metrics.STATUS_ORDER),
                       lambda s: views.status_text(s, ctx.lang) if s else t("filter.all", ctx.lang))

view = ui.overview(ctx.upload_id, year, ctx.lang, horizon=horizon, group=group, agency=agency, status=status)
if view.shown.empty:
    st.info(t("overview.no_rows", ctx.lang))
    st.stop()
if presenting:
    ui.present(view.shown, ctx)
    st.stop()
ui.status_tiles(view.counts)
ui.changes_since_previous_meeting(snap, year, ctx)

st.subheader(t("overview.gap_title", ctx.lang))
if len(view.bars):
    ui.chart(view.spec)
if missing := views.no_data_codes(view.shown):
    st.caption(t("overview.no_data_line", ctx.lang, n=len(missing), codes=", ".join(missing)))
if len(view.bars) < len(view.shown) - len(missing):
    st.caption(t("overview.gap_limited", ctx.lang, shown=len(view.bars), total=len(view.shown) - len(missing)))

st.subheader(t("overview.scorecard", ctx.lang))
code_col = t("col.code", ctx.lang)
st.dataframe(view.table.assign(**{code_col: views.indicator_urls(view.shown["code"], ctx.link_params())}),
             hide_index=True, width="stretch", column_config={code_col: st.column_config.LinkColumn(
                 code_col, display_text=r"code=([^&]+)", help=t("overview.open_indicator", ctx.lang))})
today = calendar.today()
d1, d2, d3, _ = st.columns([1, 1, 1, 2])  # files are built only when clicked
d1.download_button(t("export.csv", ctx.lang), lambda: export.csv_bytes(view.table),
                   file_name=f"tong-quan_{today}.csv", mime="text/csv")
d2.download_button(t("export.xlsx", ctx.lang), lambda: export.xlsx_bytes(view.table),
                   file_name=f"tong-quan_{today}.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
d3.download_button(t("export.png", ctx.lang), lambda: charts.chart_png(view.chart), mime="image/png",
                   file_name=charts.png_name("khoang-cach", today))
