"""Commands for keeping the data safe: backup [DIR] [--keep N], backup verify DIR, restore DIR [--force].

`backup DIR` writes DIR; with `--keep N` it also rotates DIR's parent (the newest N backups stay). `backup`
without DIR writes `[backup] dir`/YYYY-MM-DDTHHMMSS and rotates that folder to `--keep` or `[backup] keep`:
what the systemd timer runs. `backup verify DIR` is the restore drill (hue57.store._rotate).
"""

from __future__ import annotations

import sys

import pandas as pd

from hue57 import store
from hue57.cli import UserError, add_format, emit
from hue57.i18n import fmt_int, t, tn


def _refused(exc: store.BackupRefused, lang: str) -> UserError:
    return UserError(t(exc.key, lang, **exc.params))


def cmd_backup(args) -> None:
    if args.dir == "verify":
        return cmd_verify(args)
    if args.target is not None:
        raise UserError(t("cli.error.extra", args.lang, value=args.target))
    from hue57.config import settings  # noqa: PLC0415
    from hue57.store import _rotate  # noqa: PLC0415

    try:
        if args.dir is None:
            folder = settings().backup_dir
            if folder is None:
                raise UserError(t("backup.err.no_folder", args.lang))
            keep = args.keep if args.keep is not None else settings().backup_keep
            rotation = _rotate.backup_rotated(args.db, folder, keep)
            result = rotation.backup
        else:
            if args.keep is not None and args.keep < 1:  # refused before anything is written
                raise store.BackupRefused("backup.err.keep", keep=args.keep)
            result = store.backup(args.db, args.dir)
            rotation = _rotate.rotated(result, args.keep) if args.keep is not None else None
    except store.BackupRefused as exc:
        raise _refused(exc, args.lang) from exc
    print(t("backup.done", args.lang, path=result.path, version=result.schema_version,
            actuals=fmt_int(result.tables.get("actuals", 0), args.lang),
            uploads=fmt_int(result.tables.get("uploads", 0), args.lang)))
    if rotation is not None:
        print(tn("backup.kept", len(rotation.kept), args.lang, folder=result.path.parent))
        if rotation.removed:
            print(tn("backup.removed", len(rotation.removed), args.lang,
                     names=", ".join(p.name for p in rotation.removed)))
    return None


def cmd_verify(args) -> None:
    """The restore drill: restore into a temporary database, compare rows and checksums per table."""
    from hue57.store import _rotate  # noqa: PLC0415

    target = args.target
    if target is None:  # the newest in [backup] dir: what the nightly service checks after its backup
        from hue57.config import settings  # noqa: PLC0415

        found = _rotate.latest_backup(settings().backup_dir)
        if found is None:
            raise UserError(t("cli.error.verify_dir", args.lang))
        target = found[0]
    try:
        result = _rotate.verify(target)
    except store.BackupRefused as exc:
        raise _refused(exc, args.lang) from exc
    frame = pd.DataFrame([{"table": c.table, "rows_manifest": c.rows_expected, "rows_restored": c.rows_restored,
                           "checksum_manifest": c.checksum_expected, "checksum_restored": c.checksum_restored,
                           "ok": c.ok} for c in result.tables])
    emit(frame, args.format)
    if not result.ok:
        failed = [c.table for c in result.tables if not c.ok]
        raise UserError(tn("backup.verify.failed", len(failed), args.lang, path=result.path,
                           tables=", ".join(failed)))
    key = "backup.verify.ok" if result.checksums_compared else "backup.verify.ok_counts"
    print(tn(key, len(result.tables), args.lang, path=result.path, created=result.created_at), file=sys.stderr)


def cmd_restore(args) -> None:
    try:
        manifest = store.restore(args.db, args.dir, force=args.force, accept_foreign=args.accept_foreign)
    except store.BackupRefused as exc:
        raise _refused(exc, args.lang) from exc
    print(t("backup.restored", args.lang, path=store.db_path(args.db), created=manifest["created_at"],
            version=manifest["schema_version"], actuals=fmt_int(manifest["tables"].get("actuals", 0), args.lang)))


def register(sub) -> None:
    p = sub.add_parser("backup", help="write a consistent backup (Parquet + manifest) into a new directory; "
                                      "works while the dashboard serves. `backup verify DIR`: the restore drill")
    p.add_argument("dir", nargs="?", default=None,
                   help="the new backup's directory (default: [backup] dir/YYYY-MM-DDTHHMMSS), or `verify`")
    p.add_argument("target", nargs="?", default=None, help="after `verify`: the backup to check")
    p.add_argument("--keep", type=int, default=None,
                   help="then keep only the newest N backups beside it (without DIR: default [backup] keep)")
    add_format(p)
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="restore a backup into $HUE57_DB (refused when it exists, unless --force)")
    p.add_argument("dir")
    p.add_argument("--force", action="store_true", help="replace an existing database")
    p.add_argument("--accept-foreign", action="store_true",
                   help="restore a backup whose manifest this server did not sign (edited, or another server's)")
    p.set_defaults(func=cmd_restore)
