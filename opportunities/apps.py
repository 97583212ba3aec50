from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = "Opportunities board"

    def ready(self):
        # Registers this app's part of the pages that gather many apps' work.
        from opportunities import registries  # noqa: F401
