from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = "Criminal justice dictionary and language guide"

    def ready(self):
        from glossary import registries, topic_section  # noqa: F401  register their parts
