"""What the compiled report says, as plain text fields: gathered from one snapshot, one period and one date
with the dashboard's own functions (`briefing.board_for`, `metrics.explain`, `tasks.task_table`), formatted by
`hue57.i18n`. No Word here: the fields are the template's context (and the page's preview)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from hue57 import briefing, calendar, charts, metrics, tasks
from hue57.document._agencies import agency_lines, agency_states
from hue57.document._chart import whole_label
from hue57.i18n import STATUS_ICONS, fmt_date, fmt_document_date, fmt_int, latest_text, plan_text, t, target_text, tn
from hue57.plan_facts import PlanFacts, facts
from hue57.tasks.periods import PERIOD_PATTERN, period_end, period_start, report_due


def plan_years(plan: PlanFacts | None = None, horizons=()) -> tuple[int, int]:
    """The years a report may cover: from the plan's start to its last horizon (plan.toml, targets.csv)."""
    plan = plan or facts()
    last = max([int(h) for h in horizons] or [plan.start.year + 20])
    return plan.start.year, last


class DocumentRefused(Exception):
    """A report that cannot be built as asked (the message says why and what to do)."""


@dataclass(frozen=True)
class DocumentInputs:
    """Everything that decides a report's text: the same inputs give the same document."""

    period: str
    on: dt.date
    lang: str = "vi"
    proposals: str = ""


@dataclass
class DocumentContent:
    """The template's context (`fields`) and the frames the page previews and the tests check."""

    inputs: DocumentInputs
    upload_id: int
    year: int
    fields: dict
    board: pd.DataFrame = field(repr=False)
    task_table: pd.DataFrame = field(repr=False)
    agency_states: pd.DataFrame = field(repr=False)
    chart_rows: pd.DataFrame | None = field(default=None, repr=False)  # what the gap chart draws (None: nothing)

    @property
    def chart(self):
        """The overview's gap chart (Altair) of `chart_rows`, drawn as a PNG by the renderer; built on use (a
        build whose image is cached for these rows never builds it)."""
        return None if self.chart_rows is None else charts.gap_bars(self.chart_rows, self.inputs.lang)


def check_period(period: str, lang: str = "vi") -> str:
    """The period as written ('2026-H2'); refused when malformed or outside the plan's years."""
    from hue57 import store  # noqa: PLC0415

    first, last = plan_years(horizons=store.read_plan_targets()["horizon"].dropna().unique())
    text = str(period or "").strip().upper()
    m = PERIOD_PATTERN.fullmatch(text)
    if m is None or not first <= int(m.group(1)) <= last:
        raise DocumentRefused(t("report.error.period", lang, period=period, first=first, last=last))
    return text


def default_date(period: str, today: dt.date | None = None) -> dt.date:
    """The report's date when none is given: today, but not past the period's last day (a late build of a past
    period is dated at its end) nor before its first."""
    today = today or calendar.today()
    return min(max(today, period_start(period)), period_end(period))


