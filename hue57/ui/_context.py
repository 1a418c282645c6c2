"""Who is looking and how: language, role and (for a meeting link) the pinned snapshot, from the URL."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from hue57.i18n import normalise_lang


@dataclass(frozen=True)
class Context:
    lang: str = "vi"
    role: str = "viewer"  # viewer | analyst | shared
    user: str | None = None
    share_token: str | None = None
    upload_id: int | None = None  # pinned snapshot for a meeting link; None = live data
    as_of_year: int | None = None
    filters: dict = field(default_factory=dict)

    @property
    def read_only(self) -> bool:
        return self.role != "analyst"

    def link_params(self) -> dict[str, str]:
        """Query parameters every internal link carries so language and link survive navigation."""
        params = {"lang": self.lang} if self.lang != "vi" else {}
        if self.share_token:
            params["s"] = self.share_token
        return params


def context() -> Context:
    """The request context, built once per script run from the URL and the session."""
    lang = normalise_lang(st.query_params.get("lang", "vi"))
    user = st.session_state.get("hue57_user")
    role = "analyst" if user else "viewer"
    return Context(lang=lang, role=role, user=user)
