"""The tasks page's tables in the reader's words: the task list, its status counts, reports and the reporting round."""

from __future__ import annotations

import pandas as pd

from hue57 import tasks
from hue57.i18n import agency_labels, fmt_date, fmt_percent, plan_text, roman, t, task_status_label, upload_labels


def task_listing(table: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The task table as the /tasks page and its export show it."""
    def day(v):
        return fmt_date(v.date(), lang, empty="") if pd.notna(v) else ""

    due = [t("tasks.recurring", lang) if rec else day(d) for rec, d in zip(table["recurring"], table["due_date"],
                                                                          strict=True)]
    return pd.DataFrame({
        t("tasks.col.no", lang): table["no"],
        t("tasks.col.group", lang): table["group"].map(roman),
        t("tasks.col.title", lang): plan_text(table, "title_vi", lang),
        t("tasks.col.lead_current", lang): agency_labels(table["lead_current"], agencies, lang),
        t("tasks.col.deadline", lang): plan_text(table, "deadline_text", lang),
        t("tasks.col.due", lang): due,
        t("tasks.col.status", lang): [task_status_label(s, lang) for s in table["status"]],
        t("tasks.col.last_period", lang): table["last_period"].fillna(""),
        t("tasks.col.progress", lang): [fmt_percent(p, lang, 0, empty="") for p in table["progress_pct"]],
    })



def timeline_list(listing: pd.DataFrame, lang: str, title_chars: int = 120) -> list[tuple]:
    """The timeline as lines for a phone, from `task_listing`'s columns: (number, title, lead agency, due date
    or the plan's words when there is no date, status with its icon)."""
    col = lambda key: listing[t(key, lang)].tolist()  # noqa: E731
    titles = [" ".join(str(x).split()) for x in col("tasks.col.title")]
    titles = [x if len(x) <= title_chars else x[: title_chars - 1].rstrip(" ,;.") + "…" for x in titles]
    due = [d or w or "—" for d, w in zip(col("tasks.col.due"), col("tasks.col.deadline"), strict=True)]
    return list(zip(col("tasks.col.no"), titles, col("tasks.col.lead_current"), due, col("tasks.col.status"),
                    strict=True))



def task_status_counts(table: pd.DataFrame, lang: str) -> list[tuple[str, int]]:
    """(label with icon, count) for every task status, in the tracker's order, zeros included."""
    counts = table["status"].value_counts()
    return [(task_status_label(s, lang), int(counts.get(s, 0))) for s in tasks.STATUS_ORDER]



def progress_listing(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A task's reports with the upload each came from (an undone report shows as withdrawn)."""
    status = [t("tasks.detail.withdrawn", lang) if d else (task_status_label(s, lang) if s else "")
              for s, d in zip(history["status"], history["deleted"], strict=True)]
    return pd.DataFrame({
        t("tasks.col.period", lang): history["period"],
        t("tasks.col.last_status", lang): status,
        t("tasks.col.progress", lang): [fmt_percent(p, lang, 0, empty="") for p in history["progress_pct"]],
        t("tasks.col.note", lang): history["note"].fillna(""),
        t("tasks.col.evidence", lang): history["evidence"].fillna(""),
        t("col.upload", lang): upload_labels(history, lang),
    })



def reporting_listing(status: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per agency (today's bodies): reports owed for the current half-year, received, and still missing."""
    return pd.DataFrame({
        t("tasks.col.lead_current", lang): agency_labels([[a] for a in status["agency_id"]], agencies, lang),
        t("tasks.col.report_due", lang): [fmt_date(d, lang) + (f" ({t('tasks.periods.passed', lang)})" if p else "")
                                          for d, p in zip(status["report_due"], status["due_passed"], strict=True)],
        t("tasks.col.expected", lang): status["expected"],
        t("tasks.col.reported", lang): status["reported"],
        t("tasks.col.missing", lang): status["missing"].map(lambda m: ", ".join(map(str, m))),
    })
