"""Streamlit's own upload endpoint, hit with raw HTTP PUTs as a signed-out stranger would: each PUT is bounded
by `server.maxUploadSize` (our 5 MB rule plus headroom), and a file from a session with no signed-in analyst
or agency is not kept — the server's memory does not grow with them (hue57.ui.guard_uploads)."""

from __future__ import annotations

import asyncio
import http.client
import os
import secrets
import tomllib
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from hue57 import ingest, store
from hue57.ui import _uploads
from tests.conftest import run_coroutine
from tests.e2e.conftest import start_server

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def _put(port: int, session_id: str, size: int) -> int:
    boundary = secrets.token_hex(8)
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"so_lieu.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode() + b"x" * size + f"\r\n--{boundary}--\r\n".encode()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("PUT", f"/_stcore/upload_file/{session_id}/{secrets.token_hex(8)}", body=body,
                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        return conn.getresponse().status
    except (ConnectionError, http.client.HTTPException):
        return 413  # the server closed the connection on an oversized body
    finally:
        conn.close()


async def _signed_out_session_puts(port: int, pid: int) -> dict:
    async with connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None,
                       open_timeout=60) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        msg.rerun_script.context_info.url = f"http://127.0.0.1:{port}/"
        await ws.send(msg.SerializeToString())
        session_id = ""
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=120))
            if forward.WhichOneof("type") == "new_session":
                session_id = forward.new_session.initialize.session_id
            if forward.WhichOneof("type") == "script_finished":
                break
        loop = asyncio.get_running_loop()
        for _ in range(2):  # warm: the first multipart parse, the server's buffers
            await loop.run_in_executor(None, _put, port, session_id, 1024 * 1024)
        before = _rss_mb(pid)
        statuses = [await loop.run_in_executor(None, _put, port, session_id, int(7.5 * 1024 * 1024)) for _ in range(8)]
        too_big = await loop.run_in_executor(None, _put, port, session_id, 45 * 1024 * 1024)
        await asyncio.sleep(1)
        return {"session_id": session_id, "statuses": statuses, "too_big": too_big,
                "grown": _rss_mb(pid) - before}


def test_the_upload_size_limit_is_our_5_mb_rule_plus_headroom():
    """Streamlit refuses files over server.maxUploadSize in English; ours refuses over 5 MB in the page's
    language, so Streamlit's limit is a little larger — and no larger, since it bounds each raw PUT."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit = config["server"]["maxUploadSize"] * 1024 * 1024
    assert ingest.MAX_BYTES + 2 * 1024 * 1024 <= limit <= 2 * ingest.MAX_BYTES


def test_signed_in_roles_only():
    from hue57.ui._context import Context

    assert _uploads.signed_in({"hue57_ctx": Context(role="analyst", user="lan")})
    assert _uploads.signed_in({"hue57_ctx": Context(role="agency", user="khcn", agency_id="so_khcn")})
    assert not _uploads.signed_in({})
    assert not _uploads.signed_in({"hue57_ctx": Context(role="analyst", user="")})
    assert not _uploads.signed_in({"hue57_ctx": Context(role="viewer")})
    assert not _uploads.signed_in({"hue57_ctx": Context(role="shared", user=None)})


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
def test_raw_puts_from_a_signed_out_session_are_not_kept_and_the_server_memory_stays(tmp_path):
    db = tmp_path / "hue57.duckdb"
    store.init(db)
    server = start_server(db, {"STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION": "false"})
    try:
        result = run_coroutine(_signed_out_session_puts(server.port, server.proc.pid))
    finally:
        server.proc.terminate()
        server.proc.wait(timeout=20)
    assert result["session_id"]
    assert result["statuses"] == [204] * 8  # answered as any upload is: nothing tells what was kept
    assert result["too_big"] == 413
    assert result["grown"] < 50, result  # 8 × 7.5 MB = 60 MB would have stayed


def test_no_guard_without_a_server():
    assert _uploads.guard_uploads() is False  # AppTest, the CLI: nothing to wrap
