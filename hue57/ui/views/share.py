"""The share page's list of meeting links in the reader's words."""

from __future__ import annotations

import pandas as pd

from hue57 import calendar
from hue57.i18n import fmt_date, fmt_datetime, t


def filters_label(text: object, lang: str, agency_names: dict[str, str] | None = None) -> str:
    """A link's filters ('horizon=2030,status=behind') in the reader's words ('Mục tiêu 2030; ▼ Chậm')."""
    from hue57.i18n import CATALOGUE, status_label  # noqa: PLC0415

    parts = []
    for item in str(text or "").split(","):
        key, _, value = item.partition("=")
        if not key:
            continue
        if key == "horizon" and f"horizon.{value}" in CATALOGUE:
            parts.append(t(f"horizon.{value}", lang))
        elif key == "status" and f"status.{value}" in CATALOGUE:
            parts.append(status_label(value, lang))
        elif key == "agency":
            parts.append((agency_names or {}).get(value) or value)
        elif key == "present":
            parts.append(t("share.filter.present", lang))
        elif key == "page" and f"page.{value}" in CATALOGUE:
            parts.append(t("share.filter.page", lang, page=t(f"page.{value}", lang)))
        elif key in ("code", "group"):
            parts.append(t(f"share.filter.{key}", lang, **{key: value}))
        else:
            parts.append(value)
    return "; ".join(parts)


def link_listing(links: pd.DataFrame, lang: str, agency_names: dict[str, str] | None = None) -> pd.DataFrame:
    """Meeting links as the /share page lists them (filters in words, not `horizon=2030`)."""
    return pd.DataFrame({
        t("share.col.id", lang): links["id"].map(lambda i: f"#{i}"),
        t("share.col.created_at", lang): [fmt_datetime(calendar.local(a), lang) for a in links["created_at"]],
        t("share.col.by", lang): links["by"],
        t("share.field.snapshot", lang): links["upload_id"].map(lambda i: f"#{i}"),
        t("share.col.as_of_year", lang): links["as_of_year"].astype("Int64").astype("string").fillna("—"),
        t("share.col.filters", lang): [filters_label(f, lang, agency_names) for f in links["filters"]],
        t("share.col.expires", lang): [fmt_date(e, lang) for e in links["expires"]],
        t("share.col.opened", lang): links["opened"],
        t("share.col.state", lang): [t(f"share.state.{s}", lang) for s in links["state"]],
    })
