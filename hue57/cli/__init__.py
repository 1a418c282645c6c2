"""The command line: each command parses its arguments, calls one library function and prints.

Commands live in one small module per concern (`_plan`, …), each with a `register(subparsers)`. A run
imports only the module of the command it runs (`COMMANDS`): `targets` must not pay for Altair,
pandera or Streamlit, which other commands need (`tests/test_cli_imports.py` holds that line).

Exit 0 on success, 2 on invalid input or a refused action (reason on stderr, never a traceback).

Shared by every command: `--lang`, `--format` and `--wide` are accepted anywhere on the line (`global_options_first`
moves them before the command word); `--help` and argparse's own words are in the chosen language
(`translated_help`); `emit` prints a table that fits 100 characters by default (long text wrapped, codes shown
by their labels, a command's brief columns; `--wide` prints every column unwrapped), and datetimes in local time
without microseconds. CSV and JSON keep their columns and values (scripts read them).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import importlib
import os
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType

import pandas as pd

from hue57 import audit, store
from hue57.export import neutralise
from hue57.i18n import normalise_lang, t
from hue57.plan_facts import PlanFileError

FORMATS = ("table", "csv", "json")
TABLE_WIDTH = 100  # characters a table fits in by default (a terminal, a mail, a ticket)
_MIN_COLUMN = 10
# What the running command asked for (set by `main`): the table's language and whether to print every column.
OPTIONS: dict[str, object] = {"lang": "vi", "wide": False}


class UserError(Exception):
    """Bad input or a refused action: printed to stderr, exit 2."""


CLI_PREFIX = "cli:"  # `--by` left to its default: recorded as "cli:<login>", shown as "dòng lệnh" (`who_label`)


def default_user() -> str:
    """Who `--by` means when it is not given: `$HUE57_USER`, else "cli:" and the login name (kept for the
    audit trail; a page shows it as "dòng lệnh", never as a person named "root")."""
    if os.environ.get("HUE57_USER"):
        return os.environ["HUE57_USER"]
    try:
        return CLI_PREFIX + (getpass.getuser() or "?")
    except (KeyError, OSError):  # no passwd entry and no USER/LOGNAME in some containers
        return CLI_PREFIX + "?"


def parse_date(text: str, lang: str = "vi") -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(t("cli.error.date", lang, value=text)) from exc


def emit(frame: pd.DataFrame, fmt: str, out=None, *, brief: Sequence[str] | None = None,
         labels: Mapping[str, Callable[[object], object]] | None = None,
         headers: Mapping[str, str] | None = None) -> None:
    """Print a frame as a table, CSV (formula cells neutralised) or JSON records.

    The table (not CSV or JSON, which keep the data as it is) shows, unless `--wide`: only the `brief` columns,
    each value through `labels[column]` (a code shown by its label), headers from `headers`, wrapped to fit
    `TABLE_WIDTH` characters; datetimes always in local time to the minute.
    """
    out = out or sys.stdout
    if fmt == "csv":
        neutralise(frame).to_csv(out, index=False, lineterminator="\n")
    elif fmt == "json":
        out.write(frame.to_json(orient="records", force_ascii=False, date_format="iso") + "\n")
    elif frame.empty:
        out.write("(" + ", ".join(map(str, frame.columns)) + ")\n")
    else:
        text, hidden = table_text(frame, brief=brief, labels=labels, headers=headers, wide=bool(OPTIONS["wide"]))
        out.write(text)
        if hidden:
            print(t("cli.wide_hint", str(OPTIONS["lang"])), file=sys.stderr)


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        from hue57 import calendar  # noqa: PLC0415

        moment = pd.Timestamp(value).to_pydatetime()
        return (calendar.local(moment) if moment.tzinfo is None else moment.astimezone(calendar.local(
            dt.datetime.now(dt.UTC).replace(tzinfo=None)).tzinfo)).strftime("%Y-%m-%d\u00a0%H:%M")  # one token
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _width(text: str) -> int:
    """Columns a text takes in a terminal (combining marks take none: 'ế' may be two code points)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table_text(frame: pd.DataFrame, *, brief=None, labels=None, headers=None, wide: bool = False,
               width: int = TABLE_WIDTH) -> tuple[str, bool]:
    """(the aligned text of a table, whether columns were left out) (see `emit`): unless `wide`, the brief
    columns wrapped at word boundaries to fit `width`, and the rightmost columns left out when even their
    longest words do not fit (a value is never broken inside a word)."""
    all_columns = len(frame.columns)
    if not wide and brief:
        frame = frame[[c for c in brief if c in frame.columns]]
    labels, headers = labels or {}, headers or {}
    columns = [str(headers.get(c, c)) for c in frame.columns]
    cells = [[_cell(labels[c](v)) if c in labels and not wide else _cell(v) for v in frame[c]] for c in frame.columns]
    cells = [[unicodedata.normalize("NFC", v) for v in col] for col in cells]
    widths = [max([_width(h), *map(_width, col)]) for h, col in zip(columns, cells, strict=True)]
    if not wide:
        words = [max([_width(w) for v in col for w in v.split(" ")] + [_width(h)]) for h, col in
                 zip(columns, cells, strict=True)]
        widths = _fit(widths, words, width)
        while len(widths) > 1 and sum(widths) + 2 * (len(widths) - 1) > width:
            columns, cells, widths, words = columns[:-1], cells[:-1], widths[:-1], words[:-1]
            frame = frame.iloc[:, :-1]
            widths = _fit([max([_width(h), *map(_width, col)]) for h, col in zip(columns, cells, strict=True)],
                          words, width)
    lines = [_row([textwrap.wrap(h, w, break_long_words=False, break_on_hyphens=False) or [""] for h, w in zip(columns, widths, strict=True)],
                  widths)]
    lines.append("  ".join("-" * w for w in widths))
    for i in range(len(frame)):
        lines.append(_row([(textwrap.wrap(col[i], w, break_long_words=False, break_on_hyphens=False) or [""]) if not wide else [col[i]]
                           for col, w in zip(cells, widths, strict=True)], widths))
    return "\n".join(lines) + "\n", len(columns) < all_columns


