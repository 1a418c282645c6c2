"""Turning the plan's free-text task deadlines ("12/2025", "Quý I/2025", "Thường xuyên" …) into dates.

Rules (case- and whitespace-insensitive; ``–``, ``—`` count as ``-``; "start" is empty unless stated):

- ``2025``, ``Năm 2025``, ``Đến năm 2025``, ``Trong năm 2025`` → due 31/12/2025.
- ``12/2025``, ``3/2026``, ``Tháng 6/2025``, ``Tháng 6 năm 2025`` → due the last day of that month.
- ``Quý I/2025`` … ``Quý IV/2025`` (also ``Quý 1/2025``, ``Quý I năm 2025``) → due the quarter's last
  day: 31/3, 30/6, 30/9, 31/12.
- ``6 tháng đầu năm 2025`` → due 30/6/2025; ``6 tháng cuối năm 2025`` → due 31/12/2025.
- ``30/6/2025``, ``Trước 30/6/2025``, ``Trước ngày 30/6/2025``, ``Ngày 30/6/2025`` → due that day.
- ``2025 - 2030``, ``2025- 2026``, ``2025-2030``, ``Giai đoạn 2025-2030``, ``Từ 2025 đến 2030`` →
  start 1/1 of the first year, due 31/12 of the last year.
- ``Thường xuyên``, ``Nhiệm vụ thường xuyên``, ``Hàng năm``, ``Hằng năm`` → recurring, no dates.
- ``2025 và các năm tiếp theo``, ``2025 và những năm tiếp theo``, ``Từ năm 2025 trở đi`` → recurring,
  start 1/1/2025, no due date.

Anything else (an empty text, an impossible date, a range that runs backwards, any other wording) is
``parsed=False`` with no dates and ``recurring=False``: a deadline is never guessed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import pandas as pd

__all__ = ["Deadline", "deadlines_frame", "parse_deadline"]


@dataclass(frozen=True)
class Deadline:
    """A task deadline as written in the plan and what it means in dates."""

    text: str
    start: date | None
    due: date | None
    recurring: bool
    parsed: bool


_QUARTER_END_MONTH = {"i": 3, "1": 3, "ii": 6, "2": 6, "iii": 9, "3": 9, "iv": 12, "4": 12}
_YEAR = r"(\d{4})"

_RECURRING = re.compile(r"(?:nhiệm vụ )?thường xuyên|h[àằ]ng năm")
_RECURRING_FROM = re.compile(
    rf"(?:từ )?(?:năm )?{_YEAR} và (?:các|những) năm tiếp theo|từ (?:năm )?{_YEAR} trở đi"
)
_RANGE = re.compile(rf"(?:giai đoạn |từ )?(?:năm )?{_YEAR}(?:-| đến )(?:năm )?{_YEAR}")
_YEAR_ONLY = re.compile(rf"(?:(?:đến |trong )?năm )?{_YEAR}")
_MONTH = re.compile(rf"(?:tháng )?(\d{{1,2}})(?:/| năm ){_YEAR}")
_QUARTER = re.compile(rf"quý (iv|iii|ii|i|[1-4])(?:/| năm ){_YEAR}")
_HALF = re.compile(rf"6 tháng (đầu|cuối) năm {_YEAR}")
_DAY = re.compile(rf"(?:trước (?:ngày )?|ngày )?(\d{{1,2}})/(\d{{1,2}})/{_YEAR}")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ?- ?", "-", text)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _dates(norm: str) -> tuple[date | None, date | None, bool] | None:
    """(start, due, recurring) for a normalised text, or None when it matches no rule."""
    if _RECURRING.fullmatch(norm):
        return None, None, True
    if m := _RECURRING_FROM.fullmatch(norm):
        return date(int(m.group(1) or m.group(2)), 1, 1), None, True
    if m := _RANGE.fullmatch(norm):
        first, last = int(m.group(1)), int(m.group(2))
        return (date(first, 1, 1), date(last, 12, 31), False) if first <= last else None
    if m := _YEAR_ONLY.fullmatch(norm):
        return None, date(int(m.group(1)), 12, 31), False
    if m := _QUARTER.fullmatch(norm):
        return None, _month_end(int(m.group(2)), _QUARTER_END_MONTH[m.group(1)]), False
    if m := _HALF.fullmatch(norm):
        return None, _month_end(int(m.group(2)), 6 if m.group(1) == "đầu" else 12), False
    if m := _MONTH.fullmatch(norm):
        month, year = int(m.group(1)), int(m.group(2))
        return (None, _month_end(year, month), False) if 1 <= month <= 12 else None
    if m := _DAY.fullmatch(norm):
        return None, date(int(m.group(3)), int(m.group(2)), int(m.group(1))), False
    return None


def parse_deadline(text: str) -> Deadline:
    """The dates a deadline text stands for; ``parsed=False`` (and no dates) when no rule fits."""
    text = "" if text is None else str(text)
    try:
        found = _dates(_normalise(text))
    except ValueError:  # an impossible date such as 31/2/2025 or year 0000
        found = None
    if found is None:
        return Deadline(text=text, start=None, due=None, recurring=False, parsed=False)
    start, due, recurring = found
    return Deadline(text=text, start=start, due=due, recurring=recurring, parsed=True)


def deadlines_frame(texts: pd.Series) -> pd.DataFrame:
    """One row per text (same index): ``start_date``, ``due_date`` (datetime64, NaT when none),
    ``recurring`` and ``parsed`` (bool). Missing values count as unparsed text."""
    clean = texts.astype("object").where(texts.notna(), "").map(str)
    unique = {t: parse_deadline(t) for t in pd.unique(clean)}
    rows = [unique[t] for t in clean]
    return pd.DataFrame(
        {
            "start_date": pd.to_datetime(pd.Series([d.start for d in rows], dtype="object")),
            "due_date": pd.to_datetime(pd.Series([d.due for d in rows], dtype="object")),
            "recurring": pd.Series([d.recurring for d in rows], dtype="bool"),
            "parsed": pd.Series([d.parsed for d in rows], dtype="bool"),
        }
    ).set_axis(texts.index)
