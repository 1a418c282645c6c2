"""Chỉ tiêu — one indicator's trajectory, the sentence and numbers behind its status, every value's source."""

import streamlit as st

from hue57 import briefing, calendar, charts, metrics, ui
from hue57.i18n import agency_label, fmt_value, plan_targets_text, t, target_name
from hue57.ui.views import indicator as indicator_view

ctx = ui.current()
snap = ui.snapshot(ctx.upload_id)
targets = snap.targets

codes = targets["code"].tolist()
names = dict(zip(codes, target_name(targets, ctx.lang), strict=True))
left, right = st.columns([3, 1])
with left:
    code = ui.choice(ctx, "code", t("indicator.choose", ctx.lang), codes,
                     lambda c: f"{c}. {names[c]}" if c else "—", default="7", navigational=True)
with right:
    year = ui.as_of_year(ctx, t("indicator.as_of", ctx.lang))
if (asked := st.query_params.get("code")) and asked not in names:
    st.warning(ui.plain(t("indicator.unknown", ctx.lang, code=asked)))

board = ui.board(ctx.upload_id, year)
rows = briefing.indicator_rows(board, code)  # every horizon of this indicator (7 → 2030 and 26 → 2045)
first = rows.iloc[0]
st.title(f"{code}. {names[code]}")
st.caption(f"{plan_targets_text(rows, ctx.lang)} — {t('indicator.lead', ctx.lang)}: "
           f"{agency_label(first['agency_ids'], snap.agencies, ctx.lang)}")

values = ui.indicator_values(first["indicator"], ctx.upload_id)
if (rows["plan_comparator"] == "qualitative").all():
    st.info(t("indicator.qualitative", ctx.lang))
elif rows["latest_value"].isna().all():  # nothing to draw: a sentence, not an empty chart with a legend
    st.info(t("indicator.no_chart", ctx.lang))
else:
    plan_rows = targets[targets["code"].isin(rows["code"])]
    marks = indicator_view.basis_changes(values[values["year"] <= year], ctx.lang) if first["unit"] == "rank" else None
    chart = charts.trajectory(metrics.paths(plan_rows, snap.actuals, year), briefing.target_rules(rows),
                              unit=first["unit"], lang=ctx.lang, basis_changes=marks)
    ui.chart(chart)
    st.download_button(t("export.png", ctx.lang), lambda: charts.chart_png(chart), mime="image/png",
                       file_name=charts.png_name(f"chi-tieu-{code}", calendar.today()))

for _, row in rows.iterrows():
    st.subheader(t("horizon.year", ctx.lang, year=int(row["horizon"])))
    st.markdown(f"**{charts.STATUS_ICONS[row['status']]}** {metrics.explain(row, ctx.lang)}")
    if briefing.slips_by_horizon(row):
        st.warning(t("indicator.slipping", ctx.lang, horizon=int(row["horizon"]),
                     projected=fmt_value(row["projected_value"], row["unit"], ctx.lang)))
    if briefing.has_numbers(row):
        ui.table(indicator_view.assessment_facts(row, ctx.lang), cards=False)

st.subheader(t("indicator.values", ctx.lang))
if values.empty:
    st.caption(t("indicator.no_values", ctx.lang))
else:
    ui.table(indicator_view.value_listing(values, first["unit"], ctx.lang),
             nowrap=[t("col.year", ctx.lang)], wide=[t("col.source", ctx.lang), t("col.note", ctx.lang)])
