from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "Consultations and evidence"

    def ready(self):
        from consultations import signals  # noqa: F401  connects the feedback-update receiver
