"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def secret_key_is_not_the_development_key(app_configs, **kwargs):
    """Django only warns (security.W009) about a weak key, and a warning exits 0: the
    development key must fail the deployment check outright."""
    development = getattr(settings, "DEVELOPMENT_SECRET_KEY", None)
    if development == settings.SECRET_KEY or settings.SECRET_KEY.startswith("django-insecure"):
        return [
            Error(
                "SECRET_KEY is the development key, which is published with the code.",
                hint="Set the SECRET_KEY environment variable to 50 or more random characters.",
                id="core.E001",
            )
        ]
    return []
