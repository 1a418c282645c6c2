"""The command line: each command parses its arguments, calls one library function and prints.

Exit 0 on success, 2 on invalid input or a refused action (reason on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence

import pandas as pd

from hue57 import store
from hue57.export import neutralise
from hue57.i18n import normalise_lang, t

FORMATS = ("table", "csv", "json")


class UserError(Exception):
    """Bad input or a refused action: printed to stderr, exit 2."""


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


# --- commands -----------------------------------------------------------------------------------

def cmd_init(args) -> None:
    result = store.init(args.db)
    key = "cli.init.created" if result.created else "cli.init.exists"
    print(t(key, args.lang, path=result.path, targets=result.targets, tasks=result.tasks,
            agencies=result.agencies, actuals=result.actuals))


TARGET_COLUMNS = ["code", "parent", "name_vi", "name_en", "unit", "horizon", "comparator", "value",
                  "value_hi", "relative_to", "agency", "text_vi", "indicator", "unit_vi"]


def cmd_targets(args) -> None:
    emit(store.load(args.db).targets[TARGET_COLUMNS], args.format)


def cmd_tasks(args) -> None:
    snap = store.load(args.db)
    from hue57 import tasks as task_logic  # noqa: PLC0415 — optional until the tracker lands

    on = _parse_date(args.as_of) if args.as_of else dt.date.today()
    frame = task_logic.task_table(snap.tasks, snap.progress, on) if hasattr(task_logic, "task_table") \
        else snap.tasks
    columns = ["no", "group", "title_vi", "lead_agency", "coordinating", "output", "deadline_text"]
    extra = [c for c in ("start_date", "due_date", "recurring", "status") if c in frame.columns]
    emit(frame[columns + extra], args.format)


def cmd_actuals(args) -> None:
    frame = store.load(args.db).actuals
    if args.code:
        frame = frame[frame["code"] == args.code]
    emit(frame[["code", "year", "value", "status", "source", "note", "upload_id"]], args.format)


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(t("cli.error.date", "vi", value=text)) from exc


# --- wiring -------------------------------------------------------------------------------------

def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m hue57", description="hue57 — Resolution-57 plan tracker")
    parser.add_argument("--db", default=None, help="database file (default: $HUE57_DB or data/hue57.duckdb)")
    parser.add_argument("--lang", default=os.environ.get("HUE57_LANG", "vi"), help="vi | en (messages)")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("init", help="create the database from data/").set_defaults(func=cmd_init)
    p = sub.add_parser("targets", help="Appendix I targets")
    _add_format(p)
    p.set_defaults(func=cmd_targets)
    p = sub.add_parser("tasks", help="Appendix II tasks")
    p.add_argument("--as-of", default=None, help="status date YYYY-MM-DD (default: today)")
    _add_format(p)
    p.set_defaults(func=cmd_tasks)
    p = sub.add_parser("actuals", help="current actual values with their sources")
    p.add_argument("--code", default=None)
    _add_format(p)
    p.set_defaults(func=cmd_actuals)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage error
        return 0 if exc.code == 0 else 2
    args.lang = normalise_lang(args.lang)
    func: Callable = args.func
    try:
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
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
