"""Frames shaped for reading: localised headers and formatted numbers, shared by pages and exports."""

from __future__ import annotations

import numpy as np
import pandas as pd

from hue57 import calendar, charts, metrics, tasks
from hue57.i18n import fmt_date, fmt_datetime, fmt_number, fmt_percent, fmt_value, plan_text, t, unit_name


def target_name(targets: pd.DataFrame, lang: str) -> pd.Series:
    return targets["name_en"] if lang == "en" else targets["name_vi"]


def agency_labels(id_lists, agencies: pd.DataFrame, lang: str) -> list[str]:
    """Lists of agency ids as the reader knows them: short Vietnamese names, or English names."""
    names = dict(zip(agencies["agency_id"], agencies["name_en" if lang == "en" else "short_vi"], strict=True))
    return [", ".join(names.get(a) or a for a in ids) for ids in id_lists]


def agency_options(id_lists) -> list[str]:
    """Every agency id named in lists of ids (a filter's options), sorted."""
    return sorted({a for ids in id_lists for a in ids})


def agency_label(agency_ids: list[str], agencies: pd.DataFrame, lang: str) -> str:
    return agency_labels([agency_ids], agencies, lang)[0]


def task_status_text(status: str, lang: str) -> str:
    return charts.task_status_label(status, lang)


