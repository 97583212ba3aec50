"""The versioned JSON API, /api/v1/. Each app contributes a router."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Groundswell API",
    version="1.0.0",
    description="Read the alliance's networks, member organisations and taxonomy; "
    "staff with a token can write organisations and memberships.",
)
