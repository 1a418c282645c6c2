"""The one place settings come from: `hue57.toml` (path in `HUE57_CONFIG`), overridden by environment variables.

A city's IT centre writes one file; a developer's checkout needs none (every setting has a default that
serves `make run`). Environment variables win over the file so a test, a container or a systemd drop-in can
change one setting without copying the file. Nothing here imports Streamlit or DuckDB: the CLI, the pages
and the tests all ask `settings()`.

```toml
db = "/var/lib/hue57/hue57.duckdb"
plan = "/srv/hue57/data"                  # the plan folder (targets.csv, tasks.csv, …, plan.toml)
secret_file = "/etc/hue57/secret"         # or secret = "…" (≥ 32 characters); the file must not be world-readable
base_url = "https://hue57.thuathienhue.gov.vn"
trusted_proxies = ["127.0.0.1", "::1"]    # peers whose X-Forwarded-For is believed
session_hours = 12

[smtp]
host = "mail.example.gov.vn"
port = 587
starttls = true
user = "hue57"
password_file = "/etc/hue57/smtp-password"
sender = "hue57 <hue57@example.gov.vn>"

[backup]
dir = "/var/backups/hue57"
keep = 14
```
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "data" / "hue57.duckdb"
DEFAULT_PLAN = ROOT / "data"
DEFAULT_BASE_URL = "http://localhost:8501"


class ConfigError(Exception):
    """The configuration file cannot be read or holds a value of the wrong kind."""


@dataclass(frozen=True)
class Smtp:
    host: str = ""
    port: int = 587
    starttls: bool = True
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    password_file: Path | None = None

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)


@dataclass(frozen=True)
class Settings:
    config_file: Path | None
    db: Path
    plan: Path
    secret: str = field(default="", repr=False)
    secret_file: Path | None = None
    base_url: str = ""                      # empty: links use the address the analyst's browser uses
    trusted_proxies: tuple[str, ...] = ()
    session_hours: float = 12.0
    smtp: Smtp = Smtp()
    backup_dir: Path | None = None
    backup_keep: int = 14
    secret_from: str = ""                   # where the secret came from: HUE57_SECRET, the file's `secret`, secret_file


def config_path() -> Path | None:
    """The configuration file: `HUE57_CONFIG`, else `hue57.toml` beside the checkout when it exists."""
    named = os.environ.get("HUE57_CONFIG")
    if named:
        return Path(named)
    local = ROOT / "hue57.toml"
    return local if local.is_file() else None


def _read_file(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such configuration file") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def _read_secret_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _words(value) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.replace(",", " ").split() if v.strip())
    return tuple(str(v).strip() for v in value if str(v).strip())


def _bool(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


_CACHE: dict[tuple, Settings] = {}
_ENV = ("HUE57_CONFIG", "HUE57_DB", "HUE57_PLAN", "HUE57_SECRET", "HUE57_SECRET_FILE", "HUE57_BASE_URL",
        "HUE57_TRUSTED_PROXIES", "HUE57_SESSION_HOURS", "HUE57_SMTP_HOST", "HUE57_SMTP_PORT", "HUE57_SMTP_STARTTLS",
        "HUE57_SMTP_USER", "HUE57_SMTP_PASSWORD", "HUE57_SMTP_SENDER", "HUE57_BACKUP_DIR", "HUE57_BACKUP_KEEP")


def settings() -> Settings:
    """The effective settings: the file, then the environment over it (cached while neither changes)."""
    path = config_path()
    try:
        mtime = path.stat().st_mtime_ns if path else None
    except OSError:
        mtime = None
    key = (str(path), mtime, tuple(os.environ.get(name) for name in _ENV))
    found = _CACHE.get(key)
    if found is None:
        found = _build(path)
        _CACHE.clear()
        _CACHE[key] = found
    return found


def _build(path: Path | None) -> Settings:
    raw = _read_file(path)
    env = os.environ
    base = path.parent if path else ROOT

    def located(value) -> Path | None:
        if value in (None, ""):
            return None
        p = Path(str(value)).expanduser()
        return p if p.is_absolute() else (base / p)

    db = located(env.get("HUE57_DB")) or located(raw.get("db")) or DEFAULT_DB
    plan = located(env.get("HUE57_PLAN")) or located(raw.get("plan")) or DEFAULT_PLAN
    secret_file = located(env.get("HUE57_SECRET_FILE") or raw.get("secret_file"))
    secret = env.get("HUE57_SECRET") or str(raw.get("secret") or "")
    secret_from = "HUE57_SECRET" if env.get("HUE57_SECRET") else ("secret" if secret else "")
    if not secret and secret_file is not None:
        secret = _read_secret_file(secret_file)
        secret_from = "secret_file"
    smtp_raw = raw.get("smtp") or {}
    if not isinstance(smtp_raw, dict):
        raise ConfigError(f"{path}: [smtp] must be a table")
    smtp_password_file = located(smtp_raw.get("password_file"))
    smtp_password = env.get("HUE57_SMTP_PASSWORD") or str(smtp_raw.get("password") or "")
    if not smtp_password and smtp_password_file is not None:
        smtp_password = _read_secret_file(smtp_password_file)
    backup_raw = raw.get("backup") or {}
    try:
        smtp = Smtp(host=env.get("HUE57_SMTP_HOST") or str(smtp_raw.get("host") or ""),
                    port=int(env.get("HUE57_SMTP_PORT") or smtp_raw.get("port") or 587),
                    starttls=_bool(env.get("HUE57_SMTP_STARTTLS", smtp_raw.get("starttls", True))),
                    user=env.get("HUE57_SMTP_USER") or str(smtp_raw.get("user") or ""),
                    password=smtp_password,
                    sender=env.get("HUE57_SMTP_SENDER") or str(smtp_raw.get("sender") or ""),
                    password_file=smtp_password_file)
        return Settings(
            config_file=path, db=db, plan=plan, secret=secret, secret_file=secret_file,
            base_url=(env.get("HUE57_BASE_URL") or str(raw.get("base_url") or "")).rstrip("/"),
            trusted_proxies=_words(env.get("HUE57_TRUSTED_PROXIES", raw.get("trusted_proxies"))),
            session_hours=float(env.get("HUE57_SESSION_HOURS") or raw.get("session_hours") or 12),
            smtp=smtp,
            backup_dir=located(env.get("HUE57_BACKUP_DIR") or backup_raw.get("dir")),
            backup_keep=int(env.get("HUE57_BACKUP_KEEP") or backup_raw.get("keep") or 14),
            secret_from=secret_from,
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path or 'environment'}: {exc}") from exc


# --- checking a deployment's settings (`python -m hue57 config check`) ------------------------------------------

MIN_SECRET = 32  # characters: `openssl rand -base64 48` gives 64


@dataclass(frozen=True)
class Finding:
    """One thing `config check` says about the settings: `key` names its message (hue57.i18n), `params` fill it.
    A `fatal` finding makes the check refuse (exit 2); the others are notes."""

    key: str
    params: dict = field(default_factory=dict)
    fatal: bool = True


def _private_file(path: Path, what: str) -> Finding | None:
    """A file holding a secret must exist, be readable by us, and be neither world-readable nor world-writable."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Finding("config.err.file_missing", {"what": what, "path": path})
    except OSError as exc:
        return Finding("config.err.file_unreadable", {"what": what, "path": path, "reason": exc.strerror})
    if mode & 0o006:
        return Finding("config.err.file_open", {"what": what, "path": path, "mode": f"{mode & 0o777:o}"})
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        return Finding("config.err.file_unreadable", {"what": what, "path": path, "reason": exc.strerror})
    return None


