"""Locale-aware numbers and dates via Babel: `30,5%` in Vietnamese, `30.5%` in English."""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date
from babel.numbers import format_decimal, format_scientific

_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def normalise_lang(lang: object) -> str:
    """'vi' or 'en' from anything a URL or a user may give; Vietnamese by default."""
    text = str(lang or "").strip().lower()
    return "en" if text.startswith("en") else "vi"


def _missing(x: object) -> bool:
    if x is None:
        return True
    try:
        return bool(math.isnan(float(x)))  # NaN, pd.NA → float fails below
    except (TypeError, ValueError):
        return x is not None and str(x) in {"<NA>", "NaT", "nan"}


def fmt_number(x: object, lang: str = "vi", digits: int = 1, *, empty: str = "—") -> str:
    """A number with at most `digits` decimals (trailing zeros dropped), grouped as the locale writes it."""
    if _missing(x) or not math.isfinite(float(x)):
        return empty
    locale = _LOCALES[normalise_lang(lang)]
    if abs(float(x)) >= 1e15:  # beyond what a plan measures; Babel's fixed-point rounding fails on such numbers
        return format_scientific(float(x), format="0.##E0", locale=locale)
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(float(x), format=pattern, locale=locale)


def fmt_int(x: object, lang: str = "vi", *, empty: str = "—") -> str:
    return fmt_number(x, lang, 0, empty=empty)


def fmt_percent(x: object, lang: str = "vi", digits: int = 1, *, empty: str = "—") -> str:
    """`x` already in percent points: 30.5 → '30,5%' (vi) / '30.5%' (en)."""
    if _missing(x) or not math.isfinite(float(x)):
        return empty
    return fmt_number(x, lang, digits) + "%"


def fmt_value(x: object, unit: str | None, lang: str = "vi", *, empty: str = "—") -> str:
    """A value in its unit as a reader expects it: '30,5%', 'hạng 4', '1,3 lần', '12 người/vạn dân'."""
    if _missing(x):
        return empty
    unit = (unit or "").strip()
    unit = unit_name(unit, lang)
    if unit.startswith("%"):
        rest = unit[1:].strip()
        return fmt_percent(x, lang) + (f" {rest}" if rest else "")
    if unit == "rank":
        return ("hạng " if normalise_lang(lang) == "vi" else "rank ") + fmt_int(x, lang)
    if unit == "index":
        return fmt_number(x, lang, 3)
    return f"{fmt_number(x, lang, 2)} {unit}".strip()


def unit_name(unit: str | None, lang: str = "vi") -> str:
    """A unit code of the plan's data ('% budget', 'enterprises') in the reader's words: the plan's own glossary
    (plan.toml `[units]`) first, then the catalogue's; others unchanged. Its message id writes '%' as 'percent'
    ('unitname.percent budget'): gettext tools read '% b…' as a format."""
    from hue57.i18n._catalogue import CATALOGUE  # noqa: PLC0415 — the catalogue imports this module's users
    from hue57.plan_facts import facts  # noqa: PLC0415

    own = facts().unit_name((unit or "").strip(), normalise_lang(lang))
    if own:
        return own
    entry = CATALOGUE.get("unitname." + (unit or "").strip().replace("%", "percent"))  # no '%' in a message id
    return entry[normalise_lang(lang)] if entry else (unit or "").strip()


def fmt_date(d: dt.date | dt.datetime | None, lang: str = "vi", *, empty: str = "—") -> str:
    """A date as officials write it: 28/11/2026 (vi), Nov 28, 2026 (en)."""
    if not isinstance(d, (dt.date, dt.datetime)) or d != d:  # noqa: PLR0124 — NaT is a datetime unequal to itself
        return empty
    if normalise_lang(lang) == "vi":
        return d.strftime("%d/%m/%Y")
    return format_date(d, format="medium", locale="en_US")


def fmt_datetime(moment: dt.datetime | None, lang: str = "vi", *, empty: str = "—") -> str:
    """A local date and time: 28/11/2026 10:31 (vi), Nov 28, 2026, 10:31 (en)."""
    if not isinstance(moment, dt.datetime):
        return empty
    return f"{fmt_date(moment, lang)} {moment.strftime('%H:%M')}" if normalise_lang(lang) == "vi" else \
        f"{fmt_date(moment, lang)}, {moment.strftime('%H:%M')}"


def fmt_document_date(d: dt.date, lang: str = "vi") -> str:
    """The date line of an administrative document: 'ngày 05 tháng 02 năm 2026' (Decree 30/2020/NĐ-CP
    writes days below 10 and the months January and February with a leading zero), '5 February 2026'."""
    if normalise_lang(lang) == "vi":
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"ngày {d.day:02d} tháng {month} năm {d.year}"
    return format_date(d, format="d MMMM y", locale="en_US")
