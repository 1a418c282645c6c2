"""One sentence per assessed row giving the numbers behind its status, in Vietnamese or English.

`row` is one row of `assess` (a dict or a pandas Series). Optional extra keys make the sentence
richer when the caller has merged them in from the targets: ``unit_vi`` (the unit as Vietnamese
readers write it, used for ``vi`` except for ``rank``/``index``), ``value`` and ``value_hi`` (to
print the band of a met ``between`` target), ``relative_to`` (to name the missing reference year).

Which sentence:

* qualitative → the analyst's assessment and its year, or "no assessment yet";
* ``no_data`` → no actual yet;  ``met`` → the latest value against the target with its comparator;
* ``insufficient_data`` → "target not known" (reference year missing) or "only one value";
* otherwise, when the ratio exists → observed pace, required pace, the target and its year; when it
  does not (the target was already passed at the base year, or the horizon is not after the base
  year) → observed pace and "moving away from" (regressing) / "short of" (insufficient) the target.

Rates read as the method computes them: ``cagr`` as a percentage a year, ``linear`` in the unit a
year ("điểm %/năm", points a year, for ``%`` units), ranks in places a year (climbing = rank number
falling). A rank is written with what it ranks among ("5/63", from ``latest_basis``) or its band
("nhóm 351–400", from an optional ``latest_band``).

Every pace sentence ends with the forecast at the horizon and the year the target would be reached,
so a verdict never stands beside a forecast that seems to contradict it. ``missed`` (horizon passed)
gets no pace words; ``insufficient_data`` says which ``reason``; a strict ``>`` target sitting on its
threshold says the value must exceed it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from hue57.i18n import fmt_number, fmt_percent, fmt_value, normalise_lang, t

COMPARATOR_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def explain(row: Mapping, lang: str = "vi") -> str:
    """The sentence explaining `row`'s status with its numbers (see the module docstring)."""
    lang = normalise_lang(lang)
    status = str(_get(row, "status") or "no_data")
    words = t(f"status.{status}", lang)
    comparator = str(_get(row, "comparator") or "")
    year = _int(_get(row, "latest_year"))

    if comparator == "qualitative":
        if status == "no_data" or year is None:
            return t("metrics.explain.qualitative_none", lang, status=words)
        return t("metrics.explain.qualitative", lang, year=year, status=words)
    if status == "no_data":
        return t("metrics.explain.no_data", lang, status=words)

    unit = _unit(row, lang)
    is_rank = str(_get(row, "unit") or "").strip() == "rank"
    target = _num(_get(row, "target_value"))
    horizon = _int(_get(row, "horizon"))
    latest_text = latest_value_text(row, lang)
    plain_latest = latest_text if not is_rank or _get(row, "latest_band") is not None else \
        t("metrics.rank.target", lang, n=latest_text)

    if status == "met":
        if comparator == "between":
            lo, hi = _num(_get(row, "value")), _num(_get(row, "value_hi"))
            if lo is None or hi is None or _get(row, "relative_to") is not None:
                return t("metrics.explain.met_in_band", lang, latest=plain_latest, year=year)
            band = t("metrics.band", lang, lo=fmt_number(lo, lang, 2), hi=fmt_value(hi, unit, lang))
            return t("metrics.explain.met_band", lang, latest=plain_latest, year=year, target=band)
        return t("metrics.explain.met", lang, latest=plain_latest, year=year,
                 target=_target_with_comparator(target, comparator, unit, is_rank, lang))

    if status == "insufficient_data":
        reason = _get(row, "reason")
        if target is None:
            ref = _int(_get(row, "relative_to"))
            if ref is not None:
                return t("metrics.explain.no_reference", lang, latest=plain_latest, year=year, ref=ref, status=words)
            return t("metrics.explain.no_target", lang, latest=plain_latest, year=year, status=words)
        if reason == "basis_changed":
            return t("metrics.explain.basis_changed", lang, latest=plain_latest, year=year, status=words)
        if reason == "out_of_range":
            return t("metrics.explain.out_of_range", lang, base=fmt_value(_num(_get(row, "base_value")), unit, lang),
                     latest=plain_latest, year=year, status=words)
        return t("metrics.explain.one_value", lang, latest=plain_latest, year=year, status=words)

    target_full = _target_with_comparator(target, comparator, unit, is_rank, lang)
    if status == "missed":  # the horizon has passed: no pace words, only what was reached
        return t("metrics.explain.missed", lang, latest=plain_latest, year=year, horizon=horizon,
                 target=target_full, status=words)

    gap = _num(_get(row, "gap"))
    if comparator in (">", "<") and gap == 0 and not is_rank:  # sitting on a strict threshold
        key = "metrics.must_exceed" if comparator == ">" else "metrics.must_stay_below"
        sentence = t("metrics.explain.on_threshold", lang, latest=plain_latest, year=year,
                     target=t(key, lang, value=fmt_value(target, unit, lang)))
        return f"{sentence} → {words}. {_forecast(row, target_full, unit, is_rank, lang)}".rstrip(". ")

    cagr = _get(row, "rate_kind") == "cagr"
    observed = _num(_get(row, "observed_rate"))
    required = _num(_get(row, "required_rate"))
    has_ratio = _num(_get(row, "ratio")) is not None
    if is_rank:
        target_text = _rank_target(target, comparator, lang)
        moving = _rank_move(observed, lang)
        if has_ratio:
            sentence = t("metrics.explain.rank_pace", lang, latest=latest_text, year=year, target=target_text,
                         horizon=horizon, required=_rank_move(required, lang), observed=moving, status=words)
            return _with_forecast(sentence, row, target_full, unit, is_rank, lang)
        observed_text = t("metrics.explain.rank_now", lang, latest=latest_text, year=year, observed=moving)
    else:
        target_text = fmt_value(target, unit, lang)
        observed_text = _pace("observed", observed, cagr, unit, lang)
        if has_ratio:
            sentence = t("metrics.explain.pace", lang, observed=observed_text, target=target_text, horizon=horizon,
                         required=_pace("required", required, cagr, unit, lang), status=words)
            return _with_forecast(sentence, row, target_full, unit, is_rank, lang)
    if status == "regressing":
        sentence = t("metrics.explain.away", lang, observed=observed_text, target=target_text, status=words)
    else:
        sentence = t("metrics.explain.short", lang, observed=observed_text, target=target_text, horizon=horizon,
                     status=words)
    return _with_forecast(sentence, row, target_full, unit, is_rank, lang)


