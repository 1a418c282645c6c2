"""Every upload parsed in a separate worker process under hard limits the operating system enforces.

A bound that lists the shapes it knows is beaten by the next shape; these hold for shapes nobody has
thought of. Each parse runs in a process forked from a `forkserver` — started once, on first use (or by
`start()` at server start): a clean single-threaded interpreter that has already imported pandas and
openpyxl, so a fork costs milliseconds, never the threads of the Streamlit server — with

- `RLIMIT_AS` = `MEMORY_LIMIT` (600 MB of address space: an allocation past it fails in the worker),
- `RLIMIT_CPU` = `CPU_SECONDS` (the kernel stops a worker that computes longer),
- a wall-clock kill at `WALL_SECONDS` by the caller,

at most `MAX_WORKERS` at once (an upload waits up to `QUEUE_SECONDS` for its turn, so the workers
together never hold more than MAX_WORKERS × 600 MB), and its result — the `ParsedUpload`, its frames
pickled, at most `MAX_RESULT` bytes — crosses back through a pipe. The streaming checks of `hue57.ingest._bounds` still run first inside the worker and
name the bound a file broke; a worker stopped by a limit is refused in words too
(`ingest.err.worker_memory`, `ingest.err.too_slow`, `ingest.err.worker_failed`). The server process
only ever holds the upload's bytes and the bounded result, so its memory does not grow with a hostile
file. `/upload`, `/report` and the CLI (`import`, the agencies' offline forms) all come through here.

What the server does hold for a while (the result, and what validating it builds) is handed back to the
operating system when the next upload starts (glibc's `malloc_trim`), so the server's resident memory
does not creep up upload after upload.

`HUE57_PARSE_IN_PROCESS=1` parses in the calling process instead (for debugging with a profiler).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import multiprocessing
import multiprocessing.context
import os
import pickle
import resource
import signal
import threading
import time
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import set_spawning_popen
from pathlib import Path

from hue57.ingest import _read
from hue57.ingest._bounds import MAX_SECONDS

MEMORY_LIMIT = 600 * 1024 * 1024
CPU_SECONDS = int(MAX_SECONDS) + 1
WALL_SECONDS = MAX_SECONDS + 1.5
MAX_RESULT = 256 * 1024 * 1024  # bytes of the pickled result (100,000 rows are about 10 MB)
_EXIT_MEMORY = 3
_READY = b"ready"
START_SECONDS = 120.0  # for the fork server's first start (pandas, openpyxl) on a busy machine

MAX_WORKERS = 2
QUEUE_SECONDS = 60.0
_lock = threading.Lock()
_slots = threading.BoundedSemaphore(MAX_WORKERS)
_context = None


def start():
    """The fork server's context, started on the first call (later calls return at once)."""
    global _context
    with _lock:
        if _context is not None:
            return _context
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["hue57.ingest._worker", "openpyxl", "openpyxl.reader.excel"])
        root = str(Path(__file__).resolve().parents[2])  # the fork server imports hue57 from here, any cwd
        saved = {k: os.environ.get(k) for k in ("PYTHONPATH", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
        try:  # the fork server inherits these; the server's own libraries have already read theirs
            os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, saved["PYTHONPATH"]) if p)
            os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = "1"
            forkserver.ensure_running()
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        _context = context
        return context


