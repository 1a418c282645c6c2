"""Values probably on the wrong scale: warnings an analyst must confirm before an upload is written.

Each numeric row of a valid figures upload (value `v`, code, year) is compared with references of the
same code: the stored current value of the nearest earlier year, and the file's own row of the nearest
earlier year (two references, so a whole file of fractions still warns against what is stored). When
a source has no earlier year, its nearest later year stands in. At most one warning per row, the first
that applies:

- `index_scale`: the unit is `index`, a target of the indicator is at most 1 (11: > 0,75) and v > 1 —
  probably 75 written for 0,75. Needs no reference.
- `fraction_percent`: the unit starts with `%`, 0 < v ≤ 1, v is `JUMP`× or more away from a reference
  and v·100 is not — probably 0,93 written for 93%. (Excel cells formatted as percent already arrive
  in points, see `hue57.ingest._read`.)
- `jump`: v and the reference are both positive and one is `JUMP`× the other or more.
- `implausible`: |v| is past what the unit can plausibly hold (`plausible_limit`: a percentage
  beyond 1,000, an index beyond 1,000, a rank beyond 100,000, a count beyond ten million, an amount
  of money beyond 10^15) — 1.7e308 patents is a typing or scale error, not a figure. Needs no
  reference, and speaks before the others.

- `basis_missing` (issue #22): a rank without «Trên tổng số» (basis) for an indicator whose ranks state one
  elsewhere (stored or in the file), unless the same year's stored basis is kept — a pace is compared
  across an unstated basis, so it should be stated (or confirmed as not given by the source).

Zeros and negatives have no ratio and are not compared. The warnings are issues like the validation's
(row, column, value, key, params), so they are shown and translated the same way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from hue57.ingest._issues import Issues, empty_issues, map_distinct

JUMP = 20.0
_MONEY = ("đồng", "dong", "vnd", "usd", "dollar", "tỷ", "triệu", "billion", "million")


def plausible_limit(unit: str) -> float:
    """The largest |value| a figure in `unit` can plausibly have."""
    u = str(unit or "").strip().casefold()
    if u.startswith("%"):
        return 1_000.0
    if u in ("index", "chỉ số"):
        return 1_000.0
    if u in ("rank", "hạng", "thứ hạng"):
        return 100_000.0
    if any(word in u for word in _MONEY):
        return 1e15
    return 1e7  # counts: enterprises, patents, publications, organisations, per 10,000 people


def _nearest(rows: pd.DataFrame, refs: pd.DataFrame, direction: str) -> pd.DataFrame:
    """For each of `rows` (code, year, _i), the reference value and year nearest before or after it."""
    if refs.empty or rows.empty:
        return pd.DataFrame({"_i": rows["_i"], "ref": np.nan, "ref_year": np.nan})
    left = rows[["code", "year", "_i"]].assign(year=rows["year"].astype("int64")).sort_values("year")
    right = refs.assign(year=refs["year"].astype("int64"), ref_year=refs["year"].astype("float64")) \
        .rename(columns={"value": "ref"})[["code", "year", "ref", "ref_year"]].sort_values("year")
    found = pd.merge_asof(left, right, on="year", by="code", direction=direction, allow_exact_matches=False)
    return found[["_i", "ref", "ref_year"]]


def _reference(rows: pd.DataFrame, refs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The nearest earlier reference of each row, else the nearest later one (value, year; NaN: none)."""
    before = _nearest(rows, refs, "backward").set_index("_i").reindex(rows["_i"])
    after = _nearest(rows, refs, "forward").set_index("_i").reindex(rows["_i"])
    has = before["ref"].notna().to_numpy()
    ref = np.where(has, before["ref"].to_numpy(float), after["ref"].to_numpy(float))
    year = np.where(has, before["ref_year"].to_numpy(float), after["ref_year"].to_numpy(float))
    return ref, year


def _ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.maximum(a / b, b / a)
    return np.where((a > 0) & (b > 0), r, np.nan)


def scale_warnings(rows: pd.DataFrame, current: pd.DataFrame, targets: pd.DataFrame, *,
                   row_numbers: np.ndarray, value_text: np.ndarray, column: str) -> pd.DataFrame:
    """Warnings (an issues frame) for values of `rows` probably on the wrong scale; empty when none."""
    if rows.empty or "value" not in rows:
        return empty_issues()
    with np.errstate(all="ignore"):  # a value near 1e308 overflows a ratio: it is warned of, not printed
        return _warnings(rows, current, targets, row_numbers=row_numbers, value_text=value_text, column=column)


