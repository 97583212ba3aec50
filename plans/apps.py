from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Strategy, action plan and reporting"

    def ready(self):
        # Each registers this app's part of a page that gathers many apps' work.
        from plans import registries  # noqa: F401
