"""The connection's own peer, as the socket saw it, from what Streamlit's ASGI server (uvicorn) hands on.

uvicorn rewrites the peer itself before any application sees it: when the socket's peer is one of
`FORWARDED_ALLOW_IPS` (by default 127.0.0.1 and ::1 — a reverse proxy on the same machine), it replaces
the peer with an entry of X-Forwarded-For, with port 0 (or the entry's own port). Trusting that would
let uvicorn's default, not `trusted_proxies`, decide whose header counts, and Streamlit's own
`st.context.ip_address` hides loopback peers altogether. So the peer is taken back: a peer that is an
X-Forwarded-For entry with port 0 (a socket's port never is) or with the entry's own port came from
uvicorn's rewriting, and the socket's peer was uvicorn's trusted proxy. Then
`hue57.auth.client_address` decides, with our own `trusted_proxies`, whether the header counts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable


def joined_headers(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Request headers as one dict, names in lower case, repeated headers joined with ', ' (as HTTP does)."""
    out: dict[str, str] = {}
    for name, value in pairs:
        key = str(name).lower()
        out[key] = f"{out[key]}, {value}" if key in out else str(value)
    return out


def connection_peer(host: str | None, port: int | None, headers: dict[str, str]) -> str | None:
    """The socket's peer address, undoing uvicorn's proxy-header rewriting; None when it cannot be told."""
    if not host:
        return None
    forwarded = [h.strip() for h in headers.get("x-forwarded-for", "").split(",") if h.strip()]
    rewritten = port is not None and forwarded and (
        (port == 0 and host in forwarded) or f"{host}:{port}" in forwarded or f"[{host}]:{port}" in forwarded)
    if not rewritten:
        return host
    allowed = [a.strip() for a in os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1").split(",") if a.strip()]
    if not allowed or "*" in allowed:
        return None  # uvicorn believed anyone's header: the socket's peer is lost
    return allowed[0].split("/")[0]
