from django.apps import AppConfig


class SystemmodelConfig(AppConfig):
    name = "systemmodel"
    verbose_name = "Whole-system model"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from systemmodel import registrations  # noqa: F401  navigation, search, personal data
