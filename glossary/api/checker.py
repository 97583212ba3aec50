"""The language checker in the JSON API: POST /api/v1/language/check.

Public, like the checker page, and rate-limited per client. The body is JSON,
{"text": "..."}: the text at most MAX_TEXT_CHARS characters, the same as the page (more gets a
422 saying so), and the body at most 2 MB (a bigger body gets a 413 JSON error).
"""

from ninja import Field, Router, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from core.lib.ratelimit import hit
from glossary.services.api_schemas import FindingOut
from glossary.services.checker import check_text
from glossary.services.limits import MAX_TEXT_CHARS

router = Router(tags=["language"])

API_CHECK_LIMIT = 600
API_CHECK_WINDOW_SECONDS = 60 * 60


class CheckIn(Schema):
    text: str = Field(description=f"The text to check, up to {MAX_TEXT_CHARS:,} characters.")

    @field_validator("text")
    @classmethod
    def not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Send some text to check.")
        if len(value) > MAX_TEXT_CHARS:
            raise ValueError(
                f"The text is {len(value):,} characters long; send at most "
                f"{MAX_TEXT_CHARS:,} at a time and check the rest separately."
            )
        return value


class SummaryOut(Schema):
    words: int
    guide_version: int | None
    by_kind: dict[str, int]
    by_category: dict[str, int] = Field(description="Stigmatising findings per category.")
    by_severity: dict[str, int] = Field(description="Stigmatising findings per severity.")
    short_text: bool = Field(description="Under 1,000 words: show counts, not rates.")
    per_1000_words: dict[str, float] = Field(description="Findings of each kind per 1,000 words.")


class CheckOut(Schema):
    findings: list[FindingOut]
    summary: SummaryOut


@router.post("/check", response=CheckOut, summary="Check text against the language guide")
def check_language(request, payload: CheckIn):
    """Find stigmatising wording (with what to say instead and why), wording inside
    quotations and official names (reported separately), and jargon from the dictionary.
    Offsets count characters of `text`."""
    if not hit("language-check-api", request, API_CHECK_LIMIT, API_CHECK_WINDOW_SECONDS):
        raise HttpError(429, "Too many checks from your connection in the last hour; try later.")
    return check_text(payload.text).as_dict()
