"""The completeness table and a report's rows as the /report page and /agencies show them (localised)."""

from __future__ import annotations

import pandas as pd

from hue57.i18n import fmt_datetime, fmt_percent, normalise_lang, t
from hue57.reporting._form import assessment_label, progress_label


def on_time_text(value, lang: str) -> str:
    if value is pd.NA or value is None or pd.isna(value):
        return t("report.on_time.unknown", lang)
    return t("report.on_time.yes" if bool(value) else "report.on_time.no", lang)


def completeness_table(states: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """`report_states` for reading: agency name, items, state in words, submitted at, on time, reviewer."""
    lang = normalise_lang(lang)
    names = states["name_en"] if lang == "en" else states["name_vi"]
    return pd.DataFrame({
        t("report.col.submission", lang): [("#" + str(i)) if pd.notna(i) else "" for i in states["submission_id"]],
        t("report.col.agency", lang): names.astype(str).to_numpy(),
        t("report.col.items", lang): states["items"].to_numpy(),
        t("report.col.state", lang): [t(f"report.state.{s}", lang) for s in states["state"]],
        t("report.col.submitted_at", lang): ["" if pd.isna(v) else fmt_datetime(v.to_pydatetime(), lang)
                                             for v in states["submitted_at"]],
        t("report.col.on_time", lang): [on_time_text(v, lang) for v in states["on_time"]],
        t("report.col.reviewed_by", lang): states["reviewed_by"].fillna("").astype(str).to_numpy(),
    })


def summary_line(states: pd.DataFrame, period_label: str, lang: str = "vi") -> str:
    received = int(states["state"].isin(["submitted", "returned", "accepted"]).sum())
    total = len(states)
    rate = fmt_percent(received / total * 100 if total else 0, lang, 0)
    return t("report.completeness_line", lang, period=period_label, received=received, total=total, rate=rate,
             accepted=int((states["state"] == "accepted").sum()), overdue=int(states["overdue"].sum()))


def task_rows_table(rows: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """A report's task rows, read-only."""
    return pd.DataFrame({
        t("ingest.header.task_no", lang): rows["task_no"].to_numpy(),
        t("ingest.header.status", lang): [progress_label(s, lang) or "" for s in rows["status"]],
        t("ingest.header.progress_pct", lang): rows["progress_pct"].to_numpy(),
        t("ingest.header.note", lang): rows["note"].fillna("").astype(str).to_numpy(),
        t("ingest.header.evidence", lang): rows["evidence"].fillna("").astype(str).to_numpy(),
    })


def indicator_rows_table(rows: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """A report's indicator rows, read-only."""
    return pd.DataFrame({
        t("ingest.header.code", lang): rows["code"].to_numpy(),
        t("ingest.header.year", lang): rows["year"].to_numpy(),
        t("ingest.header.value", lang): rows["value"].to_numpy(),
        t("ingest.header.status", lang): [assessment_label(s, lang) or "" for s in rows["status"]],
        t("ingest.header.source", lang): rows["source"].fillna("").astype(str).to_numpy(),
        t("ingest.header.note", lang): rows["note"].fillna("").astype(str).to_numpy(),
        t("ingest.header.basis", lang): rows["basis"].to_numpy(),
    })
