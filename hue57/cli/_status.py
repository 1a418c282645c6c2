"""`status`: database reachable, schema version, last upload, last backup and its age, signing secret set.

Exit 2 when the database cannot be opened (a monitor's check); a missing or old backup is a warning on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from hue57 import calendar
from hue57.cli import UserError
from hue57.config import settings
from hue57.i18n import fmt_datetime, t, tn

BACKUP_OLD = dt.timedelta(hours=36)  # a nightly backup missed once


def _age(age: dt.timedelta, lang: str) -> str:
    hours = int(age.total_seconds() // 3600)
    return tn("status.hours", hours, lang) if hours < 48 else tn("status.days", hours // 24, lang)


def _secret_source(db_secret: bool, lang: str) -> str | None:
    s = settings()
    if s.secret:
        return str(s.secret_file if s.secret_from == "secret_file" else
                   (s.config_file if s.secret_from == "secret" else s.secret_from))
    from hue57.share._links import SECRETS_FILES, _streamlit_secret  # noqa: PLC0415 — the pages' own fallback

    if _streamlit_secret():
        return str(next(p for p in SECRETS_FILES if p.is_file()))
    return t("status.secret.database", lang) if db_secret else None


def cmd_status(args) -> None:
    from hue57.store._health import health  # noqa: PLC0415

    lang = args.lang
    h = health(args.db, settings().backup_dir)
    secret = _secret_source(h.db_secret, lang) if h.reachable else None
    if args.format == "json":
        print(json.dumps(h.as_record() | {"secret_set": secret is not None}, ensure_ascii=False, indent=2))
    else:
        rows = [(t("status.db", lang), t(f"status.db.{h.db_state}", lang, path=h.db, reason=h.db_error))]
        if h.reachable:
            rows.append((t("status.schema", lang),
                         t("status.schema.value", lang, db=h.schema_version, code=h.code_schema_version)))
            up = h.last_upload
            rows.append((t("status.upload", lang), t("config.none", lang) if up is None else t(
                "status.upload.value", lang, id=up["id"], at=fmt_datetime(calendar.local(dt.datetime.fromisoformat(up["at"])), lang),
                by=up["by"], file=up["filename"])))
        if h.backup_dir is None:
            shown = t("status.backup.no_folder", lang)
        elif h.last_backup is None:
            shown = t("config.none", lang)
        else:
            shown = t("status.backup.value", lang, path=h.last_backup, at=fmt_datetime(calendar.now(h.last_backup_at), lang),
                      age=_age(h.backup_age, lang))
        rows.append((t("status.backup", lang), shown))
        if h.reachable:
            rows.append((t("status.secret", lang),
                         t("status.secret.set", lang, source=secret) if secret else t("config.unset", lang)))
        width = max(len(name) for name, _ in rows)
        for name, value in rows:
            print(f"{name.ljust(width)}  {value}")
    if h.backup_dir is not None and h.last_backup is None:
        print(t("status.warn.no_backup", lang), file=sys.stderr)
    elif h.backup_age is not None and h.backup_age > BACKUP_OLD:
        print(t("status.warn.backup_old", lang, age=_age(BACKUP_OLD, lang)), file=sys.stderr)
    if not h.reachable:
        raise UserError(t(f"status.db.{h.db_state}", lang, path=h.db, reason=h.db_error))


def register(sub) -> None:
    p = sub.add_parser("status", help="database reachable, schema version, last upload, last backup and its age, "
                                      "secret set (exit 2 when the database cannot be opened)")
    p.add_argument("--format", choices=("table", "json"), default=argparse.SUPPRESS, help="table | json")
    p.set_defaults(func=cmd_status)
