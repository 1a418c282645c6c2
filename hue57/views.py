"""Frames shaped for reading: localised headers and formatted numbers, shared by pages and exports."""

from __future__ import annotations

import pandas as pd

from hue57 import store
from hue57.i18n import fmt_value, t


def target_name(targets: pd.DataFrame, lang: str) -> pd.Series:
    return targets["name_en"] if lang == "en" else targets["name_vi"]


def latest_actuals(targets: pd.DataFrame, actuals: pd.DataFrame) -> pd.DataFrame:
    """Per target row: the newest actual of its indicator (value, year, source, note, upload)."""
    newest = actuals.sort_values(["code", "year"]).drop_duplicates("code", keep="last")
    newest = newest.rename(columns={"code": "indicator"})
    return targets[["code", "indicator"]].merge(newest, on="indicator", how="left").drop(columns="indicator")


def target_listing(snap: store.Snapshot, lang: str) -> pd.DataFrame:
    """Every target with its horizon, the plan's wording, the latest actual with year and source."""
    targets = snap.targets
    latest = latest_actuals(targets, snap.actuals)
    shown_value = [fmt_value(v, u, lang) for v, u in zip(latest["value"], targets["unit"], strict=True)]
    return pd.DataFrame({
        t("col.code", lang): targets["code"],
        t("col.name", lang): target_name(targets, lang),
        t("col.horizon", lang): targets["horizon"].astype("string"),
        t("col.target_text", lang): targets["text_vi"],
        t("col.latest", lang): shown_value,
        t("col.year", lang): latest["year"].astype("Int64").astype("string").fillna(""),
        t("col.source", lang): latest["source"].fillna(t("status.no_data", lang)),
    })
