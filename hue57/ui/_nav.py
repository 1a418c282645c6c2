"""The page list with stable URL paths, and a sidebar whose links keep the language and meeting link."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from hue57.i18n import t
from hue57.ui._context import Context
from hue57.ui._login import browser_handover, logout_button

# Not "pages/": a folder of that name beside the entry point puts Streamlit in its v1 multipage mode for
# the first request after start, which runs a deep-linked page without dashboard.py (no banner, no nav).
_ROOT = Path(__file__).resolve().parents[2] / "app_pages"

# (file, url path, title key, icon, who sees the link: "all", "analyst", "report" — analysts and agencies —,
# "admin" — the account administrator —, "signed_in" — any account —, or "signed_out" — nobody signed in)
PAGES = [
    ("overview.py", "", "page.overview", ":material/dashboard:", "all"),
    ("indicator.py", "indicator", "page.indicator", ":material/show_chart:", "all"),
    ("tasks.py", "tasks", "page.tasks", ":material/task_alt:", "all"),
    ("agencies.py", "agencies", "page.agencies", ":material/account_balance:", "all"),
    ("upload.py", "upload", "page.upload", ":material/upload_file:", "analyst"),
    ("share.py", "share", "page.share", ":material/share:", "analyst"),
    ("report.py", "report", "page.report", ":material/assignment:", "report"),
    ("accounts.py", "accounts", "page.accounts", ":material/manage_accounts:", "admin"),
    ("password.py", "password", "page.password", ":material/password:", "signed_in"),
    ("signin.py", "signin", "page.signin", ":material/login:", "signed_out"),
]


def page_who(url_path: str | None) -> str | None:
    """Who a page is for, by its url path ("" is the overview); None for no page of ours."""
    for _f, path, _k, _i, who in PAGES:
        if path == (url_path or "").strip("/"):
            return who
    return None


def may_open(who: str, page_role: str, admin: bool = False) -> bool:
    """Whether an account whose pages are `page_role`'s ("analyst", "agency") may use a page for `who`."""
    return (who in ("all", "signed_in") or (who == "analyst" and page_role == "analyst")
            or (who == "report" and page_role in ("analyst", "agency")) or (who == "admin" and admin))


def shows_link(who: str, ctx: Context) -> bool:
    """A meeting link sees only the pages for all; a signed-out reader those and the sign-in; an account the
    pages its role may use (an agency its report, never the analyst pages)."""
    if who == "all":
        return True
    if ctx.shared:
        return False
    if ctx.user is None:
        return who in ("signed_out", "analyst", "report")  # the analyst and report pages offer the sign-in too
    return who != "signed_out" and may_open(who, ctx.role, ctx.admin)


def navigation(ctx: Context):
    """Register every page (so any URL resolves, and refuses itself if it must) and link to the ones this
    reader may use: a meeting link never sees the analyst pages in its navigation."""
    pages = []
    for file, url_path, title_key, icon, _who in PAGES:
        kwargs = {"url_path": url_path} if url_path else {"default": True}
        pages.append(st.Page(str(_ROOT / file), title=t(title_key, ctx.lang), icon=icon, **kwargs))
    current = st.navigation(pages, position="hidden")
    st.session_state["hue57_page"] = current.url_path  # where a sign-in on this page came from
    with st.sidebar:
        st.markdown(f"**{t('app.title', ctx.lang)}**")
        for page, (_f, _u, _k, _i, who) in zip(pages, PAGES, strict=True):
            if shows_link(who, ctx):
                st.page_link(page, query_params=ctx.link_params())
        language_switch(ctx)
        st.html(_CLOSE_ON_NAVIGATE, unsafe_allow_javascript=True)
        handing_over = browser_handover(ctx)
    if handing_over:  # the browser is fetching its session cookie and about to open the account's page
        st.caption(t("auth.signing_in", ctx.lang))
        st.stop()
    logout_button(ctx)
    return current


# Up to Streamlit's "md" breakpoint (768 px) the open sidebar lies over the page, and a page link in it
# leaves it open over the page just chosen: Streamlit closes it only for its own navigation menu, whose
# links drop the query string (language, meeting link), and only on a phone's user agent. So a click on
# one of our links there presses the sidebar's own close button (which also remembers the choice). Our
# own constant script, installed once per browser tab.
_CLOSE_ON_NAVIGATE = """<script>
(() => {
  if (window.__hue57CloseOnNavigate) return;
  window.__hue57CloseOnNavigate = true;
  document.addEventListener('click', (event) => {
    if (!event.target.closest('[data-testid=stSidebar] a') || !matchMedia('(max-width: 768px)').matches) return;
    const close = document.querySelector('[data-testid=stSidebarCollapseButton] button');
    if (close) close.click();
  });
})();
</script>"""


def language_switch(ctx: Context) -> None:
    """One button naming the other language in its own words ("English" / "Tiếng Việt"); the choice is
    kept in the URL (`?lang=en`) with the page's other parameters, so a reload or a copied link keeps it.
    A button rather than a two-option control: it is one light element on every page load."""
    other = "en" if ctx.lang == "vi" else "vi"

    def to_url() -> None:
        if other == "vi":
            st.query_params.pop("lang", None)
        else:
            st.query_params["lang"] = other

    st.button(t(f"lang.{other}", other), icon=":material/translate:", on_click=to_url, key="lang_switch")
