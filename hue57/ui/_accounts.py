"""The account pages' pieces: the accounts list and change log as readers see them, and the password forms."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from hue57 import auth, calendar, store
from hue57.i18n import fmt_datetime, t
from hue57.ui._context import Context
from hue57.ui._login import FORM_WIDTH, client_address, login_form, open_session


def _when(moment, lang: str, empty: str) -> str:
    if moment is None or pd.isna(moment):
        return empty
    return fmt_datetime(calendar.local(pd.Timestamp(moment).to_pydatetime()), lang)


def agency_names(lang: str) -> dict[str, str]:
    """agency_id → the name readers know (short Vietnamese, or English)."""
    agencies = store.load(store.db_path()).agencies
    column = "name_en" if lang == "en" else "short_vi"
    return {a: (n if isinstance(n, str) and n else a) for a, n in zip(agencies["agency_id"], agencies[column], strict=True)}


def accounts_listing(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`auth.accounts` in the reader's words: role, agency name, state, last sign-in in local time."""
    names = agency_names(lang)
    return pd.DataFrame({
        t("accounts.col.name", lang): frame["name"].astype(str).to_numpy(),
        t("accounts.col.role", lang): [t(f"auth.role.{r}", lang) for r in frame["role"]],
        t("accounts.col.agency", lang): [names.get(a, a) if isinstance(a, str) else "" for a in frame["agency"]],
        t("accounts.col.email", lang): [e if isinstance(e, str) else "" for e in frame["email"]],
        t("accounts.col.state", lang): [t(f"auth.state.{s}", lang) for s in frame["state"]],
        t("accounts.col.last_sign_in", lang): [_when(m, lang, t("accounts.never", lang)) for m in frame["last_sign_in"]],
    })


def changes_listing(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("accounts.col.at", lang): [_when(m, lang, "") for m in frame["at"]],
        t("accounts.col.by", lang): frame["by"].astype(str).to_numpy(),
        t("accounts.col.name", lang): frame["name"].astype(str).to_numpy(),
        t("accounts.col.action", lang): [t(f"accounts.action.{a}", lang) for a in frame["action"]],
        t("accounts.col.detail", lang): [d if isinstance(d, str) else "" for d in frame["detail"]],
    })


def links_listing(links: list[auth.AccountLink], lang: str) -> pd.DataFrame:
    names = agency_names(lang)
    return pd.DataFrame({
        t("accounts.col.name", lang): [link.name for link in links],
        t("accounts.col.agency", lang): [names.get(link.agency_id, "") if link.agency_id else "" for link in links],
        "URL": [link.url for link in links],
    })


def refusal_text(exc: auth.UserRefused, lang: str) -> str:
    return t(exc.key, lang, **exc.params)


def require_admin(ctx: Context) -> bool:
    """True for the account administrator; a signed-out reader gets the sign-in, anyone else a refusal."""
    if ctx.admin:
        return True
    if ctx.user is None and not ctx.shared:
        login_form(ctx)
        return False
    st.error(t("accounts.refused", ctx.lang))
    return False


def set_password_form(ctx: Context, token: str) -> None:
    """The page a one-time link opens: choose a password (twice), no sign-in needed; then the sign-in."""
    db = store.db_path()
    done = st.session_state.get("hue57_password_set")
    if done:
        st.success(t("auth.password.set_done", ctx.lang, user=done))
        login_form(ctx)
        return
    name = auth.link_holder(db, token)
    st.title(t("auth.password.set_title", ctx.lang))
    if name is None:
        st.error(t("auth.link.invalid", ctx.lang))
        return
    st.caption(t("auth.password.set_caption", ctx.lang, user=name))
    with st.form("set_password", width=FORM_WIDTH):
        first, again = _new_password_fields(ctx)
        submitted = st.form_submit_button(t("auth.password.set", ctx.lang), type="primary")
    if not submitted:
        return
    if not _password_saved(first, again, lambda: auth.set_password_with_link(db, token, first,
                                                                             client=client_address()), ctx):
        return
    st.session_state["hue57_password_set"] = name
    st.query_params.pop("t", None)  # the spent link leaves the address bar
    st.rerun()


def _password_saved(first: str, again: str, save, ctx: Context) -> bool:
    """Save a new password typed twice: False after saying why not (the two differ, or the policy refuses it)."""
    if first != again:
        st.error(t("auth.password.mismatch", ctx.lang))
        return False
    try:
        save()
    except auth.UserRefused as exc:
        st.error(refusal_text(exc, ctx.lang))
        return False
    return True


def _new_password_fields(ctx: Context) -> tuple[str, str]:
    """The new password twice, and the rules it must follow (inside the caller's form)."""
    first = st.text_input(t("auth.password.new", ctx.lang), type="password", key="pw_new", autocomplete="new-password")
    again = st.text_input(t("auth.password.again", ctx.lang), type="password", key="pw_again",
                          autocomplete="new-password")
    st.caption(t("auth.password.rules", ctx.lang))
    return first, again


def change_password_form(ctx: Context) -> None:
    """A signed-in reader changes the password: the current one, the new one twice. Every session of the account
    ends; this tab gets a fresh one."""
    st.title(t("auth.password.change_title", ctx.lang))
    if st.session_state.pop("hue57_password_changed", False):
        st.success(t("auth.password.changed", ctx.lang))
    st.caption(t("auth.password.change_caption", ctx.lang, user=ctx.user))
    with st.form("change_password", clear_on_submit=True, width=FORM_WIDTH):
        current = st.text_input(t("auth.password.current", ctx.lang), type="password", key="pw_current",
                                autocomplete="current-password")
        first, again = _new_password_fields(ctx)
        submitted = st.form_submit_button(t("auth.password.change", ctx.lang), type="primary")
    if not submitted:
        return
    if not _password_saved(first, again, lambda: auth.change_own_password(
            store.db_path(), ctx.user, current, first, client=client_address()), ctx):
        return
    open_session(ctx.user, ctx, "/password" + ("?lang=en" if ctx.lang == "en" else ""))
    st.session_state["hue57_password_changed"] = True
    st.rerun()
