"""Signing in: one answer for every refusal, throttling per account and per (address, account), every attempt recorded.

The policy (OWASP Authentication and Credential Stuffing cheat sheets), built so that throttling can
never deny service to anyone but the guesser:
- No hard lock-out, and no bucket shared by strangers. Offices reach the server through one proxy or
  NAT address, so an address alone is never throttled: one clerk's (or one stranger's) refusals for
  one account never slow another account from the same address.
- Per (address, account): after `PAIR_FREE` refused checks of one account from one address (within
  `WINDOW`, since that pair's last success) each further check must wait 1, 2, 4 … seconds after the
  last refused one, never more than `PAIR_MAX_WAIT`.
- Per account, from every address: after `NAME_FREE` refused checks, 1, 2, 4 … seconds up to
  `NAME_MAX_WAIT` — except from an address the account signed in from within `TRUST_FOR` (OWASP's
  "device cookie", keyed by address; never an unknown address), so the analyst at her usual desk is
  not slowed by someone else's guesses.
- Only a checked and refused password counts (`store.FAILURES`). An attempt refused for throttling
  checks nothing, so it neither counts nor restarts the wait: a user who keeps trying gets in once
  the capped wait after the last real refusal is over.
- The client address is what `hue57.auth.client_address` tells (the connection's peer, or
  X-Forwarded-For from a trusted proxy). When it cannot be told, the attempt is recorded as 'unknown'
  and only the per-account rule applies to it: an unknown address is never trusted, and its pair
  bucket holds only that account's own refusals.
- The same answer for an unknown name, a wrong password, an account whose role may not sign in here
  (a viewer's right password is not confirmed) and a throttled attempt: each computes one scrypt hash,
  reads and writes the same rows, and the answer is held until `MIN_ANSWER` seconds have passed, so
  neither the words nor the time tell them apart. A correct password for a refused role counts as a
  failure, or the absence of a slow-down would confirm it.
- Every attempt is a row of `login_attempts` (when, name as typed, client, result) for the analysts;
  rows older than `KEEP_ATTEMPTS` are dropped as new ones arrive.
Two attempts racing for one account may both pass a check the second would have failed; the window of
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

WINDOW = dt.timedelta(hours=24)  # refusals older than this are forgotten
PAIR_FREE = 5
PAIR_MAX_WAIT = dt.timedelta(minutes=5)
NAME_FREE = 10
NAME_MAX_WAIT = dt.timedelta(minutes=5)
MAX_WAIT = max(PAIR_MAX_WAIT, NAME_MAX_WAIT)  # the longest anyone waits after the last refused check
UNKNOWN = "unknown"
TRUST_FOR = dt.timedelta(days=30)
KEEP_ATTEMPTS = dt.timedelta(days=180)
MIN_ANSWER = 0.5  # seconds: every answer takes at least this long (a hash is 0.1–0.2 s, reads and writes ~0.1 s)
OUTCOMES = ("success", "wrong_password", "unknown_name", "role_refused", "throttled", "disabled")


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
    return text or UNKNOWN


def wait_needed(failed: int, free: int, cap: dt.timedelta) -> dt.timedelta:
    """How long after the last refusal the next attempt must wait: nothing for the first `free`, then 1 s,
    2 s, 4 s … up to `cap`."""
    if failed < free:
        return dt.timedelta(0)
    return min(dt.timedelta(seconds=2 ** min(failed - free, 20)), cap)


def throttled_until(counts: dict) -> dt.datetime | None:
    """The moment the next attempt is allowed, from `store.attempt_counts`; None when it is allowed now."""
    until = []
    if counts["pair_last"] is not None:
        until.append(counts["pair_last"] + wait_needed(counts["pair_failed"], PAIR_FREE, PAIR_MAX_WAIT))
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
    counts = attempt_counts(db, name, client, moment - WINDOW, moment - TRUST_FOR)
    if client == UNKNOWN:
        counts["trusted"] = False
    until = throttled_until(counts)
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
    elif user.get("disabled_at") is not None:  # a disabled account's right password is not confirmed either
        outcome = "disabled"
    else:
        outcome, role = "success", user["role"]
        agency_id = user.get("agency_id")
    record_attempt(db, moment, name, client, outcome, forget_before=moment - KEEP_ATTEMPTS)
    audit.record("sign_in", who=name, where=client, ok=outcome == "success", outcome=outcome, role=role)
    time.sleep(max(0.0, MIN_ANSWER - (time.monotonic() - started)))
    return AuthResult(outcome == "success", outcome, name, role, agency_id)
