"""Looks words up by key and language in the gettext catalogues (hue57/locale/{vi,en}/LC_MESSAGES/hue57.po → .mo).

The catalogues are key-style: a msgid is a key ("tasks.status.overdue"), its msgstr the text a reader sees. A
count's entry has plural forms (msgid_plural = the key, msgstr[0..n]): one in Vietnamese (nplurals=1), two in
English (nplurals=2); the form is chosen by the catalogue's own Plural-Forms rule, as `ngettext` does.
A translator edits the .po files (Poedit, or any text editor); `make init` compiles them, and a .mo that is
missing or older than its .po is compiled here from the .po at first use, so a fresh checkout always works.
Messages in the code are found by `pybabel extract -F babel.cfg -k t:1 -k tn:1` (see babel.cfg).
"""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

LANGS = ("vi", "en")
DOMAIN = "hue57"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def compile_mo(lang: str) -> bytes:
    """The .mo bytes of `lang`'s .po (written beside it when the folder is writable)."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415 — only when a .mo must be built
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with po_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    data = buf.getvalue()
    try:
        tmp = mo_path(lang).with_suffix(f".mo.{os.getpid()}.tmp")  # one per process: two first loads never mix
        tmp.write_bytes(data)
        tmp.replace(mo_path(lang))
    except OSError:  # a read-only install: use the compiled bytes from memory
        pass
    return data


def _translations(lang: str) -> gettext.GNUTranslations:
    po, mo = po_path(lang), mo_path(lang)
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as f:
            return gettext.GNUTranslations(f)
    return gettext.GNUTranslations(io.BytesIO(compile_mo(lang)))


def _load() -> tuple[dict[str, gettext.GNUTranslations], dict[str, dict[str, str | tuple[str, ...]]]]:
    translations = {lang: _translations(lang) for lang in LANGS}
    catalogue: dict[str, dict[str, str | tuple[str, ...]]] = {}
    for lang, tr in translations.items():
        plural_forms: dict[str, dict[int, str]] = {}
        for msgid, text in tr._catalog.items():  # noqa: SLF001 — the one way to list what a .mo holds
            if isinstance(msgid, tuple):  # (key, form index) of a plural entry
                plural_forms.setdefault(msgid[0], {})[msgid[1]] = text
            elif msgid:  # "" is the header
                catalogue.setdefault(msgid, {})[lang] = text
        for key, forms in plural_forms.items():
            catalogue.setdefault(key, {})[lang] = tuple(forms[i] for i in sorted(forms))
    return translations, catalogue


TRANSLATIONS, CATALOGUE = _load()


def catalogue_section(prefix: str) -> dict[str, dict[str, str | tuple[str, ...]]]:
    """The entries whose key starts with `prefix.` (what one dict module used to hold), for tests."""
    return {k: v for k, v in CATALOGUE.items() if k.startswith(prefix + ".")}


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
    """The text for a count `n` (`{n}` is filled with it): the form the language's Plural-Forms rule picks
    (gettext's `ngettext`): Vietnamese has one form, English two ("1 task" / "2 tasks")."""
    entry = CATALOGUE[key]
    lang = lang if entry.get(lang) else "vi"
    forms = entry[lang]
    if isinstance(forms, str):
        forms = (forms,)
    index = TRANSLATIONS[lang].plural(int(n)) if lang in TRANSLATIONS else (0 if n == 1 else 1)
    return _fill(forms[min(index, len(forms) - 1)], lang, {"n": n, **values})


# Words the plan decides (its folder's plan.toml), never the catalogue: the place, the compiling body, the plan's
# title, where it lists targets and tasks, its reporting due days.
PLAN_FIELDS = ("city", "place", "committee", "compiler", "compiler_short", "plan_title", "plan_kind", "targets_part", "tasks_part", "due_h1", "due_h2")


def _fill(text: str, lang: str, values: dict) -> str:
    if any(f"{{{name}}}" in text for name in PLAN_FIELDS):
        values = {**_place_fields(lang), **values}
    return text.format(**values) if values else text


def _place_fields(lang: str) -> dict[str, str]:
    from hue57.plan_facts import PlanFileError, facts  # noqa: PLC0415 — read on first use, not when the catalogue loads

    try:
        plan = facts()
    except PlanFileError:  # no usable plan folder: the message saying so must still read
        return dict.fromkeys(PLAN_FIELDS, "…")
    months_en = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December")

    def due(half: int) -> str:
        month, day = plan.due_day(half)
        return f"{day} {months_en[month - 1]}" if lang == "en" else f"{day} tháng {month}"

    return {"city": plan.city(lang), "place": plan.place_en if lang == "en" else plan.place_vi,
            "committee": plan.people_committee(lang),
            "compiler": plan.compiler(lang), "compiler_short": plan.compiler_short(lang), "plan_title": plan.title(lang),
            "plan_kind": plan.plan_kind(lang), "targets_part": plan.targets_part(lang),
            "tasks_part": plan.tasks_part(lang), "due_h1": due(1), "due_h2": due(2)}
