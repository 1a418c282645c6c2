"""Meeting-link open counts kept in memory and written in one batch, so a meeting's viewers never each write.

Why batched, not one write per open nor first-open only: 30 participants opening a link at once used to
be 30 write transactions on the one database file (each a lock that readers wait behind, and a changed
file that sent every session's cache check back to the database; under load some viewers got "database
busy" and no data). Counting in memory keeps the `opened` column's meaning (sessions that opened the
link) at the cost of one write per `FLUSH_AFTER` seconds of opens. What a crash can lose is a few
seconds of a statistic, never data. A flush that finds the file busy keeps its counts and tries again
later; one whose file is gone (or broken) drops them (a count never creates a database).

Counts are per process: the dashboard's server counts its viewers; `list_links` (the share page, the
CLI's `share list`) writes this process's pending counts first, so what it lists includes them.
"""

from __future__ import annotations

import atexit
import threading
from collections import Counter

import duckdb

from hue57 import store
from hue57.store import _share as rows

FLUSH_AFTER = 5.0  # seconds from the first unwritten open to its write

_lock = threading.Lock()
_writing = threading.Lock()  # one flush at a time; exit waits for a timed flush under way
_pending: dict[str, Counter] = {}  # database file → link id → opens not yet written
_timer: threading.Timer | None = None


def _key(db) -> str:
    return str(store.db_path(db))


def note_open(db, link_id: int) -> None:
    """Count one open of link `link_id`; written within `FLUSH_AFTER` seconds, with every other pending open."""
    global _timer
    with _lock:
        _pending.setdefault(_key(db), Counter())[int(link_id)] += 1
        if _timer is None:
            _timer = threading.Timer(FLUSH_AFTER, _flush_from_timer)
            _timer.daemon = True
            _timer.start()


def pending(db=None) -> dict[int, int]:
    """Opens counted but not yet written, for one database file (default: `HUE57_DB`)."""
    with _lock:
        return dict(_pending.get(_key(db), {}))


def flush(db=None, *, every: bool = False) -> bool:
    """Write the pending opens of one database file (or of `every` file); True when nothing is left pending."""
    with _writing:
        return _flush(db, every)


def _flush(db, every: bool) -> bool:
    with _lock:
        keys = list(_pending) if every else [_key(db)]
        batches = {k: _pending.pop(k) for k in keys if k in _pending}
    done = True
    for path, counts in batches.items():
        try:
            rows.add_share_opens(path, dict(counts))
        except store.DatabaseBusy:
            done = False
            with _lock:  # busy: keep them for the next flush
                _pending.setdefault(path, Counter()).update(counts)
        except (store.StoreError, duckdb.Error, OSError):
            pass  # the file is gone or unusable: a statistic is not worth an error
    return done


def stop_timer() -> None:
    """Cancel the scheduled write (pending opens stay pending until the next `note_open` or `flush`)."""
    global _timer
    with _lock:
        if _timer is not None:
            _timer.cancel()
            _timer = None


def _flush_from_timer() -> None:
    global _timer
    with _lock:
        _timer = None
    if not flush(every=True):
        with _lock:
            if _timer is None and _pending:
                _timer = threading.Timer(FLUSH_AFTER, _flush_from_timer)
                _timer.daemon = True
                _timer.start()


def _at_exit() -> None:
    # A daemon thread still inside DuckDB when the interpreter ends aborts the process: stop the timer,
    # wait for a flush under way, and write what is left from here.
    stop_timer()
    flush(every=True)


atexit.register(_at_exit)
