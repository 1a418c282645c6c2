"""Merges the per-concern text tables into one catalogue and looks keys up by language."""

from __future__ import annotations

from hue57.i18n import _auth, _core, _ingest, _metrics, _pages, _report, _reporting, _share, _tasks

LANGS = ("vi", "en")

CATALOGUE: dict[str, dict[str, str]] = {}
for _table in (_core.TEXT, _metrics.TEXT, _tasks.TEXT, _ingest.TEXT, _share.TEXT, _pages.TEXT, _auth.TEXT, _report.TEXT, _reporting.TEXT):
    _clash = CATALOGUE.keys() & _table.keys()
    if _clash:
        raise RuntimeError(f"i18n keys defined twice: {sorted(_clash)}")
    CATALOGUE.update(_table)


def t(key: str, lang: str = "vi", /, **values: object) -> str:
    """The text for `key` in `lang` (Vietnamese when the language is unknown), filled with `values`.

    A missing key is a programming error and raises KeyError: the test suite checks every key has
    both languages, so a user never sees a raw key.
    """
    entry = CATALOGUE[key]
    text = entry.get(lang) or entry["vi"]
    if "{city}" in text or "{place}" in text:  # the place comes from data/plan.toml, never from the catalogue
        values = {**_place_fields(lang), **values}
    return text.format(**values) if values else text


def _place_fields(lang: str) -> dict[str, str]:
    from hue57.plan_facts import facts  # noqa: PLC0415 — read on first use, not when the catalogue loads

    plan = facts()
    return {"city": plan.city(lang), "place": plan.place_en if lang == "en" else plan.place_vi}
