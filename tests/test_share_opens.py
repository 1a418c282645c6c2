"""Meeting-link opens are counted in memory and written in one batch: no write per viewer, nothing lost
to a busy database, no database created by a count."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from hue57 import calendar, share, store
from hue57.share import _opens
from hue57.store import _share as rows


@pytest.fixture(autouse=True)
def _quiet_timer(monkeypatch):
    """No timed write unless a test asks for one; nothing pending carried between tests."""
    _opens.stop_timer()
    _opens.flush(every=True)
    monkeypatch.setattr(_opens, "FLUSH_AFTER", 600.0)
    yield
    _opens.stop_timer()
    _opens.flush(every=True)


def _link(db):
    return share.create_link(db, upload_id=None, as_of_year=2025, filters={}, lang="vi",
                             expires=calendar.today() + dt.timedelta(days=3), by="test")


def _opened(db, link_id) -> int:
    return int(share.list_links(db, flush=False).set_index("id").loc[link_id, "opened"])


def test_opens_are_written_in_one_batch_not_one_write_each(db, monkeypatch):
    a, b = _link(db), _link(db)
    writes = []
    real = rows.add_share_opens
    monkeypatch.setattr(rows, "add_share_opens", lambda path, opens, **kw: (writes.append(dict(opens)),
                                                                            real(path, opens, **kw)))
    before = (db.stat().st_mtime_ns, db.stat().st_size)
    for _ in range(30):
        share.open_link(db, a.token)
    share.open_link(db, b.token)
    share.open_link(db, b.token, count=False)
    assert (db.stat().st_mtime_ns, db.stat().st_size) == before and writes == []
    assert share.pending_opens(db) == {a.id: 30, b.id: 1}
    assert share.flush_opens(db)
    assert writes == [{a.id: 30, b.id: 1}]
    assert (_opened(db, a.id), _opened(db, b.id)) == (30, 1) and share.pending_opens(db) == {}


def test_concurrent_viewers_are_all_counted(db):
    link = _link(db)
    threads = [threading.Thread(target=lambda: [share.count_open(db, link.id) for _ in range(50)]) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert share.pending_opens(db) == {link.id: 400}
    share.flush_opens(db)
    assert _opened(db, link.id) == 400


def test_a_busy_database_keeps_the_counts_for_the_next_write(db, monkeypatch):
    link = _link(db)
    share.count_open(db, link.id)

    def busy(path, opens, **kw):
        raise store.DatabaseBusy(str(path))

    monkeypatch.setattr(rows, "add_share_opens", busy)
    assert not share.flush_opens(db)
    assert share.pending_opens(db) == {link.id: 1} and _opened(db, link.id) == 0
    monkeypatch.undo()
    share.count_open(db, link.id)
    assert share.flush_opens(db) and _opened(db, link.id) == 2


def test_a_count_never_creates_a_database(tmp_path):
    missing = tmp_path / "gone.duckdb"
    share.count_open(missing, 1)
    assert share.flush_opens(missing) and share.pending_opens(missing) == {}
    assert not missing.exists()


def test_the_timer_writes_pending_opens_by_itself(db, monkeypatch):
    link = _link(db)
    monkeypatch.setattr(_opens, "FLUSH_AFTER", 0.1)
    share.count_open(db, link.id)
    share.count_open(db, link.id)
    deadline = time.monotonic() + 10
    # the timer takes the counts out of `pending` before its write lands: wait for the write itself
    while _opened(db, link.id) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert share.pending_opens(db) == {} and _opened(db, link.id) == 2


def test_listing_links_includes_this_process_s_pending_opens(db):
    link = _link(db)
    share.open_link(db, link.token)
    assert share.list_links(db).set_index("id").loc[link.id, "opened"] == 1
