"""Tài khoản — the account administrator creates accounts with one-time links, resets, disables, re-binds."""

import streamlit as st

from hue57 import auth, store, ui
from hue57.i18n import t, tn
from hue57.ui import _accounts
from hue57.ui._login import client_address

ctx = ui.current()
if not _accounts.require_admin(ctx):
    st.stop()
db = store.db_path()
base = ui.link_base_url("accounts")
client = client_address()
lang = ctx.lang


def done(message: str, links: list | None = None) -> None:
    st.session_state["accounts_message"] = (message, links or [])
    st.rerun()


st.title(t("page.accounts", lang))
st.caption(t("accounts.caption", lang, days=auth.LINK_DAYS))
if shown := st.session_state.pop("accounts_message", None):
    message, links = shown
    st.success(ui.plain(message))
    if len(links) == 1:  # shown once: the database keeps only their hashes
        st.code(links[0].url, language=None, wrap_lines=True)
    elif links:
        st.caption(t("accounts.links_caption", lang))
        listing = _accounts.links_listing(links, lang)
        ui.table(listing, nowrap=[t("accounts.col.name", lang)])
        st.download_button(t("accounts.links_download", lang), listing.to_csv(index=False).encode("utf-8-sig"),
                           file_name="lien-ket-dat-mat-khau.csv", mime="text/csv", icon=":material/download:")

missing = auth.agencies_without_account(db)
st.subheader(t("accounts.agencies", lang))
if missing:
    st.caption(tn("accounts.agencies_caption", len(missing), lang))
    if st.button(t("accounts.agencies_button", lang), type="primary", icon=":material/group_add:"):
        made = auth.add_agency_accounts(db, by=ctx.user, base_url=base, client=client)
        done(tn("auth.user.agency_accounts", len(made), lang), made)
else:
    st.caption(t("auth.user.agency_accounts_none", lang))

names = _accounts.agency_names(lang)
agency_ids = auth.reporting_agencies(db)
with st.expander(t("accounts.create", lang), icon=":material/person_add:"):
    with st.form("create_account", clear_on_submit=True):
        c1, c2 = st.columns(2)
        name = c1.text_input(t("accounts.col.name", lang))
        role = c2.selectbox(t("accounts.col.role", lang), ["agency", "analyst", "admin"],
                            format_func=lambda r: t(f"auth.role.{r}", lang))
        c3, c4 = st.columns(2)
        agency = c3.selectbox(t("accounts.col.agency", lang), ["", *agency_ids],
                              format_func=lambda a: names.get(a, a) if a else t("accounts.no_agency", lang))
        email = c4.text_input(t("accounts.col.email", lang))
        create = st.form_submit_button(t("accounts.create_button", lang), type="primary")
    if create:
        try:
            link = auth.create_account(db, name, role, by=ctx.user, base_url=base, agency_id=agency or None,
                                       email=email, client=client)
        except auth.UserRefused as exc:
            st.error(ui.plain(_accounts.refusal_text(exc, lang)))
        else:
            done(t("auth.user.added", lang, name=link.name, role=t(f"auth.role.{role}", lang)), [link])

frame = auth.accounts(db)
if len(frame):
    st.subheader(t("accounts.manage", lang))
    rows = frame.set_index("name")
    who = st.selectbox(t("accounts.which", lang), list(rows.index), key="accounts_which")
    row = rows.loc[who]
    c1 = c2 = st.container(horizontal=True)
    if c1.button(t("accounts.reset", lang), icon=":material/link:", key="accounts_reset"):
        link = auth.new_link(db, who, by=ctx.user, base_url=base, client=client)
        done(t("auth.user.link", lang, name=who, expires=_accounts._when(link.expires, lang, "")), [link])
    disabled = row["state"] == "disabled"
    if c2.button(t("accounts.enable" if disabled else "accounts.disable", lang), key="accounts_toggle",
                 icon=":material/lock_open:" if disabled else ":material/block:"):
        try:
            auth.set_disabled(db, who, not disabled, by=ctx.user, client=client)
        except auth.UserRefused as exc:
            st.error(ui.plain(_accounts.refusal_text(exc, lang)))
        else:
            done(t("auth.user.enabled" if disabled else "auth.user.disabled", lang, name=who))
    with st.form("account_details"):
        c3, c4 = st.columns(2)
        current = row["agency"] if isinstance(row["agency"], str) else ""
        agency = c3.selectbox(t("accounts.col.agency", lang), agency_ids,
                              index=agency_ids.index(current) if current in agency_ids else 0,
                              format_func=lambda a: names.get(a, a), disabled=row["role"] != "agency")
        email = c4.text_input(t("accounts.col.email", lang), value=row["email"] if isinstance(row["email"], str) else "")
        save = st.form_submit_button(t("accounts.email_save", lang))
    if save:
        try:
            if row["role"] == "agency" and agency != current:
                auth.set_agency(db, who, agency, by=ctx.user, client=client)
            if email != (row["email"] if isinstance(row["email"], str) else ""):
                auth.set_email(db, who, email, by=ctx.user, client=client)
        except auth.UserRefused as exc:
            st.error(ui.plain(_accounts.refusal_text(exc, lang)))
        else:
            done(t("auth.user.email_set", lang, name=who))

st.subheader(t("accounts.list", lang))
ui.table(_accounts.accounts_listing(frame, lang), nowrap=[t("accounts.col.name", lang)])
with st.expander(t("accounts.changes", lang), icon=":material/history:"):
    ui.table(_accounts.changes_listing(auth.account_changes(db, limit=200), lang))
