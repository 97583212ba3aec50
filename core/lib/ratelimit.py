"""A small fixed-window rate limit for public forms and API calls, kept in the shared cache.

Works the same on every cache the README supports (database, Redis, and the in-memory one the
tests use). The window is fixed when it starts: its start is part of the key and the key's
lifetime is set explicitly after each count, because the database cache's `incr` re-stores the
value with the cache's default timeout (five minutes), which once let an hour's limit reset
after five quiet minutes.

Behind a proxy every request comes from the proxy's address, so the client is read from
X-Forwarded-For, counting `TRUSTED_PROXY_COUNT` proxies back from the right (the entries a
client could have written itself are never trusted). The address is hashed before it is used
as a key, so the cache never holds it.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    count: int
    limit: int
    retry_after: int  # seconds until this client's window starts again


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the address the outermost trusted proxy saw."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    # Each trusted proxy appended the address it was reached from; the nearest is last.
    # Fewer entries than proxies: the request skipped a proxy, so nothing in it is trusted.
    return forwarded[-proxies] if len(forwarded) >= proxies else remote


def client_fingerprint(request) -> str:
    return hashlib.sha256(client_address(request).encode()).hexdigest()[:32]


def check(
    scope: str, request, limit: int, window_seconds: int, identity: str | None = None
) -> Verdict:
    """Count one attempt and say whether the caller is within `limit` per window.

    The caller is the client, or `identity` when given (an email address, say: counted
    whoever asks for it, hashed like addresses are).
    A refusal is remembered on the request, so every 429 answer can carry Retry-After
    (core.middleware.RetryAfterMiddleware)."""
    if identity is None:
        fingerprint = client_fingerprint(request)
    else:
        fingerprint = hashlib.sha256(identity.encode()).hexdigest()[:32]
    # Each client's windows start at its own offset, so limits do not all reset together.
    offset = int(fingerprint[:8], 16) % window_seconds
    now = time.time()
    index = math.floor((now + offset) / window_seconds)
    window_end = (index + 1) * window_seconds - offset
    remaining = max(1, math.ceil(window_end - now))
    key = f"ratelimit:{scope}:{fingerprint}:{index}"

    if cache.add(key, 1, timeout=remaining + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=remaining + 1)
            count = 1
        else:
            cache.touch(key, timeout=remaining + 1)
    verdict = Verdict(allowed=count <= limit, count=count, limit=limit, retry_after=remaining)
    if not verdict.allowed:
        request.rate_limit_retry_after = remaining
    return verdict


def hit(scope: str, request, limit: int, window_seconds: int) -> bool:
    """Count one attempt; True while the caller is within `limit` attempts per window."""
    return check(scope, request, limit, window_seconds).allowed
