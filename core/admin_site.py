"""The project's Django admin site: every model admin registered on it is audited.

settings.INSTALLED_APPS names `core.admin_config.GroundswellAdminConfig` instead of
`django.contrib.admin`, so `admin.site` and `@admin.register` are this site everywhere.
"""

from django.contrib import admin

from core.admin_audit import AuditedAdminMixin


class GroundswellAdminSite(admin.AdminSite):
    site_header = "Groundswell administration"

    def register(self, model_or_iterable, admin_class=None, **options):
        base = admin_class or admin.ModelAdmin
        if not issubclass(base, AuditedAdminMixin):
            base = type(base.__name__, (AuditedAdminMixin, base), {"__module__": base.__module__})
        super().register(model_or_iterable, base, **options)
