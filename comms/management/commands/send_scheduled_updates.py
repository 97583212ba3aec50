"""Send the member updates whose scheduled time has come. Run it every few minutes (cron or
a systemd timer), like the other send_* commands; running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from comms.updates import delivery


class Command(BaseCommand):
    help = "Send every scheduled member update whose time has come."

    def handle(self, *args, **options):
        sent = delivery.send_due()
        for issue in sent:
            self.stdout.write(f"Sent issue {issue.number} of {issue.mailing_list.name}.")
        if not sent:
            self.stdout.write("No member update was due.")
