from django.core.management.base import BaseCommand

from events.services.sensitive import delete_expired_sensitive_answers, keep_days


class Command(BaseCommand):
    help = "Delete access, dietary and other sensitive answers N days after each event ends."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help=f"Default {keep_days()}.")

    def handle(self, *args, days=None, **options):
        deleted = delete_expired_sensitive_answers(days=days)
        self.stdout.write(f"Deleted {deleted} sensitive answer(s).")
