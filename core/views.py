from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from core.forms import EmailAuthenticationForm


@never_cache
def healthz(request):
    """Liveness and readiness in one: 200 only when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": str(error)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class Branded:
    """Django's auth views put the host's name in `site_name` (there is no sites framework);
    `extra_context` wins over theirs, so every auth page and the reset email carry the
    installation's own name, read when the page is made."""

    @property
    def extra_context(self):
        return {"site_name": settings.SITE_NAME}

    @property
    def extra_email_context(self):
        return {"site_name": settings.SITE_NAME}


class LoginView(Branded, auth_views.LoginView):
    authentication_form = EmailAuthenticationForm


class LogoutView(Branded, auth_views.LogoutView):
    pass


class PasswordResetView(Branded, auth_views.PasswordResetView):
    pass


class PasswordResetDoneView(Branded, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(Branded, auth_views.PasswordResetConfirmView):
    pass


class PasswordResetCompleteView(Branded, auth_views.PasswordResetCompleteView):
    pass


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page names: send them to the real icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


ROBOTS = """User-agent: *
Disallow: /accounts/
Disallow: /admin/
Disallow: /api/
Disallow: /media/
"""


def robots(request):
    """Crawlers may read the public pages; sign-in, admin, the API and the staff media
    monitor are not for indexing."""
    return HttpResponse(ROBOTS, content_type="text/plain; charset=utf-8")
