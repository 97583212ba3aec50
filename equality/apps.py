from django.apps import AppConfig


class EqualityConfig(AppConfig):
    name = "equality"
    verbose_name = "Equality monitoring"

    def ready(self):
        # Each registers this app's part of a page that gathers many apps' work.
        from equality import registries  # noqa: F401
