"""The share page's list of meeting links in the reader's words."""

from __future__ import annotations

import pandas as pd

from hue57 import calendar
from hue57.i18n import fmt_date, fmt_datetime, t


def link_listing(links: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Meeting links as the /share page lists them."""
    return pd.DataFrame({
        t("share.col.id", lang): links["id"].map(lambda i: f"#{i}"),
        t("share.col.created_at", lang): [fmt_datetime(calendar.local(a), lang) for a in links["created_at"]],
        t("share.col.by", lang): links["by"],
        t("share.field.snapshot", lang): links["upload_id"].map(lambda i: f"#{i}"),
        t("share.col.as_of_year", lang): links["as_of_year"].astype("Int64").astype("string").fillna("—"),
        t("share.col.filters", lang): links["filters"],
        t("share.col.expires", lang): [fmt_date(e, lang) for e in links["expires"]],
        t("share.col.opened", lang): links["opened"],
        t("share.col.state", lang): [t(f"share.state.{s}", lang) for s in links["state"]],
    })
