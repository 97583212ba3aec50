"""A small fixed-window rate limit for public forms, kept in the shared cache.

The client address is hashed before it is used as a key, so the cache never holds it.
"""

import hashlib

from django.core.cache import cache


def client_fingerprint(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def hit(scope: str, request, limit: int, window_seconds: int) -> bool:
    """Count one attempt; True while the caller is within `limit` attempts per window."""
    key = f"ratelimit:{scope}:{client_fingerprint(request)}"
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return True
    return count <= limit