def _fit(widths: list[int], longest_word: list[int], total: int) -> list[int]:
    """Narrow the widest columns until the table fits `total` (a column never below its longest word, so a
    number, a date or a code is never broken)."""
    widths = list(widths)
    floor = [max(min(w, _MIN_COLUMN), lw) for w, lw in zip(widths, longest_word, strict=True)]
    while sum(widths) + 2 * (len(widths) - 1) > total:
        candidates = [i for i, w in enumerate(widths) if w > floor[i]]
        if not candidates:
            break
        i = max(candidates, key=lambda k: widths[k])
        widths[i] -= 1
    return widths


def _row(wrapped: list[list[str]], widths: list[int]) -> str:
    height = max(len(w) for w in wrapped)
    out = []
    for k in range(height):
        parts = [(w[k] if k < len(w) else "") for w in wrapped]
        out.append("  ".join(p + " " * (wd - _width(p)) for p, wd in zip(parts, widths, strict=True)).rstrip())
    return "\n".join(out)


# --- wiring -------------------------------------------------------------------------------------

def add_format(p: argparse.ArgumentParser) -> None:
    """`--format` on a command (shown in its help); the value may also come before the command word."""
    p.add_argument("--format", choices=FORMATS, default=argparse.SUPPRESS, help="table | csv | json")


# Which module registers each command: a run imports that module alone. Checked against what the
# modules register by tests/test_cli_imports.py.
COMMANDS = {
    "init": "_plan", "plan": "_plan", "targets": "_plan", "tasks": "_plan", "actuals": "_plan",
    "gaps": "_gaps",
    "share": "_share",
    "import": "_ingest", "history": "_ingest", "revert": "_ingest", "template": "_ingest",
    "user": "_auth", "logins": "_auth",
    "backup": "_backup", "restore": "_backup",
    "report": "_report",
    "config": "_config", "status": "_status",
}
MODULE_NAMES = tuple(dict.fromkeys(COMMANDS.values()))
PLAN_FREE = ("init", "plan", "backup", "restore", "config", "status")  # check the plan themselves, or need none
_GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--lang", "--format")
_SHARED_HELP = ("--format", "--lang", "--wide", "--db")
_MOVABLE = {"--lang": True, "--format": True, "--wide": False}  # option → takes a value


