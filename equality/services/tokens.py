"""The link between a person and their monitoring answers, which only the site can follow.

A response carries `HMAC(key, "<account id>:<exercise id>")`. The key comes from the
installation's secret (or EQUALITY_TOKEN_KEY), never the database, so reading every table
cannot join answers to accounts; a token per exercise also stops one person's answers to
different exercises being linked to each other. The cost, said plainly: rotating the key
detaches everyone's answers from their accounts (they stay in the totals but people can no
longer see or delete them), and whoever holds the server's secret could compute tokens.
"""

import hashlib
import hmac

from django.conf import settings


def _key() -> bytes:
    explicit = getattr(settings, "EQUALITY_TOKEN_KEY", "")
    return (explicit or f"equality-monitoring:{settings.SECRET_KEY}").encode()


def token_for(user, exercise) -> str:
    message = f"{user.pk}:{exercise.pk}".encode()
    return hmac.new(_key(), message, hashlib.sha256).hexdigest()
