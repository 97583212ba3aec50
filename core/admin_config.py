"""Django admin's app config with the project's audited site (core.admin_site) as `admin.site`;
named in settings.INSTALLED_APPS instead of `django.contrib.admin`. Kept apart from
core/apps.py (one default config per module) and from models (loaded before the registry)."""

from django.contrib.admin.apps import AdminConfig


class GroundswellAdminConfig(AdminConfig):
    default_site = "core.admin_site.GroundswellAdminSite"
