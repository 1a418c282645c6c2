"""Meeting links: create, open, list and revoke read-only links pinned to one upload's snapshot."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from hue57 import audit, briefing, calendar, store
from hue57.config import settings
from hue57.i18n import LANGS, fmt_date, normalise_lang, t
from hue57.share import _opens
from hue57.share._tokens import (
    ALL_HORIZONS,
    BOARD_FILTER_KEYS,
    FILTER_KEYS,
    BadFilter,
    InvalidLink,
    check_filters,
    sign,
    unsign,
)
from hue57.store import _share as rows

DEFAULT_BASE_URL = "http://localhost:8501"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})
MIN_SECRET_CHARS = 16
_HOST_PORT = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}))(:[0-9]{1,5})?")

Db = str | os.PathLike | None


class LinkRefused(ValueError):
    """A link that cannot be created as asked; `key` names the catalogue text, `message(lang)` says it."""

    def __init__(self, key: str, /, **values: object):
        super().__init__(f"{key} {values}" if values else key)
        self.key = key
        self.values = values

    def message(self, lang: str = "vi") -> str:
        shown = {k: fmt_date(v, lang) if isinstance(v, dt.date) else v for k, v in self.values.items()}
        return t(f"share.refused.{self.key}", lang, **shown)


@dataclass(frozen=True)
class SharedLink:
    """A link just created: its id, token and URL, and what it shows."""

    id: int
    token: str
    url: str
    upload_id: int
    uploaded_at: pd.Timestamp | None
    as_of_year: int | None
    filters: dict[str, str] = field(default_factory=dict)
    lang: str = "vi"
    expires: dt.date | None = None
    created_at: pd.Timestamp | None = None
    by: str = ""


@dataclass(frozen=True)
class LinkView:
    """A verified link, the one object the pages and `gaps --share` show from: its snapshot (read on first
    use, and only that upload's data), the year, the signed filters as the board applies them, the
    language, and `read_only` (always True: nothing reached through a link may write)."""

    link_id: int
    upload_id: int
    uploaded_at: pd.Timestamp | None
    as_of_year: int | None
    filters: dict[str, str]
    lang: str
    expires: dt.date
    load: Callable[[int], store.Snapshot] | None = field(default=None, compare=False, repr=False)

    @property
    def read_only(self) -> bool:
        return True

    @cached_property
    def snapshot(self) -> store.Snapshot:
        """The data exactly as of the link's upload (later uploads never show through)."""
        if self.load is None:
            raise RuntimeError("this LinkView was made without a snapshot loader")
        return self.load(self.upload_id)

    @property
    def year(self) -> int:
        """The reporting year shown: the link's, else this year in the plan's time zone."""
        return int(self.as_of_year or calendar.today().year)

    def board_filters(self) -> dict[str, str]:
        """The board's filters as `briefing.filter_board(board, **…)` takes them, the same on every face: the
        signed values, '' for 'all', and for a link that names no horizon the overview's default (the plan's
        first horizon)."""
        horizon = self.filters.get("horizon") or briefing.horizons(self.snapshot.targets)[0]
        shown = {key: self.filters.get(key, "") for key in BOARD_FILTER_KEYS}
        return shown | {"horizon": "" if horizon == ALL_HORIZONS else horizon}

    def page_filters(self) -> dict[str, str]:
        """Every signed filter, with the board's resolved as in `board_filters` (what the page's widgets show)."""
        return dict(self.filters) | self.board_filters()


SECRETS_FILES = (Path(__file__).resolve().parents[2] / ".streamlit" / "secrets.toml",
                 Path.home() / ".streamlit" / "secrets.toml")


def _streamlit_secret() -> str | None:
    """`HUE57_SECRET` from Streamlit's secrets.toml (project, then user), read without importing Streamlit."""
    for path in SECRETS_FILES:
        if path.is_file():
            with path.open("rb") as f:
                value = tomllib.load(f).get("HUE57_SECRET")
            if value:
                return str(value)
    return None


def secret(db: Db) -> bytes:
    """The signing key: `HUE57_SECRET` from the environment, else from Streamlit's secrets.toml, else the
    random secret `init` generated and kept in the (git-ignored) database file."""
    text = settings().secret or _streamlit_secret() or store.meta_value(db, "secret")
    if not text:
        raise store.StoreError("no signing secret: run `python -m hue57 init` or set HUE57_SECRET")
    if len(text) < MIN_SECRET_CHARS:
        raise store.StoreError(f"HUE57_SECRET is too short: use at least {MIN_SECRET_CHARS} random characters")
    return text.encode("utf-8")


def base_url(given: str | None = None) -> str:
    """Where links point: `given` (the CLI's `--base-url`), else `HUE57_BASE_URL`, else http://localhost:8501."""
    return (given or settings().base_url or DEFAULT_BASE_URL).rstrip("/")


def request_base_url(browser_url: str | None, headers: Mapping[str, str] | None = None,
                     page_path: str = "") -> str:
    """Where a link made on a page points: `HUE57_BASE_URL` when set, else the address the analyst's
    browser is using (`browser_url`, the page's URL without its query, less the page's own `page_path`),
    else the request's `Host` header (scheme from `X-Forwarded-Proto`), else the default.

    Only an http(s) address whose host is a name or an IP (and a port) is taken from the request: anything
    else (user info, spaces, line breaks, another scheme) falls back.
    """
    if settings().base_url:
        return base_url()
    parts = urlsplit(browser_url or "")
    if parts.scheme in ("http", "https") and _HOST_PORT.fullmatch(parts.netloc):
        path = parts.path.rstrip("/")
        page = page_path.strip("/")
        if page and (path == f"/{page}" or path.endswith(f"/{page}")):
            path = path[: -len(page) - 1]
        return f"{parts.scheme}://{parts.netloc}{path}"
    headers = headers or {}
    host = (headers.get("Host") or "").strip()
    scheme = (headers.get("X-Forwarded-Proto") or "http").split(",")[0].strip().lower()
    if scheme in ("http", "https") and _HOST_PORT.fullmatch(host):
        return f"{scheme}://{host}"
    return base_url()


def is_local(url: str) -> bool:
    """True when `url` points at this machine only (localhost, 127.0.0.1): no one else in the room can open it."""
    host = urlsplit(url).hostname or ""
    return host in LOCAL_HOSTS or host.startswith("127.")


def url_for_token(token: str, base: str | None = None) -> str:
    return f"{base_url(base)}/?s={token}"


def _filters_text(filters: dict[str, str]) -> str:
    return json.dumps(filters, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _payload(row: Mapping) -> dict:
    return {"link_id": int(row["id"]), "upload_id": int(row["upload_id"]),
            "as_of_year": None if pd.isna(row["as_of_year"]) else int(row["as_of_year"]),
            "filters": json.loads(row["filters"] or "{}"), "lang": row["lang"], "expires": row["expires"]}


def _ts(value: object) -> pd.Timestamp | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value)


def create_link(db: Db, *, upload_id: int | None, as_of_year: int | None, filters: dict, lang: str,
                expires: dt.date, by: str, base: str | None = None) -> SharedLink:
    """Record a read-only link to upload `upload_id`'s snapshot (None: the newest) and sign its token; its
    URL starts with `base` (see `base_url`).

    Refused (`LinkRefused`, nothing written) for an expiry before today (local date), an unknown upload,
    a filter outside FILTER_KEYS or with a bad value, an unknown language, or an implausible year.
    """
    if not isinstance(expires, dt.date) or isinstance(expires, dt.datetime):
        raise LinkRefused("expires_type")
    if expires < calendar.today():
        raise LinkRefused("expired", expires=expires)
    try:
        clean = check_filters(filters or {})
    except BadFilter as exc:
        if exc.problem == "key":
            raise LinkRefused("filter_key", key=exc.name, allowed=", ".join(sorted(FILTER_KEYS))) from exc
        raise LinkRefused("filter_value", key=exc.name, value=exc.value) from exc
    if lang not in LANGS:
        raise LinkRefused("lang", lang=lang)
    if as_of_year is not None and not 1900 <= int(as_of_year) <= 2100:
        raise LinkRefused("year", year=as_of_year)
    by = (by or "").strip()
    if not by:
        raise LinkRefused("by")
    key = secret(db)  # before writing: a missing secret must not leave a row behind
    try:
        row = rows.insert_share_link(db, by=by, upload_id=upload_id,
                                     as_of_year=None if as_of_year is None else int(as_of_year),
                                     filters=_filters_text(clean), lang=lang, expires=expires)
    except rows.UnknownUpload as exc:
        raise LinkRefused("upload", upload=exc.upload_id if exc.upload_id is not None else "latest") from exc
    token = sign(_payload(row), key)
    audit.record("link.create", who=by, link=int(row["id"]), upload=int(row["upload_id"]), expires=expires,
                 filters=clean or None, lang=lang)
    return SharedLink(id=int(row["id"]), token=token, url=url_for_token(token, base), upload_id=int(row["upload_id"]),
                      uploaded_at=_ts(row["uploaded_at"]), as_of_year=_payload(row)["as_of_year"], filters=clean,
                      lang=lang, expires=expires, created_at=_ts(row["created_at"]), by=by)


def open_link(db: Db, token: str, *, count: bool = True, today: dt.date | None = None,
              load: Callable[[int], store.Snapshot] | None = None) -> LinkView:
    """The verified link, or `InvalidLink(reason)`: tampered, malformed, expired, revoked, unknown.

    Its `snapshot` is read on first use with `load(upload_id)` (default: from `db`; a page passes its
    cached reader). With `count`, adds one to the link's open count, in memory and written in a batch
    (`hue57.share._opens`): a page counts once per browser session, not on every rerun.
    """
    payload = unsign(token, secret(db), today=today)
    row = rows.share_link(db, payload["link_id"])
    if row is None:
        raise InvalidLink("unknown", f"link {payload['link_id']}")
    if _payload(row) != payload:  # a validly signed token that disagrees with its row: never trust it
        raise InvalidLink("tampered", "payload differs from the stored link")
    if row["revoked"]:
        raise InvalidLink("revoked", f"link {payload['link_id']}")
    if count:
        _opens.note_open(db, payload["link_id"])
    return LinkView(link_id=payload["link_id"], upload_id=payload["upload_id"], uploaded_at=_ts(row["uploaded_at"]),
                    as_of_year=payload["as_of_year"], filters=dict(payload["filters"]), lang=payload["lang"],
                    expires=payload["expires"],
                    load=load or (lambda upload_id: store.load(db, as_of_upload=upload_id)))


def snapshot_for_token(db: Db, token: str, *, count: bool = False) -> tuple[LinkView, store.Snapshot]:
    """The verified link and the data exactly as of its upload (later uploads never show through)."""
    view = open_link(db, token, count=count)
    return view, view.snapshot


def token_from_query(query_params: Mapping[str, object]) -> str | None:
    """The `s` parameter of a request (the last one when repeated), or None."""
    value = query_params.get("s")
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return str(value) if value else None


def shared_page_state(view: LinkView, query_params: Mapping[str, object] | None = None) -> dict:
    """What a page opened with `?s=` shows: upload, year and filters from the verified link only.

    Every other query parameter (group, agency, status, horizon, year, upload, role, …) is ignored, so
    nothing outside the signed token can widen the view or grant a right. The one exception is the
    display language, which changes words, not data: `lang=en|vi` in the URL overrides the link's.
    """
    lang = view.lang
    if query_params and query_params.get("lang"):
        lang = normalise_lang(query_params.get("lang"))
    return {"upload_id": view.upload_id, "as_of_year": view.year, "filters": view.page_filters(),
            "lang": lang, "read_only": view.read_only}


def filters_text(filters: Mapping[str, str]) -> str:
    """Filters as `k=v,k=v` (the CLI's syntax), for tables."""
    return ",".join(f"{k}={v}" for k, v in sorted(filters.items()))


def list_links(db: Db, *, flush: bool = True) -> pd.DataFrame:
    """Every link, newest first: id, created_at (UTC), by, upload_id, as_of_year, filters (k=v,…), lang,
    expires, revoked, opened, then revoked_at, revoked_by, uploaded_at and state (active|expired|revoked).

    With `flush`, this process's opens not yet written are written first, so `opened` includes them (a
    page that lists links on every view passes False: that write would undo the batching)."""
    if flush:
        _opens.flush(db)
    frame = rows.share_links(db)
    frame["filters"] = [filters_text(json.loads(f or "{}")) for f in frame["filters"]]
    today = calendar.today()
    frame["state"] = ["revoked" if r else ("expired" if e < today else "active")
                      for r, e in zip(frame["revoked"], frame["expires"], strict=True)]
    frame["state"] = frame["state"].astype(object)
    order = ["id", "created_at", "by", "upload_id", "as_of_year", "filters", "lang", "expires", "revoked", "opened",
             "revoked_at", "revoked_by", "uploaded_at", "state"]
    return frame[order]


def url_for(db: Db, link_id: int, base: str | None = None) -> str:
    """The URL of an existing link again (tokens are deterministic), for 'copy link' on the share page."""
    row = rows.share_link(db, link_id)
    if row is None:
        raise LinkRefused("unknown", link_id=link_id)
    return url_for_token(sign(_payload(row), secret(db)), base)


def revoke(db: Db, link_id: int, by: str) -> bool:
    """Revoke a link for good: True when it was active, False when already revoked; `LinkRefused` if unknown."""
    outcome = rows.revoke_share_link(db, int(link_id), (by or "").strip() or "?")
    if outcome == "unknown":
        raise LinkRefused("unknown", link_id=link_id)
    audit.record("link.revoke", who=by, link=int(link_id), outcome=outcome)
    return outcome == "revoked"
