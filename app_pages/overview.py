"""Tổng quan — every target of Appendix I with its latest actual, year and source."""

import streamlit as st

from hue57 import ui
from hue57.i18n import t
from hue57.views import target_listing

ctx = ui.current()
snap = ui.snapshot(ctx.upload_id)

st.title(t("page.overview", ctx.lang))
st.caption(t("overview.caption", ctx.lang))
ui.data_as_of(snap, ctx)
st.dataframe(target_listing(snap, ctx.lang), hide_index=True, width="stretch")
