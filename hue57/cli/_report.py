"""`report`: the compiled six-monthly Word report (`report build`); other `report` verbs join this group."""

from __future__ import annotations

import sys
from pathlib import Path

from hue57.cli import UserError, default_user, parse_date
from hue57.i18n import normalise_lang, t


def cmd_report_build(args) -> None:
    from hue57 import report  # noqa: PLC0415 — python-docx and Altair load only for this command

    lang = normalise_lang(args.report_lang or args.lang)
    args.lang = lang  # a report asked for in English explains its refusals in English too
    on = parse_date(args.date, args.lang) if args.date else None
    proposals = Path(args.proposals).read_text(encoding="utf-8") if args.proposals else ""
    try:
        built = report.build_and_record(args.db, args.period, by=args.by, as_of_upload=args.as_of_upload, on=on,
                                        lang=lang, proposals=proposals, template=args.template)
    except report.ReportRefused as exc:
        raise UserError(str(exc)) from exc
    out = Path(args.output)
    out.write_bytes(built.data)
    print(t("report.cli.built", args.lang, id=built.report_id, period=built.content.inputs.period,
            upload=built.content.upload_id), file=sys.stderr)
    print(out)


def register(sub) -> None:
    group = sub.add_parser("report", help="the compiled six-monthly report to the People's Committee")
    verbs = group.add_subparsers(dest="report_command", required=True)
    p = verbs.add_parser("build", help="build the Word report for a period from one snapshot; prints the file's path")
    p.add_argument("--period", required=True, help="YYYY-H1 or YYYY-H2, e.g. 2026-H2")
    p.add_argument("--as-of-upload", type=int, default=None, metavar="N", help="the snapshot (default: newest upload)")
    p.add_argument("--lang", dest="report_lang", choices=("vi", "en"), default=None,
                   help="the report's language (default: the messages' language)")
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                   help="the report's date: task status and reports as of this day (default: today, within the period)")
    p.add_argument("--proposals", default=None, metavar="FILE", help="UTF-8 text of section IV (proposals)")
    p.add_argument("--template", default=None, metavar="DOCX", help="another template (default: data/templates/)")
    p.add_argument("--by", default=default_user(), help="who builds it (recorded)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx")
    p.set_defaults(func=cmd_report_build)