def gather(snap, inputs: DocumentInputs, report_states: pd.DataFrame, plan: PlanFacts | None = None) -> DocumentContent:
    """The report's fields for snapshot `snap` (a `store.Snapshot`). `report_states` are the agencies' six-monthly
    reports for the period (`hue57.reporting.report_states`)."""
    plan = plan or facts()
    lang, period, on = inputs.lang, check_period(inputs.period, inputs.lang), inputs.on
    if on < period_start(period):
        raise DocumentRefused(t("report.error.date", lang, on=fmt_date(on, lang), period=period,
                              start=fmt_date(period_start(period), lang)))
    year = int(period[:4])
    board = briefing.board_for(snap, year)
    table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, on)
    states = agency_states(report_states)
    half = period[-1]
    plan_ref = _plan_reference(plan, lang)
    period_words = t(f"report.period.h{half}", lang, year=year)
    uploaded = fmt_date(calendar.local(snap.uploaded_at.to_pydatetime()), lang) if snap.uploaded_at is not None else "—"
    gap_source = briefing.gap_rows(board)
    gap_rows = charts.gap_chart_frame(gap_source, lang)
    gap_rows["label"] = [whole_label(STATUS_ICONS[s], c, n) for s, c, n in  # whole names, not cut with "…"
                         zip(gap_source["status"], gap_source["code"],
                             gap_source["name_en" if lang == "en" else "name_vi"], strict=False)][:len(gap_rows)]
    fields = {
        # letterhead, number, place, signer and recipients: the plan folder's plan.toml
        "co_quan_chu_quan": plan.parent_body(lang) or t("report.parent_body", lang, city_upper=plan.city(lang).upper()),
        "co_quan_ban_hanh": plan.compiler(lang).upper(),
        "quoc_hieu": t("report.motto.country", lang),
        "tieu_ngu": t("report.motto.words", lang),
        "so_van_ban": plan.report_number,
        "dia_danh": plan.issued_at(lang),
        "ngay_thang": fmt_document_date(on, lang),
        "tieu_de": t("report.kind", lang),
        "trich_yeu": t(f"report.title.h{half}", lang, plan=plan_ref, year=year, plan_kind=plan.plan_kind(lang)),
        "kinh_gui": t("report.to", lang, committee=plan.people_committee(lang)),
        "mo_dau": t("report.intro", lang, plan=plan_ref, plan_kind=plan.plan_kind(lang), compiler=plan.compiler(lang), period=period_words,
                    upload=snap.upload_id, uploaded=uploaded, year=year, on=fmt_date(on, lang)),
        "nhan": _labels(lang),
        "chi_tieu": _targets_section(board, year, lang) | {
            "bieu_do": None,  # the renderer puts the chart image here (indicators without data: each group's line)
        },
        "nhiem_vu": _tasks_section(table, snap.agencies, period, on, lang),
        "co_quan": {
            "tom_tat": t("report.agencies.summary", lang, period=period_words, due=fmt_date(report_due(period), lang),
                         owing=fmt_int(len(states), lang)),
            "nhom": agency_lines(states, snap.agencies, lang),
        },
        "de_xuat": _paragraphs(inputs.proposals) or [t("report.proposals.none", lang)],
        "noi_nhan": list(plan.recipients_en if lang == "en" else plan.recipients_vi),
        "chuc_vu_ky": plan.signer_title_en if lang == "en" else plan.signer_title_vi,
        "nguoi_ky": plan.signer_name,
    }
    return DocumentContent(inputs=DocumentInputs(period, on, lang, inputs.proposals), upload_id=snap.upload_id, year=year,
                         fields=fields, board=board, task_table=table, agency_states=states,
                           chart_rows=gap_rows if len(gap_rows) else None)


def _plan_reference(plan: PlanFacts, lang: str) -> str:
    implements = plan.implements_en if lang == "en" else plan.implements_vi
    committee = plan.people_committee(lang)
    alone = "" if implements else "_alone"  # a plan that implements no other (a resolution itself)
    if plan.plan_number:
        date = fmt_date(dt.date.fromisoformat(plan.plan_date), lang) if plan.plan_date else "…"
        return t(f"report.plan.numbered{alone}", lang, number=plan.plan_number, date=date, committee=committee,
                 implements=implements)
    return t(f"report.plan.unnumbered{alone}", lang, committee=committee, implements=implements)


def _labels(lang: str) -> dict[str, str]:
    keys = {
        "muc_i": "report.section.targets", "muc_ii": "report.section.tasks", "muc_iii": "report.section.agencies",
        "muc_iv": "report.section.proposals", "noi_nhan": "report.recipients", "ma": "col.code",
        "chi_tieu": "col.name", "thuc_hien": "report.col.latest", "trang_thai": "col.status",
        "giai_thich": "report.col.explanation", "so_luong": "report.col.count", "tong_so": "report.col.total",
        "stt": "tasks.col.no", "nhiem_vu": "tasks.col.title", "co_quan_chu_tri": "col.agency",
        "thoi_han": "report.col.deadline", "tinh_trang": "tasks.col.status", "bieu_do": "report.targets.chart",
        "khong_co": "report.none",
    }
    return {name: t(key, lang) for name, key in keys.items()}


def _counts(statuses: pd.Series, order, label, lang: str) -> list[dict[str, str]]:
    counts = statuses.value_counts()
    rows = [{"ten": label(s), "so": fmt_int(int(counts.get(s, 0)), lang)} for s in order]
    return rows + [{"ten": t("report.col.total", lang), "so": fmt_int(len(statuses), lang)}]


