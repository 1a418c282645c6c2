"""Signed link tokens: a compact JSON payload signed with `itsdangerous`, URL-safe base64 without padding.

Token format (version 2, what `sign` makes)
-------------------------------------------
    TOKEN   = B64(PAYLOAD) "." B64(HMAC-SHA256(K, B64(PAYLOAD)))
    K       = SHA-256(SALT "signer" secret)          (itsdangerous's "django-concat" key derivation)
    SALT    = "hue57.share.link"
    PAYLOAD = {"e":"2026-06-30","f":{"group":"I"},"i":3,"l":"vi","u":2,"v":2,"y":2025}
              (JSON, keys sorted, no spaces, UTF-8; e expiry, f filters, i link id, l language,
               u snapshot upload id, v format version, y as-of year or null)

The signing is `itsdangerous.Serializer` with SHA-256 and the salt above; the payload's base64 is done
here (`_Wire`) so a token has one shape, never itsdangerous's optional zlib form.

Version 1 (links made before itsdangerous) had the same shape with `v` 1 and the MAC keyed by the
secret itself: `HMAC-SHA256(secret, B64(PAYLOAD))`. Such a link keeps opening until it expires (a
meeting link already sent must not die on an upgrade): `unsign` tries version 2, then version 1, and a
payload must carry the version its signature proves, so neither signer can vouch for the other's tokens.

The MAC covers the payload's base64 text itself, so any change to any character of the token fails
verification; the signature part must also be the canonical encoding of exactly 32 bytes (base64
decoders ignore the last character's spare bits, which would let a changed token through). Checks run
in this order and each failure has its own reason: shape (`malformed`), signature (`tampered`: a
changed token, or one signed with another secret), payload fields (`malformed`), expiry (`expired`:
the expiry date is before today in the plan's time zone (its plan.toml); a link works through its expiry day).
Revocation and unknown link ids need the database: see `hue57.share._links.open_link`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import re

from itsdangerous import BadPayload, BadSignature, Serializer

from hue57 import calendar
from hue57.i18n import LANGS, t

REASONS = ("tampered", "expired", "revoked", "malformed", "unknown")
VERSION = 2
LEGACY_VERSION = 1  # hand-written HMAC keyed by the secret itself; verified, never made
SALT = b"hue57.share.link"
MAX_TOKEN_LENGTH = 2048
FILTER_KEYS = frozenset({"group", "agency", "status", "horizon", "present", "code", "page"})
BOARD_FILTER_KEYS = ("horizon", "group", "agency", "status")  # the overview board's filters
ALL_HORIZONS = "all"  # `horizon=all`: both horizons (a link naming no horizon shows the overview's default)
MAX_FILTER_VALUE = 100

_B64 = re.compile(r"[A-Za-z0-9_-]+")
_KEY = re.compile(r"[a-z][a-z_]{0,31}")
_SIG_CHARS = 43  # 32 bytes of HMAC-SHA256 in base64 without padding
_WIRE = {"link_id": "i", "upload_id": "u", "as_of_year": "y", "filters": "f", "lang": "l", "expires": "e"}


class BadFilter(ValueError):
    """A filter outside FILTER_KEYS (`problem` 'key') or with an unusable value (`problem` 'value')."""

    def __init__(self, problem: str, name: object, value: object = None):
        super().__init__(f"filter {name!r}: bad {problem}" + ("" if value is None else f" {value!r}"))
        self.problem = problem
        self.name = name
        self.value = value


class InvalidLink(Exception):
    """A link that must not open; `reason` is one of REASONS, `message(lang)` says it to the reader."""

    def __init__(self, reason: str, detail: str = ""):
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def message(self, lang: str = "vi") -> str:
        return t(f"share.invalid.{self.reason}", lang)


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    """Strict decoding: URL-safe alphabet only, and `text` must be the canonical encoding of the result."""
    if not _B64.fullmatch(text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64encode(data) != text:
        raise ValueError("non-canonical base64url")
    return data


def _legacy_mac(message: bytes, secret: bytes) -> bytes:
    """Version 1's signature: HMAC-SHA256 keyed by the secret itself."""
    if not secret:
        raise ValueError("empty secret")
    return hmac.new(secret, message, hashlib.sha256).digest()


class _Wire:
    """The payload's text for itsdangerous: sorted compact JSON in strict base64url (no zlib form)."""

    @staticmethod
    def dumps(wire: dict) -> str:
        return _b64encode(json.dumps(wire, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))

    @staticmethod
    def loads(text: str) -> object:
        return json.loads(_b64decode(text).decode("utf-8"))


def _serializer(secret: bytes) -> Serializer:
    if not secret:
        raise ValueError("empty secret")
    return Serializer(secret, salt=SALT, serializer=_Wire, signer_kwargs={"digest_method": hashlib.sha256})


