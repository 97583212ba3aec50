"""What a locked-out sign-in gets (django-axes' AXES_LOCKOUT_CALLABLE): the locked-out page
as a 429 that says, in Retry-After, when signing in is possible again."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    seconds = round(float(settings.AXES_COOLOFF_TIME) * 3600)
    response = render(
        request, settings.AXES_LOCKOUT_TEMPLATE, {"cooloff_minutes": seconds // 60}, status=429
    )
    response["Retry-After"] = str(seconds)
    return response
