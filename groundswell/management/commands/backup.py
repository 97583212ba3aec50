"""Back up the database and the uploads into one archive with a manifest of checksums."""

from django.core.management.base import BaseCommand, CommandError

from groundswell.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Write the database and uploaded files to one archive (var/backups/ by default)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Where to write the archive (.tar.gz).")

    def handle(self, *args, output=None, **options):
        try:
            summary = make_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the {summary.engine} database and {summary.files - 1} uploaded files "
            f"({summary.bytes / 1_000_000:.1f} MB before compression) to {summary.path}"
        )
