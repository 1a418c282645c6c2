"""What a page or the CLI shows of an upload: the error table, the notices and the diff, in either language."""

from __future__ import annotations

import numpy as np
import pandas as pd

from hue57.i18n import fmt_int, fmt_number, normalise_lang, t, tn
from hue57.ingest._issues import LISTED, render
from hue57.ingest._validate import PROGRESS_STATUSES, QUALITATIVE_STATUSES, ValidationReport

_CHANGE_ORDER = {"changed": 0, "removed": 1, "new": 2, "unchanged": 3}


def _report_of(obj) -> ValidationReport:
    return obj if isinstance(obj, ValidationReport) else obj.report


def _headed(frame: pd.DataFrame, lang: str, last: str) -> pd.DataFrame:
    return frame.rename(columns={"row": t("ingest.col.row", lang), "column": t("ingest.col.column", lang),
                                 "value": t("ingest.col.value", lang), "message": t(last, lang)})


def error_table(report, lang: str = "vi") -> pd.DataFrame:
    """Dòng | Cột | Giá trị trong tệp | Lỗi và cách sửa — the first `LISTED` problems in file order, one row
    each (the row empty for a problem with the whole file); `more_errors` counts the rest."""
    lang = normalise_lang(lang)
    return _headed(render(_report_of(report).issues.head(LISTED), lang), lang, "ingest.col.message")


def more_errors(report, lang: str = "vi") -> str:
    """'… và 99.800 lỗi khác cùng loại …' when more problems were found than listed, else ''."""
    report = _report_of(report)
    rest = report.error_count - min(len(report.issues), LISTED)
    return t("ingest.summary.more_errors", normalise_lang(lang), count=fmt_int(rest, lang)) if rest > 0 else ""


def error_kinds_table(report, lang: str = "vi") -> pd.DataFrame:
    """One row per kind of problem (its first message as the example), with how many there are and the
    first row — what an analyst reads when a file has more problems than are listed."""
    lang = normalise_lang(lang)
    report = _report_of(report)
    kinds = report.error_kinds
    if kinds is None or not len(kinds):
        return pd.DataFrame()
    issues = report.issues
    examples = render(issues.drop_duplicates(["key", "column"]), lang)
    example = {(k, c): m for k, c, m in zip(issues.drop_duplicates(["key", "column"])["key"],
                                            examples["column"], examples["message"], strict=True)}
    return pd.DataFrame({
        t("ingest.col.kind", lang): [example.get((k, c), "") for k, c in zip(kinds["key"], kinds["column"],
                                                                              strict=True)],
        t("ingest.col.column", lang): kinds["column"].astype(object).to_numpy(),
        t("ingest.col.count", lang): [fmt_int(int(n), lang) for n in kinds["count"]],
        t("ingest.col.first_row", lang): ["" if pd.isna(r) else str(int(r)) for r in kinds["first_row"]],
    })


def notice_table(report, lang: str = "vi") -> pd.DataFrame:
    """What was read in a way worth knowing (codes stored under their indicator, rows skipped …)."""
    lang = normalise_lang(lang)
    return _headed(render(_report_of(report).notice_issues, lang), lang, "ingest.col.notice")


def warning_table(outcome, lang: str = "vi") -> pd.DataFrame:
    """Dòng | Cột | Giá trị trong tệp | Cảnh báo — values probably on the wrong scale, to check and confirm."""
    lang = normalise_lang(lang)
    return _headed(render(outcome.warnings, lang), lang, "ingest.col.warning")


def _label(status: object, lang: str) -> str:
    if isinstance(status, str) and status in QUALITATIVE_STATUSES:
        return t(f"status.{status}", lang)
    if isinstance(status, str) and status in PROGRESS_STATUSES:
        return t(f"ingest.progress.{status}", lang)
    return "" if status is None or (isinstance(status, float) and np.isnan(status)) else str(status)


def _text(x: object) -> str:
    return "" if x is None or (isinstance(x, float) and np.isnan(x)) or x is pd.NA else str(x)


def _number(x: object, lang: str) -> str:
    """A stored number in full (up to 6 decimals), written the way `lang` writes numbers."""
    return fmt_number(x, lang, 6, empty="")


