"""Which address a request came from: the connection's peer, or `X-Forwarded-For` only when the peer is a
trusted proxy (`trusted_proxies` in hue57.toml / `HUE57_TRUSTED_PROXIES`).

A forwarded header from anyone else is ignored: a client could otherwise choose its own address and walk
around the sign-in throttling. With a trusted proxy the header's entries are read from the right (the
proxy appends the address it saw); the first entry that is not itself a trusted proxy is the client.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping


def _networks(trusted: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    nets = []
    for item in trusted:
        try:
            nets.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            continue
    return nets


def _ip(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if not text:
        return None
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [::1]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # 1.2.3.4:port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def client_address(peer: str | None, headers: Mapping[str, str] | None = None,
                   trusted: Iterable[str] | None = None) -> str | None:
    """The client's address as text, or None when it cannot be told (no peer, nothing valid forwarded)."""
    if trusted is None:
        from hue57.config import settings  # noqa: PLC0415

        trusted = settings().trusted_proxies
    nets = _networks(trusted)
    peer_ip = _ip(peer)
    if peer_ip is None or not any(peer_ip in net for net in nets):
        return str(peer_ip) if peer_ip is not None else None
    forwarded = ""
    for key, value in (headers or {}).items():
        if key.lower() == "x-forwarded-for":
            forwarded = value
    for hop in reversed([h for h in forwarded.split(",") if h.strip()]):
        hop_ip = _ip(hop)
        if hop_ip is None:
            return str(peer_ip)  # a malformed entry: trust nothing beyond the proxy we know
        if not any(hop_ip in net for net in nets):
            return str(hop_ip)
    return str(peer_ip)
