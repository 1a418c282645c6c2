"""Merges the per-concern text tables into one catalogue and looks keys up by language."""

from __future__ import annotations

from hue57.i18n import _auth, _core, _ingest, _metrics, _pages, _report, _share, _tasks

LANGS = ("vi", "en")

CATALOGUE: dict[str, dict[str, str]] = {}
for _table in (_core.TEXT, _metrics.TEXT, _tasks.TEXT, _ingest.TEXT, _share.TEXT, _pages.TEXT, _auth.TEXT, _report.TEXT):
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
    return text.format(**values) if values else text
