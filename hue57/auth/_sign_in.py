"""Signing in: one answer for every refusal, throttling per client and per account, every attempt recorded.

The policy (OWASP Authentication and Credential Stuffing cheat sheets):
- No hard lock-out a stranger can trigger. Refused attempts slow their *source* down: after
  `CLIENT_FREE` refusals from one client address (within `WINDOW`, since its last success) each further
  attempt from it must wait 1, 2, 4 … seconds after the previous one, up to `CLIENT_MAX_WAIT`.
- Guessing one account from many addresses slows that account down too, but later and less: after
  `NAME_FREE` checked refusals for one name, 1, 2, 4 … seconds up to `NAME_MAX_WAIT` — except from an
  address the account signed in from within `TRUST_FOR` (OWASP's "device cookie", keyed by address),
  so the analyst at her usual desk is never slowed by someone else's guesses. Attempts refused for
  throttling count against the client but not against the name: hammering an account from one address
  only slows that address.
- The same answer for an unknown name, a wrong password, an account whose role may not sign in here
  (a viewer's right password is not confirmed) and a throttled attempt: each computes one scrypt hash,
  reads and writes the same rows, and the answer is held until `MIN_ANSWER` seconds have passed, so
  neither the words nor the time tell them apart. A correct password for a refused role counts as a
  failure, or the absence of a slow-down would confirm it.
- Every attempt is a row of `login_attempts` (when, name as typed, client, result) for the analysts;
  rows older than `KEEP_ATTEMPTS` are dropped as new ones arrive.
Two attempts racing from one client may both pass a check the second would have failed; the window of
that race is one hash (~0.1 s), so it buys an attacker at most one extra guess per concurrent request.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass

from hue57 import audit
from hue57.auth import _accounts
from hue57.auth._accounts import MAX_NAME, SIGN_IN_ROLES, clean_name
from hue57.auth._passwords import spend_like_a_check, verify
from hue57.store._users import attempt_counts, get_user, record_attempt

WINDOW = dt.timedelta(minutes=15)
CLIENT_FREE = 5
CLIENT_MAX_WAIT = dt.timedelta(minutes=15)
NAME_FREE = 10
NAME_MAX_WAIT = dt.timedelta(minutes=5)
TRUST_FOR = dt.timedelta(days=30)
KEEP_ATTEMPTS = dt.timedelta(days=180)
MIN_ANSWER = 0.5  # seconds: every answer takes at least this long (a hash is 0.1–0.2 s, reads and writes ~0.1 s)
OUTCOMES = ("success", "wrong_password", "unknown_name", "role_refused", "throttled")


@dataclass(frozen=True)
class AuthResult:
    """The outcome of a sign-in: true only when `ok`. `outcome` is one of `OUTCOMES` — for the record and
    the tests; a page shows the same words for every refusal (`hue57.auth.refusal`)."""

    ok: bool
    outcome: str
    name: str
    role: str | None = None
    agency_id: str | None = None  # an agency account's body

    def __bool__(self) -> bool:
        return self.ok


def client_key(client: str | None) -> str:
    """The address an attempt came from, as stored: 'unknown' when the page could not tell."""
    text = str(client or "").strip()[:64]
    return text or "unknown"


def wait_needed(failed: int, free: int, cap: dt.timedelta) -> dt.timedelta:
    """How long after the last refusal the next attempt must wait: nothing for the first `free`, then 1 s,
    2 s, 4 s … up to `cap`."""
    if failed < free:
        return dt.timedelta(0)
    return min(dt.timedelta(seconds=2 ** min(failed - free, 20)), cap)


def throttled_until(counts: dict) -> dt.datetime | None:
    """The moment the next attempt is allowed, from `store.attempt_counts`; None when it is allowed now."""
    until = []
    if counts["client_last"] is not None:
        until.append(counts["client_last"] + wait_needed(counts["client_failed"], CLIENT_FREE, CLIENT_MAX_WAIT))
    if counts["name_last"] is not None and not counts["trusted"]:
        until.append(counts["name_last"] + wait_needed(counts["name_failed"], NAME_FREE, NAME_MAX_WAIT))
    return max(until) if until else None


def authenticate(db: str | os.PathLike | None, name: str, password: str, *, client: str | None = None,
                 roles: tuple[str, ...] = SIGN_IN_ROLES) -> AuthResult:
    """Check a sign-in from `client` for an account whose role is in `roles`; see the module's policy."""
    started = time.monotonic()
    name = clean_name(name)[:MAX_NAME]
    client = client_key(client)
    moment = _accounts.now()
    until = throttled_until(attempt_counts(db, name, client, moment - WINDOW, moment - TRUST_FOR))
    user = get_user(db, name)
    role = agency_id = None
    if until is not None and moment < until:
        spend_like_a_check(password)
        outcome = "throttled"
    elif user is None:
        spend_like_a_check(password)
        outcome = "unknown_name"
    elif not verify(password, user["salt"], user["pw_hash"]):
        outcome = "wrong_password"
    elif user["role"] not in roles:
        outcome = "role_refused"
    else:
        outcome, role = "success", user["role"]
        agency_id = user.get("agency_id")
    record_attempt(db, moment, name, client, outcome, forget_before=moment - KEEP_ATTEMPTS)
    audit.record("sign_in", who=name, where=client, ok=outcome == "success", outcome=outcome, role=role)
    time.sleep(max(0.0, MIN_ANSWER - (time.monotonic() - started)))
    return AuthResult(outcome == "success", outcome, name, role, agency_id)
