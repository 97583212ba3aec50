"""Queue again every send whose worker died mid-send, and every send with retries now due.

Run it after a restart and on a timer (every few minutes). Nothing is sent twice: see
comms/services/worker.py."""

from django.core.management.base import BaseCommand

from comms.services import worker


class Command(BaseCommand):
    help = "Resume interrupted sends and retry delayed deliveries."

    def handle(self, *args, **options):
        resumed = worker.resume_stalled()
        self.stdout.write(f"Queued {len(resumed)} mailing(s) to resume.")
