from django.core.management.base import BaseCommand

from media.services.digests import send_digests


class Command(BaseCommand):
    help = (
        "Email each saved search's owner the new stigmatising headlines it finds (run it "
        "daily from cron). Safe to re-run: nothing is sent twice."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Queued {sent} digest email{'s' if sent != 1 else ''}.")
