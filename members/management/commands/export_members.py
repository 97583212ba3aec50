"""`manage.py export_members [FILE]`: every organisation as CSV, in the import's format."""

from django.core.management.base import BaseCommand

from members.services.csv import export


class Command(BaseCommand):
    help = "Write every organisation and its memberships as CSV (to a file, or to stdout)."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", default="-", help="Where to write the CSV; '-' (default) is stdout."
        )

    def handle(self, *args, file: str, **options):
        lines = export.export_lines()
        if file == "-":
            for line in lines:
                self.stdout.write(line, ending="")
            return
        count = -1  # the header is not an organisation
        with open(file, "w", encoding="utf-8", newline="") as out:
            for line in lines:
                out.write(line)
                count += 1
        self.stderr.write(f"Wrote {count:,} organisations to {file}.")
