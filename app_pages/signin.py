"""Đăng nhập — one sign-in for every account; each goes on to its own page."""

import streamlit as st

from hue57 import ui
from hue57.i18n import t
from hue57.ui._login import HOME, login_form

ctx = ui.current()
if ctx.user is None:
    login_form(ctx)
else:
    role = "admin" if ctx.admin else ctx.role
    st.title(t("page.signin", ctx.lang))
    st.info(t("auth.signed_in_as", ctx.lang, user=ctx.user, role=t(f"auth.role.{role}", ctx.lang)))
    st.page_link(f"app_pages/{HOME[role]}.py", label=t("auth.go_home", ctx.lang), icon=":material/arrow_forward:",
                 query_params=ctx.link_params())
