"""Backups that are known to restore: backup → wipe → restore gives back the same rows, files
and search results (on whichever engine the suite runs: SQLite and PostgreSQL in CI), and a
damaged or mismatched backup is refused before anything changes."""

import io
import json
import re
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from core.models import User
from core.tests.factories import UserFactory
from library.models import Resource
from library.services import announce_change
from library.tests.factories import ResourceFactory
from members.models import Organisation
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    OrganisationFactory(name="Open Doors")
    UserFactory(email="kept@example.org")
    for n in range(3):
        announce_change(ResourceFactory(title=f"Friday releases and housing {n}"))
    default_storage.save("library/report.txt", ContentFile(b"uploaded evidence"))
    return tmp_path


def _search_results() -> list[str]:
    """The resources the library's search page lists for a query, in order, as a visitor
    gets it."""
    page = Client().get(reverse("library:index"), {"q": "Friday housing"}).content.decode()
    return re.findall(r'href="/library/(routes-out-of-custody-\d+)/"', page)


def _state():
    return (
        sorted(Organisation.objects.values_list("name", flat=True)),
        sorted(User.objects.values_list("email", flat=True)),
        sorted(Resource.objects.values_list("title", flat=True)),
        _search_results(),
        sorted(p.name for p in Path(default_storage.location).rglob("*") if p.is_file()),
    )


def _wipe():
    Resource.objects.all().delete()
    Organisation.objects.all().delete()
    OrganisationFactory(name="Made after the backup")
    default_storage.delete("library/report.txt")
    default_storage.save("library/later.txt", ContentFile(b"not in the backup"))


def test_backup_wipe_restore_gives_back_rows_files_and_search_results(world):
    before = _state()
    assert len(before[3]) == 3
    archive = world / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    _wipe()
    assert _state() != before
    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())
    assert _state() == before
    assert default_storage.open("library/report.txt").read() == b"uploaded evidence"


def _rewrite(archive: Path, tmp_path: Path, change) -> Path:
    """A copy of the archive with `change(folder)` applied to its unpacked files."""
    folder = tmp_path / "unpacked"
    with tarfile.open(archive) as source:
        source.extractall(folder, filter="data")
    change(folder)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(damaged, "w:gz") as target:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                target.add(path, arcname=path.relative_to(folder).as_posix())
    return damaged


def _database_file(folder: Path) -> Path:
    return next(p for p in folder.iterdir() if p.name.startswith("database."))


def _flip_a_byte(folder: Path):
    path = _database_file(folder)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _edit_manifest(**changes):
    def change(folder: Path):
        manifest = json.loads((folder / "manifest.json").read_text())
        manifest.update(changes)
        (folder / "manifest.json").write_text(json.dumps(manifest))

    return change


def _add_migration(folder: Path):
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["migrations"].append("members.9999_from_the_future")
    (folder / "manifest.json").write_text(json.dumps(manifest))


def _add_stray_file(folder: Path):
    (folder / "uploads" / "stray.txt").write_text("not listed")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_flip_a_byte, "does not match its checksum"),
        (_edit_manifest(engine="oracle"), "database, but this installation uses"),
        (_add_migration, "made by a newer version"),
        (_add_stray_file, "does not list"),
        (lambda folder: (folder / "manifest.json").unlink(), "no readable manifest"),
    ],
    ids=["corrupted", "other engine", "newer version", "stray file", "no manifest"],
)
def test_a_damaged_or_mismatched_backup_is_refused_and_nothing_changes(world, change, message):
    archive = world / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    _wipe()
    after_wipe = _state()
    damaged = _rewrite(archive, world, change)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(damaged), interactive=False)
    assert _state() == after_wipe


def test_a_file_that_is_not_a_backup_is_refused(world):
    not_a_backup = world / "notes.tar.gz"
    not_a_backup.write_bytes(b"just some text")
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("restore", str(not_a_backup), interactive=False)
