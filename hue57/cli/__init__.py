"""The command line: each command parses its arguments, calls one library function and prints.

Commands live in one small module per concern (`_plan`, …), each with a `register(subparsers)`. A run
imports only the module of the command it runs (`COMMANDS`): `targets` must not pay for Altair,
pandera or Streamlit, which other commands need (`tests/test_cli_imports.py` holds that line).

Exit 0 on success, 2 on invalid input or a refused action (reason on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

import pandas as pd

from hue57 import audit, store
from hue57.export import neutralise
from hue57.i18n import normalise_lang, t
from hue57.plan_facts import PlanFileError

FORMATS = ("table", "csv", "json")


class UserError(Exception):
    """Bad input or a refused action: printed to stderr, exit 2."""


def default_user() -> str:
    """Who `--by` means when it is not given: `$HUE57_USER`, else the login name."""
    try:
        return os.environ.get("HUE57_USER") or getpass.getuser() or "cli"
    except (KeyError, OSError):  # no passwd entry and no USER/LOGNAME in some containers
        return "cli"


def parse_date(text: str, lang: str = "vi") -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(t("cli.error.date", lang, value=text)) from exc


def emit(frame: pd.DataFrame, fmt: str, out=None) -> None:
    """Print a frame as an aligned table, CSV (formula cells neutralised) or JSON records."""
    out = out or sys.stdout
    if fmt == "csv":
        neutralise(frame).to_csv(out, index=False, lineterminator="\n")
    elif fmt == "json":
        out.write(frame.to_json(orient="records", force_ascii=False, date_format="iso") + "\n")
    elif frame.empty:
        out.write("(" + ", ".join(map(str, frame.columns)) + ")\n")
    else:
        shown = frame.astype(object).where(frame.notna(), "")
        out.write(shown.to_string(index=False, max_colwidth=60) + "\n")


# --- wiring -------------------------------------------------------------------------------------

def add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table")


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
_GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--lang")


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


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; for a known `command`, with only that command's module registered (and imported)."""
    parser = argparse.ArgumentParser(prog="python -m hue57", description="hue57 — plan tracker (targets, tasks, reports)")
    parser.add_argument("--db", default=None, help="database file (default: $HUE57_DB or data/hue57.duckdb)")
    parser.add_argument("--lang", default=os.environ.get("HUE57_LANG", "vi"), help="vi | en (messages)")
    sub = parser.add_subparsers(dest="command", required=True)
    names = [COMMANDS[command]] if command in COMMANDS else MODULE_NAMES  # unknown or none: all, for the usage
    for module in command_modules(names):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_of(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage error
        return 0 if exc.code == 0 else 2
    args.lang = normalise_lang(args.lang)
    # audit lines beside the messages (never in the data a command prints on stdout), see `audit.cli_stream`
    audit.use_stream(audit.cli_stream(sys.stderr))
    audit.use_origin("cli", who=f"cli:{default_user()}")
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
