"""The versioned JSON API, /api/v1/. Each app contributes a router.

Every answer under /api/v1/ is JSON, errors included, except the documentation page
(/api/v1/docs), which is Swagger UI served from Django Ninja's own static files. Errors
look like {"detail": "<message>"}; validation errors add {"errors": {field: [messages]}}.
"""

import logging
from functools import wraps

from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.db import IntegrityError
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import URLPattern, path, re_path, reverse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestValidationError

from awards.api import router as awards_router
from consultations.api import router as consultations_router
from events.api import router as events_router
from glossary.api import router as dictionary_router
from glossary.api.checker import router as checker_router
from influence.api import router as influence_router
from media.api import router as media_router
from media.api.analyse import router as media_analysis_router
from members.api import API_NAMESPACE
from members.api import router as members_router
from opportunities.api import router as opportunities_router
from systemmodel.api import router as model_router
from taxonomy.api import router as taxonomy_router

logger = logging.getLogger(__name__)

# Codes Django gives a clash with an existing record's unique value.
CONFLICT_CODES = {"unique", "unique_together"}
INVALID = "The data sent is not valid: see `errors` for what to fix."
CONFLICT = "This would duplicate an existing record: see `errors`."


class GroundswellAPI(NinjaAPI):
    """NinjaAPI whose every URL answers in JSON: its root describes the API, unknown paths
    and wrong methods get JSON errors instead of Django's HTML pages."""

    def _get_urls(self):
        urls = [
            URLPattern(p.pattern, _json_method_not_allowed(p.callback), p.default_args, p.name)
            for p in super()._get_urls()
            if p.name != "api-root"  # Ninja's root raises an HTML 404; ours describes the API.
        ]
        urls.append(path("", self._index, name="api-root"))
        urls.append(re_path(r"^.*$", _unknown_path))
        return urls

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Ninja documents successes only; add the JSON errors every operation can give."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.update(ERROR_SCHEMAS)
        for path_name, operations in schema["paths"].items():
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                for status in _error_statuses(path_name, method, operation):
                    description, component = ERROR_RESPONSES[status]
                    responses.setdefault(
                        str(status),
                        {
                            "description": description,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{component}"}
                                }
                            },
                        },
                    )
        return schema

    def _index(self, request: HttpRequest):
        root = reverse(f"{self.urls_namespace}:api-root")
        return JsonResponse(
            {
                "name": self.title,
                "version": self.version,
                "openapi": request.build_absolute_uri(f"{root}openapi.json"),
                "docs": request.build_absolute_uri(f"{root}docs"),
            }
        )


ERROR_SCHEMAS = {
    "Error": {
        "type": "object",
        "properties": {"detail": {"type": "string", "description": "What went wrong."}},
        "required": ["detail"],
    },
    "InvalidData": {
        "type": "object",
        "properties": {
            "detail": {"type": "string"},
            "errors": {
                "type": "object",
                "description": "Field name -> messages; `__all__` for the whole record.",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
        "required": ["detail", "errors"],
    },
}
ERROR_RESPONSES = {
    400: ("The body is not JSON.", "Error"),
    401: ("No token, or a token that is not valid.", "Error"),
    403: ("The token's user may not make this change.", "Error"),
    404: ("Nothing has that slug.", "Error"),
    409: ("Would duplicate a unique value of another record.", "InvalidData"),
    422: ("A parameter or field is not valid.", "InvalidData"),
}


def _error_statuses(path_name: str, method: str, operation: dict) -> list[int]:
    statuses = []
    writes = method in {"post", "put", "patch"}
    if writes:
        statuses.append(400)
    if operation.get("security"):
        statuses += [401, 403]
    if "{" in path_name:
        statuses.append(404)
    if writes:
        statuses.append(409)
    if operation.get("parameters") or operation.get("requestBody"):
        statuses.append(422)
    return statuses


def _error(message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"detail": message, **extra}, status=status)


def _json_method_not_allowed(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allowed = response.get("Allow", "")
            json_response = _error(f"Method not allowed here. Allowed: {allowed}.", 405)
            json_response["Allow"] = allowed
            return json_response
        return response

    return wrapper


def _unknown_path(request: HttpRequest):
    return _error("There is no API endpoint at this address; see /api/v1/docs.", 404)


api = GroundswellAPI(
    title="Groundswell API",
    version="1.0.0",
    urls_namespace=API_NAMESPACE,
    description="Read the alliance's networks, member organisations and taxonomy; "
    "staff with a token can write organisations and memberships.\n\n"
    "Writing needs the header `Authorization: Bearer <token>` with a staff or admin token "
    '(`manage.py issue_api_token EMAIL NAME`). Errors are JSON: `{"detail": message}`, '
    "plus `errors` (field -> messages) for 422 validation and 409 conflicts.",
)
api.add_router("", members_router)
api.add_router("/taxonomy", taxonomy_router)
api.add_router("/dictionary", dictionary_router)
api.add_router("/language", checker_router)
api.add_router("", influence_router)
api.add_router("", consultations_router)
api.add_router("/media", media_analysis_router)  # POST /media/analyse
api.add_router("/media", media_router)  # staff-token reads: articles, outlets, figures
api.add_router("/model", model_router)  # the whole-system model: parameters, runs
api.add_router("", awards_router)  # public reads: schemes, cycles, winners
api.add_router("", events_router)  # events each person may see (visitors: public ones)
api.add_router("", opportunities_router)  # open listings with their vetting information


# --- Exception handlers: every failure becomes a JSON error -------------------------------


def _field_name(loc) -> str:
    parts = [str(part) for part in loc if part not in {"body", "query", "path", "payload"}]
    parts = [part for part in parts if part != "filters"]
    return ".".join(parts) or "body"


@api.exception_handler(RequestValidationError)
def request_invalid(request, exc):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        errors.setdefault(_field_name(error.get("loc", ())), []).append(message)
    return _error(INVALID, 422, errors=errors)


@api.exception_handler(ValidationError)
def data_invalid(request, exc):
    if hasattr(exc, "error_dict"):
        errors = {field: ValidationError(errs).messages for field, errs in exc.error_dict.items()}
        codes = {error.code for errs in exc.error_dict.values() for error in errs}
    else:
        errors = {"__all__": exc.messages}
        codes = {error.code for error in exc.error_list}
    if codes and codes <= CONFLICT_CODES:
        return _error(CONFLICT, 409, errors=errors)
    return _error(INVALID, 422, errors=errors)


@api.exception_handler(AuthenticationError)
def not_authenticated(request, exc):
    response = _error(exc.message, 401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(HttpError)
def http_error(request, exc):
    return _error(exc.message, exc.status_code)


@api.exception_handler(Http404)
@api.exception_handler(ObjectDoesNotExist)
def not_found(request, exc):
    return _error("Not found.", 404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return _error(str(exc) or "You are not allowed to do this.", 403)


@api.exception_handler(IntegrityError)
def conflict(request, exc):
    # Two writers raced past validation; the database kept its constraints.
    return _error("This conflicts with an existing record.", 409)


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc):
    return _error("The request body is too large.", 413)


@api.exception_handler(SuspiciousOperation)
def bad_request(request, exc):
    return _error("The request could not be understood.", 400)


@api.exception_handler(Exception)
def server_error(request, exc):
    logger.exception("API error on %s %s", request.method, request.path)
    return _error("Something went wrong on the server; the error has been logged.", 500)