def check(s: Settings) -> list[Finding]:
    """What is wrong (fatal) or worth knowing (notes) about settings `s` for a server others reach."""
    found: list[Finding] = []
    if s.secret_file is not None:
        found.append(_private_file(s.secret_file, "secret_file"))
    if s.smtp.password_file is not None:
        found.append(_private_file(s.smtp.password_file, "smtp.password_file"))
    inline = [name for name, given in (("secret", s.secret_from == "secret"),
                                       ("smtp.password", s.smtp.password and s.smtp.password_file is None
                                        and not os.environ.get("HUE57_SMTP_PASSWORD"))) if given]
    if inline and s.config_file is not None:
        found.append(_private_file(s.config_file, "config"))
    if s.secret or (s.secret_file is not None and found[0] is None):  # an empty secret file is a short secret
        if len(s.secret) < MIN_SECRET:
            found.append(Finding("config.err.secret_short", {"n": len(s.secret), "min": MIN_SECRET}))
    elif s.secret_file is None and s.config_file is not None:
        found.append(Finding("config.err.secret_missing", {"min": MIN_SECRET}))
    elif s.secret_file is None:  # a developer's checkout: links are signed with the secret `init` kept
        found.append(Finding("config.note.secret_db", fatal=False))
    from hue57.auth._address import _networks  # noqa: PLC0415 — light; the same parser the sign-in uses

    for item in s.trusted_proxies:
        if not _networks([item]):
            found.append(Finding("config.err.proxy", {"value": item}))
    if s.base_url:
        from urllib.parse import urlsplit  # noqa: PLC0415

        parts = urlsplit(s.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            found.append(Finding("config.err.base_url", {"value": s.base_url}))
        elif parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1"):
            found.append(Finding("config.note.base_url_http", {"value": s.base_url}, fatal=False))
    if not s.plan.is_dir():
        found.append(Finding("config.err.plan", {"path": s.plan}))
    if not s.db.parent.is_dir():
        found.append(Finding("config.err.db_folder", {"path": s.db.parent}))
    if s.backup_keep < 1:
        found.append(Finding("config.err.keep", {"keep": s.backup_keep}))
    if s.backup_dir is None:
        found.append(Finding("config.note.backup_dir", fatal=False))
    if not s.smtp.configured:
        found.append(Finding("config.note.smtp", fatal=False))
    return [f for f in found if f is not None]
