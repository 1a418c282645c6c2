"""What the session check costs a page run: the same page run by the code before sessions (a signed-in analyst held
in `st.session_state`, commit BASE) and by this code (the session token checked against the sessions table at every
run, cached `CHECK_EVERY` seconds), measured alternately in the same run; plus the check alone.

Each side runs in its own process (two copies of the package cannot share one), on its own copy of the shipped plan,
as AppTest: one warm-up, then `--runs` reruns of /share (a light analyst page: the app shell, a form, a table), the
median kept. Rounds alternate base and new so that load on the machine falls on both.

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
    at.session_state["hue57_session"] = auth.start_session(db, "chuyen_vien")[0]
else:
    at.session_state["hue57_user"] = "chuyen_vien"
at.switch_page("app_pages/share.py")
at.run()
assert not at.exception and any(b.label.startswith("Đăng xuất") for b in at.sidebar.button), "not signed in"
times = []
for _ in range(runs):
    start = time.perf_counter()
    at.run()
    times.append(time.perf_counter() - start)
print(json.dumps({"median": statistics.median(times)}))
"""


def side(root: Path, db: Path, runs: int, mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", RUNNER, str(root), str(runs), mode], capture_output=True, text=True,
                         env={"HUE57_DB": str(db), "PATH": "/usr/bin:/bin", "HUE57_LOCK_TIMEOUT": "30"}, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["median"]


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
    medians: dict[str, list[float]] = {"base": [], "new": []}
    for _ in range(args.rounds):
        medians["base"].append(side(base, work / "base.duckdb", args.runs, "base"))
        medians["new"].append(side(ROOT, work / "new.duckdb", args.runs, "new"))
    b, n = statistics.median(medians["base"]), statistics.median(medians["new"])
    print(f"/share page run, signed-in analyst (median of {args.rounds} rounds x {args.runs} runs):")
    print(f"  before sessions ({args.base}): {b * 1000:7.1f} ms   rounds: "
          + ", ".join(f"{x * 1000:.1f}" for x in medians["base"]))
    print(f"  with the session check:     {n * 1000:7.1f} ms   rounds: "
          + ", ".join(f"{x * 1000:.1f}" for x in medians["new"]))
    print(f"  ratio new/base: {n / b:.3f}  (difference {1000 * (n - b):+.1f} ms)")
    alone = check_alone(args.runs)
    print(f"the check alone (cookie signature + identity): cached {alone['cached'] * 1e6:.0f} µs, "
          f"uncached (one read of the sessions table) {alone['uncached'] * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
