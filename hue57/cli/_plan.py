"""Commands over the plan itself: init, plan check, targets, tasks, actuals."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from hue57 import audit, calendar, store, tasks
from hue57.cli import UserError, add_format, emit, parse_date
from hue57.i18n import agency_label, fmt_date, fmt_percent, plan_text, t, task_status_label, tn


def cmd_init(args) -> None:
    folder = store.plan_dir(args.plan)  # --plan, else the setting (HUE57_PLAN, plan in hue57.toml, data/)
    problems = check_folder(folder)
    if problems:
        raise UserError(_problem_text(folder, problems, args.lang))
    try:
        result = store.init(args.db, data_dir=folder)
    except store.PlanMismatch as exc:
        audit.record("init", who=None, ok=False, plan=exc.wanted, database_plan=exc.found)
        raise
    audit.record("init", who=None, created=result.created, plan=result.plan, folder=str(folder.resolve()),
                 path=str(result.path))
    key = "cli.init.created" if result.created else "cli.init.exists"
    print(t(key, args.lang, path=result.path, targets=result.targets, tasks=result.tasks,
            agencies=result.agencies, actuals=result.actuals))
    if result.plan_changed:
        print(t("plan.changed", args.lang, folder=folder), file=sys.stderr)


def check_folder(folder: Path) -> list:
    from hue57.store._plan_check import check_plan_folder  # noqa: PLC0415

    return check_plan_folder(folder)


def _problem_text(folder: Path, problems: list, lang: str) -> str:
    lines = [tn("plan.check.count", len(problems), lang, folder=folder)]
    for p in problems:
        if p.row is not None:
            where = t("plan.check.where", lang, file=p.file, row=p.row, column=p.column)
        elif p.column:
            where = t("plan.check.where_key", lang, file=p.file, column=p.column)
        else:
            where = p.file
        lines.append(f"{where}: {t(f'plan.check.{p.kind}', lang, **p.values)}")
    return "\n".join(lines)


def cmd_plan_check(args) -> None:
    """List every problem of a plan folder (exit 2 when there is one); say what it holds when there is none."""
    folder = Path(args.folder)
    problems = check_folder(folder)
    if problems:
        raise UserError(_problem_text(folder, problems, args.lang))
    counts = {name: len(getattr(store, f"read_plan_{name}")(folder)) for name in ("targets", "tasks", "agencies", "actuals")}
    print(t("plan.check.ok", args.lang, folder=folder, **counts), file=sys.stdout)


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
    p = sub.add_parser("init", help="create the database from the plan folder")
    p.add_argument("--plan", default=None, metavar="DIR",
                   help="plan folder (default: $HUE57_PLAN, plan in hue57.toml, or data/); the server and the other "
                        "commands must then run with the same folder")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("plan", help="the plan folder")
    plan_sub = p.add_subparsers(dest="plan_command", required=True)
    q = plan_sub.add_parser("check", help="list every problem of a plan folder before init")
    q.add_argument("folder", metavar="DIR")
    q.set_defaults(func=cmd_plan_check)
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