def task_listing(table: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The task table as the /tasks page and its export show it."""
    def day(v):
        return fmt_date(v.date(), lang, empty="") if pd.notna(v) else ""

    due = [t("tasks.recurring", lang) if rec else day(d) for rec, d in zip(table["recurring"], table["due_date"],
                                                                          strict=True)]
    return pd.DataFrame({
        t("tasks.col.no", lang): table["no"],
        t("tasks.col.group", lang): table["group"].map(_roman),
        t("tasks.col.title", lang): plan_text(table, "title_vi", lang),
        t("tasks.col.lead_current", lang): agency_labels(table["lead_current"], agencies, lang),
        t("tasks.col.deadline", lang): plan_text(table, "deadline_text", lang),
        t("tasks.col.due", lang): due,
        t("tasks.col.status", lang): [task_status_text(s, lang) for s in table["status"]],
        t("tasks.col.last_period", lang): table["last_period"].fillna(""),
        t("tasks.col.progress", lang): [fmt_percent(p, lang, 0, empty="") for p in table["progress_pct"]],
    })


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII"}


def _roman(group: int) -> str:
    return _ROMAN.get(int(group), str(group))


def group_label(group: str, lang: str) -> str:
    """'' → all; a task group number → its Roman numeral as the plan writes it ('Nhóm III')."""
    if not group:
        return t("filter.all", lang)
    return t("tasks.group", lang, roman=_roman(int(group)))


def filter_tasks(table: pd.DataFrame, *, group: str = "", agency: str = "", status: str = "",
                 due_year: str = "") -> pd.DataFrame:
    """The rows matching every non-empty filter ('' means all)."""
    keep = pd.Series(True, index=table.index)
    if group:
        keep &= table["group"].astype(str) == group
    if agency:
        keep &= table["lead_current"].map(lambda ids: agency in ids)
    if status:
        keep &= table["status"] == status
    if due_year:
        keep &= table["due_date"].dt.year.astype("Int64").astype("string") == due_year
    return table[keep.fillna(False)]


def task_status_counts(table: pd.DataFrame, lang: str) -> list[tuple[str, int]]:
    """(label with icon, count) for every task status, in the tracker's order, zeros included."""
    counts = table["status"].value_counts()
    return [(task_status_text(s, lang), int(counts.get(s, 0))) for s in tasks.STATUS_ORDER]


def progress_listing(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A task's reports with the upload each came from (an undone report shows as withdrawn)."""
    status = [t("tasks.detail.withdrawn", lang) if d else (task_status_text(s, lang) if s else "")
              for s, d in zip(history["status"], history["deleted"], strict=True)]
    return pd.DataFrame({
        t("tasks.col.period", lang): history["period"],
        t("tasks.col.last_status", lang): status,
        t("tasks.col.progress", lang): [fmt_percent(p, lang, 0, empty="") for p in history["progress_pct"]],
        t("tasks.col.note", lang): history["note"].fillna(""),
        t("tasks.col.evidence", lang): history["evidence"].fillna(""),
        t("col.upload", lang): _upload_labels(history, lang),
    })


def _upload_labels(history: pd.DataFrame, lang: str) -> list[str]:
    """'#3 · chuyen_vien · 28/11/2026': which upload a stored row came from, dated in local time."""
    return [f"#{u} · {b} · {fmt_date(calendar.local(a.to_pydatetime()), lang)}"
            for u, b, a in zip(history["upload_id"], history["by"], history["at"], strict=True)]


def rate_text(rate: float, kind: str, unit: str, lang: str) -> str:
    """A yearly pace as it reads: '14,9%/năm' for growth, 'lên 2 bậc/năm' for ranks, '+2 điểm %/năm' otherwise."""
    if pd.isna(rate):
        return "—"
    if kind == "cagr":
        return f"{fmt_percent(100 * rate, lang)}{t('unit.per_year', lang)}"
    if unit == "rank":  # a smaller rank number is a better place
        key = "unit.rank_up" if rate < 0 else ("unit.rank_down" if rate > 0 else "unit.rank_same")
        return t(key, lang, n=fmt_number(abs(rate), lang, 2))
    shown_unit = t("unit.points", lang) if unit.startswith("%") else unit_name(unit, lang)
    sign = "+" if rate > 0 else ""
    return f"{sign}{fmt_number(rate, lang, 2)} {shown_unit}{t('unit.per_year', lang)}"


def latest_text(row, lang: str) -> str:
    """The latest value in its unit; a rank with what it ranks among ('hạng 5/63') or its band ('nhóm 351–400')."""
    if row["unit"] != "rank":
        return fmt_value(row["latest_value"], row["unit"], lang)
    text = metrics.latest_value_text(row, lang)
    return text if pd.notna(row.get("latest_band")) else t("metrics.rank.target", lang, n=text)


def gap_text(row, lang: str) -> str:
    """What is still to go: '0' when met, 'N bậc' for ranks, the value in its unit otherwise."""
    if row["status"] == "met":
        return "0"
    if pd.isna(row["gap"]):
        return t("none", lang)
    if row["unit"] == "rank":
        return t("unit.rank_gap", lang, n=fmt_number(row["gap"], lang, 1))
    return fmt_value(row["gap"], row["unit"], lang)


def assessment_facts(row, lang: str) -> pd.DataFrame:
    """The numbers behind one status (a row of `target_board`), two columns (what, value), in reading order."""
    unit = row["unit"]

    def at_year(value, year):
        return t("none", lang) if pd.isna(value) else f"{fmt_value(value, unit, lang)} ({int(year)})"

    latest = t("none", lang) if pd.isna(row["latest_value"]) else \
        f"{latest_text(row, lang)} ({int(row['latest_year'])})"
    facts = [
        (t("facts.latest", lang), latest),
        (t("facts.target", lang), f"{target_text(row, lang)} ({int(row['horizon'])})"),
        (t("facts.gap", lang), gap_text(row, lang)),
        (t("facts.base", lang), at_year(row["base_value"], row["base_year"])),
        (t("facts.observed", lang), rate_text(row["observed_rate"], row["rate_kind"], unit, lang)),
    ]
    if row["status"] != "met":  # the pace still "required" of a met target (often negative) only confuses
        facts += [(t("facts.required", lang), rate_text(row["required_rate"], row["rate_kind"], unit, lang)),
                  (t("facts.ratio", lang), fmt_number(row["ratio"], lang, 2))]
    facts += [
        (t("facts.projected", lang), at_year(row["projected_value"], row["horizon"])),
        (t("facts.year_reached", lang), str(int(row["year_reached"])) if pd.notna(row["year_reached"])
         else t("facts.not_by_2100", lang)),
    ]
    return pd.DataFrame(facts, columns=[t("facts.what", lang), t("col.value", lang)])


def has_numbers(row) -> bool:
    """Whether a status rests on numbers worth tabulating (not for no data or a qualitative target)."""
    return row["status"] != "no_data" and row["plan_comparator"] != "qualitative"


def slips_by_horizon(row) -> bool:
    """Met today, but at the current pace the projection at the horizon no longer meets the target."""
    if row["status"] != "met" or pd.isna(row["projected_value"]):
        return False
    meets = metrics.satisfies(np.array([row["projected_value"]], float), np.array([row["plan_comparator"]]),
                              np.array([row["target_value"]], float), np.array([row["value"]], float),
                              np.array([row["value_hi"]], float))
    return not bool(meets[0])


def target_rules(rows: pd.DataFrame) -> pd.DataFrame:
    """The lines a trajectory chart draws for the targets: both edges of a band, else the target value."""
    rules = []
    for row in rows.to_dict("records"):
        if row["plan_comparator"] == "qualitative":
            continue
        edges = [row["value"], row["value_hi"]] if row["plan_comparator"] == "between" else \
            [row["target_value"] if pd.notna(row["target_value"]) else row["value"]]
        rules += [{"horizon": row["horizon"], "target_value": v} for v in edges if pd.notna(v)]
    return pd.DataFrame(rules, columns=["horizon", "target_value"])


def plan_targets_text(rows: pd.DataFrame, lang: str) -> str:
    """'Mục tiêu 2030: ≥ 30% GRDP · Mục tiêu 2045: ≥ 50% GRDP' for the rows of one indicator."""
    parts = []
    for row in rows.to_dict("records"):
        horizon = t(f"horizon.{int(row['horizon'])}", lang)
        parts.append(f"{horizon}: {target_text(row, lang)}")
    return " · ".join(parts)


def status_text(status: str, lang: str) -> str:
    return charts.status_label(status, lang)


def value_listing(values: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """The current value of each year (undone values left out) with its source, note and upload."""
    shown = []
    for row in values.to_dict("records"):
        if pd.isna(row["value"]):
            shown.append(status_text(row["status"], lang) if row["status"] else "—")
        elif unit == "rank":
            shown.append(latest_text({"unit": unit, "latest_value": row["value"], "latest_basis": row["basis"],
                                      "latest_band": row["band"]}, lang))
        else:
            shown.append(fmt_value(row["value"], unit, lang))
    return pd.DataFrame({
        t("col.year", lang): values["year"].astype(int).astype(str),
        t("col.value", lang): shown,
        t("col.source", lang): values["source"].fillna(""),
        t("col.note", lang): values["note"].fillna(""),
        t("col.upload", lang): _upload_labels(values, lang),
    })


def basis_changes(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Years from which a rank counts among another number than the year before ('từ 2025: trên 34'),
    for the trajectory to mark: a pace is never read across them."""
    ranked = values.sort_values("year")[["year", "basis"]]
    marks = []
    previous = None
    for year, basis in ranked.itertuples(index=False):
        basis = None if pd.isna(basis) else int(basis)
        if previous is not None and basis != previous[1]:
            label = t("chart.basis_from", lang, year=year, basis=basis) if basis is not None else \
                t("chart.basis_unstated", lang, year=year)
            marks.append({"year": year, "label": label})
        previous = (year, basis)
    return pd.DataFrame(marks, columns=["year", "label"])


def indicator_rows(frame: pd.DataFrame, code: str) -> pd.DataFrame:
    """The rows (of the targets or of the board) that read the same actuals as `code`: both horizons of
    one indicator, e.g. 7 (2030) and 26 (2045)."""
    indicator = frame.loc[frame["code"] == code, "indicator"].iloc[0]
    return frame[frame["indicator"] == indicator].reset_index(drop=True)


BEHIND = ("moderate", "insufficient", "regressing", "missed")


def agency_cards(assessed: pd.DataFrame, leads: pd.DataFrame, task_rollup: pd.DataFrame,
                 agencies: pd.DataFrame) -> pd.DataFrame:
    """One row per agency holding targets or tasks today: target statuses, behind targets, task counts.

    Sorted most behind first: targets behind plus tasks late, then the lowest on-time share.
    """
    per_target = leads.merge(assessed[["code", "horizon", "status"]], on=["code", "horizon"], how="left")
    counts = per_target.pivot_table(index="agency_id", columns="status", values="code", aggfunc="count",
                                    fill_value=0, observed=True).reindex(columns=list(metrics.STATUS_ORDER), fill_value=0)
    behind = per_target[per_target["status"].isin(BEHIND)].groupby("agency_id")["code"].agg(list)
    cards = counts.add_prefix("t_").join(behind.rename("behind_codes"), how="left")
    cards["targets"] = counts.sum(axis=1)
    tasks = task_rollup.set_index("agency_id")[["tasks", "judged", "late", "on_time_pct", "overdue_tasks", "overdue"]]
    cards = cards.join(tasks, how="outer").rename_axis("agency_id").reset_index()
    for col in [c for c in cards.columns if c.startswith("t_")] + ["targets", "tasks", "judged", "late", "overdue"]:
        cards[col] = cards[col].fillna(0).astype("int64")
    cards["behind_codes"] = cards["behind_codes"].map(lambda v: v if isinstance(v, list) else [])
    cards["overdue_tasks"] = cards["overdue_tasks"].map(lambda v: v if isinstance(v, list) else [])
    cards["behind"] = cards["behind_codes"].map(len) + cards["late"]
    names = agencies.set_index("agency_id")
    cards["name_vi"] = cards["agency_id"].map(names["name_vi"]).fillna(cards["agency_id"])
    cards["name_en"] = cards["agency_id"].map(names["name_en"]).fillna(cards["name_vi"])
    return cards.sort_values(["behind", "on_time_pct", "agency_id"], ascending=[False, True, True],
                             na_position="last").reset_index(drop=True)


def board_for(snap, year: int) -> pd.DataFrame:
    """Every target of a snapshot assessed for `year`, joined for reading (see `target_board`)."""
    return target_board(snap.targets, metrics.assess(snap.targets, snap.actuals, year),
                        tasks.target_leads(snap.targets, snap.agencies), snap.actuals)


def target_board(targets: pd.DataFrame, assessed: pd.DataFrame, leads: pd.DataFrame,
                 actuals: pd.DataFrame | None = None) -> pd.DataFrame:
    """`assess` output joined with what the overview filters and shows: names, group, agencies, progress,
    and (given `actuals`) the source and note of each latest value — no number without its source."""
    info = targets[["code", "horizon", "name_vi", "name_en", "parent", "text_vi", "text_en", "comparator", "value",
                    "value_hi", "relative_to", "unit_vi"]].rename(columns={"comparator": "plan_comparator"})
    board = assessed.merge(info, on=["code", "horizon"], how="left", validate="one_to_one")
    board["group"] = board["parent"].where(board["parent"].fillna("") != "", board["code"])
    agencies = leads.groupby(["code", "horizon"])["agency_id"].agg(list).rename("agency_ids")
    board = board.merge(agencies, on=["code", "horizon"], how="left")
    board["agency_ids"] = board["agency_ids"].map(lambda v: v if isinstance(v, list) else [])
    board["progress"] = metrics.progress(board)
    if actuals is not None:
        sources = actuals[["code", "year", "source", "note", "band"]].rename(
            columns={"code": "indicator", "year": "latest_year", "band": "latest_band"})
        sources["latest_year"] = sources["latest_year"].astype("Int64")
        board = board.merge(sources, on=["indicator", "latest_year"], how="left")
    return board


def filter_board(board: pd.DataFrame, *, horizon: str = "", group: str = "", agency: str = "",
                 status: str = "") -> pd.DataFrame:
    keep = pd.Series(True, index=board.index)
    if horizon:
        keep &= board["horizon"].astype(str) == horizon
    if group:
        keep &= board["group"] == group
    if agency:
        keep &= board["agency_ids"].map(lambda ids: agency in ids)
    if status:
        keep &= board["status"] == status
    return board[keep]


def target_text(row, lang: str) -> str:
    """The target as a number with its comparator ('≥ 30% GRDP', '≤ hạng 5', '8–10%'), or the plan's words."""
    comparator, unit = row["plan_comparator"], row["unit"]
    if comparator == "qualitative":
        return plan_text(row, "text_vi", lang)
    if comparator == "between":
        return f"{fmt_number(row['value'], lang)}–{fmt_value(row['value_hi'], unit, lang)}"
    if pd.notna(row["relative_to"]) and pd.isna(row["target_value"]):  # base-year count not known yet
        return t("target.relative", lang, times=fmt_number(row["value"], lang, 2), year=int(row["relative_to"]))
    return f"{metrics.COMPARATOR_SYMBOLS[comparator]} {fmt_value(row['target_value'], unit, lang)}"


def trend_text(row, lang: str) -> str:
    """The observed pace with an arrow that says whether it moves toward the target (↗) or away (↘)."""
    if pd.isna(row["observed_rate"]):
        return "—"
    lower_is_better = row["plan_comparator"] in ("<=", "<")
    good = (row["observed_rate"] < 0) if lower_is_better else (row["observed_rate"] > 0)
    arrow = "→" if row["observed_rate"] == 0 else ("↗" if good else "↘")
    return f"{arrow} {rate_text(row['observed_rate'], row['rate_kind'], row['unit'], lang)}"


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
        t("col.status", lang): [status_text(s, lang) for s in board["status"]],
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
        col("col.status"): [status_text(s, lang) for s in board["status"]],
        col("col.latest"): board["latest_value"].astype("float64").to_numpy(),
        col("col.year"): board["latest_year"].astype("Int64").to_numpy(),
        col("col.unit"): board["unit"].astype(str).tolist(),
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
    formats.update({col("col.year"): "0", col("col.horizon"): "0", col("export.col.progress"): "0%",
                    col("export.col.observed_rate"): "#,##0.000", col("export.col.required_rate"): "#,##0.000"})
    return frame, formats


def indicator_urls(codes: pd.Series, params: dict[str, str]) -> list[str]:
    """Relative links to each code's indicator page, keeping language and meeting link."""
    from urllib.parse import urlencode  # noqa: PLC0415

    return [f"indicator?{urlencode({'code': c, **params})}" for c in codes]


GAP_CHART_ROWS = 60  # more bars than this cannot be read on a projector


def gap_frame(board: pd.DataFrame, lang: str, limit: int = GAP_CHART_ROWS) -> pd.DataFrame:
    """What the gap chart draws: one labelled row per target, in board order.

    A plan larger than `limit` rows shows the `limit` most behind (worst status, then least progress),
    still in plan order; the page says how many are left out and the filters reach the rest.
    """
    board = board[board["status"] != "no_data"]  # listed in one line under the chart instead of empty bars
    if len(board) > limit:
        severity = {s: i for i, s in enumerate(("regressing", "insufficient", "moderate", "insufficient_data",
                                                  "on_track", "met", "no_data"))}
        rank = board.assign(_s=board["status"].map(severity), _p=board["progress"].fillna(2.0))
        keep = rank.sort_values(["_s", "_p"], kind="stable").index[:limit]
        board = board.loc[sorted(keep, key=board.index.get_loc)]
    names = board["name_en" if lang == "en" else "name_vi"]
    label = [f"{c}. {n[:48]}{'…' if len(n) > 48 else ''}" for c, n in zip(board["code"], names, strict=True)]
    return pd.DataFrame({"label": label, "status": board["status"].tolist(), "progress": board["progress"].tolist()})


def no_data_codes(board: pd.DataFrame) -> list[str]:
    """Codes of the targets with no value yet (named under the gap chart rather than drawn as empty bars)."""
    return board.loc[board["status"] == "no_data", "code"].tolist()


def board_status_counts(board: pd.DataFrame, lang: str) -> list[tuple[str, int]]:
    counts = board["status"].value_counts()
    return [(status_text(s, lang), int(counts.get(s, 0))) for s in metrics.STATUS_ORDER]


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


def changes_listing(changes: pd.DataFrame, targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Targets whose value or status changed between two meetings, in the reader's words."""
    changed = changes[changes["value_changed"] | changes["status_changed"]]
    info = targets.set_index(["code", "horizon"])
    units = [info.loc[(c, h), "unit"] if (c, h) in info.index else "" for c, h in zip(changed["code"], changed["horizon"],
                                                                                        strict=True)]

    def value(v, y, unit):
        return "—" if pd.isna(v) else f"{fmt_value(v, unit, lang)} ({int(y)})"

    return pd.DataFrame({
        t("col.code", lang): changed["code"],
        t("col.horizon", lang): changed["horizon"].astype(str),
        t("share.col.old_value", lang): [value(v, y, u) for v, y, u in zip(changed["old_value"], changed["old_year"],
                                                                           units, strict=True)],
        t("share.col.new_value", lang): [value(v, y, u) for v, y, u in zip(changed["new_value"], changed["new_year"],
                                                                           units, strict=True)],
        t("share.col.old_status", lang): [status_text(s, lang) if isinstance(s, str) else "—" for s in changed["old_status"]],
        t("share.col.new_status", lang): [status_text(s, lang) if isinstance(s, str) else "—" for s in changed["new_status"]],
    })


def presentation_screens(board: pd.DataFrame, per_screen: int = 4) -> list[list]:
    """Board index labels split into screens of at most `per_screen` targets, in plan order. Small
    groups stay whole on one screen; a larger group (8.1–8.12) fills screens of its own."""
    screens: list[list] = [[]]
    for _, rows in board.groupby("group", sort=False):
        labels = rows.index.tolist()
        if screens[-1] and len(screens[-1]) + len(labels) > per_screen:
            screens.append([])
        for start in range(0, len(labels), per_screen):
            if start:
                screens.append([])
            screens[-1].extend(labels[start:start + per_screen])
    return screens


def reporting_listing(status: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per agency (today's bodies): reports owed for the current half-year, received, and still missing."""
    return pd.DataFrame({
        t("tasks.col.lead_current", lang): agency_labels([[a] for a in status["agency_id"]], agencies, lang),
        t("tasks.col.report_due", lang): [fmt_date(d, lang) + (f" ({t('tasks.reporting.passed', lang)})" if p else "")
                                          for d, p in zip(status["report_due"], status["due_passed"], strict=True)],
        t("tasks.col.expected", lang): status["expected"],
        t("tasks.col.reported", lang): status["reported"],
        t("tasks.col.missing", lang): status["missing"].map(lambda m: ", ".join(map(str, m))),
    })


def agency_card_text(card, reporting: pd.DataFrame, lang: str) -> tuple[str, str]:
    """Two short blocks of an agency's card: its targets (by status, which are behind) and its tasks
    (on time, overdue, reports this period); lines joined as markdown line breaks."""
    targets = [f"**{t('agencies.targets', lang, n=card.targets)}**",
               " · ".join(f"{status_text(s, lang)}: {getattr(card, 't_' + s)}"
                          for s in metrics.STATUS_ORDER if getattr(card, "t_" + s)) or t("none", lang)]
    if card.behind_codes:
        targets.append(t("agencies.behind_targets", lang, codes=", ".join(card.behind_codes)))
    work = [f"**{t('agencies.tasks', lang, n=card.tasks)}**"]
    if card.tasks:
        work.append(t("agencies.on_time", lang, on_time=card.judged - card.late, judged=card.judged,
                      pct=fmt_percent(card.on_time_pct, lang, 0)))
    if card.overdue_tasks:
        work.append(t("agencies.overdue", lang, n=len(card.overdue_tasks), tasks=", ".join(map(str, card.overdue_tasks))))
    if card.agency_id in reporting.index and reporting.at[card.agency_id, "expected"]:
        owed = reporting.loc[card.agency_id]
        work.append(t("agencies.reports", lang, reported=owed["reported"], expected=owed["expected"],
                      missing=", ".join(map(str, owed["missing"])) or t("none", lang)))
    return "  \n".join(targets), "  \n".join(work)
