from django.conf import settings
from django.core.management.base import BaseCommand

from opportunities.services.alerts import send_due


class Command(BaseCommand):
    help = (
        "Email each confirmed opportunities alert the listings approved since its last email "
        "(run daily; a listing is sent once per alert)."
    )

    def handle(self, *args, **options):
        sent = send_due(settings.SITE_URL.rstrip("/"))
        self.stdout.write(f"Sent {sent} alert email(s).")
