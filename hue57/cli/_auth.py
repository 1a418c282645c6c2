"""Commands for accounts and their sign-ins: user add, user list, logins."""

from __future__ import annotations

import datetime as dt
import getpass
import sys

from hue57 import auth, calendar
from hue57.cli import UserError, add_format, emit
from hue57.i18n import t


def _password(name: str, lang: str) -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(t("auth.user.password_prompt", lang, name=name))
        if getpass.getpass(t("auth.user.password_again", lang)) != first:
            raise UserError(t("auth.user.password_mismatch", lang))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_user_add(args) -> None:
    password = _password(args.name, args.lang)
    try:
        auth.add_user(args.db, args.name, args.role, password, agency_id=args.agency)
    except auth.UserRefused as exc:
        raise UserError(t(exc.key, args.lang, **exc.params)) from exc
    print(t("auth.user.added", args.lang, name=args.name.strip(), role=t(f"auth.role.{args.role}", args.lang)))


def cmd_user_list(args) -> None:
    emit(auth.list_users(args.db), args.format)


def cmd_logins(args) -> None:
    """Sign-in attempts, newest first; times in local time like the page."""
    since = None
    if args.days is not None:
        since = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=args.days)
    frame = auth.login_attempts(args.db, since=since, limit=args.limit)
    frame["at"] = [calendar.local(a.to_pydatetime()).strftime("%Y-%m-%d %H:%M:%S") for a in frame["at"]]
    emit(frame, args.format)


def register(sub) -> None:
    p = sub.add_parser("user", help="accounts for the pages that need a sign-in")
    users = p.add_subparsers(dest="user_command", required=True)
    q = users.add_parser("add", help="create an account (password from a prompt, or stdin when piped)")
    q.add_argument("name")
    q.add_argument("--role", choices=auth.ROLES, required=True)
    q.add_argument("--agency", default=None, help="for --role agency: its body's agency_id (data/agencies.csv)")
    q.set_defaults(func=cmd_user_add)
    q = users.add_parser("list", help="accounts (no secrets)")
    add_format(q)
    q.set_defaults(func=cmd_user_list)
    p = sub.add_parser("logins", help="sign-in attempts, newest first (at in local time, name, client, result)")
    p.add_argument("--days", type=float, default=None, help="only the last N days")
    p.add_argument("--limit", type=int, default=1000)
    add_format(p)
    p.set_defaults(func=cmd_logins)