class _Popen(popen_forkserver.Popen):
    """multiprocessing's forkserver launch, without the caller's main module: a worker must not run the
    caller's `__main__` again (the `streamlit` launcher, the page Streamlit is running, a bench script)
    before parsing — it would import all of Streamlit under the worker's memory limit."""

    def _launch(self, process_obj):
        prep_data = {k: v for k, v in spawn.get_preparation_data(process_obj._name).items()
                     if k not in ("init_main_from_name", "init_main_from_path")}
        buf = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        parent_w = os.dup(w)  # the child's sentinel of this process, as multiprocessing keeps it
        self.finalizer = util.Finalize(self, util.close_fds, (parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _Worker(multiprocessing.context.ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):  # noqa: N802 — multiprocessing's name
        return _Popen(process_obj)


def _peak() -> dict[str, float]:
    """This process's peak address space (VmPeak, what RLIMIT_AS bounds) and peak resident memory (VmHWM)."""
    with open("/proc/self/status", encoding="ascii") as status:
        return {line.split(":")[0]: int(line.split()[1]) / 1024 for line in status
                if line.startswith(("VmPeak:", "VmHWM:"))}


def _trim() -> None:
    """Freed heap memory back to the operating system (glibc; elsewhere nothing)."""
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _child(conn, data: bytes, filename: str, memory: int, cpu: int, sheet: str | None = None) -> None:
    """In the worker: limits first, then the parse; the pickled result goes back through `conn`."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        conn.send_bytes(_READY)  # the wall clock starts now, not while the fork server is still importing
        parsed = _read.read_upload(data, filename, sheet=sheet)
        del data
        parsed.peak_mb = _peak()
        payload = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
        if len(payload) > MAX_RESULT:
            payload = pickle.dumps(("memory", len(payload)))
        conn.send_bytes(payload)
    except MemoryError:
        os._exit(_EXIT_MEMORY)
    finally:
        conn.close()


def _refused(data: bytes, filename: str, key: str, **params):
    return _read.refused_upload(data, filename, key, **params)


def parse_upload(data: bytes, filename: str, *, sheet: str | None = None):
    """`ParsedUpload` of an upload, read in a limited worker process; never raises for what the file holds.
    `sheet`: in a workbook, read only the sheet of that title."""
    if os.environ.get("HUE57_PARSE_IN_PROCESS") == "1":
        return _read.read_upload(data, filename, sheet=sheet)
    return parse_limited(data, filename, sheet=sheet)


def parse_limited(data: bytes, filename: str, *, memory: int = MEMORY_LIMIT, cpu: int = CPU_SECONDS,
                  wall: float = WALL_SECONDS, sheet: str | None = None):
    """`parse_upload` with the limits given (the tests lower them to see each one stop a worker)."""
    context = start()
    if not _slots.acquire(timeout=QUEUE_SECONDS):
        return _refused(data, filename, "ingest.err.busy")
    try:
        _trim()  # what the previous upload's validation left behind
        return _run(context, data, filename, memory, cpu, wall, sheet)
    finally:
        _slots.release()


def _run(context, data: bytes, filename: str, memory: int, cpu: int, wall: float, sheet: str | None = None):
    reader, writer = context.Pipe(duplex=False)
    worker = _Worker(target=_child, args=(writer, data, filename, memory, cpu, sheet), name="hue57-parse", daemon=True)
    worker.start()
    writer.close()
    payload = None
    started = time.monotonic()
    try:
        if reader.poll(START_SECONDS) and reader.recv_bytes(len(_READY)) == _READY:
            started = time.monotonic()
            if reader.poll(wall):
                payload = reader.recv_bytes(MAX_RESULT + 1024)
    except (EOFError, OSError):
        payload = None
    finally:
        reader.close()
        if payload is None and worker.is_alive():
            worker.kill()
        worker.join(5)
    if payload is not None:
        result = pickle.loads(payload)  # noqa: S301 — written by our own worker, never by the uploader
        if isinstance(result, tuple):
            return _refused(data, filename, "ingest.err.worker_memory", limit=memory // 2 ** 20)
        return result
    code = worker.exitcode
    if time.monotonic() - started >= wall or code in (-signal.SIGXCPU, -signal.SIGKILL):
        return _refused(data, filename, "ingest.err.too_slow", limit=int(MAX_SECONDS))
    if code == _EXIT_MEMORY or code in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS):
        return _refused(data, filename, "ingest.err.worker_memory", limit=memory // 2 ** 20)
    return _refused(data, filename, "ingest.err.worker_failed")
