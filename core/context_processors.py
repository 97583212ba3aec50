from django.conf import settings

from core.roles import is_admin, is_staff_member


def site(request):
    user = getattr(request, "user", None)
    return {
        "site_name": settings.SITE_NAME,
        "site_logo_url": settings.SITE_LOGO_URL,
        "site_accent_colour": settings.SITE_ACCENT_COLOUR,
        "user_is_staff": bool(user and is_staff_member(user)),
        "user_is_admin": bool(user and is_admin(user)),
    }
