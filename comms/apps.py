from django.apps import AppConfig


class CommsConfig(AppConfig):
    name = "comms"
    verbose_name = "Member communications"

    def ready(self):
        # This app's parts of the pages that gather many apps' work, and the webhook signals.
        from comms import registries, signals  # noqa: F401
        from comms.updates import registries as update_registries  # noqa: F401
