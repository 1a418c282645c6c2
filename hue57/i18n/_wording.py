"""The one home of the words for statuses, rates, targets and values, shared by every page, the CLI, exports
and `metrics.explain` (great-tables keeps formats in one place for the same reason: the same words in three
places drift apart).

Rows are mappings or pandas Series with the columns of `metrics.assess` (and, from the board, ``plan_comparator``,
``value``, ``value_hi``, ``relative_to``, ``text_vi``/``text_en``, ``unit_vi``, ``latest_band``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import pandas as pd

from hue57.calendar import local
from hue57.i18n._catalogue import t, tn
from hue57.i18n._formats import fmt_date, fmt_number, fmt_percent, fmt_value, normalise_lang, unit_name
from hue57.i18n._plan import plan_text

COMPARATOR_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}

# Status is never told by colour alone: every mark and cell carries one of these with the status word.
STATUS_ICONS = {
    "met": "✔",
    "on_track": "▲",
    "moderate": "►",
    "insufficient": "▼",
    "regressing": "✖",
    "missed": "⊘",
    "insufficient_data": "…",
    "no_data": "○",
}

TASK_STATUS_ICONS = {
    "overdue": "✖",
    "due_soon": "▲",
    "not_reported": "○",
    "in_progress": "►",
    "not_started": "…",
    "reported": "●",
    "done": "✔",
    "unparsed": "?",
}


def status_label(status: str, lang: str) -> str:
    """The icon and the word of a target status ('✔ Đã đạt'): what every chart, tile and table shows."""
    return f"{STATUS_ICONS[status]} {t(f'status.{status}', lang)}"


def task_status_label(status: str, lang: str) -> str:
    """The icon and the word of a task status ('✖ Quá hạn'), on the chart and in every table."""
    return f"{TASK_STATUS_ICONS[status]} {t(f'tasks.status.{status}', lang)}"


def latest_value_text(row: Mapping, lang: str = "vi") -> str:
    """The latest value as a reader must see it: a rank with what it ranks among ('5/63'), a band
    ('nhóm 351–400'), otherwise the value in its unit."""
    lang = normalise_lang(lang)
    latest = number(field(row, "latest_value"))
    if str(field(row, "unit") or "").strip() != "rank":
        return fmt_value(latest, display_unit(row, lang), lang)
    band = field(row, "latest_band")
    if band is not None:
        return t("metrics.rank_band", lang, band=str(band))
    basis = whole(field(row, "latest_basis"))
    place = rank_number(latest, lang)
    return place if basis is None else t("metrics.rank_of", lang, n=place, basis=basis)


def rate_amount(rate: float, kind: str, unit: str, lang: str) -> str:
    """The size of a yearly pace without its direction: '14,9%' (growth), '1,86 điểm %' (points), '2,5 doanh nghiệp'."""
    size = abs(rate)
    if kind == "cagr":
        return fmt_percent(size * 100, lang)
    if unit.startswith("%"):
        shown = fmt_number(size, lang, 2)
        return tn("metrics.percentage_points", amount_count(shown), lang, n=shown)
    return fmt_value(size, unit, lang)


def rate_text(rate: float, kind: str, unit: str, lang: str) -> str:
    """A yearly pace as it reads: '14,9%/năm' for growth, 'lên 2 bậc/năm' for ranks, '+2 điểm %/năm' otherwise."""
    if pd.isna(rate):
        return "—"
    if kind == "cagr":
        return f"{fmt_percent(100 * rate, lang)}{t('unit.per_year', lang)}"
    if unit == "rank":  # a smaller rank number is a better place
        if rate == 0:
            return t("unit.rank_same", lang)
        shown = fmt_number(abs(rate), lang, 2)
        return tn("unit.rank_up" if rate < 0 else "unit.rank_down", amount_count(shown), lang, n=shown)
    shown_unit = t("unit.points", lang) if unit.startswith("%") else unit_name(unit, lang)
    sign = "+" if rate > 0 else ""
    return f"{sign}{fmt_number(rate, lang, 2)} {shown_unit}{t('unit.per_year', lang)}"


def amount_count(shown: str) -> int:
    """The count that picks the plural form of a formatted amount: 1 for exactly '1', else 2 ('1,5 places')."""
    return 1 if shown == "1" else 2


def latest_text(row, lang: str) -> str:
    """The latest value in its unit; a rank with what it ranks among ('hạng 5/63') or its band ('nhóm 351–400')."""
    if row["unit"] != "rank":
        return fmt_value(row["latest_value"], row["unit"], lang)
    text = latest_value_text(row, lang)
    return text if pd.notna(row.get("latest_band")) else t("metrics.rank.target", lang, n=text)


def gap_text(row, lang: str) -> str:
    """What is still to go: '0' when met, 'N bậc' for ranks, the value in its unit otherwise."""
    if row["status"] == "met":
        return "0"
    if pd.isna(row["gap"]):
        return t("none", lang)
    if row["unit"] == "rank":
        shown = fmt_number(row["gap"], lang, 1)
        return tn("unit.rank_gap", amount_count(shown), lang, n=shown)
    return fmt_value(row["gap"], row["unit"], lang)


def target_text(row, lang: str) -> str:
    """The target as a number with its comparator ('≥ 30% GRDP', '≤ hạng 5', '8–10%'), or the plan's words."""
    comparator, unit = row["plan_comparator"], row["unit"]
    if comparator == "qualitative":
        return plan_text(row, "text_vi", lang)
    if comparator == "between":
        return f"{fmt_number(row['value'], lang)}–{fmt_value(row['value_hi'], unit, lang)}"
    if pd.notna(row["relative_to"]) and pd.isna(row["target_value"]):  # base-year count not known yet
        return t("target.relative", lang, times=fmt_number(row["value"], lang, 2), year=int(row["relative_to"]))
    return f"{COMPARATOR_SYMBOLS[comparator]} {fmt_value(row['target_value'], unit, lang)}"


