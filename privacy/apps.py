from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Privacy: people's data rights and retention"

    def ready(self):
        # Every app's `personal_data` module registers what it holds about people.
        from core.registries import personal_data

        personal_data.discover()
