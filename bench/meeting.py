"""Benchmark: 30 viewers open one meeting link at once, against a bare Streamlit page in the same run.

On one machine the browsers, not the server, would use most of the CPU, so the server is driven by raw
Streamlit websocket clients, as the browser talks to it: a websocket on `/_stcore/stream` (subprotocol
`streamlit`), one `BackMsg` `rerun_script` carrying the link's query string, then `ForwardMsg`s until
`script_finished` (FINISHED_SUCCESSFULLY). Measured from the server process: CPU seconds (user + system
from /proc/PID/stat) per session, resident memory (VmRSS) with the sessions open, and the wall time
until the last of 30 simultaneous sessions finished.

Each app is served by its own `streamlit run` on loopback, warmed by 3 sessions (first-run imports and
caches), then measured: `--seq` sessions one after another (CPU per session without contention), then
30 at once. Apps: the bare page (baseline), the overview without a link, and the meeting link (`?s=`).
`--root DIR` measures another checkout of hue57 as well (e.g. the code before a change), same run.

Goals (issue 14): a link session <= 3x a bare page's CPU; 30 link sessions at once all finished <= 2 s.

    .venv/bin/python bench/meeting.py [--viewers 30] [--seq 20] [--root /path/to/other/checkout]

Measured on the shared 2-core machine (other work running), this run against the code before issue 14's
link changes (`--root`): bare page 0.029 CPU-s a session; a link session 0.202 before -> 0.017 now
(7.1x -> 0.58x the bare page; in a crowd 6.0x -> 0.41x); 30 link sessions at once 5.1 s -> 0.39 s; the
server's memory 381 MiB either way (pandas, DuckDB, Altair, vl-convert), +6 MiB with 30 sessions open
(+23 before). Where the time went: per viewer, a database write for the open count (now counted in
memory, written in batches), a database read to verify the link (now cached per file state), and
above all Streamlit's full garbage collection after each run over ~150,000 long-lived objects (~60 ms;
now frozen out of its way, hue57.ui._memory).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
BARE = 'import streamlit as st\nst.title("Tổng quan")\nst.write("bare page")\n'
TICKS = os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run SCRIPT` on a free loopback port, from checkout `root`, against database `db`."""

    def __init__(self, root: Path, script: Path, db: Path, log: Path):
        self.port = _free_port()
        env = {**os.environ, "HUE57_DB": str(db), "HUE57_BASE_URL": f"http://127.0.0.1:{self.port}",
               "PYTHONPATH": str(root)}
        self._log = open(log, "w")  # noqa: SIM115 — closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=root, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"streamlit did not start: {log.read_text()[-2000:]}") from None
                time.sleep(0.2)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14, 15 of stat)

    def memory_mb(self) -> tuple[float, float]:
        """(VmRSS, VmHWM) in MiB: resident now, and the peak."""
        status = dict(line.split(":", 1) for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines())
        return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._log.close()


async def session(port: int, query: str, finished: list[float] | None = None, n: int = 0,
                  all_done: asyncio.Event | None = None, hold: asyncio.Event | None = None) -> float:
    """One viewer: connect, ask for a run with `query`, wait for its successful end; seconds it took.
    In a crowd, its finish time goes to `finished` (the n-th sets `all_done`) and the socket stays open (the
    session alive on the server) until `hold` is set."""
    start = time.perf_counter()
    async with connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None,
                       open_timeout=60, close_timeout=5) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_script_hash = ""
        msg.rerun_script.context_info.url = f"http://127.0.0.1:{port}/"
        msg.rerun_script.context_info.timezone = "Asia/Ho_Chi_Minh"
        await ws.send(msg.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=120))
            if forward.WhichOneof("type") == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    break
                if forward.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RuntimeError("the script did not compile")
        end = time.perf_counter()
        if finished is not None:
            finished.append(end)
            if len(finished) == n and all_done is not None:
                all_done.set()
        if hold is not None:
            await hold.wait()
        return end - start


async def crowd(server: Server, query: str, n: int) -> tuple[float, list[float], float]:
    """n sessions at once: (wall seconds until the last finished, each one's seconds, RSS MiB with all open)."""
    finished: list[float] = []
    all_done, hold = asyncio.Event(), asyncio.Event()
    start = time.perf_counter()
    tasks = [asyncio.create_task(session(server.port, query, finished, n, all_done, hold)) for _ in range(n)]
    waiter = asyncio.create_task(all_done.wait())
    # Held sessions never end by themselves: the first thing to end is either the last finish or a failure.
    await asyncio.wait([waiter, *tasks], timeout=180, return_when=asyncio.FIRST_COMPLETED)
    if not all_done.is_set():
        for task in tasks:
            if task.done() and task.exception():
                raise task.exception()
        raise RuntimeError(f"only {len(finished)} of {n} sessions finished")
    wall = max(finished) - start
    rss = server.memory_mb()[0]
    hold.set()
    times = await asyncio.gather(*tasks)
    return wall, times, rss


