from django.core.management.base import BaseCommand

from groundswell.demo import FEATURE_DEMOS
from members import demo as directory_demo


class Command(BaseCommand):
    help = (
        "Load the demo networks, member organisations and applications into an empty "
        "directory, and make sure the demo logins exist. Safe to run again."
    )

    def handle(self, *args, **options):
        # The directory first: every feature's demo data refers to its organisations.
        result = directory_demo.load_demo()
        if result.loaded:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded demo data: {result.networks} networks, "
                    f"{result.organisations} organisations, {result.memberships} memberships, "
                    f"{result.people} contacts, {result.applications} pending applications."
                )
            )
        else:
            self.stdout.write("Organisations already exist: skipped loading the demo directory.")

        for feature in FEATURE_DEMOS:
            count = feature.load()
            if count:
                self.stdout.write(self.style.SUCCESS(feature.loaded.format(count=count)))
            else:
                self.stdout.write(feature.skipped)

        self.stdout.write("")
        self.stdout.write(
            f'Demo logins, each created with the password "{directory_demo.DEMO_PASSWORD}" '
            "(an existing account keeps its own password):"
        )
        for login, created in result.logins:
            note = "created" if created else "already existed, left unchanged"
            self.stdout.write(f"  {login.email:<20} {login.what} ({note})")
        self.stdout.write(
            self.style.WARNING(
                "These logins and this password are for a local demo only. Never run "
                "load_demo on a server that anyone else can reach."
            )
        )
