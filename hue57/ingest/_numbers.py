"""Numbers as Vietnamese and English spreadsheets write them: `30,5`, `1.234,5`, `1,234.5`, `1 234`, `30,5%`.

Each cell is read on its own when it can only mean one thing (`30,5`, `1.234,5`, `1.234.567`, `0,125`).
A cell with one separator followed by exactly three digits (`1.234`, `1,234`) could be either; it is
read the way the rest of the file writes numbers, and when the file gives no hint, the way its column
separator suggests (a `,`-separated CSV: English; otherwise Vietnamese, dot = thousands), which is
reported as a notice. A file that writes both ways makes such cells errors.

All of it is vectorised over whole columns (Arrow string kernels; no Python call per cell).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

_SIGN = r"[+-]?"
_PLAIN = rf"{_SIGN}\d+"
_DEC_DOT = rf"{_SIGN}\d+\.\d+"
_DEC_COMMA = rf"{_SIGN}\d+,\d+"
_VI_GROUPED = rf"{_SIGN}[1-9]\d{{0,2}}(?:\.\d{{3}})+(?:,\d+)?"  # 1.234 / 1.234.567 / 1.234,5
_EN_GROUPED = rf"{_SIGN}[1-9]\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?"  # 1,234 / 1,234,567 / 1,234.5
_ONE_GROUP_DOT = rf"{_SIGN}[1-9]\d{{0,2}}\.\d{{3}}"  # 1.234: thousands (vi) or decimals (en)
_ONE_GROUP_COMMA = rf"{_SIGN}[1-9]\d{{0,2}},\d{{3}}"
# spaces (also no-break and narrow no-break, as Excel and Word insert them) and apostrophes group digits
_GROUPING = "[ \t\u00a0\u202f']"


@dataclass
class Shapes:
    """One column of number text, cleaned, with the masks that say how each cell writes its number."""

    text: pd.Series
    blank: np.ndarray
    plain: np.ndarray
    vi_grouped: np.ndarray
    en_grouped: np.ndarray
    dec_dot: np.ndarray
    dec_comma: np.ndarray
    amb_dot: np.ndarray
    amb_comma: np.ndarray

    @property
    def says_vi(self) -> np.ndarray:
        return (self.vi_grouped & ~self.amb_dot) | (self.dec_comma & ~self.amb_comma)

    @property
    def says_en(self) -> np.ndarray:
        return (self.en_grouped & ~self.amb_comma) | (self.dec_dot & ~self.amb_dot)


def shapes(text: pd.Series) -> Shapes:
    s = text.astype("str").str.strip()
    s = s.str.replace(_GROUPING, "", regex=True).str.replace("\u2212", "-", regex=False)
    s = s.str.replace("%$", "", regex=True).str.replace("^\\+", "", regex=True)

    def match(pattern: str) -> np.ndarray:
        return s.str.fullmatch(pattern).to_numpy(dtype=bool, na_value=False)

    return Shapes(s, (s == "").to_numpy(dtype=bool, na_value=True), match(_PLAIN), match(_VI_GROUPED),
                  match(_EN_GROUPED), match(_DEC_DOT), match(_DEC_COMMA), match(_ONE_GROUP_DOT),
                  match(_ONE_GROUP_COMMA))


def file_convention(*columns: Shapes) -> str:
    """How the file writes numbers, from all of its number columns: vi | en | mixed | none."""
    vi = any(c.says_vi.any() for c in columns)
    en = any(c.says_en.any() for c in columns)
    if vi and en:
        return "mixed"
    return "vi" if vi else ("en" if en else "none")


@dataclass
class Numbers:
    values: pd.Series  # float64, NaN where blank or not a number
    blank: np.ndarray
    invalid: np.ndarray  # written, but not a number
    ambiguous: np.ndarray  # could be read two ways, and the file writes numbers both ways
    guessed: int  # ambiguous cells read by the fallback convention, for lack of any hint in the file


def to_float(text: pd.Series, readable: np.ndarray) -> pd.Series:
    """Floats from text already checked to be plain numbers (`readable`); NaN elsewhere."""
    kept = text.where(readable, None)
    try:  # Arrow's cast: one kernel call for the whole column
        import pyarrow as pa  # noqa: PLC0415

        return pd.Series(pa.array(kept).cast(pa.float64()).to_numpy(zero_copy_only=False), dtype="float64",
                         index=text.index)
    except Exception:  # noqa: BLE001 — anything Arrow will not cast: pandas' slower parser decides
        return pd.to_numeric(kept, errors="coerce").astype("float64")


def parse_numbers(column: Shapes, excel: pd.Series | None = None, *, convention: str = "none",
                  fallback: str = "vi") -> Numbers:
    """Read one column. `convention` is the file's (see `file_convention`); `fallback` reads ambiguous
    cells when the file gives no hint. `excel` holds the cells Excel already stored as numbers."""
    s = column.text
    ambiguous_cell = column.amb_dot | column.amb_comma
    way = convention if convention in ("vi", "en") else fallback
    resolve = ambiguous_cell & (convention != "mixed")
    read_vi = column.says_vi | (resolve & (way == "vi"))
    read_en = column.says_en | (resolve & (way == "en"))
    normal = s
    if read_vi.any():
        normal = normal.where(~read_vi, s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    if read_en.any():
        normal = normal.where(~read_en, s.str.replace(",", "", regex=False))
    readable = column.plain | read_vi | read_en
    values = to_float(normal, readable)
    ambiguous = ambiguous_cell & (convention == "mixed")
    guessed = ambiguous_cell & (convention == "none")
    if excel is not None:
        from_excel = excel.notna().to_numpy()
        values = values.where(~from_excel, excel.astype("float64").to_numpy())
        ambiguous &= ~from_excel
        guessed &= ~from_excel
    values = values.where(np.isfinite(values.fillna(0).to_numpy()), np.nan) + 0.0  # + 0.0: −0 is stored as 0
    invalid = ~column.blank & values.isna().to_numpy() & ~ambiguous
    return Numbers(values.reset_index(drop=True), column.blank, invalid, ambiguous, int(guessed.sum()))
