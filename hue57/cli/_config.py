"""`config check`: the effective settings (file, then environment over it), secrets masked, and what is wrong.

Refused (exit 2) when a secret file is missing, unreadable or readable by others, a secret is too short or
(with a configuration file) missing, a trusted proxy is not an address, the base URL is not http(s), the plan
or database folder does not exist, or `keep` is below 1. Notes (no SMTP, no backup folder) do not refuse.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from hue57 import config
from hue57.cli import UserError
from hue57.i18n import t, tn


def _finding(f, lang: str) -> str:
    """A finding's words: a count (`n`) through its plural forms."""
    if "n" in f.params:
        return tn(f.key, f.params["n"], lang, **{k: v for k, v in f.params.items() if k != "n"})
    return t(f.key, lang, **f.params)


def _masked(secret: str, source: str, lang: str) -> str:
    return tn("config.masked", len(secret), lang, source=source) if secret else t("config.unset", lang)


def effective(s: config.Settings, lang: str) -> list[tuple[str, str]]:
    """(setting, value as shown) for every setting; a secret shows only its length and where it came from."""
    none = t("config.none", lang)

    def shown(value) -> str:
        return none if value in (None, "", ()) else str(value)

    secret_source = s.secret_file if s.secret_from == "secret_file" else (
        s.config_file if s.secret_from == "secret" else s.secret_from)
    smtp_source = s.smtp.password_file or ("HUE57_SMTP_PASSWORD" if "HUE57_SMTP_PASSWORD" in os.environ else s.config_file)
    return [
        ("config", shown(s.config_file)),
        ("db", str(s.db)),
        ("plan", str(s.plan)),
        ("secret", _masked(s.secret, str(secret_source), lang)),
        ("secret_file", shown(s.secret_file)),
        ("base_url", s.base_url or t("config.default", lang)),
        ("trusted_proxies", ", ".join(s.trusted_proxies) or none),
        ("session_hours", f"{s.session_hours:g}"),
        ("smtp.host", shown(s.smtp.host)),
        ("smtp.port", str(s.smtp.port)),
        ("smtp.starttls", str(s.smtp.starttls).lower()),
        ("smtp.user", shown(s.smtp.user)),
        ("smtp.password", _masked(s.smtp.password, str(smtp_source), lang)),
        ("smtp.sender", shown(s.smtp.sender)),
        ("backup.dir", shown(s.backup_dir)),
        ("backup.keep", str(s.backup_keep)),
    ]


def cmd_config_check(args) -> None:
    try:
        s = config.settings()
    except config.ConfigError as exc:
        raise UserError(t("config.err.read", args.lang, reason=exc)) from exc
    rows = effective(s, args.lang)
    findings = config.check(s)
    errors = [f for f in findings if f.fatal]
    if args.format == "json":
        print(json.dumps({"settings": dict(rows),
                          "errors": [_finding(f, args.lang) for f in errors],
                          "notes": [_finding(f, args.lang) for f in findings if not f.fatal]},
                         ensure_ascii=False, indent=2))
    else:
        width = max(len(name) for name, _ in rows)
        for name, value in rows:
            print(f"{name.ljust(width)}  {value}")
    for f in findings:
        if not f.fatal:
            print(t("config.note", args.lang, text=_finding(f, args.lang)), file=sys.stderr)
    if errors:
        for f in errors:
            print(t("config.error", args.lang, text=_finding(f, args.lang)), file=sys.stderr)
        raise UserError(tn("config.refused", len(errors), args.lang))
    print(t("config.ok", args.lang), file=sys.stderr)


def register(sub) -> None:
    p = sub.add_parser("config", help="the configuration (hue57.toml via HUE57_CONFIG, environment over it)")
    verbs = p.add_subparsers(dest="config_command", required=True)
    c = verbs.add_parser("check", help="print the effective settings (secrets masked); exit 2 when one is unsafe")
    c.add_argument("--format", choices=("table", "json"), default=argparse.SUPPRESS, help="table | json")
    c.set_defaults(func=cmd_config_check)
