"""Moves the dict text catalogue (hue57/i18n/_*.py modules with a `TEXT` dict) into the gettext catalogues.

Run from the repository root: `.venv/bin/python tools/i18n_to_gettext.py` (`--dry-run` to see what it would do).
Re-runnable: it works on a tree that has only dict modules (the first run), only .po files (nothing to do), or
both (dict modules merged back from other branches beside existing .po files). Each run:
1. reads every dict module in hue57/i18n/ that defines `TEXT` (found by scanning the folder, not by the old
   `_catalogue.py` import list, so a module another branch added is found too); a key in two modules is an error;
   keeps only the entries a branch added or changed: an entry whose text equals the module's text at `--base`
   (main when the branches started, `BASE`) is a stale copy that came back with the merge and is skipped, so a
   text changed or a key renamed in the .po since then is not undone;
2. merges them into hue57/locale/{vi,en}/LC_MESSAGES/hue57.po: existing entries are kept, a dict entry adds a
   new key or replaces the text of an existing one (listed: check them); msgid = the key,
   msgstr = the text; an entry with plural forms (a tuple, as `tn` reads it) becomes msgid_plural + msgstr[i]
   (Plural-Forms: vi nplurals=1, en nplurals=2); a missing English text takes the Vietnamese one (as `t` did);
3. compiles the .mo files, installs tools/_catalogue_gettext.py as hue57/i18n/_catalogue.py, checks that every
   dict entry reads back the same through `t`/`tn` in a fresh interpreter, and only then deletes the dict modules;
4. lists any file that still imports a deleted module (fix those by hand: `catalogue_section("prefix")`).

After merging a branch that still edits dict modules: git reports "deleted by us, modified by them" for each; keep
THEIR file (`git checkout --theirs hue57/i18n/_pages.py …`, or `git checkout <branch> -- <file>`), keep OUR
hue57/i18n/_catalogue.py (the gettext loader; the script reinstalls it anyway), commit the merge, then run this
script, read the "texts replaced" lines, run the tests, and commit the .po files and the deletions.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import filecmp
import io
import json
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "hue57" / "i18n"
LOCALE = ROOT / "hue57" / "locale"
LOADER = ROOT / "tools" / "_catalogue_gettext.py"
INSTALLED = I18N / "_catalogue.py"
LANGS = ("vi", "en")
NPLURALS = {"vi": 1, "en": 2}
DOMAIN = "hue57"
BASE = "8e6705c8a38dcb16df2903b765ffd952898112af"  # main when the seven branches of this round started
FIXED_DATE = dt.datetime(2026, 12, 4, tzinfo=dt.UTC)  # no run-dependent dates in the header: no merge noise

sys.path.insert(0, str(ROOT))


def dict_modules() -> list[Path]:
    """The files of hue57/i18n that assign a module-level `TEXT` (the dict catalogue), by name."""
    found = []
    for path in sorted(I18N.glob("_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AnnAssign) else []
            if any(isinstance(tg, ast.Name) and tg.id == "TEXT" for tg in targets):
                found.append(path)
                break
    return found


def read_dicts(paths: list[Path]) -> dict[str, dict]:
    """The merged TEXT entries of `paths` (each file run on its own: no import of the old `_catalogue`)."""
    merged: dict[str, dict] = {}
    owner: dict[str, str] = {}
    for path in paths:
        text = runpy.run_path(str(path))["TEXT"]
        for key, entry in text.items():
            if key in merged and merged[key] != entry:
                raise SystemExit(f"{key} is defined differently in {owner[key]} and {path.name}: keep one")
            merged[key], owner[key] = entry, path.name
    return merged


def base_entries(path: Path, base: str | None) -> dict[str, dict]:
    """The module's TEXT at commit `base` ({} when it did not exist there, or without git or a base)."""
    if not base:
        return {}
    rel = path.relative_to(ROOT).as_posix()
    try:
        run = subprocess.run(["git", "show", f"{base}:{rel}"], cwd=ROOT, capture_output=True, check=False)
    except OSError:
        return {}
    if run.returncode:
        return {}
    namespace: dict = {}
    exec(compile(run.stdout.decode("utf-8"), rel, "exec"), namespace)  # noqa: S102 — our own file at `base`
    return namespace.get("TEXT", {})


def changed_since(paths: list[Path], entries: dict[str, dict], base: str | None) -> dict[str, dict]:
    """The entries that differ from their module's text at `base` (added or changed by a branch)."""
    at_base: dict[str, dict] = {}
    for path in paths:
        at_base.update(base_entries(path, base))
    return {key: entry for key, entry in entries.items() if at_base.get(key) != entry}


def forms_of(value, lang: str) -> tuple[str, ...]:
    """`value` as the language's plural forms: a text repeated, a tuple padded with its last form."""
    forms = tuple(value) if isinstance(value, (tuple, list)) else (value,)
    n = NPLURALS[lang]
    return (forms + (forms[-1],) * n)[:n]


def entry_text(entry: dict, lang: str):
    return entry.get(lang) or entry["vi"]


def load_po(lang: str):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        with path.open("rb") as f:
            return read_po(f, locale=lang, domain=DOMAIN)
    return Catalog(locale=lang, domain=DOMAIN, project="hue57", version="1", charset="utf-8",
                   copyright_holder="hue57", msgid_bugs_address="", fuzzy=False, creation_date=FIXED_DATE,
                   revision_date=FIXED_DATE, last_translator="hue57", language_team="hue57")


