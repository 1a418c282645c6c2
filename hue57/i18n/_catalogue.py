"""Merges the per-concern text tables into one catalogue and looks keys up by language."""

from __future__ import annotations

from hue57.i18n import _auth, _cli, _core, _document, _ingest, _metrics, _pages, _reporting, _screen, _share, _tasks

LANGS = ("vi", "en")

CATALOGUE: dict[str, dict[str, str]] = {}
for _table in (_core.TEXT, _metrics.TEXT, _tasks.TEXT, _ingest.TEXT, _share.TEXT, _pages.TEXT, _auth.TEXT, _document.TEXT, _reporting.TEXT, _cli.TEXT, _screen.TEXT):
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
    if isinstance(text, tuple):
        raise TypeError(f"{key} has plural forms: use tn()")
    return _fill(text, lang, values)


def tn(key: str, n: int, lang: str = "vi", /, **values: object) -> str:
    """The text for a count `n` (`{n}` is filled with it): the form the language's plural rule picks.

    An entry with plural forms holds a tuple per language, one form per plural category of the language
    (gettext's `nplurals`): Vietnamese has one form, English two ("1 task" / "2 tasks").
    """
    entry = CATALOGUE[key]
    forms = entry.get(lang) or entry["vi"]
    if isinstance(forms, str):
        forms = (forms,)
    index = 0 if len(forms) == 1 or n == 1 else 1
    return _fill(forms[min(index, len(forms) - 1)], lang, {"n": n, **values})


def _fill(text: str, lang: str, values: dict) -> str:
    if "{city}" in text or "{place}" in text:  # the place comes from data/plan.toml, never from the catalogue
        values = {**_place_fields(lang), **values}
    return text.format(**values) if values else text


def _place_fields(lang: str) -> dict[str, str]:
    from hue57.plan_facts import facts  # noqa: PLC0415 — read on first use, not when the catalogue loads

    plan = facts()
    return {"city": plan.city(lang), "place": plan.place_en if lang == "en" else plan.place_vi}
