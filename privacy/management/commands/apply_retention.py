"""Apply every retention rule (see /account/data/retention/). Safe to run twice; schedule daily."""

from django.core.management.base import BaseCommand

from privacy.services.retention import apply_all


class Command(BaseCommand):
    help = "Delete or anonymise records kept longer than their retention rule allows."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        verb = "would change" if dry_run else "changed"
        for outcome in apply_all(dry_run=dry_run):
            if not outcome.active:
                self.stdout.write(f"{outcome.key}: not in use here")
            else:
                self.stdout.write(f"{outcome.key}: {outcome.changed} {verb}")
