"""Send the weekly and monthly round-ups that are due. Run it daily or hourly (cron or a
systemd timer); running it twice sends nothing twice (comms/services/digests.py)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from comms.services import digests


class Command(BaseCommand):
    help = "Send the weekly and monthly round-ups of each list that are due."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this day (YYYY-MM-DD).")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError("--date must be a day written YYYY-MM-DD.") from error
        made = digests.send_due(today)
        for mailing in made:
            self.stdout.write(f"Sent “{mailing.subject}” to {mailing.total} subscribers.")
        if not made:
            self.stdout.write("No round-up was due.")
