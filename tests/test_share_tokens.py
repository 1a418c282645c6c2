"""Signed link tokens: only an untouched token signed with our secret, not yet expired, verifies; tokens made
before itsdangerous (version 1) keep verifying."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import string

import pytest
from itsdangerous import Serializer

from hue57 import calendar
from hue57.i18n import t
from hue57.share import REASONS, InvalidLink, sign, unsign

SECRET = b"0123456789abcdef0123456789abcdef"
TODAY = dt.date(2026, 6, 10)
PAYLOAD = {"link_id": 7, "upload_id": 3, "as_of_year": 2025, "filters": {"group": "I", "horizon": "2030"},
           "lang": "vi", "expires": dt.date(2026, 6, 30)}
ALPHABET = string.ascii_letters + string.digits + "-_"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _body(token: str) -> dict:
    part = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _signed(body: bytes, secret: bytes = SECRET) -> str:
    """A version-1 token (the hand-written HMAC-SHA256 keyed by the secret itself, as hue57 signed links
    before itsdangerous) whose signature is right for an arbitrary body."""
    head = _b64(body)
    return head + "." + _b64(hmac.new(secret, head.encode(), hashlib.sha256).digest())


def _signed_v2(body: bytes, secret: bytes = SECRET) -> str:
    """A version-2 token (itsdangerous, SHA-256, the links' salt) whose signature is right for an arbitrary body."""
    signer = Serializer(secret, salt=b"hue57.share.link", signer_kwargs={"digest_method": hashlib.sha256})
    return signer.make_signer().sign(_b64(body)).decode()


def _wire(payload: dict, version: int) -> bytes:
    wire = {"e": payload["expires"].isoformat(), "f": payload["filters"], "i": payload["link_id"],
            "l": payload["lang"], "u": payload["upload_id"], "v": version, "y": payload["as_of_year"]}
    return json.dumps(wire, sort_keys=True, separators=(",", ":")).encode()


def _reason(token, secret: bytes = SECRET, today: dt.date = TODAY) -> str:
    with pytest.raises(InvalidLink) as info:
        unsign(token, secret, today=today)
    return info.value.reason


def test_signed_payload_round_trips():
    assert unsign(sign(PAYLOAD, SECRET), SECRET, today=TODAY) == PAYLOAD


def test_token_is_compact_urlsafe_base64_without_padding():
    token = sign(PAYLOAD, SECRET)
    body, signature = token.split(".")
    assert set(token) <= set(ALPHABET + ".") and "=" not in token
    assert len(signature) == 43  # 32 bytes of HMAC-SHA256
    assert _body(token) == {"e": "2026-06-30", "f": {"group": "I", "horizon": "2030"}, "i": 7, "l": "vi",
                            "u": 3, "v": 2, "y": 2025}
    assert base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).startswith(b'{"e":"2026-06-30","f":')
    assert sign(PAYLOAD, SECRET) == token  # deterministic


def test_tokens_are_signed_with_itsdangerous():
    token = sign(PAYLOAD, SECRET)
    assert token == _signed_v2(_wire(PAYLOAD, 2))
    serializer = Serializer(SECRET, salt=b"hue57.share.link", signer_kwargs={"digest_method": hashlib.sha256})
    assert serializer.make_signer().unsign(token).decode() == token.split(".")[0]


def test_a_token_made_before_itsdangerous_still_opens():
    old = _signed(_wire(PAYLOAD, 1))  # exactly what the hand-written signer made for this payload
    assert old != sign(PAYLOAD, SECRET)
    assert unsign(old, SECRET, today=TODAY) == PAYLOAD
    assert _reason(_signed(_wire(PAYLOAD | {"expires": TODAY - dt.timedelta(days=1)}, 1))) == "expired"
    assert _reason(_signed(_wire(PAYLOAD, 1), b"another-secret-another-secret-xx")) == "tampered"


def test_each_signer_vouches_only_for_its_own_version():
    assert _reason(_signed(_wire(PAYLOAD, 2))) == "malformed"     # the old MAC over a version-2 payload
    assert _reason(_signed_v2(_wire(PAYLOAD, 1))) == "malformed"  # itsdangerous over a version-1 payload


def test_changing_any_character_of_the_token_is_rejected():
    token = sign(PAYLOAD, SECRET)
    tried = 0
    for i, original in enumerate(token):
        for char in ALPHABET:
            if char == original:
                continue
            tampered = token[:i] + char + token[i + 1:]
            expected = {"malformed"} if original == "." else {"tampered"}
            assert _reason(tampered) in expected, (i, char)
            tried += 1
        for char in "=+/.%~ ":
            if char != original:
                assert _reason(token[:i] + char + token[i + 1:]) in {"tampered", "malformed"}, (i, char)
    assert tried == (len(token) - 1) * 63 + 64  # every other alphabet character at every position


def test_cut_or_extended_tokens_are_rejected():
    token = sign(PAYLOAD, SECRET)
    for n in range(len(token)):
        assert _reason(token[:n]) in {"tampered", "malformed"}, n
        assert _reason(token[:n] + token[n + 1:]) in {"tampered", "malformed"}, n
    for extra in ("A", "AAAA", "=", "==", ".", "&group=VII"):
        assert _reason(token + extra) in {"tampered", "malformed"}, extra
        assert _reason(extra + token) in {"tampered", "malformed"}, extra


