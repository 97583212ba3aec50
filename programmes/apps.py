from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes"

    def ready(self):
        # Each registers this app's part of a page that gathers many apps' work.
        from programmes import registries  # noqa: F401
