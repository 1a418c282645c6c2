"""The gap method: one row per target with its latest value, base, rates, ratio, status and projection.

Everything here is vectorised over arrays: actuals are sorted once by (indicator, year) and every
look-up (latest, base, reference year) is a `numpy.searchsorted` on that sorted key.

Edge decisions (each is also tested):

* Actuals: only rows with ``year <= as_of_year``. When a (code, year) appears twice the **last row
  given** wins, before anything else is looked at; a numeric target then ignores actual rows whose
  value is missing or not finite, a qualitative target ignores rows without a recognised ``status``
  (one of ``met, on_track, moderate, insufficient, regressing``; case and spaces are ignored).
* ``target_value``: ``value`` (× the reference year's actual when ``relative_to`` is set). For
  ``between`` it is the nearer band edge, the latest itself inside the band, and NaN when there is no
  latest. A relative target whose reference actual is missing has NaN target and, if it has data,
  status ``insufficient_data``; so does a numeric target whose ``value`` is missing.
* Comparisons allow a relative tolerance of 1e-9 (so ``1.3 × 100`` meets ``130``); ``>`` and ``<``
  are strict beyond that tolerance. ``between`` is inclusive.
* ``gap`` = the distance to ``target_value`` in the direction still to go, 0 when met. For a strict
  ``>``/``<`` target sitting exactly on the threshold the gap is 0 although it is not met.
* base = the oldest actual with ``year >= latest_year - 5``. When that is the latest itself the base
  columns still hold it and ``required_rate`` is still given (from the base to the target), but the
  observed rate, ratio and projection are NaN and the status is ``insufficient_data`` (unless met).
* ``rate_kind``: ``cagr`` (compound growth) when base, latest and target are all positive and the unit is
  neither a rank nor a percentage (a unit starting with ``%``: percentages move in points a year);
  otherwise ``linear``. NA when there is no data or no target value.
* ``rate_kind`` is chosen **per indicator, never per target value**: compound growth only when every
  numeric target row reading the indicator has a positive target (lower band edge) — a target of 0 on
  a count makes all its rows linear, so a looser target (≤ 0,5) can never read worse than a stricter one
  (≤ 0) on the same series because the two were measured with different rates (issue #22). Target rows
  whose value is not known yet (a relative target without its reference) do not take part.
* Ranks (unit ``rank``) carry ``basis``, how many were ranked (63 provinces before the 2025 merger, 34
  after). **Basis only separates what is stated to differ**: the base is the oldest point within the
  window such that every *stated* basis from it to the latest is the same; a point without a basis
  agrees with any. So a series that never states its basis (QS rankings) is one basis and has a pace,
  and only a stated change (63 → 34) breaks it: the points before the change are left out (reason
  ``basis_changed`` when only the latest is left). ``latest_basis`` is output (the latest's own, NA when
  unstated). An upload of a rank without a basis for an indicator that states one elsewhere gets a
  warning to confirm (`hue57.ingest._scale`).
* ``missed``: a target not met whose ``latest_year >= horizon`` (its target known). No pace word is given
  to a target whose horizon has passed.
* Numbers that overflow (1e-300 then 1e300 compounds to inf) never leave this module: a row whose
  rates, ratio or projection are not finite gets ``insufficient_data`` with reason ``out_of_range`` and
  NaN in those columns, even when its latest value meets the target (such values are a unit error far
  more often than a fact); no column holds inf.
* ``reason`` says why a row is ``insufficient_data``: ``one_value``, ``basis_changed``, ``no_target``,
  ``no_reference`` or ``out_of_range`` (NA otherwise).
* ``required_rate`` is NaN when the horizon is not after the base year (nothing to spread over).
* Direction: a ``>=``/``>`` target (and ``between`` from below) must go up, ``<=``/``<`` (and
  ``between`` from above) down. The ratio observed / required is used only when the required rate
  points that way (``required × direction > 0``). Otherwise — the base had already passed the target
  but the latest has slipped back, or the horizon is not after the base year — ``ratio`` is NaN and
  the status is ``regressing`` when the observed rate moves away from the target, else
  ``insufficient`` (not there, and the required pace cannot be stated).
* The ratio is rounded to 9 decimals before the thresholds so that float noise (e.g. from compounding)
  cannot move a row across 0.95 / 0.60 / 0.
* ``between`` (a band): **on track only when the forecast at the horizon lands inside the band**. A row
  whose ratio says ``on_track`` but whose projection falls short of the nearer edge or jumps past the
  far one is ``moderate`` (the explanation says the forecast overshoots when it does). ``band_lo`` and
  ``band_hi`` output the band's edges (× the reference for a relative band; NaN for other comparators).
* ``projected_value``: the latest carried to the horizon at the observed rate (the latest itself when
  ``latest_year >= horizon``); clipped to [0, 100] when the unit starts with ``%``, to ≥ 1 for
  ``rank`` and to ≥ 0 otherwise when the latest is ≥ 0 (counts, money and indices never project below
  zero; an indicator already negative is not lifted); NaN without an
  observed rate.
* ``year_reached``: ``latest_year`` when met; otherwise the first later year whose (clipped) projection
  meets the target, from a closed form (``ceil`` of the linear or logarithmic solution; the years just
  before and after it are checked against the comparator, for strictness and float noise); NA when the projection moves the
  wrong way, stands still, cannot reach the target (e.g. a band jumped over, a percentage above 100) or
  only after 2100. For a ``between`` target it is the first year inside the band. Only movement
  toward the target counts: a latest value outside its unit's range (a percentage above 100, a rank
  below 1) is taken as given and never "reaches" the target by clipping alone.
* Qualitative targets: status from the newest assessed year's ``status`` (``no_data`` when none);
  ``latest_year`` is that year; every numeric column is NaN/NA.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

STATUS_ORDER = ("met", "on_track", "moderate", "insufficient", "regressing", "missed", "insufficient_data",
                "no_data")
QUALITATIVE_STATUSES = ("met", "on_track", "moderate", "insufficient", "regressing")
REASONS = ("one_value", "basis_changed", "no_target", "no_reference", "out_of_range")
COMPARATORS = (">=", ">", "<=", "<", "between", "qualitative")
ON_TRACK = 0.95
MODERATE = 0.60
BASE_WINDOW = 5
LAST_YEAR = 2100
TOLERANCE = 1e-9

OUTPUT_COLUMNS = (
    "code", "horizon", "indicator", "unit", "comparator", "status",
    "latest_year", "latest_value", "target_value", "gap", "base_year", "base_value",
    "observed_rate", "required_rate", "rate_kind", "ratio", "projected_value", "year_reached",
    "latest_basis", "reason", "band_lo", "band_hi",
)


class Series(NamedTuple):
    """Actual points sorted by (indicator id, year), one per (indicator, year), ready for searchsorted."""

    names: pd.Index  # indicator code of each id
    cid: np.ndarray  # int64 indicator id of each point
    year: np.ndarray  # int64
    value: np.ndarray  # float64 (numeric series) — unused for qualitative
    status: np.ndarray  # object (qualitative series) — unused for numeric
    basis: np.ndarray  # float64, NaN where not stated (ranks: how many were ranked)
    key: np.ndarray  # int64 cid * span + (year - year0), strictly increasing
    year0: int
    span: int

    def lookup_ids(self, codes: np.ndarray) -> np.ndarray:
        """The id of each indicator code (-1 when it has no points)."""
        return self.names.get_indexer(codes)

    def latest(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Position of each id's newest point, and whether it exists."""
        pos = np.searchsorted(self.key, (ids + 1) * self.span, side="left") - 1
        found = (ids >= 0) & (pos >= 0)
        found[found] = self.cid[pos[found]] == ids[found]
        return np.where(found, pos, 0), found

    def first_from(self, ids: np.ndarray, years: np.ndarray) -> np.ndarray:
        """Position of each id's oldest point with year >= `years` (callers know one exists)."""
        offset = np.clip(years - self.year0, 0, self.span - 1)
        return np.searchsorted(self.key, ids * self.span + offset, side="left")

    def exact(self, ids: np.ndarray, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Position of the point (id, year), and whether it exists."""
        offset = years - self.year0
        inside = (ids >= 0) & (offset >= 0) & (offset < self.span - 1)
        pos = np.searchsorted(self.key, ids * self.span + np.where(inside, offset, 0), side="left")
        pos = np.minimum(pos, len(self.key) - 1) if len(self.key) else np.zeros_like(pos)
        found = inside & (len(self.key) > 0)
        found[found] = self.key[pos[found]] == (ids * self.span + offset)[found]
        return pos, found


def assess(targets: pd.DataFrame, actuals: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    """One row per target row (same order): latest value, gap, base, rates, ratio, status, projection.

    `targets`: ``code, horizon, comparator, value, value_hi, unit, relative_to`` and optionally
    ``indicator`` (the code whose actuals the row reads; empty → its own code). `actuals`: ``code,
    year, value`` and optionally ``status`` (qualitative assessments) and ``basis`` (for ranks: how many
    were ranked). Only actuals up to `as_of_year`
    count. See the module docstring for every edge decision.
    """
    tg = target_frame(targets)
    numeric, qualitative = actual_series(actuals, as_of_year)
    cols = _numeric_columns(tg, numeric)
    _apply_qualitative(tg, qualitative, cols)
    out = tg[["code", "horizon", "indicator", "unit", "comparator"]].copy()
    out["status"] = pd.array(cols.pop("status"), dtype="str")
    for name in OUTPUT_COLUMNS[6:]:
        values = cols[name]
        if name.endswith("year") or name in ("year_reached", "latest_basis"):
            out[name] = _int64(values)
        elif name in ("rate_kind", "reason"):
            out[name] = pd.array(values, dtype="str")
        else:
            out[name] = values
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------------------- inputs
def target_frame(targets: pd.DataFrame) -> pd.DataFrame:
    """The target columns assess reads, typed: codes stripped strings, indicator filled, unit ''."""
    missing = {"code", "horizon", "comparator", "value"} - set(targets.columns)
    if missing:
        raise ValueError(f"targets lack columns: {sorted(missing)}")
    n = len(targets)
    code = _codes(targets["code"])
    if "indicator" in targets.columns:
        ind = _codes(targets["indicator"])
        indicator = np.where(pd.isna(ind) | (ind == ""), code, ind).astype(object)
    else:
        indicator = code
    comparator = targets["comparator"].astype("str").str.strip().to_numpy(dtype=object)
    bad = ~np.isin(comparator, COMPARATORS)
    if bad.any():
        raise ValueError(f"unknown comparator for targets {list(code[bad][:10])}: {sorted(set(comparator[bad]))}")
    horizon = pd.to_numeric(targets["horizon"], errors="coerce")
    if horizon.isna().any():
        raise ValueError(f"targets without a horizon year: {list(code[horizon.isna().to_numpy()][:10])}")

    def floats(col: str) -> np.ndarray:
        if col not in targets.columns:
            return np.full(n, np.nan)
        return pd.to_numeric(targets[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)

    value_hi = floats("value_hi")
    no_hi = (comparator == "between") & np.isnan(value_hi)
    if no_hi.any():
        raise ValueError(f"'between' targets without value_hi: {list(code[no_hi][:10])}")
    unit = targets["unit"] if "unit" in targets.columns else pd.Series([""] * n, index=targets.index)
    unit = unit.astype("str").fillna("").str.strip()
    return pd.DataFrame({
        "code": pd.array(code, dtype="str"),
        "horizon": horizon.to_numpy(dtype="int64"),
        "indicator": pd.array(indicator, dtype="str"),
        "unit": pd.array(unit.to_numpy(dtype=object), dtype="str"),
        "comparator": pd.array(comparator, dtype="str"),
        "value": floats("value"),
        "value_hi": value_hi,
        "relative_to": floats("relative_to"),
    })


def _codes(col: pd.Series) -> np.ndarray:
    """Codes as stripped strings (object array, None where missing), normalised once per distinct code."""
    ids, uniques = pd.factorize(col)
    names = np.asarray(pd.Index(uniques).astype("str").str.strip(), dtype=object)
    out = np.full(len(ids), None, dtype=object)
    out[ids >= 0] = names[ids[ids >= 0]]
    return out


def actual_series(actuals: pd.DataFrame, as_of_year: int) -> tuple[Series, Series]:
    """(numeric, qualitative) series of the actuals up to `as_of_year`, last row winning per (code, year)."""
    year = pd.to_numeric(actuals["year"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    keep = year <= as_of_year  # whole columns are converted once, then masked (no DataFrame copy)
    year = year[keep].astype(np.int64)
    # factorize whole columns once; a table with a trailing "missing" entry maps id -1 (NaN) too
    ids, uniques = pd.factorize(actuals["code"])
    norm_ids, names = pd.factorize(pd.Index(uniques).astype("str").str.strip())
    cid = np.append(norm_ids, -1).astype(np.int64)[ids[keep]]
    names = pd.Index(names, dtype="str")
    value = pd.to_numeric(actuals["value"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)[keep]
    basis = (pd.to_numeric(actuals["basis"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)[keep]
             if "basis" in actuals.columns else np.full(len(year), np.nan))
    status = np.full(len(year), None, dtype=object)
    if "status" in actuals.columns:
        s_ids, s_uniques = pd.factorize(actuals["status"])
        s_names = pd.Index(s_uniques).astype("str").str.strip().str.lower()
        table = np.where(s_names.isin(QUALITATIVE_STATUSES), np.asarray(s_names, dtype=object), None)
        status = np.append(table, None)[s_ids[keep]]

    year0 = int(year.min()) if len(year) else 0
    span = (int(year.max()) - year0 + 2) if len(year) else 2
    key = cid * span + (year - year0)
    order = np.argsort(key, kind="stable")
    key = key[order]
    last = np.ones(len(key), dtype=bool)
    last[:-1] = key[1:] != key[:-1]
    order = order[last & (cid[order] >= 0)]  # rows without a code cannot be looked up

    def series(mask: np.ndarray) -> Series:
        pick = order[mask[order]]
        return Series(names, cid[pick], year[pick], value[pick], status[pick], basis[pick],
                      cid[pick] * span + (year[pick] - year0), year0, span)

    return series(np.isfinite(value)), series(status != None)  # noqa: E711 — elementwise


# ------------------------------------------------------------------------------------- numeric rows
def _numeric_columns(tg: pd.DataFrame, s: Series) -> dict[str, np.ndarray]:
    """Every output column for all rows as if numeric (qualitative rows are overwritten later)."""
    m = len(tg)
    comp = tg["comparator"].to_numpy(dtype=object)
    unit = tg["unit"].to_numpy(dtype=object)
    horizon = tg["horizon"].to_numpy(dtype=np.int64)
    value = tg["value"].to_numpy(dtype=float)
    value_hi = tg["value_hi"].to_numpy(dtype=float)
    rel = tg["relative_to"].to_numpy(dtype=float)
    is_between = comp == "between"
    is_rank = unit == "rank"
    is_pct = tg["unit"].str.startswith("%").to_numpy(dtype=bool)
    numeric = comp != "qualitative"

    ids = s.lookup_ids(tg["indicator"].to_numpy(dtype=object))
    pos, has_data = s.latest(ids)
    has_data &= numeric
    ly = np.where(has_data, s.year[pos] if len(s.year) else 0, 0)
    L = np.where(has_data, s.value[pos] if len(s.value) else np.nan, np.nan)

    # target: value (× reference actual), band edges, nearer edge for between
    has_rel = ~np.isnan(rel)
    rpos, rfound = s.exact(ids, np.where(has_rel, rel, 0).astype(np.int64))
    ref = np.where(rfound, s.value[rpos] if len(s.value) else np.nan, np.nan)
    scale = np.where(has_rel, ref, 1.0)
    lo = value * scale
    hi = value_hi * scale
    tv = np.where(is_between, np.where(L < lo, lo, np.where(L > hi, hi, L)), lo)

    met = has_data & satisfies(L, comp, tv, lo, hi)
    direction = np.where(np.isin(comp, (">=", ">")) | (is_between & (L < lo)), 1.0, -1.0)
    with np.errstate(over="ignore", invalid="ignore"):
        gap = np.where(met, 0.0, np.maximum(direction * (tv - L), 0.0))

    # base: oldest point within BASE_WINDOW years of the latest (for ranks: ranked among the same basis)
    bpos = s.first_from(ids, ly - BASE_WINDOW)
    bpos = np.where(has_data, bpos, 0)
    basis_changed = np.zeros(m, dtype=bool)
    if is_rank.any():
        bpos, basis_changed = _same_basis_base(s, pos, bpos, has_data & is_rank)
    by = np.where(has_data, s.year[bpos] if len(s.year) else 0, 0)
    B = np.where(has_data, s.value[bpos] if len(s.value) else np.nan, np.nan)
    latest_basis = np.where(has_data, s.basis[pos] if len(s.basis) else np.nan, np.nan)
    single = has_data & (bpos == pos)

    known = has_data & ~np.isnan(tv)
    cagr = known & (B > 0) & (L > 0) & (tv > 0) & ~is_rank & ~is_pct & _positive_targets(tg, lo, numeric)
    n_obs = (ly - by).astype(float)
    n_req = (horizon - by).astype(float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        obs = np.where(cagr, (L / B) ** (1.0 / n_obs) - 1.0, (L - B) / n_obs)
        obs = np.where(known & ~single, obs, np.nan)
        req = np.where(cagr, (tv / B) ** (1.0 / n_req) - 1.0, (tv - B) / n_req)
        req = np.where(known & (n_req > 0), req, np.nan)
        ratio = np.where(req * direction > 0, obs / req, np.nan)
    steps = np.maximum(horizon - ly, 0).astype(float)
    projected = project(L, obs, cagr, steps, is_pct, is_rank)
    # overflow: a row whose numbers left the floats is not assessed on them (no inf leaves the module)
    overflow = (~single & ~(np.isfinite(obs) & np.isfinite(projected))) | np.isinf(req) | np.isinf(ratio)
    overflow |= ~(np.isfinite(L) & np.isfinite(B) & np.isfinite(tv) & np.isfinite(gap))
    overflow &= known
    gap = np.where(overflow, np.nan, gap)
    obs, req, ratio, projected = (np.where(overflow, np.nan, x) for x in (obs, req, ratio, projected))
    usable = req * direction > 0
    r9 = np.round(ratio, 9)
    missed = known & ~met & ~overflow & (ly >= horizon)

    status = np.select(
        [~has_data, overflow, met, ~known, missed, single,
         usable & (r9 >= ON_TRACK), usable & (r9 >= MODERATE), usable & (r9 >= 0), usable,
         obs * direction < 0],
        ["no_data", "insufficient_data", "met", "insufficient_data", "missed", "insufficient_data",
         "on_track", "moderate", "insufficient", "regressing",
         "regressing"],
        default="insufficient",
    ).astype(object)
    # a band is on track only when the forecast lands inside it (short of it or past it: moderate)
    in_band = satisfies(projected, comp, tv, lo, hi)
    status = np.where(is_between & (status == "on_track") & ~in_band, "moderate", status).astype(object)
    insufficient = status == "insufficient_data"
    reason = np.select(
        [insufficient & np.isnan(tv) & ~np.isnan(rel), insufficient & np.isnan(tv), insufficient & overflow,
         insufficient & basis_changed, insufficient & single],
        ["no_reference", "no_target", "out_of_range", "basis_changed", "one_value"], default=None).astype(object)
    reason = np.where(insufficient, reason, None)

    # year reached: closed form, then checked (strict comparators, float noise, clipping, bands)
    toward = known & ~met & ~overflow & (obs * direction > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        x = np.where(cagr, np.log(tv / L) / np.log1p(obs), (tv - L) / obs)
    x = np.where(toward & np.isfinite(x), x, np.nan)
    n0 = np.clip(np.ceil(np.nan_to_num(x, nan=0.0) - 1e-9), 1, LAST_YEAR)
    reached = np.full(m, np.nan)
    for extra in (1.0, 0.0, -1.0):  # around the estimate; the earliest year that works is written last
        n = n0 + extra
        ok = toward & (n >= 1) & satisfies(project(L, obs, cagr, n, is_pct, is_rank), comp, tv, lo, hi)
        reached = np.where(ok, ly + n, reached)
    reached = np.where(reached <= LAST_YEAR, reached, np.nan)
    reached = np.where(met & ~overflow, ly, reached)

    none = ~has_data
    return {
        "status": status,
        "latest_year": np.where(none, np.nan, ly),
        "latest_value": L,
        "target_value": np.where(numeric, tv, np.nan),
        "gap": np.where(known, gap, np.nan),
        "base_year": np.where(none, np.nan, by),
        "base_value": B,
        "observed_rate": obs,
        "required_rate": req,
        "rate_kind": np.where(known, np.where(cagr, "cagr", "linear"), None).astype(object),
        "ratio": ratio,
        "projected_value": projected,
        "year_reached": reached,
        "latest_basis": latest_basis,
        "reason": reason,
        "band_lo": np.where(is_between, lo, np.nan),
        "band_hi": np.where(is_between, hi, np.nan),
    }


def satisfies(x: np.ndarray, comp: np.ndarray, tv: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Whether each value meets its comparator (relative tolerance 1e-9; `between` inclusive on lo..hi)."""
    with np.errstate(invalid="ignore", over="ignore"):
        tol = TOLERANCE * np.maximum(np.abs(x), np.abs(tv))
        tol_lo = TOLERANCE * np.maximum(np.abs(x), np.abs(lo))
        tol_hi = TOLERANCE * np.maximum(np.abs(x), np.abs(hi))
        return np.select(
            [comp == ">=", comp == ">", comp == "<=", comp == "<", comp == "between"],
            [x >= tv - tol, x > tv + tol, x <= tv + tol, x < tv - tol, (x >= lo - tol_lo) & (x <= hi + tol_hi)],
            default=False,
        )


def project(latest: np.ndarray, rate: np.ndarray, cagr: np.ndarray, steps: np.ndarray,
            is_pct: np.ndarray, is_rank: np.ndarray) -> np.ndarray:
    """`latest` carried `steps` years at `rate` (compound where `cagr`): 0–100 for %, ≥ 1 for ranks, else ≥ 0
    when the latest is (a count never projects below zero)."""
    with np.errstate(invalid="ignore", over="ignore"):
        value = np.where(cagr, latest * (1.0 + rate) ** steps, latest + rate * steps)
    value = np.where(is_pct, np.clip(value, 0.0, 100.0), value)
    # a count that starts at or above zero never goes below it; an indicator already negative may fall further
    return np.where(is_rank, np.maximum(value, 1.0), np.where(latest >= 0, np.maximum(value, 0.0), value))


def _positive_targets(tg: pd.DataFrame, lo: np.ndarray, numeric: np.ndarray) -> np.ndarray:
    """Per row: whether every numeric target row of its indicator with a known target has a positive one
    (the rate form is then allowed to be compound; see the module docstring)."""
    known_target = numeric & ~np.isnan(lo)
    with np.errstate(invalid="ignore"):
        bad = known_target & ~(lo > 0)
    _, inverse = np.unique(tg["indicator"].to_numpy(dtype=object).astype(str), return_inverse=True)
    return ~(np.bincount(inverse, weights=bad.astype(float)) > 0)[inverse]


def _same_basis_base(s: Series, pos: np.ndarray, bpos: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rank rows, the base moved to the oldest point in the window from which every stated basis up to
    the latest agrees (an unstated basis agrees with any), and whether points were left out for that.

    Loops over rank rows only: their series are short, and a plan has few ranks.
    """
    bpos = bpos.copy()
    changed = np.zeros(len(pos), dtype=bool)
    for i in np.flatnonzero(rows):
        window = s.basis[bpos[i]:pos[i] + 1]
        stated = np.nan
        first = len(window) - 1
        for j in range(len(window) - 1, -1, -1):
            b = window[j]
            if not np.isnan(b):
                if np.isnan(stated):
                    stated = b
                elif b != stated:
                    break
            first = j
        changed[i] = first > 0
        bpos[i] += first
    return bpos, changed


# --------------------------------------------------------------------------------- qualitative rows
def _apply_qualitative(tg: pd.DataFrame, s: Series, cols: dict[str, np.ndarray]) -> None:
    """Overwrite qualitative rows: status from the newest assessment, latest_year its year, numbers NaN."""
    qual = tg["comparator"].to_numpy(dtype=object) == "qualitative"
    if not qual.any():
        return
    ids = s.lookup_ids(tg["indicator"].to_numpy(dtype=object)[qual])
    pos, found = s.latest(ids)
    status = np.where(found, s.status[pos] if len(s.status) else None, "no_data")
    cols["status"][qual] = status
    year = np.where(found, s.year[pos] if len(s.year) else 0, np.nan)
    for name, values in cols.items():
        if name == "status":
            continue
        if name == "latest_year":
            values[qual] = year
        elif name in ("rate_kind", "reason"):
            values[qual] = None
        else:
            values[qual] = np.nan


def _int64(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Whole years as a nullable Int64 array (NaN → NA)."""
    values = np.asarray(values, dtype=float)
    missing = np.isnan(values)
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int64), missing)
