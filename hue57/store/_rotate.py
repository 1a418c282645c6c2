"""Backups as a service: a dated backup into a folder of backups, keeping the newest N, and the restore drill.

Rotation rules (`rotate`):
- Only a hue57 backup is ever deleted: a direct subdirectory holding a `manifest.json` of format
  `hue57-backup`. Anything else in the folder (a README, a half-written `.NAME.partial-…`, another tool's
  files) is left alone, and inside a backup only the files its manifest lists (and the manifest) are removed;
  a file someone added keeps its directory.
- The newest `keep` backups (by the manifest's `created_at`) stay. Should none of them pass the checks
  `restore` makes (manifest, every sha256), the newest one that does is kept as well: rotation never deletes
  the only good backup.

The drill (`verify`) restores a backup with `restore` itself into a temporary database, then compares each
table's row count and content checksum (`hue57.store._checksum`) with the manifest: the backup is proven by
the same code that would bring it back, not by reading its files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hue57 import audit
from hue57.store._backup import FORMAT, MANIFEST, BackupRefused, BackupResult, backup, read_manifest, restore
from hue57.store._checksum import table_checksums
from hue57.store._connect import connect
from hue57.store._schema import SCHEMA_VERSION

STAMP = "%Y-%m-%dT%H%M%S"  # a backup run's directory name (UTC): sorts as it was made


@dataclass(frozen=True)
class Rotation:
    backup: BackupResult
    kept: list[Path]
    removed: list[Path]


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows_expected: int
    rows_restored: int | None
    checksum_expected: str | None
    checksum_restored: str | None

    @property
    def ok(self) -> bool:
        same_rows = self.rows_restored == self.rows_expected
        return same_rows and (self.checksum_expected is None or self.checksum_expected == self.checksum_restored)


@dataclass(frozen=True)
class Verification:
    path: Path
    created_at: str
    schema_version: int
    tables: list[TableCheck]
    checksums_compared: bool  # False for a backup without checksums, or of an older schema (migrated on restore)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.tables)


def _manifest_of(folder: Path) -> dict | None:
    """The manifest of a hue57 backup directory (not checked), or None when it is not one."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("format") == FORMAT else None


def backups_in(folder: str | os.PathLike) -> list[tuple[Path, dict]]:
    """The hue57 backups directly inside `folder`, newest first (by `created_at`, then name)."""
    root = Path(folder)
    if not root.is_dir():
        return []
    found = [(d, m) for d in root.iterdir() if d.is_dir() and not d.is_symlink()
             and (m := _manifest_of(d)) is not None]
    return sorted(found, key=lambda item: (str(item[1].get("created_at", "")), item[0].name), reverse=True)


def latest_backup(folder: str | os.PathLike | None) -> tuple[Path, dt.datetime] | None:
    """The newest backup in `folder` and when it was made (UTC), or None."""
    for path, manifest in backups_in(folder) if folder else []:
        try:
            return path, dt.datetime.fromisoformat(str(manifest["created_at"]))
        except (KeyError, ValueError):
            continue
    return None


def _good(path: Path) -> bool:
    try:
        read_manifest(path)
    except BackupRefused:
        return False
    return True


def _remove(path: Path, manifest: dict) -> None:
    """Delete the files a backup's manifest lists, the manifest, then the directory if nothing else is in it."""
    for name in manifest.get("files", {}):
        if Path(name).name == name:
            (path / name).unlink(missing_ok=True)
    (path / MANIFEST).unlink(missing_ok=True)
    try:
        path.rmdir()
    except OSError:
        pass  # something that is not the backup's own: leave it


def rotate(folder: str | os.PathLike, keep: int) -> tuple[list[Path], list[Path]]:
    """Keep the newest `keep` backups in `folder` (and the newest good one); returns (kept, removed)."""
    if keep < 1:
        raise BackupRefused("backup.err.keep", keep=keep)
    found = backups_in(folder)
    kept, old = found[:keep], found[keep:]
    if not any(_good(path) for path, _ in kept):
        for i, (path, _) in enumerate(old):
            if _good(path):
                kept.append(old.pop(i))
                break
    for path, manifest in old:
        _remove(path, manifest)
    return [p for p, _ in kept], [p for p, _ in old]


def backup_rotated(path: str | os.PathLike | None, folder: str | os.PathLike, keep: int,
                   *, now: dt.datetime | None = None) -> Rotation:
    """A backup into `folder`/YYYY-MM-DDTHHMMSS (UTC), then `rotate(folder, keep)`."""
    if keep < 1:
        raise BackupRefused("backup.err.keep", keep=keep)
    root = Path(folder)
    stamp = (now or dt.datetime.now(dt.UTC)).strftime(STAMP)
    target, n = root / stamp, 1
    while target.exists():
        n += 1
        target = root / f"{stamp}-{n}"
    return rotated(backup(path, target), keep)


def rotated(result: BackupResult, keep: int) -> Rotation:
    """Rotate the folder a backup was just written into (its parent)."""
    kept, removed = rotate(result.path.parent, keep)
    if removed:
        audit.record("backup.rotate", who=None, folder=str(result.path.parent), keep=keep,
                     removed=[p.name for p in removed])
    return Rotation(result, kept, removed)


def verify(backup_dir: str | os.PathLike) -> Verification:
    """The restore drill: restore the backup into a temporary database and compare it with the manifest."""
    folder = Path(backup_dir)
    try:
        with tempfile.TemporaryDirectory(prefix="hue57-verify-") as tmp:
            target = Path(tmp) / "verify.duckdb"
            manifest = restore(target, folder)
            expected_rows: dict[str, int] = {k: int(v) for k, v in manifest.get("tables", {}).items()}
            compared = bool(manifest.get("checksums")) and int(manifest["schema_version"]) == SCHEMA_VERSION
            expected_sums: dict[str, str] = manifest.get("checksums", {}) if compared else {}
            with connect(target) as con:
                present = {name for (name,) in con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
                names = [name for name in expected_rows if name in present]
                rows = {name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])  # noqa: S608
                        for name in names}
                sums = table_checksums(con, names)
    except BackupRefused as exc:
        audit.record("backup.verify", who=None, ok=False, backup=str(folder), reason=exc.key)
        raise
    checks = [TableCheck(name, expected, rows.get(name), expected_sums.get(name) if compared else None,
                         sums.get(name)) for name, expected in expected_rows.items()]
    result = Verification(folder, str(manifest.get("created_at", "")), int(manifest["schema_version"]), checks,
                          compared)
    audit.record("backup.verify", who=None, ok=result.ok, backup=str(folder), tables=len(checks),
                 failed=[c.table for c in checks if not c.ok] or None, checksums=compared)
    return result
