"""Cached reads for the pages: one store read per data change, shared by every session.

The file's modification time tells cheaply that something was written; the data version (newest
committed upload) tells whether it was data. Heavy caches key on the version only.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from hue57 import briefing, calendar, charts, metrics, reporting, share, store, tasks
from hue57.ui.views import overview as overview_view


def _file_signature(path) -> tuple:
    """Changes whenever a commit lands (DuckDB rewrites the file or its WAL)."""
    sig = []
    for p in (path, f"{path}.wal"):
        try:
            s = os.stat(p)
            sig.append((s.st_mtime_ns, s.st_size))
        except FileNotFoundError:
            sig.append(None)
    return tuple(sig)


@st.cache_resource(show_spinner=False, max_entries=8)
def _version(path: str, signature: tuple) -> tuple:
    """The data's version: the newest committed upload, when the database was created, and the agencies'
    reports (a draft or a submission changes the briefing without an upload). A write that changes none of
    these (a meeting link's open count, a sign-in record) changes the file but not this."""
    with store.connect(path) as con:
        newest = store.latest_upload_id(con)
        created = con.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
        reports = con.execute("SELECT count(*), max(updated_at) FROM submissions").fetchone()
    return newest, created[0] if created else None, reports


# A resource, not data: sessions share one read-only Snapshot instead of unpickling a copy per run.
# Pages never assign into its frames (pandas copy-on-write keeps derived frames separate).
@st.cache_resource(show_spinner=False, max_entries=16)
def _load(path: str, as_of_upload: int | None, version: tuple) -> store.Snapshot:
    return store.load(path, as_of_upload)


@st.cache_resource(show_spinner=False)
def _migrated(path: str) -> bool:
    migrated = store.ensure_current(path)
    store.check_plan(path)  # a database of another plan than the server's folder: refused (store.PlanMismatch)
    return migrated


def schema_ready() -> None:
    """Migrate a database left by an older hue57 and check it belongs to the server's plan folder, once per
    server process (a no-op read afterwards; a refusal is raised again on every run, never cached)."""
    _migrated(str(store.db_path()))


def _key(as_of_upload: int | None) -> tuple:
    path = str(store.db_path())
    return path, as_of_upload, _version(path, _file_signature(path))


def snapshot(as_of_upload: int | None = None) -> store.Snapshot:
    """The data as of `as_of_upload` (newest when None); re-read only after new data was committed."""
    return _load(*_key(as_of_upload))


@st.cache_resource(show_spinner=False, max_entries=64)
def _values(path: str, as_of_upload: int | None, version: tuple, indicator: str) -> pd.DataFrame:
    return store.current_values(path, [indicator], as_of_upload)


def indicator_values(indicator: str, as_of_upload: int | None = None) -> pd.DataFrame:
    """The current value of each year of one indicator, with source and upload (undone values left out)."""
    return _values(*_key(as_of_upload), indicator)


@st.cache_resource(show_spinner=False, max_entries=32)
def _board(path: str, as_of_upload: int | None, version: tuple, year: int):
    return briefing.board_for(_load(path, as_of_upload, version), year)


def board(as_of_upload: int | None, year: int):
    """Every target assessed for `year`, with names, group, agencies, progress and sources (see
    `briefing.target_board`); computed once per data change and year, shared by every session."""
    return _board(*_key(as_of_upload), year)


# Verified once per link, file state and day, shared by every session: a meeting's viewers all open the
# same link, and re-reading its row per viewer and per rerun is a database connection each. A write
# (revocation, a new link, a flushed open count) changes the file's signature, so a revoked link is
# refused from the next run on; the day in the key ends a link after its last day. Refusals are not cached.
@st.cache_resource(show_spinner=False, max_entries=64)
def _link(path: str, signature: tuple, token: str, today) -> share.LinkView:
    return share.open_link(path, token, count=False, today=today, load=snapshot)


def link(token: str) -> share.LinkView:
    """The verified meeting link (its `snapshot` from the shared cache), or `share.InvalidLink`."""
    path = str(store.db_path())
    return _link(path, _file_signature(path), token, calendar.today())


@st.cache_resource(show_spinner=False, max_entries=16)
def _changes(path: str, previous: int, current: int, version: tuple, year: int) -> pd.DataFrame:
    return share.changes_between(_load(path, previous, version), _load(path, current, version), metrics.assess, year)


def meeting_changes(previous: int, current: int, year: int) -> pd.DataFrame:
    """What changed between the snapshots of two meetings (`share.changes_between`), computed once per data
    version and shared by every session: a whole meeting opens the overview at once."""
    path, _, version = _key(None)
    return _changes(path, previous, current, version, year)


@st.cache_resource(show_spinner=False, max_entries=8)
def _links(path: str, signature: tuple):
    return share.list_links(path, flush=False)


def links():
    """The meeting links (for 'changes since the previous meeting'), re-read only after the file changed."""
    path = str(store.db_path())
    return _links(path, _file_signature(path))


@dataclass(frozen=True)
class OverviewView:
    """Everything the overview draws for one data version, year, filter set, day and language."""

    shown: pd.DataFrame       # the board rows that match the filters
    counts: list              # (status label, count) per status
    attention: dict           # group → rows (`briefing.attention`), worst first, empty groups left out
    gaps: pd.DataFrame        # `briefing.gap_rows`: each target with data on its own scale, worst first
    bars: pd.DataFrame        # the gap chart image's rows (at most charts.GAP_CHART_ROWS)
    chart: object             # the Altair gap chart (PNG export, compiled report)
    table: pd.DataFrame       # the scorecard as shown and exported
    agencies: pd.DataFrame    # names for the attention block
    period: str               # the reporting period whose missing reports are listed ('6 tháng cuối năm 2026')
    # The report's HTML per set of link parameters, built by the first session that draws it
    # (`ui.overview_report`): every participant of a meeting gets the same block without rebuilding it.
    html: dict = field(default_factory=dict, compare=False, repr=False)


@st.cache_resource(show_spinner=False, max_entries=64)
def _overview(path: str, as_of_upload: int | None, version: tuple, year: int, filters: tuple,
              lang: str, today: dt.date) -> OverviewView:
    snap = _load(path, as_of_upload, version)
    shown = briefing.filter_board(_board(path, as_of_upload, version, year), **dict(filters))
    task_table = tasks.task_table(snap.tasks, snap.progress, snap.agencies, today)
    agency = dict(filters).get("agency", "")
    reports = briefing.owed_reports(reporting.report_states(path, tasks.current_period(today), today, snap=snap))
    if agency:
        reports = reports[reports["agency_id"] == agency]
    gaps = briefing.gap_rows(shown)
    bars = charts.gap_chart_frame(gaps, lang)
    return OverviewView(shown, overview_view.board_status_counts(shown, lang),
                        briefing.attention(shown, task_table, reports, agency), gaps, bars, charts.gap_bars(bars, lang),
                        overview_view.scorecard(shown, lang), snap.agencies,
                        tasks.period_label(tasks.current_period(today), lang))


def overview(as_of_upload: int | None, year: int, lang: str, **filters: str) -> OverviewView:
    """The overview's tables and chart, built once per data change and view and shared by every session
    (a meeting's participants all open the same view)."""
    return _overview(*_key(as_of_upload), year, tuple(sorted(filters.items())), lang, calendar.today())
