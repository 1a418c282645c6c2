"""The overview's tables in the reader's words: the scorecard (shown and exported), changes since the previous meeting."""

from __future__ import annotations

import pandas as pd

from hue57 import metrics
from hue57.i18n import (
    fmt_value,
    gap_text,
    latest_text,
    plan_text,
    status_label,
    t,
    target_text,
    trend_text,
)


def scorecard(board: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The overview's table: code, name, latest value with year, target, gap, status, trend."""
    def latest(row):
        if pd.isna(row["latest_value"]):  # no data, or a qualitative target (its status is the assessment)
            return t("none", lang)
        return f"{latest_text(row, lang)} ({int(row['latest_year'])})"

    rows = board.to_dict("records")
    return pd.DataFrame({  # what a leader reads first comes first: status, value, target
        t("col.code", lang): board["code"].tolist(),
        t("col.name", lang): board["name_en" if lang == "en" else "name_vi"].tolist(),
        t("col.status", lang): [status_label(s, lang) for s in board["status"]],
        t("col.latest", lang): [latest(r) for r in rows],
        t("col.target", lang): [target_text(r, lang) for r in rows],
        t("col.gap", lang): [gap_text(r, lang) for r in rows],
        t("col.trend", lang): [trend_text(r, lang) for r in rows],
        t("col.source", lang): board["source"].fillna("").tolist() if "source" in board else "",
        t("col.horizon", lang): board["horizon"].astype(str).tolist(),
        t("col.target_text", lang): plan_text(board, "text_vi", lang).tolist(),
    })



def scorecard_export(board: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The overview's table for Excel: the figures as numbers (so a spreadsheet can sort and sum them),
    each with its Excel number format, beside the words the page shows. Returns (frame, formats)."""
    col = lambda key: t(key, lang)  # noqa: E731
    number = "#,##0.0##"
    frame = pd.DataFrame({
        col("col.code"): board["code"].astype(str).tolist(),
        col("col.name"): board["name_en" if lang == "en" else "name_vi"].tolist(),
        col("col.status"): [status_label(s, lang) for s in board["status"]],
        col("col.latest"): board["latest_value"].astype("float64").to_numpy(),
        col("col.year"): board["latest_year"].astype("Int64").to_numpy(),
        col("col.unit"): board["unit"].astype(str).tolist(),
        col("export.col.basis"): board["latest_basis"].astype("Int64").to_numpy(),
        col("export.col.band"): board["latest_band"].fillna("").astype(str).tolist() if "latest_band" in board else "",
        col("export.col.shown"): [latest_text(r, lang) if pd.notna(r["latest_value"]) else ""
                                  for r in board.to_dict("records")],
        col("export.col.comparator"): [metrics.COMPARATOR_SYMBOLS.get(c, c) for c in board["plan_comparator"]],
        col("col.target"): board["target_value"].astype("float64").to_numpy(),
        col("export.col.target_hi"): board["value_hi"].astype("float64").to_numpy(),
        col("col.gap"): board["gap"].astype("float64").to_numpy(),
        col("export.col.progress"): board["progress"].astype("float64").to_numpy(),
        col("export.col.observed_rate"): board["observed_rate"].astype("float64").to_numpy(),
        col("export.col.required_rate"): board["required_rate"].astype("float64").to_numpy(),
        col("export.col.rate_kind"): board["rate_kind"].fillna("").astype(str).tolist(),
        col("export.col.projected"): board["projected_value"].astype("float64").to_numpy(),
        col("col.source"): board["source"].fillna("").tolist() if "source" in board else "",
        col("col.horizon"): board["horizon"].astype("Int64").to_numpy(),
        col("col.target_text"): board["text_vi"].tolist(),
    })
    formats = {col(k): number for k in ("col.latest", "col.target", "export.col.target_hi", "col.gap",
                                        "export.col.projected")}
    formats.update({col("col.year"): "0", col("col.horizon"): "0", col("export.col.basis"): "0", col("export.col.progress"): "0%",
                    col("export.col.observed_rate"): "#,##0.000", col("export.col.required_rate"): "#,##0.000"})
    return frame, formats



def indicator_urls(codes: pd.Series, params: dict[str, str]) -> list[str]:
    """Relative links to each code's indicator page, keeping language and meeting link."""
    from urllib.parse import urlencode  # noqa: PLC0415

    return [f"indicator?{urlencode({'code': c, **params})}" for c in codes]



def board_status_counts(board: pd.DataFrame, lang: str) -> list[tuple[str, int]]:
    counts = board["status"].value_counts()
    return [(status_label(s, lang), int(counts.get(s, 0))) for s in metrics.STATUS_ORDER]



def changes_listing(changes: pd.DataFrame, targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Targets whose value or status changed between two meetings, in the reader's words."""
    changed = changes[changes["value_changed"] | changes["status_changed"]]
    info = targets.set_index(["code", "horizon"])
    keys = list(zip(changed["code"], changed["horizon"], strict=True))
    units = [info.loc[k, "unit"] if k in info.index else "" for k in keys]
    names = [info.loc[k, "name_en" if lang == "en" else "name_vi"] if k in info.index else "" for k in keys]

    def value(v, y, unit):
        return "—" if pd.isna(v) else f"{fmt_value(v, unit, lang)} ({int(y)})"

    return pd.DataFrame({
        t("col.code", lang): changed["code"],
        t("col.name", lang): names,
        t("col.horizon", lang): changed["horizon"].astype(str),
        t("share.col.old_value", lang): [value(v, y, u) for v, y, u in zip(changed["old_value"], changed["old_year"],
                                                                           units, strict=True)],
        t("share.col.new_value", lang): [value(v, y, u) for v, y, u in zip(changed["new_value"], changed["new_year"],
                                                                           units, strict=True)],
        t("share.col.old_status", lang): [status_label(s, lang) if isinstance(s, str) else "—" for s in changed["old_status"]],
        t("share.col.new_status", lang): [status_label(s, lang) if isinstance(s, str) else "—" for s in changed["new_status"]],
    })
