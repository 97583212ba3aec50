"""Restore a backup made by `manage.py backup`, after checking every file in it."""

from django.core.management.base import BaseCommand, CommandError

from groundswell.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and uploaded files with a backup. Stop the web servers and "
        "workers first, and start them again afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by manage.py backup.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, archive, interactive=True, **options):
        if interactive:
            answer = input(
                "This replaces the whole database and every uploaded file with the backup. "
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(
            f"Restored the backup made at {manifest['created_at']} "
            f"({len(manifest['files']) - 1} uploaded files). Run `manage.py migrate` if this "
            "code is newer than the backup, then start the servers again."
        )
