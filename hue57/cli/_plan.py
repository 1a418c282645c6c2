"""Commands over the plan itself: init, targets, tasks, actuals."""

from __future__ import annotations

import pandas as pd

from hue57 import calendar, store, tasks
from hue57.cli import add_format, emit, parse_date
from hue57.i18n import agency_label, fmt_date, fmt_percent, plan_text, t, task_status_label


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
    on = parse_date(args.as_of, args.lang) if args.as_of else calendar.today()
    table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, on)
    table["start_date"] = _iso(table["start_date"])
    table["due_date"] = _iso(table["due_date"])  # empty for recurring tasks
    if args.format == "table":  # the brief table an analyst reads: the lead agencies by name, statuses by label
        table["title_vi"] = [plan_text(r, "title_vi", args.lang) for r in table.to_dict("records")]
        table["lead_current"] = [agency_label(ids, snap.agencies, args.lang) for ids in table["lead_current"]]
    else:
        table["lead_current"] = table["lead_current"].map("|".join)
    emit(table[TASK_COLUMNS], args.format, brief=TASKS_BRIEF,
         labels={"status": lambda s: task_status_label(s, args.lang),
                 "due_date": lambda d: fmt_date(pd.Timestamp(d), args.lang, empty="") if d else "",
                 "progress_pct": lambda p: "" if p is None or p != p else fmt_percent(p, args.lang, 0)},
         headers={"no": t("tasks.col.no", args.lang), "title_vi": t("tasks.col.title", args.lang),
                  "status": t("tasks.col.status", args.lang), "due_date": t("tasks.col.due", args.lang),
                  "lead_current": t("tasks.col.lead_current", args.lang),
                  "progress_pct": t("tasks.col.progress", args.lang)})


TASKS_BRIEF = ["no", "title_vi", "status", "due_date", "lead_current", "progress_pct"]


TASK_COLUMNS = ["no", "group", "title_vi", "lead_agency", "coordinating", "output", "deadline_text", "start_date",
                "due_date", "recurring", "status", "lead_current", "last_period", "progress_pct"]


def _iso(dates):
    return dates.dt.strftime("%Y-%m-%d").fillna("")


def cmd_actuals(args) -> None:
    frame = store.load(args.db).actuals
    if args.code:
        frame = frame[frame["code"] == args.code]
    emit(frame[ACTUAL_COLUMNS], args.format)  # in plan order, as the store reads them (3 before 13)


# The first seven as before (scripts read them by position); a rank's basis and band after them.
ACTUAL_COLUMNS = ["code", "year", "value", "status", "source", "note", "upload_id", "basis", "band"]


def register(sub) -> None:
    sub.add_parser("init", help="create the database from data/").set_defaults(func=cmd_init)
    p = sub.add_parser("targets", help="Appendix I targets")
    add_format(p)
    p.set_defaults(func=cmd_targets)
    p = sub.add_parser("tasks", help="Appendix II tasks")
    p.add_argument("--as-of", default=None, help="status date YYYY-MM-DD (default: today)")
    add_format(p)
    p.set_defaults(func=cmd_tasks)
    p = sub.add_parser("actuals", help="current actual values with their sources")
    p.add_argument("--code", default=None)
    add_format(p)
    p.set_defaults(func=cmd_actuals)