def global_options_first(argv: Sequence[str], keep: frozenset[str] = frozenset()) -> list[str]:
    """`argv` with `--lang X`, `--format X` and `--wide` moved before the command word, wherever they were
    (`gaps --lang en`, `tasks --format csv`), so argparse reads them as the global options they are; except the
    options in `keep`, which the command defines for itself (`share create --lang` is the link's language)."""
    front, rest = [], []
    command_seen = False
    args = list(argv)
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            rest.extend(args[i:])
            break
        name = word.split("=", 1)[0]
        if name in _MOVABLE and not (command_seen and name in keep):
            if _MOVABLE[name] and "=" not in word and i + 1 < len(args):
                front.extend(args[i:i + 2])
                i += 2
                continue
            front.append(word)
        else:
            if not word.startswith("-") and not (rest and rest[-1] in _GLOBAL_OPTIONS_WITH_VALUE):
                command_seen = True
            rest.append(word)
        i += 1
    return front + rest


def _own_options(parser: argparse.ArgumentParser, argv: Sequence[str]) -> frozenset[str]:
    """The movable options that the subcommand named in `argv` defines itself (e.g. `share create --lang`)."""
    leaf = parser
    for word in argv:
        subs = [a for a in leaf._actions if isinstance(a, argparse._SubParsersAction)]  # noqa: SLF001
        if subs and word in subs[0].choices:
            leaf = subs[0].choices[word]
    if leaf is parser:
        return frozenset()
    return frozenset(o for o in _MOVABLE if o in leaf._option_string_actions  # noqa: SLF001
                     and o not in ("--format",))


def command_modules(names: Sequence[str] = MODULE_NAMES) -> list[ModuleType]:
    return [importlib.import_module(f"hue57.cli.{name}") for name in names]


def command_of(argv: Sequence[str]) -> str | None:
    """The command word of `argv` (the first word that is neither a global option nor its value), or None."""
    args = list(argv)
    i = 0
    while i < len(args):
        word = args[i]
        if word in _GLOBAL_OPTIONS_WITH_VALUE:
            i += 2
        elif word.startswith("-"):
            i += 1
        else:
            return word
    return None


def build_parser(command: str | None = None, lang: str = "vi") -> argparse.ArgumentParser:
    """The parser; for a known `command`, with only that command's module registered (and imported); its help
    in `lang` (`translated_help`)."""
    parser = argparse.ArgumentParser(prog="python -m hue57", description="hue57 — plan tracker (targets, tasks, reports)")
    parser.add_argument("--db", default=None, help="database file (default: $HUE57_DB or data/hue57.duckdb)")
    parser.add_argument("--lang", default=os.environ.get("HUE57_LANG", "vi"), help="vi | en (messages)")
    parser.add_argument("--format", choices=FORMATS, default="table", help="table | csv | json")
    parser.add_argument("--wide", action="store_true", help="tables with every column, unwrapped")
    sub = parser.add_subparsers(dest="command", required=True)
    names = [COMMANDS[command]] if command in COMMANDS else MODULE_NAMES  # unknown or none: all, for the usage
    for module in command_modules(names):
        module.register(sub)
    translated_help(parser, lang)
    return parser


