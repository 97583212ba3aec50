"""What every members API test sends: the address, a hostile string, a token, a JSON body."""

import json

from core.models import ApiToken

API = "/api/v1"
HOSTILE = "<script>alert('x')</script> \"quoted\" & {{ template }} ' OR 1=1; -- ☃"


def bearer(user) -> dict:
    _token, key = ApiToken.issue(user, "tests")
    return {"Authorization": f"Bearer {key}"}


def post_json(client, url, data, headers=None, method="post"):
    body = data if isinstance(data, str) else json.dumps(data)
    return getattr(client, method)(
        url, body, content_type="application/json", headers=headers or {}
    )
