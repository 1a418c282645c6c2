"""The audit trail as JSON lines: who did what, when, from where — one line per action, for journald.

Every action a reviewer may ask about (sign-ins, account changes, uploads, reverts, report actions, links
created or revoked, backups, restores, reminders sent) calls `record` once, after it succeeded or was
refused. The tables in the database stay the system of record; these lines are what an operator follows
with `journalctl -u hue57 -o cat | jq`. The server writes to stdout (`use_stream(sys.stdout)`, set where the
pages start); everything else — the CLI, a script or test using the library — to stderr, so data a program
prints (`--format csv`, an id) stays clean.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
from collections.abc import Callable
from typing import TextIO

_LOCK = threading.Lock()
_STREAM: TextIO | None = None
_ORIGIN: str | Callable[[], str | None] | None = None
_ACTOR: str | None = None


class _Discard:
    def write(self, text: str) -> None:
        pass

    def flush(self) -> None:
        pass


def cli_stream(stderr: TextIO) -> TextIO:
    """Where a command's audit lines go: `HUE57_AUDIT` = on (stderr), off (nowhere), or auto (the default:
    stderr when it is not a terminal — systemd, cron and journald get every line; an analyst at a terminal
    reads the command's messages without JSON between them, and the tables still record what was done)."""
    mode = os.environ.get("HUE57_AUDIT", "auto").strip().lower()
    if mode in ("0", "off", "no", "false"):
        return _Discard()
    if mode in ("1", "on", "yes", "true"):
        return stderr
    try:
        return _Discard() if stderr.isatty() else stderr
    except (AttributeError, ValueError):
        return stderr


def use_stream(stream: TextIO | None) -> None:
    """Send audit lines to `stream` (None: the process's stderr at the time of writing)."""
    global _STREAM
    _STREAM = stream


def use_origin(where: str | Callable[[], str | None] | None, who: str | None = None) -> None:
    """What a line says when its call names no `where` (or no `who`): the CLI says "cli" and its login; the
    server gives a function that reads the client address of the session running the call, so a library
    function (an upload, a revert) need not be handed the address to record it."""
    global _ORIGIN, _ACTOR
    _ORIGIN, _ACTOR = where, who


def _default_where() -> str | None:
    origin = _ORIGIN
    if callable(origin):
        try:
            return origin()
        except Exception:  # noqa: BLE001 — the address is a courtesy; the action must not fail for it
            return None
    return origin


def record(action: str, *, who: str | None, where: str | None = None, ok: bool = True, **what: object) -> dict:
    """Write one audit line and return it. `action` is a dotted verb (`sign_in`, `user.disable`, `upload.commit`);
    `who` the account name or "cli:<login>"; `where` the client address when there is one."""
    if where is None:
        where = _default_where()
    line = {"ts": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "audit": action,
            "who": who or _ACTOR or "", "from": where or "", "ok": bool(ok)}
    line.update({k: v for k, v in what.items() if v is not None})
    text = json.dumps(line, ensure_ascii=False, default=str)
    stream = _STREAM or sys.stderr
    with _LOCK:
        try:
            stream.write(text + "\n")
            stream.flush()
        except (OSError, ValueError):  # a closed pipe must never fail the action it records
            pass
    return line
