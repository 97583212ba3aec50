from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = "Library"

    def ready(self):
        from library import registries, topic_section  # noqa: F401  register their parts
        from library.search import receivers  # noqa: F401  keeps the search index in step
