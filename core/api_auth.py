"""Bearer-token authentication for the JSON API.

A client sends `Authorization: Bearer <key>`. Only the key's SHA-256 hash is stored
(core.models.ApiToken), so the key is hashed and looked up; the token's user must still be
active. Reading the API needs no token at all; writing needs a staff or admin token.
"""

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBearer

from core.models import ApiToken
from core.roles import is_staff_member

# Touching last_used_at on every request would turn each read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)
# Issued keys are 43 characters; anything much longer is not one of ours.
MAX_KEY_LENGTH = 200

NO_CREDENTIALS = "Authentication required: send the header 'Authorization: Bearer <token>'."
BAD_CREDENTIALS = "The API token is not valid."
STAFF_ONLY = "Only staff and admin tokens may change data."


def user_for_key(key: str):
    """The active user a key belongs to, or None. Records when the token was last used."""
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user


class TokenAuth(HttpBearer):
    """Any active user's token. The authenticated user becomes `request.auth`."""

    def __call__(self, request: HttpRequest):
        header = request.headers.get(self.header, "")
        if not header.strip():
            raise AuthenticationError(401, NO_CREDENTIALS)
        scheme, _, key = header.strip().partition(" ")
        if scheme.lower() != self.openapi_scheme:
            raise AuthenticationError(401, NO_CREDENTIALS)
        return self.authenticate(request, key.strip())

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_key(token)
        if user is None:
            raise AuthenticationError(401, BAD_CREDENTIALS)
        return user


class StaffTokenAuth(TokenAuth):
    """A staff or admin token: the only kind that may write."""

    def authenticate(self, request: HttpRequest, token: str):
        user = super().authenticate(request, token)
        if not is_staff_member(user):
            raise AuthorizationError(403, STAFF_ONLY)
        return user


token_auth = TokenAuth()
staff_token_auth = StaffTokenAuth()
