"""Commands for read-only meeting links: share create | list | revoke."""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

from hue57 import share
from hue57.cli import UserError, add_format, default_user, emit, parse_date
from hue57.i18n import fmt_date, t

LIST_COLUMNS = ["id", "created_at", "by", "upload_id", "as_of_year", "filters", "lang", "expires", "revoked",
                "opened", "state"]


def parse_filters(texts: list[str] | None, lang: str) -> dict[str, str]:
    """`K=V,K=V` (the option may repeat) as a dict; UserError on a pair without `=` or a repeated key."""
    filters: dict[str, str] = {}
    for text in texts or []:
        for pair in text.split(","):
            key, sep, value = pair.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or not key or not value or key in filters:
                raise UserError(t("share.cli.bad_filter", lang, value=pair.strip() or text))
            filters[key] = value
    return filters


def parse_upload(text: str | None, lang: str) -> int | None:
    if text is None or text.strip().lower() == "latest":
        return None
    if not text.strip().isdigit() or int(text) < 1:
        raise UserError(t("share.cli.bad_upload", lang, value=text))
    return int(text)


def parse_base_url(text: str | None, lang: str) -> str | None:
    """`--base-url` as given (None: `HUE57_BASE_URL` or the default); UserError unless http(s)://host[:port][/path]."""
    if text is None:
        return None
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise UserError(t("share.cli.bad_base_url", lang, value=text))
    return text.strip()


def cmd_create(args) -> None:
    base = parse_base_url(args.base_url, args.lang)
    upload_id = parse_upload(args.as_of_upload, args.lang)
    filters = parse_filters(args.filters, args.lang)
    try:
        link = share.create_link(args.db, upload_id=upload_id, as_of_year=args.as_of_year, filters=filters,
                                 lang=args.link_lang or args.lang, expires=parse_date(args.expires, args.lang),
                                 by=args.by or default_user(), base=base)
    except share.LinkRefused as exc:
        raise UserError(exc.message(args.lang)) from exc
    print(t("share.cli.created", args.lang, id=link.id, upload=link.upload_id,
            uploaded=fmt_date(link.uploaded_at, args.lang), expires=fmt_date(link.expires, args.lang)))
    print(link.url)
    if share.is_local(link.url):  # made, but no one else in the room can open it: say so, without failing
        print(t("share.cli.local", args.lang, host=urlsplit(link.url).hostname), file=sys.stderr)


def cmd_list(args) -> None:
    frame = share.list_links(args.db)[LIST_COLUMNS]
    frame["expires"] = [d.isoformat() for d in frame["expires"]]
    lang = args.lang
    emit(frame, args.format, brief=["id", "created_at", "by", "as_of_year", "expires", "opened", "state"],
         labels={"state": lambda v: t(f"share.state.{v}", lang), "lang": lambda v: t(f"lang.{v}", lang)},
         headers={c: t(f"share.col.{c}", lang) for c in LIST_COLUMNS if c not in ("upload_id", "revoked")})


def cmd_revoke(args) -> None:
    try:
        changed = share.revoke(args.db, args.id, args.by or default_user())
    except share.LinkRefused as exc:
        raise UserError(exc.message(args.lang)) from exc
    print(t("share.cli.revoked" if changed else "share.cli.already_revoked", args.lang, id=args.id))


def register(sub) -> None:
    p = sub.add_parser("share", help="read-only meeting links")
    actions = p.add_subparsers(dest="share_command", required=True)

    c = actions.add_parser("create", help="create a link; prints its URL as the last line")
    c.add_argument("--as-of-upload", default=None, metavar="N|latest", help="snapshot upload (default: latest)")
    c.add_argument("--as-of-year", type=int, default=None, metavar="Y", help="reporting year shown")
    c.add_argument("--filters", action="append", default=None, metavar="K=V,...",
                   help=f"filters shown, keys: {', '.join(sorted(share.FILTER_KEYS))}")
    c.add_argument("--lang", dest="link_lang", choices=("vi", "en"), default=None,
                   help="language of the link (default: the message language)")
    c.add_argument("--expires", required=True, metavar="YYYY-MM-DD", help="last day the link opens (local date)")
    c.add_argument("--by", default=None, help="who creates it (default: $HUE57_USER or the login name)")
    c.add_argument("--base-url", default=None, metavar="URL",
                   help="address the room opens, e.g. http://server-name:8501 (default: $HUE57_BASE_URL, "
                        "else http://localhost:8501, with a warning)")
    c.set_defaults(func=cmd_create)

    ls = actions.add_parser("list", help="every link, newest first")
    add_format(ls)
    ls.set_defaults(func=cmd_list)

    r = actions.add_parser("revoke", help="revoke a link for good")
    r.add_argument("id", type=int)
    r.add_argument("--by", default=None)
    r.set_defaults(func=cmd_revoke)
