"""Commands for accounts and their sign-ins: user add | passwd | reset | disable | enable | set | list |
add-agencies, and logins. The same functions as the accounts page (`hue57.auth`), run as "cli:<login>"."""

from __future__ import annotations

import datetime as dt
import getpass
import sys

import pandas as pd

from hue57 import audit, auth, calendar, store
from hue57.cli import UserError, add_format, default_user, emit
from hue57.i18n import t, tn

LIST_COLUMNS = ["name", "role", "agency", "state", "last_sign_in"]


def _password(name: str, lang: str) -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(t("auth.user.password_prompt", lang, name=name))
        if getpass.getpass(t("auth.user.password_again", lang)) != first:
            raise UserError(t("auth.user.password_mismatch", lang))
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _ready(args) -> str:
    """Bring the database to the code's schema; audit lines to stderr (stdout is for data and links); who acts."""
    store.ensure_current(args.db)
    audit.use_stream(sys.stderr)
    return f"cli:{default_user()}"


def _refused(exc: auth.UserRefused, lang: str) -> UserError:
    return UserError(t(exc.key, lang, **exc.params))


def _base_url(args) -> str:
    from hue57.share import base_url  # noqa: PLC0415

    return base_url(args.base_url)


def _expires(link: auth.AccountLink) -> str:
    return calendar.local(link.expires).strftime("%Y-%m-%d %H:%M")


def cmd_user_add(args) -> None:
    by = _ready(args)
    try:
        if args.link:
            link = auth.create_account(args.db, args.name, args.role, by=by, base_url=_base_url(args),
                                       agency_id=args.agency, email=args.email, days=args.days)
        else:
            auth.add_user(args.db, args.name, args.role, _password(args.name, args.lang), agency_id=args.agency,
                          email=args.email, by=by)
    except auth.UserRefused as exc:
        raise _refused(exc, args.lang) from exc
    print(t("auth.user.added", args.lang, name=args.name.strip(), role=t(f"auth.role.{args.role}", args.lang)),
          file=sys.stderr if args.link else sys.stdout)
    if args.link:
        print(t("auth.user.link", args.lang, name=link.name, expires=_expires(link)), file=sys.stderr)
        print(link.url)


def cmd_user_passwd(args) -> None:
    by = _ready(args)
    try:
        auth.set_password(args.db, args.name, _password(args.name, args.lang), by=by)
    except auth.UserRefused as exc:
        raise _refused(exc, args.lang) from exc
    print(t("auth.user.password_done", args.lang, name=args.name.strip()))


def cmd_user_reset(args) -> None:
    """A new one-time link: the last line of stdout is the link (the message goes to stderr)."""
    by = _ready(args)
    try:
        link = auth.new_link(args.db, args.name, by=by, base_url=_base_url(args), days=args.days)
    except auth.UserRefused as exc:
        raise _refused(exc, args.lang) from exc
    print(t("auth.user.link", args.lang, name=link.name, expires=_expires(link)), file=sys.stderr)
    print(link.url)


def _toggle(args, disabled: bool) -> None:
    by = _ready(args)
    try:
        auth.set_disabled(args.db, args.name, disabled, by=by)
    except auth.UserRefused as exc:
        raise _refused(exc, args.lang) from exc
    print(t("auth.user.disabled" if disabled else "auth.user.enabled", args.lang, name=args.name.strip()))


def cmd_user_disable(args) -> None:
    _toggle(args, True)


def cmd_user_enable(args) -> None:
    _toggle(args, False)


def cmd_user_set(args) -> None:
    """Change an account's agency binding and/or e-mail address."""
    by = _ready(args)
    if args.agency is None and args.email is None:
        raise UserError(t("auth.user.set_nothing", args.lang))
    try:
        if args.agency is not None:
            auth.set_agency(args.db, args.name, args.agency, by=by)
            print(t("auth.user.bound", args.lang, name=args.name.strip(), agency=args.agency))
        if args.email is not None:
            auth.set_email(args.db, args.name, args.email, by=by)
            print(t("auth.user.email_set", args.lang, name=args.name.strip()))
    except auth.UserRefused as exc:
        raise _refused(exc, args.lang) from exc


