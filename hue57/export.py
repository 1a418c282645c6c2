"""Files a user takes away: CSV and Excel with formula-looking cells neutralised, safe for spreadsheets."""

from __future__ import annotations

import io

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells (and headers) cannot start a formula; numbers stay numbers."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell, na_action="ignore")
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with BOM so Excel on Vietnamese Windows shows the diacritics right."""
    return neutralise(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "hue57") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