def translated_help(parser: argparse.ArgumentParser, lang: str, path: tuple[str, ...] = ()) -> None:
    """Put the help texts of `parser` and its subcommands in `lang`: the catalogue's `cli.help.<path>` entry
    ('cli.help.report build --period') where there is one; the command module's own (English) text otherwise."""
    from hue57.i18n import CATALOGUE  # noqa: PLC0415

    def text(key: str, fallback):
        for found in (key, key.rsplit(" ", 1)[-1]):  # a command's own entry, else the shared option's (--format)
            if f"cli.help.{found}" in CATALOGUE and (found == key or found in _SHARED_HELP):
                return t(f"cli.help.{found}", lang)
        return fallback

    if not path:
        parser.description = t("cli.description", lang)
    for action in parser._actions:  # noqa: SLF001 — argparse keeps its actions here, and nowhere public
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for choice in action._choices_actions:  # noqa: SLF001
                choice.help = text(" ".join((*path, choice.dest)), choice.help)
            for name, subparser in action.choices.items():
                translated_help(subparser, lang, (*path, name))
        elif not isinstance(action, argparse._HelpAction) and action.help is not argparse.SUPPRESS:  # noqa: SLF001
            name = action.option_strings[-1] if action.option_strings else action.dest
            action.help = text(" ".join((*path, name)), action.help)


# argparse's own messages (its gettext ids) → our catalogue's keys
ARGPARSE_WORDS = {
    "usage: ": "cli.argparse.usage", "positional arguments": "cli.argparse.positional",
    "options": "cli.argparse.options", "show this help message and exit": "cli.argparse.help",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized", "expected one argument": "cli.argparse.expected_one",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
}


@contextlib.contextmanager
def _argparse_words(lang: str):
    """argparse's own words ("usage:", "options", its errors) in `lang` while parsing and printing help."""
    from hue57.i18n import CATALOGUE  # noqa: PLC0415

    original = argparse._  # noqa: SLF001

    def words(message: str) -> str:
        key = ARGPARSE_WORDS.get(message)
        return t(key, lang) if key in CATALOGUE else original(message)

    argparse._ = words  # noqa: SLF001
    try:
        yield
    finally:
        argparse._ = original  # noqa: SLF001


def _lang_of(argv: Sequence[str]) -> str:
    """The messages' language: the last global `--lang` (before the command word), else $HUE57_LANG, else vi."""
    lang = os.environ.get("HUE57_LANG", "vi")
    command = command_of(argv)
    for i, word in enumerate(argv):
        if word == command:
            break
        if word == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif word.startswith("--lang="):
            lang = word.split("=", 1)[1]
    return normalise_lang(lang)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = command_of(argv)
    argv = global_options_first(argv, _own_options(build_parser(command), argv))
    lang = _lang_of(argv)
    with _argparse_words(lang):  # argparse writes "options", "usage:" … when the parser is made and when it prints
        parser = build_parser(command, lang)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # argparse already printed the usage error
            return 0 if exc.code == 0 else 2
    args.lang = normalise_lang(args.lang)
    # audit lines beside the messages (never in the data a command prints on stdout), see `audit.cli_stream`
    audit.use_stream(audit.cli_stream(sys.stderr))
    audit.use_origin("cli", who=default_user())
    OPTIONS.update(lang=args.lang, wide=args.wide)
    func: Callable = args.func
    try:
        if args.command not in PLAN_FREE:  # a database of another plan than the folder in effect: refused
            store.check_plan(args.db)
        func(args)
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except store.DatabaseMissing as exc:
        print(t("error.db_missing", args.lang, path=exc), file=sys.stderr)
        return 2
    except store.DatabaseBusy:
        print(t("error.db_busy", args.lang), file=sys.stderr)
        return 2
    except store.DatabaseNewer as exc:
        print(t("error.db_newer", args.lang, found=exc.found, supported=exc.supported), file=sys.stderr)
        return 2
    except PlanFileError as exc:
        print(t("plan.folder_broken", args.lang, folder=exc.path.parent, reason=str(exc)), file=sys.stderr)
        return 2
    except store.PlanMismatch as exc:
        print(t("plan.mismatch", args.lang, path=store.db_path(args.db), found=exc.found, wanted=exc.wanted,
                folder=exc.folder), file=sys.stderr)
        return 2
    except store.StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug, not the user's fault: say so briefly, keep the trace for developers
        if os.environ.get("HUE57_DEBUG"):
            raise
        print(t("error.unexpected", args.lang) + f" ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
    finally:
        audit.use_stream(None)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
