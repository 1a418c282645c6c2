"""The text catalogue is gettext's: a .po file per language (what a translator edits in Poedit), compiled to a .mo
that is current; every message id the code uses is in both; every count goes through `tn` (ngettext) with the
language's plural forms (Vietnamese one, English two)."""

from __future__ import annotations

import gettext
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from hue57.i18n import CATALOGUE, _catalogue, t, tn

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("vi", "en")


def _po(lang: str):
    with _catalogue.po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain="hue57")


def _used(keyword: str) -> dict[str, str]:
    """key → first place, for every literal `t("key", …)` / `tn("key", …)` in the code (babel.cfg's files)."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords={keyword: (1,)}):
        for key in _keys_in(message) or [message]:
            found.setdefault(key, f"{filename}:{lineno}")
    return found


def _keys_in(message: str) -> list[str] | None:
    """`message` as one catalogue key, or as keys run together: Babel joins the string literals of one argument,
    so `t("a.x" if ok else "a.y", …)` extracts as "a.xa.y" (both keys are then checked)."""
    if message in CATALOGUE:
        return [message]
    for i in range(len(message) - 1, 0, -1):
        if message[:i] in CATALOGUE and (rest := _keys_in(message[i:])) is not None:
            return [message[:i], *rest]
    return None


def _fields(text: str) -> dict[str, str]:
    return {name: "x" for _, name, _, _ in string.Formatter().parse(text) if name}


def _plural(key: str) -> bool:
    return isinstance(CATALOGUE[key]["en"], tuple)


def test_every_message_id_the_code_uses_is_in_both_catalogues_and_compiled():
    used = {**_used("t"), **_used("tn")}
    assert len(used) > 300  # the extraction found the code's messages
    catalogues = {lang: _po(lang) for lang in LANGS}
    for key, where in used.items():
        for lang in LANGS:
            message = catalogues[lang].get(key)
            assert message is not None and message.string, f"{key} ({where}) missing from {lang}/hue57.po"
            assert CATALOGUE[key].get(lang), f"{key} ({where}) missing from the compiled {lang} catalogue"


def test_compiled_catalogues_are_current():
    for lang in LANGS:
        buf = io.BytesIO()
        write_mo(buf, _po(lang), use_fuzzy=False)
        compiled = gettext.GNUTranslations(io.BytesIO(buf.getvalue()))
        assert compiled._catalog == _catalogue.TRANSLATIONS[lang]._catalog, lang  # what the app reads
        mo = _catalogue.mo_path(lang)
        if mo.exists():  # a stale .mo would be read by the next process; the loader rebuilds it when older
            assert mo.stat().st_mtime >= _catalogue.po_path(lang).stat().st_mtime
            assert gettext.GNUTranslations(mo.open("rb"))._catalog == compiled._catalog, lang


def test_each_language_has_its_plural_forms():
    vi, en = _po("vi"), _po("en")
    assert (vi.num_plurals, en.num_plurals) == (1, 2)
    assert "nplurals=1" in vi.plural_forms and "nplurals=2" in en.plural_forms
    plural = [m for m in en if m.id and isinstance(m.id, tuple)]
    assert plural and all(len(m.string) == 2 for m in plural) and all(len(vi[m.id[0]].string) == 1 for m in plural)


def test_every_count_goes_through_tn():
    # a count followed by a plural noun ("{n} tasks", "{count} values") has plural forms …
    count_noun = re.compile(r"\{(n|count|value)\}\)?\s+(?:[\w’']+\s+){0,2}?(?!(?:is|was|has|does|its|this|https)\b)[A-Za-z]+s\b")
    single = [k for k, e in CATALOGUE.items() if isinstance(e["en"], str) and count_noun.search(e["en"])]
    assert not single, f"counts without plural forms: {single}"
    # … is looked up with tn (ngettext), and tn only for them; t never for a plural entry
    by_t, by_tn = _used("t"), _used("tn")
    assert not [k for k in by_t if _plural(k)], "plural entries looked up with t()"
    assert not [k for k in by_tn if not _plural(k)], "tn() for an entry without plural forms"
    # the form follows the count: one in Vietnamese, two in English
    for key in [k for k in CATALOGUE if _plural(k)]:
        values = {**_fields(CATALOGUE[key]["en"][1]), **_fields(CATALOGUE[key]["vi"][0])}
        values.pop("n", None)
        assert tn(key, 1, "en", **values) != tn(key, 2, "en", **values), key
        assert len(CATALOGUE[key]["vi"]) == 1, key  # Vietnamese: one form for every count


def test_t_and_tn_keep_their_behaviour():
    with pytest.raises(KeyError):
        t("no.such.key")
    with pytest.raises(TypeError):
        t("briefing.overdue_item", "en")
    assert tn("briefing.overdue_item", 1, "en", agency="X") == "X: 1 overdue task"
    assert tn("briefing.overdue_item", 3, "en", agency="X") == "X: 3 overdue tasks"
    assert tn("briefing.overdue_item", 1, "vi", agency="X") == "X: 1 nhiệm vụ quá hạn"
    assert "Huế" in t("app.title", "vi") and t("status.on_track", "fr") == "Đúng lộ trình"

