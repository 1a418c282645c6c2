"""The upload page's history table in the reader's words."""

from __future__ import annotations

import pandas as pd

from hue57 import calendar
from hue57.i18n import fmt_datetime, t


def upload_history(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The uploads, newest first: who, when, which file (and its SHA-256), what it changed."""
    newest = history.iloc[::-1]
    return pd.DataFrame({
        t("upload.col.id", lang): ["—" if pd.isna(i) else f"#{i}" for i in newest["id"]],  # no number: wrote nothing
        t("upload.col.at", lang): [fmt_datetime(calendar.local(a), lang) for a in newest["at"]],
        t("upload.col.by", lang): newest["by"],
        t("upload.col.file", lang): newest["filename"].fillna(""),
        t("upload.col.kind", lang): [t(f"upload.kind.{k}", lang) for k in newest["kind"]],
        t("upload.col.new", lang): newest["rows_new"],
        t("upload.col.changed", lang): newest["rows_changed"],
        t("upload.col.status", lang): [t(f"upload.status.{s}", lang) for s in newest["status"]],
        "SHA-256": newest["sha256"].fillna("").str[:12],
    })
