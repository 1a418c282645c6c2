"""The upload page's history table in the reader's words."""

from __future__ import annotations

import pandas as pd

from hue57 import calendar
from hue57.i18n import fmt_datetime, fmt_value, status_label, t, upload_file_label, who_label
from hue57.ui.views.indicator import values_table


def upload_history(history: pd.DataFrame, lang: str, *, accounts: set[str] | None = None,
                   agency_names: dict[str, str] | None = None) -> pd.DataFrame:
    """The uploads, newest first: who (an account, or "dòng lệnh"), when, which file (and its SHA-256), what it
    changed; the uploads the system makes by what they are, not their internal names."""
    newest = history.iloc[::-1]
    return pd.DataFrame({
        t("upload.col.id", lang): ["—" if pd.isna(i) else f"#{i}" for i in newest["id"]],  # no number: wrote nothing
        t("upload.col.at", lang): [fmt_datetime(calendar.local(a), lang) for a in newest["at"]],
        t("upload.col.by", lang): newest["by"] if accounts is None else [who_label(b, accounts, lang)
                                                                         for b in newest["by"]],
        t("upload.col.file", lang): [upload_file_label(f, k, lang, agency_names)
                                     for f, k in zip(newest["filename"], newest["kind"], strict=True)],
        t("upload.col.kind", lang): [t(f"upload.kind.{k}", lang) for k in newest["kind"]],
        t("upload.col.new", lang): newest["rows_new"],
        t("upload.col.changed", lang): newest["rows_changed"],
        t("upload.col.status", lang): [t(f"upload.status.{s}", lang) for s in newest["status"]],
        "SHA-256": newest["sha256"].fillna("").str[:12],
    })


def cell_history(history: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """Every stored row of one indicator, newest upload first, undone ones included and marked: for the analysts
    who fix mistakes (readers see only the current values, `ui.views.indicator.value_listing`)."""
    value = [t("tasks.detail.withdrawn", lang) if deleted else
             (fmt_value(v, unit, lang) if pd.notna(v) else (status_label(s, lang) if isinstance(s, str) else "—"))
             for v, s, deleted in zip(history["value"], history["status"], history["deleted"], strict=True)]
    return values_table(history, value, lang)


file_label = upload_file_label  # the command line names the uploads the same way (hue57.i18n)
