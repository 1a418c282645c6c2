"""hue57 entry point: page config, who is looking (viewer, analyst, meeting link), navigation."""

import streamlit as st

from hue57 import ui

st.set_page_config(page_title="hue57", page_icon=":material/insights:", layout="wide")
ui.guard_uploads()  # Streamlit keeps an uploaded file only for a signed-in analyst's or agency's session
ctx = ui.start()
st.session_state["hue57_ctx"] = ctx
if ctx.role == "refused":
    ui.refuse_link(ctx)  # a tampered, expired or revoked link: the reason, and no data at all
    st.stop()
page = ui.navigation(ctx)
ui.screen_words(ctx.lang)  # Streamlit's own words (file picker, empty table) in the reader's language
ui.read_only_banner(ctx)
with ui.friendly_errors(ctx):
    page.run()
