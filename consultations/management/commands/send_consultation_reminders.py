"""Remind invited member contacts that a consultation's internal deadline is near.

Run it daily from cron. Each consultation is reminded once (its reminder_sent_at is set as
it is claimed), so running it again, or on two servers, sends nothing twice.
"""

from django.core.management.base import BaseCommand

from consultations.evidence.services.calls import REMINDER_DAYS_BEFORE, send_reminders


class Command(BaseCommand):
    help = (
        f"Email invited member contacts whose organisation has not yet submitted, "
        f"{REMINDER_DAYS_BEFORE} days or less before a consultation's internal deadline."
    )

    def handle(self, *args, **options):
        reminded = send_reminders()
        for consultation in reminded:
            self.stdout.write(f"Reminded contacts for “{consultation.title}”.")
        if not reminded:
            self.stdout.write("No reminders due.")
