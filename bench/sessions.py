"""What the session check costs a page run, three ways, each against a baseline measured in the same run:

1. In one process, alternating run by run: /share (a light analyst page: the app shell, a form, a table) for a
   signed-in analyst with the real check (cookie signature, then `auth.identity`: the sessions table, cached
   `CHECK_EVERY` seconds) and with the check replaced by its answer. This isolates the check; the machine's load
   falls on both alike.
2. The same page run by the code before sessions (commit BASE, the analyst held in `st.session_state`) and by this
   code, each in its own process (two copies of the package cannot share one), rounds alternating. On a shared
   machine this is noisier than the difference it looks for; printed for completeness.
3. The check alone: cached, and uncached (one read of the sessions table).

    .venv/bin/python bench/sessions.py [--runs 20] [--rounds 3] [--base 8e6705c]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUNNER = r"""
import json, os, statistics, sys, time
root, runs, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path.insert(0, root)
from hue57 import store
db = os.environ["HUE57_DB"]
if not os.path.exists(db):
    store.init(db)
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(os.path.join(root, "dashboard.py"), default_timeout=120)
if mode == "new":
    from hue57 import auth
    from hue57.store._users import get_user
    if get_user(db, "chuyen_vien") is None:
        auth.add_user(db, "chuyen_vien", "analyst", "mat-khau-kiem-thu-2026")
    token = auth.start_session(db, "chuyen_vien")[0]
    at.session_state["hue57_session"] = token
    real, known = auth.identity, auth.identity(db, token)
else:
    at.session_state["hue57_user"] = "chuyen_vien"
at.switch_page("app_pages/share.py")
at.run()
assert not at.exception and any(b.label.startswith("Đăng xuất") for b in at.sidebar.button), "not signed in"
times = {"checked": [], "answer": []}
for i in range(runs * (2 if mode == "new" else 1)):
    kind = "checked" if mode != "new" or i % 2 == 0 else "answer"
    if mode == "new":  # the real check, or its answer handed over without looking
        auth.identity = real if kind == "checked" else (lambda _db, _token: known)
    start = time.perf_counter()
    at.run()
    times[kind].append(time.perf_counter() - start)
print(json.dumps({k: statistics.median(v) for k, v in times.items() if v}))
"""


def side(root: Path, db: Path, runs: int, mode: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", RUNNER, str(root), str(runs), mode], capture_output=True, text=True,
                         env={"HUE57_DB": str(db), "PATH": "/usr/bin:/bin", "HUE57_LOCK_TIMEOUT": "30"}, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def check_alone(runs: int) -> dict[str, float]:
    """identity() with a fresh answer in the cache, and without (one read of the sessions table)."""
    import io  # noqa: PLC0415

    sys.path.insert(0, str(ROOT))
    from hue57 import audit, auth, store  # noqa: PLC0415
    from hue57.auth import _sessions  # noqa: PLC0415

    audit.use_stream(io.StringIO())
    db = Path(tempfile.mkdtemp()) / "hue57.duckdb"
    store.init(db)
    auth.add_user(db, "lan", "analyst", "mat-khau-kiem-thu-2026")
    token = auth.start_session(db, "lan")[0]
    value = auth.cookie_value(db, token)
    result = {}
    for label, every in (("cached", 3600.0), ("uncached", 0.0)):
        _sessions.CHECK_EVERY = every
        auth.identity(db, auth.token_from_cookie(db, value))
        times = []
        for _ in range(runs * 5):
            start = time.perf_counter()
            assert auth.identity(db, auth.token_from_cookie(db, value)) is not None
            times.append(time.perf_counter() - start)
        result[label] = statistics.median(times)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base", default="8e6705c", help="the commit before sessions")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hue57-bench-sessions-"))
    base = work / "base"
    base.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
    rounds: list[dict[str, float]] = []
    for _ in range(args.rounds):
        rounds.append({"base": side(base, work / "base.duckdb", args.runs, "base")["checked"],
                       **side(ROOT, work / "new.duckdb", args.runs, "new")})

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rounds)

    def each(key: str) -> str:
        return ", ".join(f"{r[key] * 1000:.1f}" for r in rounds)

    print(f"/share page run, signed-in analyst, medians of {args.rounds} rounds x {args.runs} runs (ms):")
    print(f"1. same process, alternating: with the check {med('checked') * 1000:6.1f}  [{each('checked')}]")
    print(f"                              its answer     {med('answer') * 1000:6.1f}  [{each('answer')}]")
    print(f"   ratio {med('checked') / med('answer'):.3f} ({1000 * (med('checked') - med('answer')):+.1f} ms)")
    print(f"2. before sessions ({args.base}) {med('base') * 1000:6.1f}  [{each('base')}]  vs this code "
          f"{med('checked') * 1000:.1f}: ratio {med('checked') / med('base'):.3f} (separate processes: noisy)")
    alone = check_alone(args.runs)
    print(f"3. the check alone (cookie signature + identity): cached {alone['cached'] * 1e6:.0f} µs, "
          f"uncached (one read of the sessions table) {alone['uncached'] * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
