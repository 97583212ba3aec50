"""Error answers that depend on where the request went: JSON under /api/ (the API's own
`{"detail": ...}` shape), the site's pages elsewhere.

Named in the URLconf (handler400) and settings (CSRF_FAILURE_VIEW), and used for unknown
paths under /api/ outside the versioned API.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.defaults import bad_request as django_bad_request


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def api_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


def api_not_found(request, *args, **kwargs):
    return api_error("There is no API endpoint at this address; see /api/v1/docs.", 404)


def csrf_failure(request, reason=""):
    if is_api(request):
        return api_error(
            "This request was refused because it carried a session cookie without a CSRF "
            "token. API clients send 'Authorization: Bearer <token>' and no cookies.",
            403,
        )
    return django_csrf_failure(request, reason=reason)


def bad_request(request, exception, *args, **kwargs):
    """A body too large to read gets the friendly 413 page (or JSON under /api/); any other
    bad request gets Django's 400."""
    if isinstance(exception, RequestDataTooBig):
        if is_api(request):
            return api_error("The request body is too large.", 413)
        context = {"largest": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}
        return render(request, "413.html", context, status=413)
    if is_api(request):
        return api_error("The request could not be understood.", 400)
    return django_bad_request(request, exception, *args, **kwargs)