def latest_value_text(row: Mapping, lang: str = "vi") -> str:
    """The latest value as a reader must see it: a rank with what it ranks among ('5/63'), a band
    ('nhóm 351–400'), otherwise the value in its unit."""
    lang = normalise_lang(lang)
    latest = _num(_get(row, "latest_value"))
    if str(_get(row, "unit") or "").strip() != "rank":
        return fmt_value(latest, _unit(row, lang), lang)
    band = _get(row, "latest_band")
    if band is not None:
        return t("metrics.rank_band", lang, band=str(band))
    basis = _int(_get(row, "latest_basis"))
    number = _rank_number(latest, lang)
    return number if basis is None else t("metrics.rank_of", lang, n=number, basis=basis)


def _with_forecast(sentence: str, row: Mapping, target_full: str, unit: str, is_rank: bool, lang: str) -> str:
    forecast = _forecast(row, target_full, unit, is_rank, lang)
    return f"{sentence}. {forecast}" if forecast else sentence


def _forecast(row: Mapping, target_full: str, unit: str, is_rank: bool, lang: str) -> str:
    """'Dự báo năm 2030: 54,3% (mục tiêu ≥ 55%); … đạt mục tiêu vào năm 2031' — the verdict's own numbers."""
    projected = _num(_get(row, "projected_value"))
    if projected is None:
        return ""
    shown = t("metrics.rank.target", lang, n=fmt_number(projected, lang, 0)) if is_rank else \
        fmt_value(projected, unit, lang)
    reached = _int(_get(row, "year_reached"))
    params = {"horizon": _int(_get(row, "horizon")), "projected": shown, "target": target_full}
    if reached is None:
        return t("metrics.explain.forecast_never", lang, **params)
    return t("metrics.explain.forecast_reached", lang, reached=reached, **params)


# ------------------------------------------------------------------------------------------ pieces
def _pace(kind: str, rate: float | None, cagr: bool, unit: str, lang: str) -> str:
    """'Tăng bình quân 14,9%/năm' (observed) or '11,6%/năm' (required) — direction in words, size unsigned."""
    if rate is None or rate == 0:
        return t("metrics.observed.flat", lang) if kind == "observed" else t(f"metrics.{kind}.up", lang, rate="0")
    size = abs(rate)
    if cagr:
        amount = fmt_percent(size * 100, lang)
    elif unit.startswith("%"):
        amount = t("metrics.percentage_points", lang, n=fmt_number(size, lang, 2))
    else:
        amount = fmt_value(size, unit, lang)
    return t(f"metrics.{kind}.{'up' if rate > 0 else 'down'}", lang, rate=amount)


def _rank_move(rate: float | None, lang: str) -> str:
    """Rank change a year in places: climbing when the rank number falls."""
    if rate is None or rate == 0:
        return t("metrics.rank.flat", lang)
    n = fmt_number(abs(rate), lang, 1)
    key = "metrics.rank.up" if rate < 0 else "metrics.rank.down"
    return t(key + ("_one" if n == "1" else ""), lang, n=n)


def _rank_target(target: float | None, comparator: str, lang: str) -> str:
    key = "metrics.rank.target_strict" if comparator == "<" else "metrics.rank.target"
    return t(key, lang, n=fmt_number(target, lang, 0))


def _rank_number(value: float | None, lang: str) -> str:
    return fmt_number(value, lang, 0)


def _target_with_comparator(target: float | None, comparator: str, unit: str, is_rank: bool, lang: str) -> str:
    """'≥ 70%'; 'top 10' for a rank at or below N."""
    if is_rank and comparator == "<=":
        return t("metrics.rank.top", lang, n=fmt_number(target, lang, 0))
    text = fmt_value(target, "rank" if is_rank else unit, lang)
    return f"{COMPARATOR_SYMBOLS.get(comparator, '')} {text}".strip()


def _unit(row: Mapping, lang: str) -> str:
    """The unit to print: `unit_vi` for Vietnamese when given (not for rank/index, which i18n formats)."""
    unit = str(_get(row, "unit") or "").strip()
    unit_vi = _get(row, "unit_vi")
    if lang == "vi" and unit_vi is not None and str(unit_vi).strip() and unit not in ("rank", "index"):
        return str(unit_vi).strip()
    return unit


def _get(row: Mapping, key: str) -> object:
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


def _num(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _int(value: object) -> int | None:
    number = _num(value)
    return None if number is None else int(number)
