from django.core.management.base import BaseCommand

from events.services.changes import send_reminders


class Command(BaseCommand):
    help = "Email everyone confirmed for an event that starts within the next day (once)."

    def handle(self, *args, **options):
        self.stdout.write(f"Reminded {send_reminders()} attendee(s).")
