from django.apps import AppConfig


class InfluenceConfig(AppConfig):
    name = "influence"
    verbose_name = "Recommendations and influence"

    def ready(self):
        from influence import topic_section  # noqa: F401  registers the topic page section