def trend_text(row, lang: str) -> str:
    """The observed pace with an arrow that says whether it moves toward the target (↗) or away (↘)."""
    if pd.isna(row["observed_rate"]):
        return "—"
    lower_is_better = row["plan_comparator"] in ("<=", "<")
    good = (row["observed_rate"] < 0) if lower_is_better else (row["observed_rate"] > 0)
    arrow = "→" if row["observed_rate"] == 0 else ("↗" if good else "↘")
    return f"{arrow} {rate_text(row['observed_rate'], row['rate_kind'], row['unit'], lang)}"


def plan_targets_text(rows: pd.DataFrame, lang: str) -> str:
    """'Mục tiêu 2030: ≥ 30% GRDP · Mục tiêu 2045: ≥ 50% GRDP' for the rows of one indicator."""
    parts = []
    for row in rows.to_dict("records"):
        horizon = t("horizon.year", lang, year=int(row["horizon"]))
        parts.append(f"{horizon}: {target_text(row, lang)}")
    return " · ".join(parts)


def target_name(targets: pd.DataFrame, lang: str) -> pd.Series:
    return targets["name_en"] if lang == "en" else targets["name_vi"]


def agency_labels(id_lists, agencies: pd.DataFrame, lang: str) -> list[str]:
    """Lists of agency ids as the reader knows them: short Vietnamese names, or English names, separated by
    semicolons (a name may hold a comma: "University of Medicine and Pharmacy, X University" is one body)."""
    names = dict(zip(agencies["agency_id"], agencies["name_en" if lang == "en" else "short_vi"], strict=True))
    return ["; ".join(names.get(a) or a for a in ids) for ids in id_lists]


def agency_label(agency_ids: list[str], agencies: pd.DataFrame, lang: str) -> str:
    return agency_labels([agency_ids], agencies, lang)[0]


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII"}


def roman(group: int) -> str:
    return _ROMAN.get(int(group), str(group))


def group_label(group: str, lang: str) -> str:
    """'' → all; a task group number → its Roman numeral as the plan writes it ('Nhóm III')."""
    if not group:
        return t("filter.all", lang)
    return t("tasks.group", lang, roman=roman(int(group)))


def upload_labels(history: pd.DataFrame, lang: str) -> list[str]:
    """'#3 · chuyen_vien · 28/11/2026': which upload a stored row came from, dated in the plan's local time."""
    return [f"#{u} · {b} · {fmt_date(local(a.to_pydatetime()), lang)}"
            for u, b, a in zip(history["upload_id"], history["by"], history["at"], strict=True)]


def rank_target(target: float | None, comparator: str, lang: str) -> str:
    key = "metrics.rank.target_strict" if comparator == "<" else "metrics.rank.target"
    return t(key, lang, n=fmt_number(target, lang, 0))


def rank_number(value: float | None, lang: str) -> str:
    return fmt_number(value, lang, 0)


