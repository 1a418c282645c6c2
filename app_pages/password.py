"""Mật khẩu — set a password from a one-time link (no sign-in needed), or change one's own."""

import streamlit as st

from hue57 import ui
from hue57.i18n import t
from hue57.ui import _accounts
from hue57.ui._login import login_form

ctx = ui.current()
token = st.query_params.get("t")
if ctx.shared:
    st.error(t("auth.refused_shared", ctx.lang))
elif token or st.session_state.get("hue57_password_set"):
    _accounts.set_password_form(ctx, token or "")
elif ctx.user is not None:
    _accounts.change_password_form(ctx)
else:
    st.info(t("auth.password.sign_in_first", ctx.lang))
    login_form(ctx)
