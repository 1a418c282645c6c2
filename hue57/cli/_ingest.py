"""Commands for analysts' uploads: import, history, revert, template."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from hue57 import calendar, store
from hue57.cli import UserError, add_format, default_user, emit
from hue57.i18n import t, tn

# `hue57.ingest` (pandera, openpyxl) is imported inside the commands that parse or write files, not here:
# `history` and `revert` must not pay for it. Its ROLES, repeated for the parser (a test keeps them equal).

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


def _print_table(table: pd.DataFrame, args) -> None:
    """Errors or warnings on stderr: aligned lines (the first 200), or every row as CSV/JSON."""
    if args.format == "table":
        limit = 200
        print(_lines(table, limit), file=sys.stderr)
        if len(table) > limit:
            print(t("ingest.summary.more_errors", args.lang, count=len(table) - limit), file=sys.stderr)
    else:
        emit(table, args.format, out=sys.stderr)


def cmd_import(args) -> None:
    from hue57 import ingest

    data = _read_bytes(args.file, args.lang)
    outcome = ingest.import_file(args.db, data, Path(args.file).name, args.by or default_user(),
                                 dry_run=args.dry_run, lang=args.lang, accept_warnings=args.accept_warnings)
    if not outcome.ok:
        _print_table(ingest.error_table(outcome.report, args.lang), args)
        if more := ingest.more_errors(outcome.report, args.lang):
            print(more, file=sys.stderr)
            print(_lines(ingest.error_kinds_table(outcome.report, args.lang)), file=sys.stderr)
        raise UserError(ingest.summary(outcome, args.lang))
    if outcome.status == "unconfirmed":
        _print_table(ingest.warning_table(outcome, args.lang), args)
        raise UserError(ingest.summary(outcome, args.lang))
    print(ingest.summary(outcome, args.lang))
    if len(outcome.warnings):
        print(tn("ingest.summary.warnings", len(outcome.warnings), args.lang, count=len(outcome.warnings)))
        for message in ingest.warning_table(outcome, args.lang).iloc[:, -1]:
            print("  ! " + message)
    notices = ingest.notice_table(outcome.report, args.lang)
    for message in notices.iloc[:, -1]:
        print("  · " + message)
    if args.diff:
        changes = ingest.diff_table(outcome, args.lang)
        emit(changes, args.format)


def cmd_history(args) -> None:
    """Uploads with times in local time, as the page shows them (ISO 8601 with +07:00)."""
    frame = store.uploads(args.db)
    frame["at"] = [_hue_time(a) for a in frame["at"]]
    frame = frame[[c for c in HISTORY_COLUMNS if c in frame.columns]]
    if args.format == "table":  # the brief table: local time to the minute, who, what each upload was, in words
        from hue57.i18n import CATALOGUE, upload_file_label, who_label  # noqa: PLC0415

        accounts = set(store.list_users(args.db)["name"])
        names = dict(zip(store.load(args.db).agencies["agency_id"], store.load(args.db).agencies["short_vi"],
                         strict=True)) if frame["filename"].astype(str).str.startswith("report ").any() else {}
        word = lambda key: t(key, args.lang) if key in CATALOGUE else key.rsplit(".", 1)[-1]  # noqa: E731
        frame = frame.assign(
            at=[a[:16].replace("T", "\u00a0") for a in frame["at"]],
            by=[who_label(b, accounts, args.lang) for b in frame["by"]],
            filename=[upload_file_label(f, k, args.lang, names) for f, k in zip(frame["filename"], frame["kind"],
                                                                                 strict=True)],
            kind=[word(f"upload.kind.{k}") for k in frame["kind"]],
            status=[word(f"upload.status.{s}") for s in frame["status"]])
    emit(frame, args.format, brief=["id", "at", "by", "filename", "kind", "rows_new", "rows_changed", "status"],
         headers={c: t(f"upload.col.{k}", args.lang) for c, k in
                  (("id", "id"), ("at", "at"), ("by", "by"), ("filename", "file"), ("kind", "kind"),
                   ("rows_new", "new"), ("rows_changed", "changed"), ("status", "status"))})


def _hue_time(at) -> str:
    return calendar.local(pd.Timestamp(at).to_pydatetime()).isoformat(timespec="seconds")


def _later_uploads(conflicts: pd.DataFrame, uploads: pd.DataFrame, lang: str) -> str:
    keys = [c for c in conflicts.columns if c != "upload_id"]
    lines = []
    for upload_id, group in conflicts.groupby("upload_id", sort=True):
        row = uploads.loc[uploads["id"].eq(upload_id).fillna(False).to_numpy(bool)].iloc[0]
        cells = ", ".join(" ".join(str(v) for v in rec) for rec in group[keys].itertuples(index=False))
        lines.append(t("ingest.revert.later_item", lang, id=int(upload_id), by=row["by"],
                       at=calendar.local(pd.Timestamp(row["at"]).to_pydatetime()).strftime("%Y-%m-%d %H:%M"),
                       filename=row["filename"],
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


def register(sub) -> None:
    p = sub.add_parser("import", help="validate and import a CSV/XLSX of actuals or task progress")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="validate and diff, write no data")
    p.add_argument("--by", default=None, help="who uploads (default: the OS user name)")
    p.add_argument("--diff", action="store_true", help="also print the changes row by row")
    p.add_argument("--accept-warnings", action="store_true",
                   help="import even values probably on the wrong scale (without it such a file exits 2)")
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
