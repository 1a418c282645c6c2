"""Keeps the server's garbage collection per page view cheap by moving long-lived objects out of its way.

Streamlit runs a full collection (`gc.collect(2)`) after every script run (`runner.postScriptGC`), and a
full collection walks every object the process tracks: with pandas, DuckDB, Altair and vl-convert
loaded that is ~150,000 objects and ~60 ms of CPU, two thirds of what one meeting participant's page
view cost the server (bench/meeting.py). Nearly all of them are modules, classes and functions that
live as long as the process. `gc.freeze()` moves everything alive into the permanent generation, which
collections skip, so each run's collection walks only what that run made and still frees its garbage.

Freezing happens at the start of a run, only when modules were imported since the last freeze (the
first views of each page, a handful of times per process), after a collection, so no garbage is frozen.
Later cached data (a new snapshot after an upload) is walked as before: a few objects, not thousands.
"""

from __future__ import annotations

import gc
import sys
import threading

_lock = threading.Lock()
_modules_at_freeze = 0


def freeze_long_lived() -> bool:
    """Collect, then freeze what is alive, if modules were imported since the last time; True when it froze."""
    global _modules_at_freeze
    with _lock:
        if len(sys.modules) == _modules_at_freeze:
            return False
        gc.collect()
        gc.freeze()
        _modules_at_freeze = len(sys.modules)
        return True