def _targets_section(board: pd.DataFrame, year: int, lang: str) -> dict:
    groups = []
    for n, (horizon, rows) in enumerate(board.groupby("horizon", sort=True), start=1):
        no_data = rows["status"] == "no_data"  # one line for them all, not one identical row each
        codes = [str(c) for c in rows.loc[no_data, "code"]]
        groups.append({
            "ten": t("report.targets.group", lang, n=n, horizon=int(horizon)),
            "cot_muc_tieu": t("report.col.target", lang, horizon=int(horizon)),
            "dong": [_target_row(r, lang) for r in rows[~no_data].to_dict("records")],
            "chua_co_so_lieu": tn("report.targets.no_data", len(codes), lang, codes=", ".join(codes)) if codes else "",
        })
    return {
        "tom_tat": t("report.targets.summary", lang, total=fmt_int(len(board), lang), year=year,
                     horizons=t("word.and", lang).join(str(int(h)) for h in sorted(board["horizon"].dropna().unique()))),
        "dem": _counts(board["status"], metrics.STATUS_ORDER, lambda s: t(f"status.{s}", lang), lang),
        "nhom": groups,
    }


def _target_row(row: dict, lang: str) -> dict[str, str]:
    latest = t("none", lang)
    if pd.notna(row["latest_value"]):
        latest = f"{latest_text(row, lang)} ({int(row['latest_year'])})"
        if isinstance(row.get("source"), str) and row["source"].strip():
            latest += "\n" + t("report.source", lang, source=row["source"].strip())
    return {
        "ma": str(row["code"]),
        "ten": str(row["name_en" if lang == "en" else "name_vi"]),
        "muc_tieu": target_text(row, lang),
        "thuc_hien": latest,
        "trang_thai": t(f"status.{row['status']}", lang),
        "giai_thich": metrics.explain(row, lang),
    }


def _agency_names(ids, agencies: pd.DataFrame, lang: str) -> str:
    names = dict(zip(agencies["agency_id"], agencies["name_en" if lang == "en" else "name_vi"], strict=True))
    return "; ".join(names.get(a) or a for a in ids)


def _task_rows(rows: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> list[dict[str, str]]:
    out = []
    for r in rows.to_dict("records"):
        due = fmt_date(r["due_date"].date(), lang) if pd.notna(r["due_date"]) else ""
        deadline = str(plan_text(r, "deadline_text", lang) or "")
        out.append({
            "stt": str(int(r["no"])),
            "ten": str(plan_text(r, "title_vi", lang)),
            "co_quan": _agency_names(r["lead_current"], agencies, lang),
            "thoi_han": f"{deadline} ({due})" if due and due != deadline else deadline,
        })
    return out


def _tasks_section(table: pd.DataFrame, agencies: pd.DataFrame, period: str, on: dt.date, lang: str) -> dict:
    overdue = table[table["status"] == "overdue"]
    done = table[completed_in(table, period)]
    return {
        "tom_tat": t("report.tasks.summary", lang, total=fmt_int(len(table), lang), on=fmt_date(on, lang)),
        "dem": _counts(table["status"], tasks.STATUS_ORDER, lambda s: t(f"tasks.status.{s}", lang), lang),
        "qua_han_tieu_de": t("report.tasks.overdue", lang, n=fmt_int(len(overdue), lang)),
        "qua_han": _task_rows(overdue, agencies, lang),
        "hoan_thanh_tieu_de": t("report.tasks.done", lang, n=fmt_int(len(done), lang)),
        "hoan_thanh": _task_rows(done, agencies, lang),
    }


def completed_in(table: pd.DataFrame, period: str) -> pd.Series:
    """The tasks completed in `period`: a one-off task whose final run of "done" reports began in it, and a
    recurring task whose report for the period says done (its status stays "reported": it recurs)."""
    one_off = (table["status"] == "done") & (table["done_period"] == period)
    recurring = table["recurring"].astype(bool) & (table["last_period"] == period) & (table["last_status"] == "done")
    return one_off | recurring


def _paragraphs(text: str) -> list[str]:
    """The analyst's proposals as paragraphs (blank lines and line breaks both separate them)."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]
