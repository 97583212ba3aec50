from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from core.forms import EmailAuthenticationForm, PasswordResetForm
from core.lib import ratelimit
from core.sign_in import normalise_identifier

RESET_PER_CLIENT = 10
RESET_PER_ADDRESS = 3
RESET_WINDOW = 60 * 60
RESET_REFUSAL = (
    "There have been too many requests to reset a password from your connection in the last "
    "hour. Please wait an hour and try again."
)


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
    """Throttled twice: per client (429 and the form again), and per address (the answer is
    the same as ever, but no more emails go to that address this hour), so nobody can flood
    a person's inbox or probe addresses at speed."""

    form_class = PasswordResetForm

    def form_valid(self, form):
        if not ratelimit.hit("password-reset", self.request, RESET_PER_CLIENT, RESET_WINDOW):
            context = self.get_context_data(form=form, refusal=RESET_REFUSAL)
            return self.render_to_response(context, status=429)
        address = normalise_identifier(form.cleaned_data["email"])
        if not ratelimit.check(
            "password-reset-address", self.request, RESET_PER_ADDRESS, RESET_WINDOW, address
        ).allowed:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


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
