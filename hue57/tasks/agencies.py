"""Finding the agencies named in the plan's free-text agency fields, and who holds their tasks today.

Names are compared after Unicode NFC, case folding, collapsing whitespace and dropping spaces before
``,`` and ``;``. A field is read by finding every known name or alias in it (longest first, whole words
only), so commas inside a name ("Sở A, B"), " và " inside a name ("Sở X và Y"), names run together
without a comma ("Sở X và Y Sở A, B") and collective phrases (a row naming several bodies) all resolve. What lies between two names may only be
separators: commas, semicolons, dashes, slashes and the word "và".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pandas as pd

__all__ = ["agency_links", "current_agency", "split_agencies", "unresolved_parts"]

_SEP = r"(?:[\s,;:/\-–—.]|\bvà\b|\band\b)"
_SEPARATORS = re.compile(rf"^{_SEP}*$")
_EDGE_SEPARATORS = re.compile(rf"^{_SEP}+|{_SEP}+$")


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([,;])", r"\1", text)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == ""


def _names(agencies: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """(normalised name, agency_id) for every name_vi and alias in the table (normalised once per table content:
    a task table scans ~700 fields against the same ~40 agencies)."""
    return _names_now(*(tuple(agencies[c].tolist()) for c in ("agency_id", "name_vi", "aliases")))


@lru_cache(maxsize=8)
def _names_now(ids: tuple, names: tuple, alias_lists: tuple) -> tuple[tuple[str, str], ...]:
    pairs: dict[str, str] = {}
    for agency_id, name, aliases in zip(ids, names, alias_lists, strict=True):
        spellings = [name] + ([] if _is_blank(aliases) else str(aliases).split("|"))
        for spelling in spellings:
            if not _is_blank(spelling):
                pairs.setdefault(_key(spelling), str(agency_id))
    return tuple(pairs.items())


@lru_cache(maxsize=8)
def _matcher(names: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    longest_first = sorted((n for n, _ in names), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, longest_first)) + r")(?!\w)")
    return pattern, dict(names)


def _scan(text: object, agencies: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(agency_ids in order of appearance, unresolved fragments) for one field."""
    if _is_blank(text):
        return [], []
    pattern, ids = _matcher(_names(agencies))
    key = _key(str(text))
    found: list[str] = []
    leftovers: list[str] = []
    end = 0
    for m in pattern.finditer(key):
        leftovers.append(key[end:m.start()])
        found.append(ids[m.group(0)])
        end = m.end()
    leftovers.append(key[end:])
    unresolved = [_EDGE_SEPARATORS.sub("", part) for part in leftovers if not _SEPARATORS.match(part)]
    return list(dict.fromkeys(found)), unresolved


def split_agencies(text: str, agencies: pd.DataFrame) -> list[str]:
    """The agency_ids named in a free-text field, in order of first appearance, without repeats.

    ``agencies`` is the table of ``data/agencies.csv`` (``agency_id``, ``name_vi``, ``aliases``).
    Empty text and the plan's "-" give ``[]``. Text that names no known agency is skipped; use
    :func:`unresolved_parts` to see it.
    """
    return _scan(text, agencies)[0]


def unresolved_parts(text: str, agencies: pd.DataFrame) -> list[str]:
    """The pieces of a free-text agency field that are neither a known agency nor a separator
    (normalised: case-folded, whitespace collapsed). ``[]`` means the whole field was understood."""
    return _scan(text, agencies)[1]


def current_agency(agency_id: str, agencies: pd.DataFrame) -> str:
    """The agency that holds ``agency_id``'s tasks today, following ``current_id`` through every merger.

    An empty ``current_id`` means the agency is unchanged. Raises ``KeyError`` for an unknown id and
    ``ValueError`` when the mergers form a loop.
    """
    successor = _successors(*(tuple(agencies[c].tolist()) for c in ("agency_id", "current_id")))
    if agency_id not in successor:
        raise KeyError(f"unknown agency_id {agency_id!r}")
    seen = [agency_id]
    while successor[seen[-1]] != seen[-1]:
        nxt = successor[seen[-1]]
        if nxt not in successor:
            raise KeyError(f"agency {seen[-1]!r} merges into unknown agency_id {nxt!r}")
        if nxt in seen:
            raise ValueError(f"agency mergers form a loop: {' → '.join(seen + [nxt])}")
        seen.append(nxt)
    return seen[-1]


@lru_cache(maxsize=8)
def _successors(ids: tuple, current_ids: tuple) -> dict[str, str]:
    return {str(a): (str(a) if _is_blank(c) else str(c)) for a, c in zip(ids, current_ids, strict=True)}


def agency_links(tasks: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """One row per (task, role, agency) named in ``lead_agency`` / ``coordinating``: columns ``no``,
    ``role`` ("lead" or "coordinating"), ``agency_id`` as written in the plan and ``current_id``, the
    agency that holds the task today."""
    rows = [
        (no, role, agency_id, current_agency(agency_id, agencies))
        for role, column in (("lead", "lead_agency"), ("coordinating", "coordinating"))
        for no, text in zip(tasks["no"], tasks[column], strict=True)
        for agency_id in split_agencies(text, agencies)
    ]
    frame = pd.DataFrame(rows, columns=["no", "role", "agency_id", "current_id"])
    return frame.sort_values(["no", "role"], ascending=[True, False], kind="stable").reset_index(drop=True)


def target_leads(targets: pd.DataFrame, agencies: pd.DataFrame) -> pd.DataFrame:
    """One row per (target code, horizon, monitoring agency holding it today): ``code, horizon, agency_id``.

    A target monitored by several bodies (code 6) counts under each; merged bodies count once.
    """
    holders = {text: {current_agency(a, agencies) for a in split_agencies(text, agencies)}
               for text in targets["agency"].unique()}  # a plan repeats a few agency texts many times
    rows = {
        (code, horizon, agency_id)
        for code, horizon, text in zip(targets["code"], targets["horizon"], targets["agency"], strict=True)
        for agency_id in holders[text]
    }
    frame = pd.DataFrame(sorted(rows), columns=["code", "horizon", "agency_id"])
    frame["horizon"] = frame["horizon"].astype("Int64")
    return frame
