"""Which passwords are accepted: NIST SP 800-63B §3.1.1.2 — at least `MIN_PASSWORD` characters, at most
`MAX_PASSWORD`, not a common or context-specific password, not the account's own name; no composition rules
(no "one digit and one symbol"), no expiry. Every Unicode character counts, so a Vietnamese passphrase with
diacritics is welcome; it is compared in NFC so the same words typed on two keyboards are one password.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

MIN_PASSWORD = 8
MAX_PASSWORD = 256
COMMON_FILE = Path(__file__).resolve().parent / "data" / "common_passwords.txt"


@functools.cache
def common_passwords() -> frozenset[str]:
    """The shipped list (see the file's header for its source), lower-cased."""
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def normalise(password: str) -> str:
    return unicodedata.normalize("NFC", password)


def password_problem(password: str, name: str | None = None) -> tuple[str, dict] | None:
    """Why `password` is refused, as (i18n key, values), or None when it is accepted."""
    password = normalise(password)
    if len(password) < MIN_PASSWORD:
        return "auth.password.short", {"min": MIN_PASSWORD}
    if len(password) > MAX_PASSWORD:
        return "auth.password.long", {"max": MAX_PASSWORD}
    folded = password.casefold()
    if folded in common_passwords() or len(set(folded)) <= 2:
        return "auth.password.common", {}
    if name and folded == unicodedata.normalize("NFC", name).strip().casefold():
        return "auth.password.is_name", {}
    return None
