"""Tell contributors about tracker entries recorded since their last message (run daily).

Safe to run as often as you like: an entry is only ever reported to a contributor once.
"""

from django.core.management.base import BaseCommand

from consultations.feedback.services import send_all_updates


class Command(BaseCommand):
    help = "Email contributors who asked to hear back about new responses to recommendations."

    def handle(self, *args, **options):
        sent = send_all_updates()
        self.stdout.write(f"Sent {sent} update{'s' if sent != 1 else ''} to contributors.")
