"""Chỉ tiêu — one indicator's trajectory, the sentence and numbers behind its status, every value's source."""

import datetime as dt

import streamlit as st

from hue57 import charts, metrics, store, ui, views
from hue57.i18n import t

ctx = ui.current()
snap = ui.snapshot(ctx.upload_id)
targets = snap.targets

codes = targets["code"].tolist()
names = dict(zip(codes, views.target_name(targets, ctx.lang), strict=True))
left, right = st.columns([3, 1])
with left:
    code = ui.choice(ctx, "code", t("indicator.choose", ctx.lang), codes,
                     lambda c: f"{c}. {names[c]}" if c else "—", default="7", navigational=True)
with right:
    year = ui.as_of_year(ctx, t("indicator.as_of", ctx.lang))
if code not in names:
    st.warning(t("indicator.unknown", ctx.lang, code=code))
    st.stop()

rows = views.indicator_rows(targets, code)  # every horizon of this indicator (7 → 2030 and 26 → 2045)
first = rows.iloc[0]
st.title(f"{code}. {names[code]}")
st.caption(f"{t('indicator.plan_wording', ctx.lang)}: {' · '.join(rows['text_vi'])} — "
           f"{t('col.agency', ctx.lang)}: {first['agency'] or '—'}")

assessed = metrics.assess(rows, snap.actuals, year)
if (rows["comparator"] == "qualitative").all():
    st.info(t("indicator.qualitative", ctx.lang))
else:
    chart = charts.trajectory(metrics.paths(rows, snap.actuals, year), assessed, unit=first["unit"], lang=ctx.lang)
    ui.chart(chart)
    st.download_button(t("export.png", ctx.lang), lambda: charts.chart_png(chart), mime="image/png",
                       file_name=charts.png_name(f"chi-tieu-{code}", dt.date.today()))

for _, row in assessed.iterrows():
    st.subheader(t(f"horizon.{int(row['horizon'])}", ctx.lang))
    st.markdown(f"**{views.status_text(row['status'], ctx.lang)}** — {metrics.explain(row, ctx.lang)}")
    st.dataframe(views.assessment_facts(row, ctx.lang), hide_index=True, width="stretch")

st.subheader(t("indicator.values", ctx.lang))
history = store.actuals_history(None, [first["indicator"]], ctx.upload_id)
if history.empty:
    st.caption(t("indicator.no_values", ctx.lang))
else:
    st.dataframe(views.value_listing(history, first["unit"], ctx.lang), hide_index=True, width="stretch")
