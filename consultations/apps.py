from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultations and evidence"

    def ready(self):
        from consultations import registries, signals  # noqa: F401  connect and register
