"""Password hashes: scrypt with a per-account salt, its parameters stored with the hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

_N, _R, _P, _LEN = 2 ** 15, 8, 1, 32
_DUMMY_SALT = secrets.token_bytes(16)


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def hash_password(password: str, salt: bytes, params: str | None = None) -> str:
    """'scrypt$N$r$p$hex' — the parameters travel with the hash, so they can be raised later."""
    n, r, p = (_N, _R, _P) if params is None else (int(x) for x in params.split("$")[1:4])
    password = unicodedata.normalize("NFC", password)  # the same words from any keyboard are one password
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_LEN,
                            maxmem=256 * n * r * p + 1024 * 1024)
    return f"scrypt${n}${r}${p}${digest.hex()}"


def verify(password: str, salt_hex: str, stored: str) -> bool:
    """True when `password` hashes to `stored`; compared in constant time."""
    computed = hash_password(password, bytes.fromhex(salt_hex), stored)
    return hmac.compare_digest(computed.encode("ascii"), stored.encode("ascii"))


def spend_like_a_check(password: str) -> None:
    """The cost of one `verify` with nothing to compare: unknown names and throttled attempts pay it too,
    so the time of an answer does not tell which of them it was."""
    hmac.compare_digest(hash_password(password, _DUMMY_SALT).encode("ascii"), b"-")
