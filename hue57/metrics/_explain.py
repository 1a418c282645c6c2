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

Every pace sentence names the years it compared ('từ 2021 đến 2026') and ends with the forecast at the
horizon and the year the target would be reached, so a verdict never stands beside a forecast that seems
to contradict it. A band's forecast names the band ('mục tiêu 8–10%') and says when the forecast jumps
past it ('dự báo vượt khoảng mục tiêu'). ``missed`` (horizon passed)
gets no pace words; ``insufficient_data`` says which ``reason``; a strict ``>`` target sitting on its
threshold says the value must exceed it.
"""

from __future__ import annotations

from collections.abc import Mapping

from hue57.i18n import fmt_number, fmt_value, normalise_lang, t, tn
from hue57.i18n._wording import (
    display_unit,
    field,
    latest_value_text,
    number,
    rank_target,
    rate_amount,
    target_with_comparator,
    whole,
)


def explain(row: Mapping, lang: str = "vi") -> str:
    """The sentence explaining `row`'s status with its numbers (see the module docstring)."""
    lang = normalise_lang(lang)
    status = str(field(row, "status") or "no_data")
    words = t(f"status.{status}", lang)
    comparator = str(field(row, "comparator") or "")
    year = whole(field(row, "latest_year"))

    if comparator == "qualitative":
        if status == "no_data" or year is None:
            return t("metrics.explain.qualitative_none", lang, status=words)
        return t("metrics.explain.qualitative", lang, year=year, status=words)
    if status == "no_data":
        return t("metrics.explain.no_data", lang, status=words)

    unit = display_unit(row, lang)
    is_rank = str(field(row, "unit") or "").strip() == "rank"
    target = number(field(row, "target_value"))
    horizon = whole(field(row, "horizon"))
    latest_text = latest_value_text(row, lang)
    plain_latest = latest_text if not is_rank or field(row, "latest_band") is not None else \
        t("metrics.rank.target", lang, n=latest_text)

    if status == "met":
        if comparator == "between":
            lo, hi = number(field(row, "value")), number(field(row, "value_hi"))
            if lo is None or hi is None or field(row, "relative_to") is not None:
                return t("metrics.explain.met_in_band", lang, latest=plain_latest, year=year)
            band = t("metrics.band", lang, lo=fmt_number(lo, lang, 2), hi=fmt_value(hi, unit, lang))
            return t("metrics.explain.met_band", lang, latest=plain_latest, year=year, target=band)
        return t("metrics.explain.met", lang, latest=plain_latest, year=year,
                 target=target_with_comparator(target, comparator, unit, is_rank, lang))

    if status == "insufficient_data":
        reason = field(row, "reason")
        if target is None:
            ref = whole(field(row, "relative_to"))
            if ref is not None:
                return t("metrics.explain.no_reference", lang, latest=plain_latest, year=year, ref=ref, status=words)
            return t("metrics.explain.no_target", lang, latest=plain_latest, year=year, status=words)
        if reason == "basis_changed":
            return t("metrics.explain.basis_changed", lang, latest=plain_latest, year=year, status=words)
        if reason == "out_of_range":
            return t("metrics.explain.out_of_range", lang, base=fmt_value(number(field(row, "base_value")), unit, lang),
                     latest=plain_latest, year=year, status=words)
        return t("metrics.explain.one_value", lang, latest=plain_latest, year=year, status=words)

    target_full = target_with_comparator(target, comparator, unit, is_rank, lang)
    band = _band(row, unit, lang)
    if band:
        target_full = band
    if status == "missed":  # the horizon has passed: no pace words, only what was reached
        return t("metrics.explain.missed", lang, latest=plain_latest, year=year, horizon=horizon,
                 target=target_full, status=words)

    gap = number(field(row, "gap"))
    if comparator in (">", "<") and gap == 0 and not is_rank:  # sitting on a strict threshold
        key = "metrics.must_exceed" if comparator == ">" else "metrics.must_stay_below"
        sentence = t("metrics.explain.on_threshold", lang, latest=plain_latest, year=year,
                     target=t(key, lang, value=fmt_value(target, unit, lang)))
        return f"{sentence} → {words}. {_forecast(row, target_full, unit, is_rank, lang)}".rstrip(". ")

    cagr = field(row, "rate_kind") == "cagr"
    observed = number(field(row, "observed_rate"))
    required = number(field(row, "required_rate"))
    has_ratio = number(field(row, "ratio")) is not None
    compared = _compared(row, lang)
    if is_rank:
        target_text = rank_target(target, comparator, lang)
        moving = _rank_move(observed, lang) + compared
        if has_ratio:
            sentence = t("metrics.explain.rank_pace", lang, latest=latest_text, year=year, target=target_text,
                         horizon=horizon, required=_rank_move(required, lang), observed=moving, status=words)
            return _with_forecast(sentence, row, target_full, unit, is_rank, lang)
        observed_text = t("metrics.explain.rank_now", lang, latest=latest_text, year=year, observed=moving)
    else:
        target_text = fmt_value(target, unit, lang)
        observed_text = _pace("observed", observed, cagr, unit, lang) + compared
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


