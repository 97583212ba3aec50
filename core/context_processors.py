from django.conf import settings

from core.registries import navigation
from core.roles import is_admin, is_staff_member


def site(request):
    user = getattr(request, "user", None)
    path = getattr(request, "path", "")
    return {
        "site_name": settings.SITE_NAME,
        "site_logo_url": settings.SITE_LOGO_URL,
        "site_accent_colour": settings.SITE_ACCENT_COLOUR,
        "user_is_staff": bool(user and is_staff_member(user)),
        "user_is_admin": bool(user and is_admin(user)),
        # A callable, so only pages that draw the header pay for it (not htmx partials).
        "nav_groups": lambda: navigation.links_for(user, path) if user is not None else [],
    }
