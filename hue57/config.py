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
    if not secret and secret_file is not None:
        secret = _read_secret_file(secret_file)
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
                    sender=env.get("HUE57_SMTP_SENDER") or str(smtp_raw.get("sender") or ""))
        return Settings(
            config_file=path, db=db, plan=plan, secret=secret, secret_file=secret_file,
            base_url=(env.get("HUE57_BASE_URL") or str(raw.get("base_url") or "")).rstrip("/"),
            trusted_proxies=_words(env.get("HUE57_TRUSTED_PROXIES", raw.get("trusted_proxies"))),
            session_hours=float(env.get("HUE57_SESSION_HOURS") or raw.get("session_hours") or 12),
            smtp=smtp,
            backup_dir=located(env.get("HUE57_BACKUP_DIR") or backup_raw.get("dir")),
            backup_keep=int(env.get("HUE57_BACKUP_KEEP") or backup_raw.get("keep") or 14),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path or 'environment'}: {exc}") from exc