def _with_forecast(sentence: str, row: Mapping, target_full: str, unit: str, is_rank: bool, lang: str) -> str:
    forecast = _forecast(row, target_full, unit, is_rank, lang)
    return f"{sentence}. {forecast}" if forecast else sentence


def _forecast(row: Mapping, target_full: str, unit: str, is_rank: bool, lang: str) -> str:
    """'Dự báo năm 2030: 54,3% (mục tiêu ≥ 55%); … đạt mục tiêu vào năm 2031' — the verdict's own numbers."""
    projected = number(field(row, "projected_value"))
    if projected is None:
        return ""
    shown = t("metrics.rank.target", lang, n=fmt_number(projected, lang, 0)) if is_rank else \
        fmt_value(projected, unit, lang)
    reached = whole(field(row, "year_reached"))
    params = {"horizon": whole(field(row, "horizon")), "projected": shown, "target": target_full}
    if reached is None:
        text = t("metrics.explain.forecast_never", lang, **params)
    else:
        text = t("metrics.explain.forecast_reached", lang, reached=reached, **params)
    if _overshoots(row, projected):
        text += t("metrics.explain.overshoots", lang)
    return text


def _band(row: Mapping, unit: str, lang: str) -> str:
    """'khoảng 8–10%' for a band target (from `band_lo`/`band_hi`, else `value`/`value_hi`), '' otherwise."""
    if str(field(row, "comparator") or "") != "between":
        return ""
    lo, hi = number(field(row, "band_lo")), number(field(row, "band_hi"))
    if lo is None or hi is None:
        if field(row, "relative_to") is not None:
            return ""
        lo, hi = number(field(row, "value")), number(field(row, "value_hi"))
    if lo is None or hi is None:
        return ""
    return t("metrics.band_target", lang, band=t("metrics.band", lang, lo=fmt_number(lo, lang, 2),
                                                 hi=fmt_value(hi, unit, lang)))


def _overshoots(row: Mapping, projected: float) -> bool:
    """A band's forecast jumps past its far edge (from below past the top, or from above past the bottom)."""
    if str(field(row, "comparator") or "") != "between":
        return False
    lo, hi = number(field(row, "band_lo")), number(field(row, "band_hi"))
    latest = number(field(row, "latest_value"))
    if lo is None or hi is None or latest is None:
        return False
    return (latest < lo and projected > hi) or (latest > hi and projected < lo)


def _compared(row: Mapping, lang: str) -> str:
    """' từ 2021 đến 2026': the two years the observed pace compares ('' without two years)."""
    base, latest = whole(field(row, "base_year")), whole(field(row, "latest_year"))
    if base is None or latest is None or base == latest:
        return ""
    return t("metrics.compared", lang, base=base, year=latest)


# ------------------------------------------------------------------------------------------ pieces
def _pace(kind: str, rate: float | None, cagr: bool, unit: str, lang: str) -> str:
    """'Tăng bình quân 14,9%/năm' (observed) or '11,6%/năm' (required) — direction in words, size unsigned."""
    if rate is None or rate == 0:
        return t("metrics.observed.flat", lang) if kind == "observed" else t(f"metrics.{kind}.up", lang, rate="0")
    amount = rate_amount(rate, "cagr" if cagr else "linear", unit, lang)
    return t(f"metrics.{kind}.{'up' if rate > 0 else 'down'}", lang, rate=amount)


def _rank_move(rate: float | None, lang: str) -> str:
    """Rank change a year in places: climbing when the rank number falls."""
    if rate is None or rate == 0:
        return t("metrics.rank.flat", lang)
    n = fmt_number(abs(rate), lang, 1)
    key = "metrics.rank.up" if rate < 0 else "metrics.rank.down"
    return tn(key, 1 if n == "1" else 2, lang, n=n)  # the plural form of the amount shown ("1 place", "1,5 places")
