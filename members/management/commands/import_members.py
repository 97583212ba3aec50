"""`manage.py import_members FILE [--dry-run]`: the web import, from the command line.

The file is checked completely first. With problems, they are listed (one per line, with
row and column), nothing is written and the command exits with status 1. Otherwise the
whole file is written in one transaction, unless --dry-run asks only for the summary.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from members.services.csv import applying, planning, reading


class Command(BaseCommand):
    help = "Import member organisations and memberships from a CSV file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file, in the export's format.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and say what would change, without changing anything.",
        )

    def handle(self, *args, file: Path, dry_run: bool, verbosity: int = 1, **options):
        started = time.monotonic()
        try:
            text = reading.decode_csv_bytes(file.read_bytes())
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}") from error
        except reading.CsvFileError as error:
            raise CommandError(str(error)) from error

        def report(done: int, total: int) -> None:
            if verbosity >= 1:
                self.stdout.write(f"Checked {done:,} of {total:,} rows")

        plan = planning.plan_import(text, progress=report, progress_every=1000)
        if not plan.is_valid:
            for problem in plan.problems:
                self.stderr.write(str(problem))
            hidden = plan.problem_count - len(plan.problems)
            if hidden:
                self.stderr.write(f"… and {hidden:,} more problems.")
            raise CommandError(
                f"{file} has {plan.problem_count:,} problem"
                f"{'s' if plan.problem_count != 1 else ''}; nothing was imported."
            )
        counts = plan.counts
        if dry_run:
            self.stdout.write(
                f"Dry run: would create {counts['create']:,}, update {counts['update']:,} and "
                f"leave {counts['unchanged']:,} unchanged. Nothing was written."
            )
            return
        if verbosity >= 1:
            self.stdout.write("Saving the changes in one transaction…")
        result = applying.apply_plan(plan, actor_label="manage.py import_members")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {plan.total_rows:,} rows in {time.monotonic() - started:.1f} s: "
                f"{result.created:,} created, {result.updated:,} updated, "
                f"{result.unchanged:,} unchanged."
            )
        )
