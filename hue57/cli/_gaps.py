"""`gaps`: the gap method over the store (or over a meeting link's pinned snapshot)."""

from __future__ import annotations

from hue57.cli import UserError, add_format, emit
from hue57.i18n import t


def cmd_gaps(args) -> None:
    # Imported here, not at the top: the gap method and the board are heavier than what `targets` needs.
    import pandas as pd

    from hue57 import briefing, metrics, share, store
    from hue57.i18n import latest_text, status_label, target_text

    if args.share:
        try:
            view = share.open_link(store.db_path(args.db), args.share, count=False)
        except share.InvalidLink as exc:
            raise UserError(exc.message(args.lang)) from exc
        # What the link's viewer sees, filtered as the page filters it: nothing on the command line widens it.
        snap, year, filters = view.snapshot, view.year, view.board_filters()
    else:
        snap = store.load(args.db)
        known = sorted(int(h) for h in snap.targets["horizon"].dropna().unique())
        if args.horizon is not None and args.horizon not in known:
            raise UserError(t("cli.error.horizon", args.lang, value=args.horizon, known=", ".join(map(str, known))))
        year = args.as_of or briefing.default_as_of()
        filters = {"horizon": str(args.horizon or "")}
    board = briefing.filter_board(briefing.board_for(snap, year), **filters)
    frame = board[["name_vi", *metrics.OUTPUT_COLUMNS]].assign(as_of=year)
    if args.format == "table":  # the brief table an analyst reads: names, labels, the locale's numbers
        frame = frame.assign(name_vi=board["name_en" if args.lang == "en" else "name_vi"],
                             latest_value=[latest_text(r, args.lang) if pd.notna(r["latest_value"]) else ""
                                           for r in board.to_dict("records")],
                             target_value=[target_text(r, args.lang) for r in board.to_dict("records")])
    emit(frame, args.format, brief=GAPS_BRIEF, labels={"status": lambda s: status_label(s, args.lang)},
         headers=_headers(args.lang))


GAPS_BRIEF = ["code", "name_vi", "horizon", "status", "latest_value", "latest_year", "target_value"]


def _headers(lang: str) -> dict[str, str]:
    from hue57.i18n import t

    keys = {"code": "col.code", "name_vi": "col.name", "horizon": "col.horizon", "status": "col.status",
            "latest_value": "col.latest", "latest_year": "col.year", "target_value": "col.target"}
    return {c: t(k, lang) for c, k in keys.items()}


def register(sub) -> None:
    p = sub.add_parser("gaps", help="status, gap, rates and projection of every target")
    p.add_argument("--as-of", type=int, default=None, help="reporting year (default: this year)")
    p.add_argument("--horizon", type=int, default=None, help="one of the plan's horizons (e.g. 2030)")
    p.add_argument("--share", default=None, metavar="TOKEN", help="show what a meeting link shows")
    add_format(p)
    p.set_defaults(func=cmd_gaps)
