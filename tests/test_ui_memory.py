"""The server's collection after each page view stays cheap: long-lived objects are frozen once modules
were imported, never garbage, and never on every run."""

from __future__ import annotations

import gc
import sys
import types

from hue57.ui import _memory


def test_freezes_after_new_imports_only_and_never_freezes_garbage(monkeypatch):
    monkeypatch.setattr(_memory, "_modules_at_freeze", 0)
    try:
        class Cycle:
            pass

        garbage = Cycle()
        garbage.me = garbage  # a reference cycle: only the collector frees it
        probe = garbage.__class__
        del garbage
        assert _memory.freeze_long_lived()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the modules, classes and functions of the loaded packages
        assert not any(type(o) is probe for o in gc.get_objects())  # collected before the freeze
        assert not _memory.freeze_long_lived()  # nothing imported since: no new freeze on the next run
        assert gc.get_freeze_count() == frozen
        monkeypatch.setitem(sys.modules, "hue57_test_new_module", types.ModuleType("hue57_test_new_module"))
        assert _memory.freeze_long_lived()  # a page imported something new: freeze again
    finally:
        gc.unfreeze()