def _warnings(rows: pd.DataFrame, current: pd.DataFrame, targets: pd.DataFrame, *,
              row_numbers: np.ndarray, value_text: np.ndarray, column: str) -> pd.DataFrame:
    frame = rows[["code", "year", "value"]].reset_index(drop=True).assign(_i=np.arange(len(rows)))
    v = frame["value"].to_numpy(float)
    plan = targets.assign(code=targets["code"].astype(str), indicator=targets["indicator"].astype(str))
    units = dict(zip(plan["code"], plan["unit"].astype(str), strict=True))
    unit = map_distinct(frame["code"].astype(str), units.get).fillna("").astype(str)
    bounds = plan.assign(top=plan[["value", "value_hi"]].max(axis=1)).groupby("indicator")["top"].max().to_dict()
    target_top = map_distinct(frame["code"].astype(str), bounds.get).astype("float64").to_numpy()

    stored = current.loc[current["value"].notna(), ["code", "year", "value"]]
    in_file = frame.loc[frame["value"].notna(), ["code", "year", "value"]]
    ref_s, year_s = _reference(frame, stored)
    ref_f, year_f = _reference(frame, in_file)
    # The stored reference speaks first: it is what the figure was before this file.
    use_f = np.isnan(_ratio(v, ref_s)) | (_ratio(v, ref_s) < JUMP) & (_ratio(v, ref_f) >= JUMP)
    ref = np.where(use_f, ref_f, ref_s)
    ref_year = np.where(use_f, year_f, year_s)
    far = _ratio(v, ref) >= JUMP

    percent = unit.str.startswith("%").to_numpy()
    index = (unit == "index").to_numpy() & (target_top <= 1) & (v > 1)
    limit = map_distinct(unit, plausible_limit).astype("float64").to_numpy()
    implausible = np.abs(np.nan_to_num(v, nan=0.0)) > limit
    index &= ~implausible
    fraction = ~implausible & ~index & percent & (v > 0) & (v <= 1) & far & ~(_ratio(v * 100, ref) >= JUMP)
    jump = ~implausible & ~index & ~fraction & far

    issues = Issues()
    text = pd.Series(value_text, dtype=object)
    code = frame["code"].astype(str)
    issues.flag(implausible, "ingest.warn.implausible", rows=row_numbers, column=column, values=text, code=code,
                unit=unit, n_limit=pd.Series(limit, dtype="float64"))
    shown_ref = pd.Series(ref, dtype="float64")
    shown_year = pd.Series(ref_year, dtype="float64").fillna(0).astype("int64")
    issues.flag(index, "ingest.warn.index_scale", rows=row_numbers, column=column, values=text, code=code,
                n_target=pd.Series(target_top, dtype="float64"), n_suggest=pd.Series(v / 100, dtype="float64"))
    issues.flag(fraction, "ingest.warn.fraction_percent", rows=row_numbers, column=column, values=text, code=code,
                unit=unit, n_ref=shown_ref, ref_year=shown_year, n_suggest=pd.Series(v * 100, dtype="float64"))
    factor = pd.Series(np.floor(np.nan_to_num(_ratio(v, ref))), dtype="float64").clip(upper=1e12).astype("int64")
    issues.flag(jump, "ingest.warn.jump", rows=row_numbers, column=column, values=text, code=code,
                n_ref=shown_ref, ref_year=shown_year, factor=factor)
    stated = _stated_bases(rows, current, frame["code"])
    unstated = (unit == "rank").to_numpy() & np.isfinite(v) & ~index & ~fraction & ~jump & stated.notna().to_numpy()
    if "basis" in rows:
        unstated &= pd.to_numeric(rows["basis"], errors="coerce").isna().to_numpy()
    if "basis" in current and unstated.any():  # a blank basis keeps the stored one of the same year: nothing is lost
        kept = current.loc[pd.to_numeric(current["basis"], errors="coerce").notna(), ["code", "year"]]
        keys = set(zip(kept["code"].astype(str), kept["year"].astype("int64"), strict=True))
        unstated &= ~np.array([(c, int(y)) in keys for c, y in zip(frame["code"].astype(str), frame["year"],
                                                                     strict=True)], dtype=bool)
    issues.flag(unstated, "ingest.warn.basis_missing", rows=row_numbers, column=column, values=text, code=code,
                year=frame["year"].astype("int64"), basis=stated.fillna("").astype(str))
    return issues.frame()


def _stated_bases(rows: pd.DataFrame, current: pd.DataFrame, codes: pd.Series) -> pd.Series:
    """Per row, the bases the row's indicator states elsewhere ('63, 34'), stored or in the file; NA when none."""
    parts = [frame[["code", "basis"]] for frame in (rows, current) if "basis" in frame]
    seen = pd.concat(parts) if parts else pd.DataFrame()
    if seen.empty:
        return pd.Series(pd.NA, index=codes.index, dtype="object")
    seen = seen.assign(basis=pd.to_numeric(seen["basis"], errors="coerce")).dropna(subset=["basis"])
    named = seen.groupby(seen["code"].astype(str))["basis"].agg(
        lambda b: ", ".join(str(int(x)) for x in sorted(set(b), reverse=True)))
    return codes.astype(str).map(named).astype("object").reset_index(drop=True)
