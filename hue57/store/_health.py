"""What an operator asks of a running server: is the database reachable, at which schema version, when was the
last upload and the last backup (and how old is it), is a signing secret set. Read-only; never raises for a
database it cannot open (that is the answer)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from hue57.store._connect import DatabaseBusy, DatabaseMissing, connect, db_path
from hue57.store._migrate import schema_version
from hue57.store._rotate import latest_backup
from hue57.store._schema import SCHEMA_VERSION


@dataclass(frozen=True)
class Health:
    db: Path
    db_state: str                       # ok | missing | busy | error
    db_error: str = ""
    schema_version: int | None = None
    code_schema_version: int = SCHEMA_VERSION
    last_upload: dict | None = None     # id, at (UTC), by, filename
    backup_dir: Path | None = None
    last_backup: Path | None = None
    last_backup_at: dt.datetime | None = None
    backup_age: dt.timedelta | None = None
    db_secret: bool = False             # the database holds the secret `init` generated

    @property
    def reachable(self) -> bool:
        return self.db_state == "ok"

    def as_record(self) -> dict:
        return {"database": str(self.db), "reachable": self.reachable, "state": self.db_state,
                "error": self.db_error or None, "schema_version": self.schema_version,
                "code_schema_version": self.code_schema_version, "last_upload": self.last_upload,
                "backup_dir": str(self.backup_dir) if self.backup_dir else None,
                "last_backup": str(self.last_backup) if self.last_backup else None,
                "last_backup_at": self.last_backup_at.isoformat() if self.last_backup_at else None,
                "backup_age_hours": round(self.backup_age.total_seconds() / 3600, 1) if self.backup_age else None}


def health(path: str | os.PathLike | None, backup_dir: str | os.PathLike | None,
           now: dt.datetime | None = None) -> Health:
    """The server's state as `Health`: the database (read-only) and the newest backup in `backup_dir`."""
    file = db_path(path)
    now = now or dt.datetime.now(dt.UTC)
    folder = Path(backup_dir) if backup_dir else None
    found = latest_backup(folder)
    backup_fields = {"backup_dir": folder}
    if found is not None:
        at = found[1] if found[1].tzinfo else found[1].replace(tzinfo=dt.UTC)
        backup_fields |= {"last_backup": found[0], "last_backup_at": at, "backup_age": now - at}
    try:
        with connect(file, timeout=10) as con:
            version = schema_version(con)
            row = con.execute('SELECT id, "at", "by", filename FROM uploads WHERE status = \'committed\' '
                              "ORDER BY id DESC LIMIT 1").fetchone()
            secret = con.execute("SELECT count(*) FROM meta WHERE key = 'secret' AND value <> ''").fetchone()[0]
    except DatabaseMissing:
        return Health(file, "missing", **backup_fields)
    except DatabaseBusy:
        return Health(file, "busy", **backup_fields)
    except duckdb.Error as exc:
        return Health(file, "error", str(exc).splitlines()[0][:200], **backup_fields)
    upload = None if row is None else {"id": int(row[0]), "at": row[1].isoformat() if row[1] else None,
                                       "by": row[2], "filename": row[3]}
    return Health(file, "ok", schema_version=version, last_upload=upload, db_secret=bool(secret), **backup_fields)
