from django.apps import AppConfig


class InfluenceConfig(AppConfig):
    name = "influence"
    verbose_name = "Recommendations and influence"

    def ready(self):
        from influence import registries, topic_section  # noqa: F401  register their parts
