"""Backups that are known to restore: the database and the uploads in one archive, with a
manifest of checksums, and a restore that refuses anything damaged or mismatched before it
changes a thing.

The archive (`.tar.gz`) holds:

- `manifest.json`: format, when, which database engine, the migrations applied, and the
  SHA-256 and size of every other file in the archive;
- `database.sqlite3` (SQLite, through its online backup API, so the site can stay up) or
  `database.pgdump` (PostgreSQL, `pg_dump --format=custom`);
- `uploads/…`: every file under MEDIA_ROOT.

Restoring checks the manifest against every file, the engine and the migrations first; only
then does it replace the database (in one transaction on PostgreSQL) and the uploads.
"""

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
UPLOADS = "uploads"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why, in plain words."""


@dataclass(frozen=True)
class Summary:
    path: Path
    engine: str
    files: int
    bytes: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    for key, name in [("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")]:
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    env["PGDATABASE"] = db["NAME"]
    return env


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    try:
        # Fixed PostgreSQL client commands; the only arguments are paths this module made.
        result = subprocess.run(command, env=_pg_env(), capture_output=True, **kwargs)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} is not installed; install the PostgreSQL client."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.decode(errors='replace')[-2000:]}")
    return result


def _dump_database(engine: str, target: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])


def _applied_migrations() -> list[str]:
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


def _upload_files(media_root: Path):
    if not media_root.is_dir():
        return
    for path in sorted(media_root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, path.relative_to(media_root).as_posix()


def make_backup(output: Path | None = None) -> Summary:
    """Write one archive of the database and the uploads; returns where and how big."""
    engine = _engine()
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    output = Path(
        output or Path(settings.BASE_DIR) / "var" / "backups" / f"groundswell-{stamp}.tar.gz"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    files: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / DATABASE_FILES[engine]
        _dump_database(engine, database)
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            files[database.name] = {"sha256": _sha256(database), "bytes": database.stat().st_size}
            archive.add(database, arcname=database.name)
            for path, relative in _upload_files(media_root):
                name = f"{UPLOADS}/{relative}"
                files[name] = {"sha256": _sha256(path), "bytes": path.stat().st_size}
                archive.add(path, arcname=name)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "engine": engine,
                "migrations": _applied_migrations(),
                "files": files,
            }
            manifest_path = Path(work) / MANIFEST
            manifest_path.write_text(json.dumps(manifest, indent=2))
            archive.add(manifest_path, arcname=MANIFEST)
        partial.replace(output)  # a backup cut short never looks complete
    return Summary(output, engine, len(files), sum(f["bytes"] for f in files.values()))


# --- Restoring ------------------------------------------------------------------------------


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember(MANIFEST)
        manifest = json.load(archive.extractfile(member))
    except (KeyError, ValueError, AttributeError) as error:
        raise BackupError(
            "This is not a Groundswell backup: it has no readable manifest."
        ) from error
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise BackupError("This backup's manifest is of an unknown format.")
    return manifest


def _unpack(archive_path: Path, into: Path) -> dict:
    """Extract and verify every file against the manifest; refuse extra or missing ones."""
    try:
        with tarfile.open(archive_path, "r:*") as archive:
            manifest = _read_manifest(archive)
            names = {m.name for m in archive.getmembers() if m.isfile()} - {MANIFEST}
            unexpected = names - set(manifest["files"])
            if unexpected:
                raise BackupError(
                    f"The backup holds files its manifest does not list: {sorted(unexpected)[:5]}."
                )
            # The "data" filter refuses absolute paths, "..", links out of the folder and devices.
            archive.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(
            f"The backup cannot be read ({error}); it may be damaged or cut short."
        ) from error
    for name, expected in manifest["files"].items():
        path = into / name
        if not path.is_file():
            raise BackupError(f"The backup is missing {name}, which its manifest lists.")
        if path.stat().st_size != expected["bytes"] or _sha256(path) != expected["sha256"]:
            raise BackupError(f"The backup is damaged: {name} does not match its checksum.")
    return manifest


def _check_compatible(manifest: dict) -> None:
    engine = _engine()
    if manifest.get("engine") != engine:
        raise BackupError(
            f"This backup is of a {manifest.get('engine')} database, but this installation uses "
            f"{engine}. Restore it on an installation with the same database engine."
        )
    if DATABASE_FILES[engine] not in manifest["files"]:
        raise BackupError("The backup has no database in it.")
    known = {
        f"{app}.{name}"
        for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    }
    newer = sorted(set(manifest.get("migrations", [])) - known)
    if newer:
        raise BackupError(
            "This backup was made by a newer version of Groundswell (it has migrations this "
            f"code does not know: {', '.join(newer[:5])}). Upgrade first, then restore."
        )


def _restore_database(engine: str, source: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
        return
    # One transaction: empty the schema and load the dump, or change nothing.
    script = _run(["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(source)]).stdout
    connection.close()
    _run(
        [
            "psql",
            "--quiet",
            "--no-psqlrc",
            "-v",
            "ON_ERROR_STOP=1",
            "--single-transaction",
            "--file=-",
        ],
        input=b"DROP SCHEMA public CASCADE; CREATE SCHEMA public;\n" + script,
    )


def _restore_uploads(unpacked: Path) -> int:
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    source = unpacked / UPLOADS
    count = 0
    if source.is_dir():
        for path in source.rglob("*"):
            if path.is_file():
                target = media_root / path.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
                count += 1
    return count


def restore_backup(archive_path: Path) -> dict:
    """Check the archive completely, then replace the database and the uploads with it.
    Returns the manifest. Raises BackupError, having changed nothing, if anything is off."""
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"There is no backup at {archive_path}.")
    with tempfile.TemporaryDirectory() as work:
        unpacked = Path(work)
        manifest = _unpack(archive_path, unpacked)
        _check_compatible(manifest)
        engine = manifest["engine"]
        _restore_database(engine, unpacked / DATABASE_FILES[engine])
        _restore_uploads(unpacked)
    # The restored database is a different world: nothing cached from before may be served.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    # An installation that never ran createcachetable has no cache table to clear.
    with contextlib.suppress(DatabaseError):
        cache.clear()
    return manifest