def cmd_user_add_agencies(args) -> None:
    """An account with a one-time link for every reporting agency that has none: name, agency, link as CSV/table."""
    by = _ready(args)
    links = auth.add_agency_accounts(args.db, by=by, base_url=_base_url(args), days=args.days)
    if links:
        print(tn("auth.user.agency_accounts", len(links), args.lang), file=sys.stderr)
    else:
        print(t("auth.user.agency_accounts_none", args.lang), file=sys.stderr)
    emit(pd.DataFrame({"name": [x.name for x in links], "agency": [x.agency_id for x in links],
                       "expires": [_expires(x) for x in links], "link": [x.url for x in links]}), args.format)


def account_list(db) -> pd.DataFrame:
    """`user list`: name, role, agency, state, last_sign_in (local time, empty when never)."""
    frame = auth.accounts(db)
    frame["last_sign_in"] = [calendar.local(pd.Timestamp(m).to_pydatetime()).strftime("%Y-%m-%d %H:%M")
                             if pd.notna(m) else "" for m in frame["last_sign_in"]]
    return frame[LIST_COLUMNS]


def cmd_user_list(args) -> None:
    store.ensure_current(args.db)
    emit(account_list(args.db), args.format)


def cmd_logins(args) -> None:
    """Sign-in attempts, newest first; times in local time like the page."""
    since = None
    if args.days is not None:
        since = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=args.days)
    frame = auth.login_attempts(args.db, since=since, limit=args.limit)
    frame["at"] = [calendar.local(a.to_pydatetime()).strftime("%Y-%m-%d %H:%M:%S") for a in frame["at"]]
    emit(frame, args.format)


def _link_options(q) -> None:
    q.add_argument("--base-url", default=None, help="where the link points (default: base_url in hue57.toml, "
                                                    "$HUE57_BASE_URL, else http://localhost:8501)")
    q.add_argument("--days", type=float, default=auth.LINK_DAYS, help="days the link works (default %(default)s)")


def register(sub) -> None:
    p = sub.add_parser("user", help="accounts for the pages that need a sign-in")
    users = p.add_subparsers(dest="user_command", required=True)
    q = users.add_parser("add", help="create an account: with --link, a one-time set-password link (printed); "
                                     "else a password from a prompt, or stdin when piped")
    q.add_argument("name")
    q.add_argument("--role", choices=auth.ROLES, required=True)
    q.add_argument("--agency", default=None, help="for --role agency: its body's agency_id (data/agencies.csv)")
    q.add_argument("--email", default=None, help="the account's e-mail address (reminders)")
    q.add_argument("--link", action="store_true", help="no password now: print a one-time set-password link")
    _link_options(q)
    q.set_defaults(func=cmd_user_add)
    q = users.add_parser("passwd", help="set NAME's password (prompt, or stdin when piped); its sessions end")
    q.add_argument("name")
    q.set_defaults(func=cmd_user_passwd)
    q = users.add_parser("reset", help="a new one-time set-password link for NAME (printed); its sessions end")
    q.add_argument("name")
    _link_options(q)
    q.set_defaults(func=cmd_user_reset)
    q = users.add_parser("disable", help="NAME may no longer sign in; its sessions end at their next page run")
    q.add_argument("name")
    q.set_defaults(func=cmd_user_disable)
    q = users.add_parser("enable", help="NAME may sign in again")
    q.add_argument("name")
    q.set_defaults(func=cmd_user_enable)
    q = users.add_parser("set", help="change NAME's agency (agency accounts) or e-mail address")
    q.add_argument("name")
    q.add_argument("--agency", default=None)
    q.add_argument("--email", default=None, help='the address ("" clears it)')
    q.set_defaults(func=cmd_user_set)
    q = users.add_parser("add-agencies", help="an account with a one-time link for every reporting agency "
                                              "(data/agencies.csv) that has none; prints name, agency, expires, link")
    _link_options(q)
    add_format(q)
    q.set_defaults(func=cmd_user_add_agencies)
    q = users.add_parser("list", help="accounts: name, role, agency, state, last_sign_in (no secrets)")
    add_format(q)
    q.set_defaults(func=cmd_user_list)
    p = sub.add_parser("logins", help="sign-in attempts, newest first (at in local time, name, client, result)")
    p.add_argument("--days", type=float, default=None, help="only the last N days")
    p.add_argument("--limit", type=int, default=1000)
    add_format(p)
    p.set_defaults(func=cmd_logins)
