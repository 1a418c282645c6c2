"""Chia sẻ — create, list and revoke read-only meeting links; compare two meetings (analysts)."""

import datetime as dt
from urllib.parse import urlsplit

import streamlit as st

from hue57 import briefing, calendar, metrics, share, store, ui
from hue57.i18n import t
from hue57.ui.views import share as share_view

ctx = ui.current()
if not ui.require_analyst(ctx):
    st.stop()
db = store.db_path()
snap = ui.snapshot()
history = store.uploads(db)
committed = history.loc[history["status"] == "committed", "id"].tolist()[::-1]

st.title(t("page.share", ctx.lang))
st.caption(t("sharepage.caption", ctx.lang))
with st.form("create_link"):
    c1, c2, c3 = st.columns(3)
    upload_id = c1.selectbox(t("share.field.snapshot", ctx.lang), committed, format_func=lambda i: f"#{i}")
    year = c2.number_input(t("indicator.as_of", ctx.lang), min_value=2000, max_value=2100,
                           value=calendar.today().year, step=1)
    expires = c3.date_input(t("share.col.expires", ctx.lang), value=calendar.today() + dt.timedelta(days=7),
                            min_value=calendar.today(), format="DD/MM/YYYY")
    c4, c5, c6 = st.columns(3)
    horizon = c4.selectbox(t("overview.horizon", ctx.lang), [*briefing.horizons(snap.targets), ""],
                           format_func=lambda h: h or t("filter.all", ctx.lang))
    lang = c5.selectbox(t("share.col.lang", ctx.lang), ["vi", "en"], format_func=lambda code: t(f"lang.{code}", ctx.lang))
    present = c6.toggle(t("present.toggle", ctx.lang))
    created = st.form_submit_button(t("share.action.create", ctx.lang), type="primary")
if created:
    filters = {"horizon": horizon or share.ALL_HORIZONS} | ({"present": "1"} if present else {})
    try:
        link = share.create_link(db, upload_id=int(upload_id), as_of_year=int(year), filters=filters, lang=lang,
                                 expires=expires, by=ctx.user, base=ui.link_base_url("share"))
    except share.LinkRefused as exc:
        st.error(exc.message(ctx.lang))
    else:
        st.session_state["share_created"] = link  # stays on screen while the analyst uses the rest of the page
made = st.session_state.get("share_created")
if made is not None:
    st.success(t("sharepage.created", ctx.lang, id=made.id))
    st.code(made.url, language=None, wrap_lines=True)  # st.code has a copy button
    if share.is_local(made.url):
        st.warning(t("sharepage.local", ctx.lang, host=urlsplit(made.url).hostname))
    # Its own size, as PNG: a QR code resampled or saved as JPEG blurs for a phone's camera.
    qr = share.qr_png(made.url)
    st.image(qr, caption=t("sharepage.qr", ctx.lang), width=share.png_width(qr), output_format="PNG")

st.subheader(t("sharepage.list", ctx.lang))
links = share.list_links(db)
if links.empty:
    st.caption(t("sharepage.none", ctx.lang))
else:
    st.dataframe(share_view.link_listing(links, ctx.lang, ui.agency_names(snap.agencies, ctx.lang)), hide_index=True,
                 width="stretch", placeholder="")
    active = links.loc[links["state"] == "active", "id"].tolist()
    if active:
        with st.form("revoke"):
            which = st.selectbox(t("sharepage.revoke_which", ctx.lang), active, format_func=lambda i: f"#{i}")
            if st.form_submit_button(t("share.action.revoke", ctx.lang)):
                share.revoke(db, int(which), ctx.user)
                if made is not None and made.id == int(which):
                    del st.session_state["share_created"]
                st.rerun()

st.subheader(t("share.changes.title", ctx.lang))
if len(committed) >= 2:
    c1, c2 = st.columns(2)
    old = c1.selectbox(t("sharepage.compare_old", ctx.lang), committed, index=1, format_func=lambda i: f"#{i}")
    new = c2.selectbox(t("sharepage.compare_new", ctx.lang), committed, index=0, format_func=lambda i: f"#{i}")
    changes = share.changes_between(ui.snapshot(old), ui.snapshot(new), metrics.assess, calendar.today().year)
    ui.changes_table(changes, snap.targets, ctx)
