"""Commands for analysts' uploads: import, history, revert, template, user."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import pandas as pd

from hue57 import store
from hue57.cli import UserError, add_format, default_user, emit
from hue57.i18n import t

# `hue57.ingest` (pandera, openpyxl) is imported inside the commands that parse or write files, not here:
# `history` and `revert` must not pay for it. Its ROLES, repeated for the parser (a test keeps them equal).
USER_ROLES = ("analyst", "viewer")

HISTORY_COLUMNS = ["id", "at", "by", "filename", "sha256", "kind", "rows_total", "rows_new", "rows_changed",
                   "rows_unchanged", "status", "dry_run", "reverts"]


def _read_bytes(path: str, lang: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UserError(t("ingest.cli.no_file", lang, path=path, reason=exc.strerror or exc)) from exc


def _lines(table: pd.DataFrame, limit: int | None = None) -> str:
    """An error or notice table as aligned lines, messages never cut (a terminal wraps them)."""
    if table.empty:
        return ""
    shown = table.astype(object).where(table.notna(), "")
    if limit is not None:
        shown = shown.head(limit)
    cols = list(shown.columns)
    widths = [max(len(str(c)), *(len(str(v)) for v in shown[c])) for c in cols[:-1]]
    widths = [min(w, 40) for w in widths]

    def line(values) -> str:
        head = "  ".join(str(v)[:w].ljust(w) for v, w in zip(values[:-1], widths, strict=True))
        return f"{head}  {values[-1]}"

    return "\n".join([line(cols), *(line(list(r)) for r in shown.itertuples(index=False))])


def cmd_import(args) -> None:
    from hue57 import ingest

    data = _read_bytes(args.file, args.lang)
    outcome = ingest.import_file(args.db, data, Path(args.file).name, args.by or default_user(),
                                 dry_run=args.dry_run, lang=args.lang)
    if not outcome.ok:
        table = ingest.error_table(outcome.report, args.lang)
        if args.format == "table":
            limit = 200
            print(_lines(table, limit), file=sys.stderr)
            if len(table) > limit:
                print(t("ingest.summary.more_errors", args.lang, count=len(table) - limit), file=sys.stderr)
        else:
            emit(table, args.format, out=sys.stderr)
        raise UserError(ingest.summary(outcome, args.lang))
    print(ingest.summary(outcome, args.lang))
    notices = ingest.notice_table(outcome.report, args.lang)
    for message in notices.iloc[:, -1]:
        print("  · " + message)
    if args.diff:
        changes = ingest.diff_table(outcome, args.lang)
        emit(changes, args.format)


def cmd_history(args) -> None:
    frame = store.uploads(args.db)
    emit(frame[[c for c in HISTORY_COLUMNS if c in frame.columns]], args.format)


def _later_uploads(conflicts: pd.DataFrame, uploads: pd.DataFrame, lang: str) -> str:
    keys = [c for c in conflicts.columns if c != "upload_id"]
    lines = []
    for upload_id, group in conflicts.groupby("upload_id", sort=True):
        row = uploads.loc[uploads["id"] == upload_id].iloc[0]
        cells = ", ".join(" ".join(str(v) for v in rec) for rec in group[keys].itertuples(index=False))
        lines.append(t("ingest.revert.later_item", lang, id=int(upload_id), by=row["by"],
                       at=pd.Timestamp(row["at"]).strftime("%Y-%m-%d %H:%M"), filename=row["filename"],
                       cells=cells))
    return "\n".join(lines)


def cmd_revert(args) -> None:
    try:
        result = store.revert(args.db, args.id, args.by or default_user(), force=args.force)
    except store.RevertRefused as exc:
        later = _later_uploads(exc.conflicts, store.uploads(args.db), args.lang) if len(exc.conflicts) else ""
        raise UserError(t(f"ingest.revert.{exc.reason}", args.lang, id=args.id, later=later)) from exc
    if result.status == "committed":
        print(t("ingest.revert.done", args.lang, target=args.id, id=result.upload_id, changed=result.written))
    else:
        print(t("ingest.revert.nothing", args.lang, target=args.id))


def cmd_template(args) -> None:
    from hue57 import ingest

    targets = store.load(args.db).targets
    out = Path(args.out)
    data = ingest.template_xlsx(targets, args.lang) if out.suffix.lower() == ".xlsx" \
        else ingest.template_csv(targets, args.lang)
    out.write_bytes(data)
    rows = len(ingest.template_frame(targets, args.lang))
    print(t("ingest.cli.template_written", args.lang, path=out, rows=rows))


def _password(name: str, lang: str) -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(t("ingest.user.password_prompt", lang, name=name))
        if getpass.getpass(t("ingest.user.password_again", lang)) != first:
            raise UserError(t("ingest.user.password_mismatch", lang))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_user_add(args) -> None:
    from hue57 import ingest

    password = _password(args.name, args.lang)
    try:
        ingest.add_user(args.db, args.name, args.role, password)
    except ingest.UserRefused as exc:
        raise UserError(t(exc.key, args.lang, **exc.params)) from exc
    print(t("ingest.user.added", args.lang, name=args.name.strip(), role=t(f"ingest.role.{args.role}", args.lang)))


def cmd_user_list(args) -> None:
    from hue57.store._users import list_users  # noqa: PLC0415 — until store exports it

    emit(list_users(args.db), args.format)


def register(sub) -> None:
    p = sub.add_parser("import", help="validate and import a CSV/XLSX of actuals or task progress")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="validate and diff, write no data")
    p.add_argument("--by", default=None, help="who uploads (default: the OS user name)")
    p.add_argument("--diff", action="store_true", help="also print the changes row by row")
    add_format(p)
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("history", help="uploads, newest last")
    add_format(p)
    p.set_defaults(func=cmd_history)
    p = sub.add_parser("revert", help="undo an upload by a new upload restoring the earlier values")
    p.add_argument("id", type=int)
    p.add_argument("--by", default=None, help="who undoes (default: the OS user name)")
    p.add_argument("--force", action="store_true", help="undo even cells later uploads changed again")
    p.set_defaults(func=cmd_revert)
    p = sub.add_parser("template", help="write the upload template (.csv or .xlsx by the file name)")
    p.add_argument("out")
    p.set_defaults(func=cmd_template)
    p = sub.add_parser("user", help="accounts for the upload page")
    users = p.add_subparsers(dest="user_command", required=True)
    q = users.add_parser("add", help="create an account (password from a prompt, or stdin when piped)")
    q.add_argument("name")
    q.add_argument("--role", choices=USER_ROLES, required=True)
    q.set_defaults(func=cmd_user_add)
    q = users.add_parser("list", help="accounts (no secrets)")
    add_format(q)
    q.set_defaults(func=cmd_user_list)