def target_with_comparator(target: float | None, comparator: str, unit: str, is_rank: bool, lang: str) -> str:
    """'≥ 70%'; 'top 10' for a rank at or below N."""
    if is_rank and comparator == "<=":
        return t("metrics.rank.top", lang, n=fmt_number(target, lang, 0))
    text = fmt_value(target, "rank" if is_rank else unit, lang)
    return f"{COMPARATOR_SYMBOLS.get(comparator, '')} {text}".strip()


def display_unit(row: Mapping, lang: str) -> str:
    """The unit to print: `unit_vi` for Vietnamese when given (not for rank/index, which i18n formats)."""
    unit = str(field(row, "unit") or "").strip()
    unit_vi = field(row, "unit_vi")
    if lang == "vi" and unit_vi is not None and str(unit_vi).strip() and unit not in ("rank", "index"):
        return str(unit_vi).strip()
    return unit


def field(row: Mapping, key: str) -> object:
    """`row[key]`, None when absent or missing (NaN, NA, None, '')."""
    try:
        value = row[key]
    except (KeyError, IndexError):
        return None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):  # pd.NA compares to NA, whose truth value raises
        return None
    return value


def number(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def whole(value: object) -> int | None:
    value = number(value)
    return None if value is None else int(value)


def gap_label(row, lang: str) -> str:
    """A target's gap on its own scale: '12,5 / ≥ 30% GRDP (2025)'; a rank 'hạng 5/63 (2024) · mục tiêu top 5'."""
    year = whole(field(row, "latest_year"))
    if row["unit"] == "rank":
        goal = target_with_comparator(number(field(row, "target_value")), row["plan_comparator"], "rank", True, lang)
        return t("briefing.rank_gap", lang, latest=latest_text(row, lang), year=year, target=goal)
    return t("briefing.value_gap", lang, latest=fmt_number(row["latest_value"], lang, 2), target=target_text(row, lang),
             year=year)


def expected_label(row, lang: str) -> str:
    """Where the required path says the target should be now: 'lộ trình: 15,2% GRDP' ('' without one)."""
    expected = number(field(row, "expected"))
    if expected is None:
        return ""
    shown = t("metrics.rank.target", lang, n=fmt_number(expected, lang, 0)) if row["unit"] == "rank" else \
        fmt_value(expected, row["unit"], lang)
    return t("briefing.expected", lang, value=shown)


def who_label(by: object, accounts: set[str], lang: str) -> str:
    """Who did something, as a person reads it: the account or the name given with `--by`; "dòng lệnh" for the
    command line's own names ("cli:root", the default of `--by`; "init", which loads the plan; a bare system
    login such as "root" that names no account)."""
    name = str(by or "").strip()
    if name in accounts:
        return name
    if not name or name.startswith("cli:") or name in _SYSTEM_NAMES:
        return t("who.cli", lang)
    return name


_SYSTEM_NAMES = frozenset({"init", "root", "cli", "admin", "administrator", "ubuntu", "debian", "hue57", "streamlit"})


_REPORT_FILE = re.compile(r"report (\S+) (\S+) #(\d+)")  # store._submissions names an accepted report's upload so


def upload_file_label(filename: object, kind: object, lang: str, agency_names: dict[str, str] | None = None) -> str:
    """An upload's file as a person names it: the file's name, or for the uploads the system makes ("init",
    "undo #2", "report AGENCY 2026-H2 #2") what they are ('Hoàn tác lần cập nhật #2', 'Báo cáo 6 tháng cuối năm
    2026 của <cơ quan> (báo cáo số 2)')."""
    from hue57.tasks.periods import PERIOD_PATTERN, period_label  # noqa: PLC0415 — tasks use this package

    name = "" if filename is None or pd.isna(filename) else str(filename)
    if kind == "seed":
        return t("upload.file.seed", lang, name=name.rsplit("/", 1)[-1] or "actuals.csv")
    if kind == "revert" and (m := re.fullmatch(r"undo #(\d+)", name)):
        return t("upload.file.undo", lang, id=m.group(1))
    if (m := _REPORT_FILE.fullmatch(name)) and PERIOD_PATTERN.fullmatch(m.group(2)):
        agency = (agency_names or {}).get(m.group(1)) or m.group(1)
        return t("upload.file.report", lang, period=period_label(m.group(2), lang), agency=agency, id=m.group(3))
    return name
