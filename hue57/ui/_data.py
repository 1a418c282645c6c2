"""Cached reads for the pages: one store read per data change, shared by every session."""

from __future__ import annotations

import os

import streamlit as st

from hue57 import store


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


# A resource, not data: sessions share one read-only Snapshot instead of unpickling a copy per run.
# Pages never assign into its frames (pandas copy-on-write keeps derived frames separate).
@st.cache_resource(show_spinner=False, max_entries=16)
def _load(path: str, as_of_upload: int | None, signature: tuple) -> store.Snapshot:
    return store.load(path, as_of_upload)


def snapshot(as_of_upload: int | None = None) -> store.Snapshot:
    """The data as of `as_of_upload` (newest when None); re-read only after the file changed."""
    path = str(store.db_path())
    return _load(path, as_of_upload, _file_signature(path))