def check_filters(filters: object) -> dict[str, str]:
    """The filters as a plain dict str → str, or `BadFilter` naming the first wrong one.

    Keys are from FILTER_KEYS; values are non-empty text of at most MAX_FILTER_VALUE printable
    characters (numbers are accepted and written as text); `horizon` is a year or `all`, `present` is 0 or 1.
    """
    if not isinstance(filters, dict):
        raise BadFilter("key", type(filters).__name__)
    clean: dict[str, str] = {}
    for key, value in filters.items():
        if not isinstance(key, str) or not _KEY.fullmatch(key) or key not in FILTER_KEYS:
            raise BadFilter("key", key)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise BadFilter("value", key, value)
        text = str(value).strip()
        if not text or len(text) > MAX_FILTER_VALUE or not text.isprintable():
            raise BadFilter("value", key, value)
        if key == "horizon" and not (text.isdigit() and len(text) == 4) and text != ALL_HORIZONS:
            raise BadFilter("value", key, value)
        if key == "present" and text not in ("0", "1"):
            raise BadFilter("value", key, value)
        clean[key] = text
    return dict(sorted(clean.items()))


def _check_payload(payload: dict) -> dict:
    """The payload with checked types (expires as a date); ValueError when anything is off."""
    if not isinstance(payload, dict) or set(payload) != set(_WIRE):
        raise ValueError(f"payload needs exactly the fields {sorted(_WIRE)}")
    out: dict = {}
    for key in ("link_id", "upload_id"):
        value = payload[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{key} must be a positive integer")
        out[key] = value
    year = payload["as_of_year"]
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100):
        raise ValueError("as_of_year must be a year or null")
    out["as_of_year"] = year
    out["filters"] = check_filters(payload["filters"])
    if payload["lang"] not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}")
    out["lang"] = payload["lang"]
    expires = payload["expires"]
    if isinstance(expires, str):
        expires = dt.date.fromisoformat(expires) if len(expires) == 10 else None
    if not isinstance(expires, dt.date) or isinstance(expires, dt.datetime):
        raise ValueError("expires must be a date YYYY-MM-DD")
    out["expires"] = expires
    return out


def sign(payload: dict, secret: bytes) -> str:
    """A token for `payload` (link_id, upload_id, as_of_year, filters, lang, expires), signed with `secret`."""
    fields = _check_payload(payload)
    wire = {_WIRE[k]: (v.isoformat() if k == "expires" else v) for k, v in fields.items()}
    wire["v"] = VERSION
    return _serializer(secret).dumps(wire)


def _verified_wire(body: str, signature: bytes, token: str, secret: bytes) -> tuple[int, object]:
    """(the version the signature proves, the decoded payload) of a token signed as version 2, else as
    version 1; `InvalidLink('tampered')` when neither signature holds."""
    try:
        wire = _serializer(secret).loads(token)
        version = VERSION
    except BadPayload as exc:
        raise InvalidLink("malformed", f"payload: {exc.original_error}") from exc
    except BadSignature:
        if not hmac.compare_digest(signature, _legacy_mac(body.encode("ascii"), secret)):
            raise InvalidLink("tampered", "signature does not match") from None
        try:
            wire = _Wire.loads(body)
        except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
            raise InvalidLink("malformed", f"payload: {exc}") from exc
        version = LEGACY_VERSION
    return version, wire


def unsign(token: str, secret: bytes, *, today: dt.date | None = None) -> dict:
    """The verified payload of `token` (expires as a date); raises `InvalidLink(reason)` otherwise.

    Opens tokens of both formats (see the module's note). `today` defaults to today's local date; an
    expiry date before it is `expired`.
    """
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise InvalidLink("malformed", "empty or too long")
    parts = token.split(".")
    if len(parts) != 2 or not all(_B64.fullmatch(p) for p in parts) or len(parts[1]) != _SIG_CHARS:
        raise InvalidLink("malformed", "not BODY.SIGNATURE in base64url")
    body, signature = parts
    try:
        given = _b64decode(signature)
    except (ValueError, binascii.Error) as exc:
        raise InvalidLink("tampered", "signature encoding") from exc
    version, wire = _verified_wire(body, given, token, secret)
    try:
        if not isinstance(wire, dict) or wire.get("v") != version:
            raise ValueError("unsupported version")
        fields = _check_payload({k: wire.get(w) for k, w in _WIRE.items()} if set(wire) == {*_WIRE.values(), "v"}
                                else wire)
    except (ValueError, TypeError) as exc:
        raise InvalidLink("malformed", f"payload: {exc}") from exc
    if fields["expires"] < (today or calendar.today()):
        raise InvalidLink("expired", fields["expires"].isoformat())
    return fields
