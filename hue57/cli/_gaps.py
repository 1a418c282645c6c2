"""`gaps`: the gap method over the store (or over a meeting link's pinned snapshot)."""

from __future__ import annotations

from hue57 import briefing, metrics, share, store
from hue57.cli import UserError, add_format, emit


def cmd_gaps(args) -> None:
    horizon, filters = args.horizon, {}
    if args.share:
        try:
            view, snap = share.snapshot_for_token(store.db_path(args.db), args.share)
        except share.InvalidLink as exc:
            raise UserError(exc.message(args.lang)) from exc
        year = view.as_of_year or briefing.default_as_of()
        filters = dict(view.filters)  # what the link's viewer sees: nothing on the command line widens it
        horizon = filters.pop("horizon", None)
    else:
        snap = store.load(args.db)
        year = args.as_of or briefing.default_as_of()
    board = briefing.filter_board(briefing.board_for(snap, year), horizon=str(horizon or ""), group=filters.get("group", ""),
                               agency=filters.get("agency", ""), status=filters.get("status", ""))
    emit(board[["name_vi", *metrics.OUTPUT_COLUMNS]].assign(as_of=year), args.format)


def register(sub) -> None:
    p = sub.add_parser("gaps", help="status, gap, rates and projection of every target")
    p.add_argument("--as-of", type=int, default=None, help="reporting year (default: this year)")
    p.add_argument("--horizon", type=int, choices=(2030, 2045), default=None)
    p.add_argument("--share", default=None, metavar="TOKEN", help="show what a meeting link shows")
    add_format(p)
    p.set_defaults(func=cmd_gaps)
