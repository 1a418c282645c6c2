"""Problems found in an uploaded file, kept as i18n keys and values so they can be shown in either language."""

from __future__ import annotations

import numpy as np
import pandas as pd

from hue57.i18n import CATALOGUE, fmt_int, fmt_number, t, tn

ISSUE_COLUMNS = ["row", "column", "value", "key", "params"]
REPORT_COLUMNS = ["row", "column", "value", "message"]
KIND_COLUMNS = ["key", "column", "count", "first_row"]
LISTED = 200  # problems listed one by one; the rest are counted per kind
_SHOWN = 80  # characters of a cell value repeated in a message


def shown(value: object) -> str:
    """A cell value as it may be repeated to the user: text, shortened, control characters made visible."""
    if value is None:
        return ""
    text = str(value)
    text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\x00", "\\0")
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def map_distinct(series: pd.Series, func) -> pd.Series:
    """`func` of each value of `series`, called once per distinct value (pandas' `map` of a dict or a function
    over Arrow strings costs a Python object per row: 100,000 rows with 30 distinct values pay 30 calls here)."""
    codes, uniques = pd.factorize(series)
    values = np.empty(len(uniques) + 1, dtype=object)
    values[:-1] = [func(u) for u in uniques]
    values[-1] = None  # code -1: a missing value
    return pd.Series(values[codes], index=series.index, dtype=object)


class Issues:
    """An append-only list of issues: one at a time for the file, or vectorised for many rows at once."""

    def __init__(self) -> None:
        self._parts: list[pd.DataFrame] = []
        self._kinds: list[tuple[str, str, int, int | None]] = []  # key, column, count, first row

    def add(self, key: str, *, row: int | None = None, column: str = "", value: object = "", **params) -> None:
        self._parts.append(pd.DataFrame({"row": pd.array([row], dtype="Int64"), "column": [column],
                                         "value": [shown(value)], "key": [key], "params": [params]}))
        self._kinds.append((key, column, 1, row))

    def flag(self, mask, key: str, *, rows: np.ndarray, column: str, values: pd.Series, **params) -> int:
        """One issue per row where `mask` holds; params may be scalars or Series aligned with `values`."""
        idx = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not len(idx):
            return 0
        total = len(idx)
        self._kinds.append((key, column, total, int(rows[idx[0]])))
        # Only the first LISTED of one kind are kept in full (100,000 bad rows must not build 100,000
        # messages): whichever LISTED rows come first in the file overall are among them.
        idx = idx[np.argsort(rows[idx], kind="stable")[:LISTED]] if total > LISTED else idx
        taken = {k: (v.iloc[idx].tolist() if isinstance(v, pd.Series) else [v] * len(idx))
                 for k, v in params.items()}
        dicts = [dict(zip(taken, vals, strict=True)) for vals in zip(*taken.values(), strict=True)] \
            if taken else [{} for _ in idx]
        self._parts.append(pd.DataFrame({
            "row": pd.array(rows[idx], dtype="Int64"),
            "column": column,
            "value": [shown(v) for v in values.iloc[idx].tolist()],
            "key": key,
            "params": dicts,
        }))
        return total

    def extend(self, other: Issues | pd.DataFrame) -> None:
        frame = other.frame() if isinstance(other, Issues) else other
        if len(frame):
            self._parts.append(frame)
        if isinstance(other, Issues):
            self._kinds.extend(other._kinds)
        else:
            self._kinds.extend((k, c, 1, None if pd.isna(r) else int(r))
                               for k, c, r in zip(frame["key"], frame["column"], frame["row"], strict=True))

    def __len__(self) -> int:
        """Every problem found, listed or only counted."""
        return sum(count for _, _, count, _ in self._kinds)

    def kinds(self) -> pd.DataFrame:
        """key, column, count, first_row — one row per kind of problem, in order of first appearance."""
        if not self._kinds:
            return pd.DataFrame({"key": [], "column": [], "count": pd.array([], "Int64"),
                                 "first_row": pd.array([], "Int64")})
        frame = pd.DataFrame(self._kinds, columns=KIND_COLUMNS).astype({"first_row": "Int64"})
        return (frame.groupby(["key", "column"], sort=False, dropna=False)
                .agg(count=("count", "sum"), first_row=("first_row", "min")).reset_index()
                .sort_values("first_row", kind="stable", na_position="first").reset_index(drop=True))

    def frame(self) -> pd.DataFrame:
        if not self._parts:
            return empty_issues()
        frame = pd.concat(self._parts, ignore_index=True)
        frame["row"] = frame["row"].astype("Int64")
        return frame.sort_values("row", kind="stable", na_position="first").reset_index(drop=True)


def empty_issues() -> pd.DataFrame:
    return pd.DataFrame({"row": pd.array([], dtype="Int64"), "column": pd.Series([], dtype=object),
                         "value": pd.Series([], dtype=object), "key": pd.Series([], dtype=object),
                         "params": pd.Series([], dtype=object)})


def _localised(params: dict, lang: str) -> dict:
    """Numbers in message parameters written as `lang` writes them (100.000 / 100,000; 5,2 / 5.2)."""
    out = {}
    if "unit_vi" in params:  # the unit's Vietnamese name, when the plan has one
        params = {**params, "unit": params["unit_vi"] if lang == "vi" else params["unit"]}
        del params["unit_vi"]
    for k, v in params.items():
        if isinstance(v, float) and k.startswith("n_"):  # a figure compared with another: not rounded away
            v = fmt_number(v, lang, 4)
        elif isinstance(v, float):
            v = fmt_number(v, lang, 1)
        elif isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10_000:
            v = fmt_int(v, lang)
        out[k] = v
    return out


def _say(key: str, lang: str, params: dict, fields: dict) -> str:
    """The message; one with plural forms (a count of rows, cells, values) takes the form of its count
    (`count`, else the value), as gettext's ngettext does."""
    if not isinstance(CATALOGUE[key].get("en"), tuple):
        return t(key, lang, **fields)
    count = params.get("count", fields["value"])
    try:
        n = int(count)
    except (TypeError, ValueError):
        n = 2
    return tn(key, n, lang, **fields)


def render(issues: pd.DataFrame, lang: str) -> pd.DataFrame:
    """row, column, value, message — the message in `lang`, naming what is wrong and what to do."""
    messages = [_say(key, lang, params, dict(row=row if pd.notna(row) else "", column=column, value=value,
                                             **_localised(params, lang)))
                for row, column, value, key, params in zip(issues["row"], issues["column"], issues["value"],
                                                           issues["key"], issues["params"], strict=True)]
    return pd.DataFrame({"row": issues["row"].astype("Int64").to_numpy(),
                         "column": issues["column"].astype(object).to_numpy(),
                         "value": issues["value"].astype(object).to_numpy(),
                         "message": pd.Series(messages, dtype=object).to_numpy()},
                        columns=REPORT_COLUMNS).astype({"row": "Int64"})


def row_list(rows) -> str:
    """Row numbers as a short list: '5, 9' or '5, 9, 12 … (+40)'."""
    rows = [int(r) for r in rows]
    head = ", ".join(str(r) for r in rows[:10])
    return head + (f" … (+{len(rows) - 10})" if len(rows) > 10 else "")
