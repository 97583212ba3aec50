from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Awards"

    def ready(self):
        # Each registers this app's part of a page that gathers many apps' work.
        from awards import registries, signals  # noqa: F401
