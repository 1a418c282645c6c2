"""`gaps`: the gap method over the store (or over a meeting link's pinned snapshot)."""

from __future__ import annotations

from hue57.cli import UserError, add_format, emit
from hue57.i18n import t


def cmd_gaps(args) -> None:
    # Imported here, not at the top: the gap method and the board are heavier than what `targets` needs.
    from hue57 import briefing, metrics, share, store

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
    emit(board[["name_vi", *metrics.OUTPUT_COLUMNS]].assign(as_of=year), args.format)


def register(sub) -> None:
    p = sub.add_parser("gaps", help="status, gap, rates and projection of every target")
    p.add_argument("--as-of", type=int, default=None, help="reporting year (default: this year)")
    p.add_argument("--horizon", type=int, default=None, help="one of the plan's horizons (e.g. 2030)")
    p.add_argument("--share", default=None, metavar="TOKEN", help="show what a meeting link shows")
    add_format(p)
    p.set_defaults(func=cmd_gaps)
