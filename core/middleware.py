from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control

from core.lib import freshness


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: a strict content security policy.

    Every script and style is served from our own static files, so nothing else is allowed.
    """

    POLICY = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
        "form-action 'self'"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The API docs page ships its own inline start-up script.
        if not request.path.startswith("/api/"):
            response.headers.setdefault("Content-Security-Policy", self.POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


class VisitorPageReuseMiddleware:
    """Give a visitor the page the previous visitor got, while nothing has been committed.

    Public read-only pages (settings.REUSABLE_VISITOR_PAGES) look the same to every visitor
    who is not signed in, so rendering them once per change to the data is enough. A request
    qualifies only when it is a GET that carries no session, messages or Authorization
    (nothing personal can be in its page), and a response is kept only when it is a 200 that
    sets no cookie. Freshness comes from core.lib.freshness, so any committed write, by any
    process, means the next visitor gets a newly rendered page.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.view_names = frozenset(getattr(settings, "REUSABLE_VISITOR_PAGES", ()))

    def __call__(self, request):
        if not self._qualifies(request):
            return self.get_response(request)
        key = ("page", request.get_full_path(), request.headers.get("HX-Request") == "true")
        kept = freshness.reuse(key, lambda: self._render(request), keep=lambda page: page[0])
        if not kept[0]:
            return kept[1]
        _, content, content_type = kept
        return HttpResponse(content, content_type=content_type)

    def _render(self, request):
        response = self.get_response(request)
        keep = response.status_code == 200 and not response.cookies and not response.streaming
        if not keep:
            return (False, response, None)
        return (True, response.content, response["Content-Type"])

    def _qualifies(self, request) -> bool:
        if request.method != "GET" or not self.view_names:
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return False
        if "Authorization" in request.headers:
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in self.view_names


class RetryAfterMiddleware:
    """Every 429 says when to come back: the rate limit's own answer when it refused the
    request (core.lib.ratelimit remembers it on the request), else a minute."""

    DEFAULT_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429 and "Retry-After" not in response.headers:
            seconds = getattr(request, "rate_limit_retry_after", self.DEFAULT_SECONDS)
            response.headers["Retry-After"] = str(seconds)
        return response


class PrivatePagesMiddleware:
    """Nothing answered to a signed-in person or an API token is kept by a browser's or a
    proxy's cache: such pages show personal data (special category and criminal-offence data
    among it), so they are sent with `Cache-Control: private, no-store`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._personal(request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def _personal(request) -> bool:
        if "Authorization" in request.headers:
            return True
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False  # no session: a visitor, and reading request.user would cost a query
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)
