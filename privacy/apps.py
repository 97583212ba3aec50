from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Privacy: people's data rights and retention"

    def ready(self):
        # Every app's `personal_data` and `retention` modules register what it holds about
        # people and how long it keeps it.
        from core.registries import personal_data, retention

        personal_data.discover()
        retention.discover()
        import privacy.registries  # noqa: F401
