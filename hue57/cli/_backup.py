"""Commands for keeping the data safe: backup DIR, restore DIR [--force]."""

from __future__ import annotations

from hue57 import store
from hue57.cli import UserError
from hue57.i18n import fmt_int, t


def _refused(exc: store.BackupRefused, lang: str) -> UserError:
    return UserError(t(exc.key, lang, **exc.params))


def cmd_backup(args) -> None:
    try:
        result = store.backup(args.db, args.dir)
    except store.BackupRefused as exc:
        raise _refused(exc, args.lang) from exc
    print(t("backup.done", args.lang, path=result.path, version=result.schema_version,
            actuals=fmt_int(result.tables.get("actuals", 0), args.lang),
            uploads=fmt_int(result.tables.get("uploads", 0), args.lang)))


def cmd_restore(args) -> None:
    try:
        manifest = store.restore(args.db, args.dir, force=args.force, accept_foreign=args.accept_foreign)
    except store.BackupRefused as exc:
        raise _refused(exc, args.lang) from exc
    print(t("backup.restored", args.lang, path=store.db_path(args.db), created=manifest["created_at"],
            version=manifest["schema_version"], actuals=fmt_int(manifest["tables"].get("actuals", 0), args.lang)))


def register(sub) -> None:
    p = sub.add_parser("backup", help="write a consistent backup (Parquet + manifest) into a new directory; "
                                      "works while the dashboard serves")
    p.add_argument("dir")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="restore a backup into $HUE57_DB (refused when it exists, unless --force)")
    p.add_argument("dir")
    p.add_argument("--force", action="store_true", help="replace an existing database")
    p.add_argument("--accept-foreign", action="store_true",
                   help="restore a backup whose manifest this server did not sign (edited, or another server's)")
    p.set_defaults(func=cmd_restore)
