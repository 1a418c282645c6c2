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


def xlsx_bytes(frame: pd.DataFrame, formats: dict[str, str] | None = None, sheet: str = "hue57") -> bytes:
    """An .xlsx of `frame`: numbers stay numbers, with the Excel number format `formats` gives their column
    (Excel then writes them in the reader's own locale: 30,5 on a Vietnamese Windows); empty cells stay empty."""
    out = neutralise(frame)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name=sheet[:31])
        table = writer.sheets[sheet[:31]]
        for j, name in enumerate(frame.columns, start=1):
            fmt = (formats or {}).get(name)
            if fmt is None:
                continue
            for (cell,) in table.iter_rows(min_row=2, max_row=len(out) + 1, min_col=j, max_col=j):
                cell.number_format = fmt
    return buffer.getvalue()