@pytest.mark.parametrize(("field", "value"), [
    ("i", 8), ("u", 4), ("u", 99), ("y", 2030), ("y", None), ("l", "en"), ("e", "2099-12-31"),
    ("f", {}), ("f", {"group": "II", "horizon": "2030"}), ("f", {"group": "I", "horizon": "2030", "status": "met"}),
])
def test_flipping_a_payload_field_breaks_the_signature(field, value):
    token = sign(PAYLOAD, SECRET)
    body = _body(token) | {field: value}
    forged = _b64(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()) + "." + token.split(".")[1]
    assert _reason(forged) == "tampered"


def test_a_token_signed_with_another_secret_is_rejected():
    token = sign(PAYLOAD, b"another-secret-another-secret-xx")
    assert _reason(token) == "tampered"
    assert unsign(token, b"another-secret-another-secret-xx", today=TODAY)["link_id"] == 7


def test_a_link_opens_through_its_expiry_day_and_not_after():
    token = sign(PAYLOAD | {"expires": TODAY}, SECRET)
    assert unsign(token, SECRET, today=TODAY)["expires"] == TODAY
    assert _reason(sign(PAYLOAD | {"expires": TODAY - dt.timedelta(days=1)}, SECRET)) == "expired"


def test_expiry_follows_the_calendar_in_hue_not_utc():
    evening_utc = dt.datetime(2026, 6, 30, 18, 30, tzinfo=dt.UTC)  # 01:30 on 1 July in Huế
    assert calendar.today(evening_utc) == dt.date(2026, 7, 1)
    assert calendar.today(dt.datetime(2026, 6, 30, 16, 59, tzinfo=dt.UTC)) == dt.date(2026, 6, 30)
    token = sign(PAYLOAD | {"expires": dt.date(2026, 6, 30)}, SECRET)
    assert _reason(token, today=calendar.today(evening_utc)) == "expired"


@pytest.mark.parametrize("token", [
    None, "", "abc", "abc.def.ghi", ".", "a.", ".a", "a b.c", "!!!!.####", "x" * 5000,
    "eyJpIjoxfQ." + "A" * 42, "eyJpIjoxfQ." + "A" * 44, "eyJpIjoxfQ==." + "A" * 43,
])
def test_malformed_tokens_are_rejected(token):
    assert _reason(token) == "malformed"


@pytest.mark.parametrize("body", [
    b"not json", b"\xff\xfe", b"[1,2]", b'"text"', b"{}",
    b'{"e":"2026-06-30","f":{},"i":7,"l":"vi","u":3,"v":2,"y":2025}',   # unknown version
    b'{"e":"2026-06-30","f":{},"i":7,"l":"vi","u":3,"v":1}',            # a field missing
    b'{"e":"30/06/2026","f":{},"i":7,"l":"vi","u":3,"v":1,"y":2025}',   # not an ISO date
    b'{"e":"2026-06-30","f":{},"i":"7","l":"vi","u":3,"v":1,"y":2025}',  # id as text
    b'{"e":"2026-06-30","f":{"role":"analyst"},"i":7,"l":"vi","u":3,"v":1,"y":2025}',  # unknown filter
    b'{"e":"2026-06-30","f":{"group":["I","II"]},"i":7,"l":"vi","u":3,"v":1,"y":2025}',
    b'{"e":"2026-06-30","f":{},"i":7,"l":"fr","u":3,"v":1,"y":2025}',
    b'{"e":"2026-06-30","f":{},"i":7,"l":"vi","u":3,"v":1,"y":2025,"admin":true}',
])
def test_a_well_signed_but_malformed_payload_is_rejected(body):
    assert _reason(_signed(body)) == "malformed"
    as_v2 = body.replace(b'"v":2', b'"v":3') if b'"v":2' in body else body.replace(b'"v":1', b'"v":2')
    assert _reason(_signed_v2(as_v2)) == "malformed"


@pytest.mark.parametrize("make", [_signed, _signed_v2])
def test_a_signature_check_comes_before_reading_the_payload(make):
    assert _reason(make(b"not json", b"wrong-secret-wrong-secret-wrong!")) == "tampered"


@pytest.mark.parametrize("bad", [
    {"link_id": 0}, {"upload_id": -1}, {"as_of_year": 12}, {"lang": "fr"}, {"expires": "soon"},
    {"filters": {"role": "analyst"}}, {"filters": {"group": ""}}, {"filters": {"horizon": "2030s"}},
    {"filters": {"present": "yes"}}, {"filters": {"group": "I\nII"}},
])
def test_sign_refuses_a_payload_that_could_not_verify(bad):
    with pytest.raises(ValueError):
        sign(PAYLOAD | bad, SECRET)


def test_every_reason_has_its_own_message_in_both_languages():
    for lang in ("vi", "en"):
        messages = {InvalidLink(reason).message(lang) for reason in REASONS}
        assert len(messages) == len(REASONS)
    assert InvalidLink("expired").message("vi") == t("share.invalid.expired", "vi")
    assert "hết hạn" in InvalidLink("expired").message("vi")
    assert "thu hồi" in InvalidLink("revoked").message("vi")
    with pytest.raises(ValueError):
        InvalidLink("bogus")


def test_secret_can_come_from_streamlit_secrets_toml(db, tmp_path, monkeypatch):
    from hue57.share import _links

    monkeypatch.delenv("HUE57_SECRET", raising=False)
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text('HUE57_SECRET = "from-the-streamlit-secrets-file-0123456789"\n', encoding="utf-8")
    monkeypatch.setattr(_links, "SECRETS_FILES", (secrets_file,))
    assert _links.secret(db) == b"from-the-streamlit-secrets-file-0123456789"
    monkeypatch.setattr(_links, "SECRETS_FILES", (tmp_path / "absent.toml",))
    assert _links.secret(db) != b"from-the-streamlit-secrets-file-0123456789"  # back to the database's secret