def merge(catalog, entries: dict[str, dict], lang: str) -> list[str]:
    """Add or update `entries` in `catalog`; returns the keys whose text changed or that were added."""
    changed = []
    for key in sorted(entries):
        entry = entries[key]
        plural = any(isinstance(v, (tuple, list)) for v in entry.values())
        value = entry_text(entry, lang)
        msgid = (key, key) if plural else key
        string = forms_of(value, lang) if plural else value
        old = catalog.get(key)
        if old is not None and old.id == msgid and old.string == string and not old.fuzzy:
            continue
        if old is not None:
            del catalog[key]
        catalog.add(msgid, string)
        changed.append(key)
    return changed


def write_po(catalog, lang: str) -> Path:
    from babel.messages.pofile import write_po as babel_write_po

    path = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.header_comment = (f"# hue57 messages ({'Vietnamese' if lang == 'vi' else 'English'}).\n"
                              "# msgid is the key the code looks up with t()/tn(); msgstr is the text on screen.\n"
                              "# Edit with Poedit or a text editor; `make init` compiles the .mo.\n#")
    catalog.revision_date = catalog.creation_date  # no run-dependent date: the same entries give the same file
    buf = io.BytesIO()
    babel_write_po(buf, catalog, width=0, sort_output=True, omit_header=False, include_previous=False,
                   include_lineno=False, no_location=True)
    path.write_bytes(buf.getvalue())
    return path


def compile_mo(catalog, lang: str) -> Path:
    from babel.messages.mofile import write_mo

    path = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("wb") as f:
        write_mo(f, catalog, use_fuzzy=False)
    return path


def check_round_trip(entries: dict[str, dict]) -> None:
    """Every dict entry reads back the same through the installed loader (a fresh interpreter: no stale modules)."""
    probe = {}
    for key, entry in entries.items():
        plural = any(isinstance(v, (tuple, list)) for v in entry.values())
        probe[key] = {lang: list(forms_of(entry_text(entry, lang), lang)) if plural else entry_text(entry, lang)
                      for lang in LANGS}
    code = (
        "import json, sys\n"
        "from hue57.i18n._catalogue import CATALOGUE\n"
        "want = json.load(sys.stdin); bad = []\n"
        "for key, entry in want.items():\n"
        "    got = CATALOGUE.get(key)\n"
        "    for lang, text in entry.items():\n"
        "        have = None if got is None else got.get(lang)\n"
        "        have = list(have) if isinstance(have, tuple) else have\n"
        "        if have != text: bad.append((key, lang, text, have))\n"
        "print(json.dumps(bad[:20], ensure_ascii=False)); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], input=json.dumps(probe), text=True, capture_output=True,
                         cwd=ROOT)
    if run.returncode:
        raise SystemExit(f"the gettext catalogue does not read back the dict entries; nothing deleted:\n"
                         f"{run.stdout}{run.stderr}")


def stale_imports(deleted: list[Path]) -> list[str]:
    """Files that still import a deleted dict module (`from hue57.i18n import _pages`, `hue57.i18n._pages`)."""
    import re

    hits = []
    for path in [*ROOT.glob("*.py"), *ROOT.glob("hue57/**/*.py"), *ROOT.glob("tests/**/*.py"),
                 *ROOT.glob("app_pages/*.py"), *ROOT.glob("bench/*.py")]:
        text = path.read_text(encoding="utf-8")
        for name in (p.stem for p in deleted):
            if re.search(rf"from hue57\.i18n import [^\n]*\b{name}\b|hue57\.i18n\.{name}\b", text):
                hits.append(f"{path.relative_to(ROOT)}: {name}")
    return hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    parser.add_argument("--keep-modules", action="store_true", help="write the catalogues but keep the dict modules")
    parser.add_argument("--base", default=BASE, help="commit whose dict texts are stale copies ('' to take all)")
    args = parser.parse_args()

    modules = dict_modules()
    every = read_dicts(modules)
    entries = changed_since(modules, every, args.base)
    print(f"dict modules: {', '.join(p.name for p in modules) or 'none'} ({len(every)} entries, "
          f"{len(entries)} added or changed since {args.base[:10] or 'nothing'})")
    catalogs = {lang: load_po(lang) for lang in LANGS}
    for lang in LANGS:
        before = len([m for m in catalogs[lang] if m.id])
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogs[lang] if m.id}
        changed = merge(catalogs[lang], entries, lang)
        print(f"{lang}: {before} entries in the .po, {len(changed)} added or changed, "
              f"{len([m for m in catalogs[lang] if m.id])} after")
        replaced = [k for k in changed if k in known]
        if replaced:
            print(f"  {lang}: texts replaced by a branch's dict entry (check them): {', '.join(replaced)}")
    if args.dry_run:
        return 0
    for lang in LANGS:
        print("wrote", write_po(catalogs[lang], lang).relative_to(ROOT))
        print("wrote", compile_mo(catalogs[lang], lang).relative_to(ROOT))
    if not INSTALLED.exists() or not filecmp.cmp(LOADER, INSTALLED, shallow=False):
        shutil.copyfile(LOADER, INSTALLED)
        print("installed", INSTALLED.relative_to(ROOT), "(the gettext loader)")
    check_round_trip(entries)
    if args.keep_modules:
        return 0
    for path in modules:
        path.unlink()
        print("deleted", path.relative_to(ROOT))
    for hit in stale_imports(modules):
        print("still imports a deleted module (use catalogue_section):", hit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