def measure(server: Server, query: str, viewers: int, seq: int) -> dict:
    for _ in range(3):  # first runs import the app and fill its caches: not what a meeting pays
        asyncio.run(session(server.port, query))
    time.sleep(0.5)
    rss_before = server.memory_mb()[0]
    cpu = server.cpu_seconds()
    seq_times = [asyncio.run(session(server.port, query)) for _ in range(seq)]
    time.sleep(0.3)  # sessions closing are the server's work too
    cpu_seq = (server.cpu_seconds() - cpu) / seq
    cpu = server.cpu_seconds()
    wall, times, rss = asyncio.run(crowd(server, query, viewers))
    time.sleep(0.3)
    cpu_crowd = (server.cpu_seconds() - cpu) / viewers
    return {"cpu_seq": cpu_seq, "seq_median": sorted(seq_times)[len(seq_times) // 2], "wall": wall,
            "crowd_median": sorted(times)[len(times) // 2], "cpu_crowd": cpu_crowd,
            "rss_before": rss_before, "rss_crowd": rss, "peak": server.memory_mb()[1]}


def make_database(root: Path, tmp: Path) -> tuple[Path, str]:
    """A database initialised from `root`'s data/, and one meeting link to its newest upload (a token)."""
    db = tmp / "hue57.duckdb"
    env = {**os.environ, "HUE57_DB": str(db), "PYTHONPATH": str(root), "HUE57_BASE_URL": "http://bench"}
    subprocess.run([sys.executable, "-m", "hue57", "init"], cwd=root, env=env, check=True, stdout=subprocess.DEVNULL)
    expires = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    out = subprocess.run([sys.executable, "-m", "hue57", "share", "create", "--expires", expires, "--by", "bench",
                          "--as-of-year", "2026", "--filters", "horizon=2030"],
                         cwd=root, env=env, check=True, capture_output=True, text=True).stdout
    return db, out.strip().splitlines()[-1].split("?s=", 1)[1]


def run_checkout(label: str, root: Path, tmp: Path, viewers: int, seq: int, with_bare: bool) -> dict[str, dict]:
    work = tmp / label
    work.mkdir()
    db, token = make_database(root, work)
    results: dict[str, dict] = {}
    apps = [("bare page", work / "bare.py", "")] if with_bare else []
    (work / "bare.py").write_text(BARE, encoding="utf-8")
    apps += [("overview, no link", root / "dashboard.py", ""), ("meeting link", root / "dashboard.py", f"s={token}")]
    for name, script, query in apps:
        server = Server(root, script, db, work / f"{name.split()[0]}.log")
        try:
            results[name] = measure(server, query, viewers, seq)
            print(f"  measured {label}: {name}", file=sys.stderr, flush=True)
        finally:
            server.stop()
    return results


def report(label: str, results: dict[str, dict], bare: dict, viewers: int) -> None:
    print(f"\n{label}")
    print(f"  {'app':<20} {'CPU-s/session':>13} {'x bare':>7} {'in a crowd':>11} {'x bare':>7} "
          f"{f'{viewers} at once':>11} {'one alone':>10} {'RSS MiB':>8} {'+crowd':>7}")
    for name, r in results.items():
        print(f"  {name:<20} {r['cpu_seq']:13.3f} {r['cpu_seq'] / bare['cpu_seq']:7.2f} {r['cpu_crowd']:11.3f} "
              f"{r['cpu_crowd'] / bare['cpu_crowd']:7.2f} {r['wall']:10.2f}s {r['seq_median']:9.3f}s "
              f"{r['rss_before']:8.0f} {r['rss_crowd'] - r['rss_before']:7.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=30)
    parser.add_argument("--seq", type=int, default=20)
    parser.add_argument("--root", type=Path, default=None, help="another checkout to measure too (e.g. before)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        this = run_checkout("this", ROOT, tmp, args.viewers, args.seq, with_bare=True)
        bare = this["bare page"]
        other = run_checkout("other", args.root.resolve(), tmp, args.viewers, args.seq, with_bare=False) \
            if args.root else None
    print(f"CPU per session from /proc/PID/stat (user+system) of the server; {args.seq} sessions one after another,"
          f" then {args.viewers} at once ('in a crowd'); wall = until the last of them finished.")
    report(f"this checkout ({ROOT})", this, bare, args.viewers)
    if other:
        report(f"other checkout ({args.root}), against this run's bare page", other, bare, args.viewers)
    link = this["meeting link"]
    print(f"\ngoals: link session {link['cpu_seq'] / bare['cpu_seq']:.2f}x a bare page alone, "
          f"{link['cpu_crowd'] / bare['cpu_crowd']:.2f}x in a crowd (goal <= 3x); "
          f"{args.viewers} at once all finished in {link['wall']:.2f} s (goal <= 2 s)")


if __name__ == "__main__":
    main()
