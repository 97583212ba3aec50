from django.core.management.base import BaseCommand

from members import demo


class Command(BaseCommand):
    help = (
        "Load the demo networks, member organisations and applications into an empty "
        "directory, and make sure the demo logins exist. Safe to run again."
    )

    def handle(self, *args, **options):
        result = demo.load_demo()
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

        from library.demo import load_demo_resources

        resources = load_demo_resources()
        if resources:
            self.stdout.write(self.style.SUCCESS(f"Loaded {resources} demo library resources."))
        else:
            self.stdout.write("The library already has resources: skipped the demo library.")

        from influence.demo import load_demo_recommendations

        recommendations = load_demo_recommendations()
        if recommendations:
            self.stdout.write(self.style.SUCCESS(f"Loaded {recommendations} demo recommendations."))
        else:
            self.stdout.write("The tracker already has recommendations: skipped the demo tracker.")

        from consultations.demo import load_demo_consultation

        consultations = load_demo_consultation()
        if consultations:
            self.stdout.write(self.style.SUCCESS(f"Loaded {consultations} demo consultations."))
        else:
            self.stdout.write(
                "Skipped the demo consultations: consultations exist already, or the demo "
                "organisations they quote do not."
            )

        from media.demo import load_demo_media

        articles = load_demo_media()
        if articles:
            self.stdout.write(self.style.SUCCESS(f"Loaded {articles} demo news articles."))
        else:
            self.stdout.write("The media monitor already has articles: skipped its demo.")

        from systemmodel.demo import load_demo_scenarios

        scenarios = load_demo_scenarios()
        if scenarios:
            self.stdout.write(self.style.SUCCESS(f"Loaded {scenarios} demo model scenarios."))
        else:
            self.stdout.write("The demo model scenarios exist already: skipped them.")

        self.stdout.write("")
        self.stdout.write(
            f'Demo logins, each created with the password "{demo.DEMO_PASSWORD}" '
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