def diff_table(outcome_or_diff, lang: str = "vi", *, units: dict[str, dict[str, str]] | None = None) -> pd.DataFrame:
    """The changes an upload makes (or made): changed first (old → new values and both sources), then
    removed (an undo), new, and unchanged. Accepts an `ImportOutcome`, a `store.CommitResult` or a diff
    frame from `store.preview`. Numbers are shown in full, not rounded, so they can be checked.
    """
    lang = normalise_lang(lang)
    diff = outcome_or_diff if isinstance(outcome_or_diff, pd.DataFrame) else outcome_or_diff.diff
    report = getattr(outcome_or_diff, "report", None)
    units = units if units is not None else (report.units if report is not None else {})
    mapped = report.mapped if report is not None else None
    if diff is None or not len(diff):
        return pd.DataFrame()
    change = diff["change"].astype(str).to_numpy().copy()
    if "deleted" in diff:
        change[(diff["deleted"].fillna(False).astype(bool).to_numpy()) & (change == "changed")] = "removed"
    label = [t(f"ingest.diff.{c}", lang) for c in change]
    was = np.isin(change, ["changed", "removed"])  # an old value worth showing
    now = change != "removed"

    def old(col, fmt):
        return [fmt(v) if w else "" for v, w in zip(diff[col], was, strict=True)]

    def new(col, fmt):
        return [fmt(v) if n else "" for v, n in zip(diff[col], now, strict=True)]

    status = lambda s: _label(s, lang)  # noqa: E731
    number = lambda v: _number(v, lang)  # noqa: E731
    rank = [_CHANGE_ORDER[c] for c in change]
    if "task_no" in diff:
        table = pd.DataFrame({
            t("ingest.diff.change", lang): label,
            t("ingest.diff.task", lang): diff["task_no"].astype("Int64").to_numpy(),
            t("ingest.diff.period", lang): diff["period"].astype(str).to_numpy(),
            t("ingest.diff.status_old", lang): old("old_status", status),
            t("ingest.diff.status_new", lang): new("status", status),
            t("ingest.diff.pct_old", lang): old("old_progress_pct", number),
            t("ingest.diff.pct_new", lang): new("progress_pct", number),
            t("col.note", lang): new("note", _text),
            t("ingest.diff.evidence", lang): new("evidence", _text),
        })
        order = np.lexsort((diff["period"].astype(str).to_numpy(), diff["task_no"].to_numpy(), rank))
        return table.iloc[order].reset_index(drop=True)
    codes = diff["code"].astype(str)
    plan_order = {c: i for i, c in enumerate(units)}
    remark = [""] * len(diff)
    if mapped is not None and len(mapped):
        where = {(str(c), int(y)): str(w) for c, y, w in zip(mapped["code"], mapped["year"], mapped["code_in_file"],
                                                              strict=True)}
        remark = [t("ingest.diff.mapped", lang, code=where[(c, int(y))]) if (c, int(y)) in where else ""
                  for c, y in zip(codes, diff["year"], strict=True)]
    table = pd.DataFrame({
        t("ingest.diff.change", lang): label,
        t("col.code", lang): codes.to_numpy(),
        t("col.year", lang): diff["year"].astype("Int64").to_numpy(),
        t("col.unit", lang): [units.get(c, {}).get(lang, "") for c in codes],
        t("ingest.diff.value_old", lang): old("old_value", number),
        t("ingest.diff.value_new", lang): new("value", number),
        t("ingest.diff.status_old", lang): old("old_status", status),
        t("ingest.diff.status_new", lang): new("status", status),
        t("ingest.diff.source_old", lang): old("old_source", _text),
        t("ingest.diff.source_new", lang): new("source", _text),
        t("col.note", lang): new("note", _text),
        **_rank_columns(diff, old, new, lang),
        t("ingest.col.notice", lang): remark,
    })
    order = np.lexsort((diff["year"].to_numpy(), [plan_order.get(c, len(plan_order)) for c in codes], rank))
    return table.iloc[order].reset_index(drop=True)


def _rank_columns(diff: pd.DataFrame, old, new, lang: str) -> dict[str, list[str]]:
    """Basis and band, old and new, when any row of the diff has one (a file of percentages shows none)."""
    if "basis" not in diff:
        return {}
    present = [c for c in ("basis", "old_basis", "band", "old_band") if c in diff]
    if not diff[present].notna().to_numpy().any():
        return {}
    whole = lambda v: "" if pd.isna(v) else fmt_number(v, lang, 0)  # noqa: E731
    return {
        t("ingest.diff.basis_old", lang): old("old_basis", whole),
        t("ingest.diff.basis_new", lang): new("basis", whole),
        t("ingest.diff.band_old", lang): old("old_band", _text),
        t("ingest.diff.band_new", lang): new("band", _text),
    }


def summary(outcome, lang: str = "vi") -> str:
    """One sentence: what the upload did (or would do, or why nothing was written)."""
    lang = normalise_lang(lang)
    report = outcome.report
    kind = t(f"ingest.kind.{report.kind}", lang) if report.kind else ""
    if outcome.status == "invalid":
        return tn("ingest.summary.invalid", report.error_count, lang, filename=report.filename, count=fmt_int(report.error_count, lang))
    if outcome.status == "unconfirmed":
        return tn("ingest.summary.unconfirmed", len(outcome.warnings), lang, filename=report.filename, count=len(outcome.warnings))
    return t(f"ingest.summary.{outcome.status}", lang, filename=report.filename, kind=kind, id=outcome.upload_id,
             new=outcome.new, changed=outcome.changed, unchanged=outcome.unchanged)
