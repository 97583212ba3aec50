from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events and forums"

    def ready(self):
        # Each registers this app's part of a page that gathers many apps' work.
        from events import registries  # noqa: F401
