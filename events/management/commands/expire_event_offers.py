from django.core.management.base import BaseCommand

from events.services.registration import expire_offers


class Command(BaseCommand):
    help = "Lapse waitlist offers not taken up in time and offer each place to the next person."

    def handle(self, *args, **options):
        self.stdout.write(f"{expire_offers()} offer(s) lapsed.")
