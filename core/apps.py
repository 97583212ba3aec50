from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core: accounts, roles and audit log"

    def ready(self):
        from core import checks  # noqa: F401  registers the deployment checks
        from core.pages import panels  # noqa: F401  registers staff's "Needs your attention"
