"""Backups of the database file while the dashboard serves, and restoring one into an empty (or forced) file.

Why `EXPORT DATABASE` (Parquet) and not a checkpointed copy of the file: the export runs inside one
read-only connection, and while any connection holds the file no process can write it (the connection
policy of `_connect`), so the backup is one consistent moment — before an import's commit or after it,
never between — without stopping the dashboard (a writer waits at most the export's second or two,
as it waits for any reader). A copy of the file would be consistent under the same lock too, but it is
tied to this DuckDB's storage format (a newer DuckDB reads it, an older or a different tool may not),
it can leave a `.wal` behind to copy as well, and nobody can look inside it; Parquet files with their
`schema.sql` are readable by any DuckDB, pandas or pyarrow, and each is checked by its sha256.

A backup directory holds `schema.sql`, one `TABLE.parquet` per table, DuckDB's own `load.sql` (with the
paths of the moment it was written, so restore does not use it) and `manifest.json`: format, time (UTC),
schema version, DuckDB version, rows per table, sha256 per file. It is written beside its final name and
renamed into place, so a directory with a manifest is complete. It holds the password hashes and the
link-signing secret: the directory is made readable by its owner only (0700).

Restore checks every sha256 and the schema version (a backup from newer code is refused; an older one is
accepted, and the code's migrations bring it up to date), builds the database in a new file beside the
target, checks the row counts, and renames it over the target. Links signed with the database's own
secret keep opening, since the secret is restored with `meta`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from hue57 import audit
from hue57.store._checksum import METHOD as CHECKSUM_METHOD
from hue57.store._checksum import table_checksums
from hue57.store._connect import StoreError, connect, db_path
from hue57.store._migrate import migrate
from hue57.store._schema import SCHEMA_VERSION

FORMAT = "hue57-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
_TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


class BackupRefused(StoreError):
    """A backup or restore that was not done; `key` names the i18n message, `params` fill it."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True)
class BackupResult:
    path: Path
    schema_version: int
    tables: dict[str, int]
    created_at: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _sql_text(path: Path) -> str:
    """A path as an SQL string literal (EXPORT/IMPORT take no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def backup(path: str | os.PathLike | None, out_dir: str | os.PathLike) -> BackupResult:
    """Write a consistent backup of the database into `out_dir` (new, or an empty directory)."""
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BackupRefused("backup.err.not_empty", path=out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.parent / f".{out.name}.partial-{secrets.token_hex(4)}"
    work.mkdir(mode=0o700)
    try:
        with connect(path) as con:  # read-only: writers wait until the export is written
            con.execute(f"EXPORT DATABASE {_sql_text(work)} (FORMAT parquet)")
            tables = {name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])  # noqa: S608 — names from the catalogue
                      for (name,) in con.execute("SELECT table_name FROM information_schema.tables "
                                                 "WHERE table_schema = 'main' ORDER BY table_name").fetchall()}
            version = int(con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
            checksums = table_checksums(con, tables)  # what `backup verify` compares a restored copy with
        created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "created_at": created,
            "schema_version": version, "duckdb_version": duckdb.__version__, "database": db_path(path).name,
            "tables": tables, "checksum_method": CHECKSUM_METHOD, "checksums": checksums,
            "files": {f.name: _sha256(f) for f in sorted(work.iterdir())},
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if out.exists():
            out.rmdir()
        work.rename(out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    audit.record("backup", who=None, path=str(out), schema_version=version, rows=sum(tables.values()))
    return BackupResult(out, version, tables, created)


def read_manifest(backup_dir: str | os.PathLike) -> dict:
    """The manifest of a backup, checked: format, schema version no newer than the code's, every file's sha256."""
    folder = Path(backup_dir)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupRefused("backup.err.no_manifest", path=folder) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused("backup.err.no_manifest", path=folder)
    version = int(manifest.get("schema_version", -1))
    if version > SCHEMA_VERSION:
        raise BackupRefused("backup.err.newer", version=version, code=SCHEMA_VERSION)
    for name, expected in manifest.get("files", {}).items():
        file = folder / name
        if Path(name).name != name or not file.is_file():
            raise BackupRefused("backup.err.file_missing", file=name)
        if _sha256(file) != expected:
            raise BackupRefused("backup.err.checksum", file=name)
    tables = manifest.get("tables", {})
    for table in tables:
        if not _TABLE_NAME.match(table) or f"{table}.parquet" not in manifest.get("files", {}):
            raise BackupRefused("backup.err.file_missing", file=f"{table}.parquet")
    if "schema.sql" not in manifest.get("files", {}):
        raise BackupRefused("backup.err.file_missing", file="schema.sql")
    return manifest


def _statements(schema: str) -> list[str]:
    """schema.sql's statements; only CREATE statements are accepted (this file is run, not read)."""
    statements = [s.strip() for s in schema.split(";\n") if s.strip()]
    for s in statements:
        if not s.upper().startswith("CREATE "):
            raise BackupRefused("backup.err.checksum", file="schema.sql")
    return statements


def restore(path: str | os.PathLike | None, backup_dir: str | os.PathLike, *, force: bool = False) -> dict:
    """Restore a checked backup into the database file (refused when it exists, unless `force`).

    Returns the manifest. The database is built in a new file beside the target, its row counts
    compared with the manifest's, and only then renamed over the target.
    """
    manifest = read_manifest(backup_dir)
    folder = Path(backup_dir)
    target = db_path(path)
    if target.exists() and not force:
        raise BackupRefused("backup.err.target_exists", path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.parent / f".{target.name}.restoring-{secrets.token_hex(4)}"
    try:
        con = duckdb.connect(str(work), config={"python_enable_replacements": False})
        try:
            con.execute("BEGIN TRANSACTION")
            for statement in _statements((folder / "schema.sql").read_text(encoding="utf-8")):
                con.execute(statement)
            for table, rows in manifest["tables"].items():
                con.execute(f'INSERT INTO "{table}" SELECT * FROM read_parquet(?)',  # noqa: S608 — checked name
                            [str(folder / f"{table}.parquet")])
                got = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
                if got != rows:
                    raise BackupRefused("backup.err.rows", table=table, rows=got, expected=rows)
            con.execute("COMMIT")
            migrate(con)  # a backup of an older schema comes back in today's
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if target.exists():
            with connect(target, read_only=False) as old:  # wait for a writer to finish, and fold its WAL in
                old.execute("CHECKPOINT")
        os.replace(work, target)
        Path(str(target) + ".wal").unlink(missing_ok=True)  # belonged to the replaced file, if anything
    finally:
        work.unlink(missing_ok=True)
        Path(str(work) + ".wal").unlink(missing_ok=True)
    audit.record("restore", who=None, path=str(target), backup=str(folder), created_at=manifest.get("created_at"))
    return manifest
