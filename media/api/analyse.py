"""The media analysis in the JSON API: POST /api/v1/media/analyse.

Public and rate-limited per client, like the language checker it builds on (it stores
nothing, so anyone may try a draft or a published article). The body is JSON,
{"title": "...", "text": "..."}; the text may be up to TEXT_MAX_CHARACTERS long (a long
feature is a tenth of that) and the whole body at most 2 MB (bigger gets a 413 JSON error).
"""

from typing import Literal

from ninja import Field, Router, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from core.lib.ratelimit import hit
from glossary.services.api_schemas import FindingOut
from media.analysis import SCORE_FORMULA, analyse

router = Router(tags=["media analysis"])

API_ANALYSE_LIMIT = 600
API_ANALYSE_WINDOW_SECONDS = 60 * 60
TITLE_MAX_CHARACTERS = 500
TEXT_MAX_CHARACTERS = 200_000

VoiceCategory = Literal[
    "police_official",
    "politician",
    "legal",
    "charity_expert",
    "victim_family",
    "lived_experience",
    "other",
]


class AnalyseIn(Schema):
    title: str = Field(description=f"The headline, up to {TITLE_MAX_CHARACTERS} characters.")
    text: str = Field(description=f"The article, up to {TEXT_MAX_CHARACTERS:,} characters.")

    @field_validator("title")
    @classmethod
    def title_fits(cls, value: str) -> str:
        if len(value) > TITLE_MAX_CHARACTERS:
            raise ValueError(
                f"The title is {len(value):,} characters long; send at most "
                f"{TITLE_MAX_CHARACTERS} (a headline, not the article)."
            )
        return value

    @field_validator("text")
    @classmethod
    def text_fits(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Send the article's text to analyse.")
        if len(value) > TEXT_MAX_CHARACTERS:
            raise ValueError(
                f"The text is {len(value):,} characters long; send at most "
                f"{TEXT_MAX_CHARACTERS:,} (one article at a time)."
            )
        return value


class AnalysisFindingOut(FindingOut):
    kind: Literal["stigmatising", "quotation", "official_name", "people_first"]
    category: str = Field(
        description="The guide's category (label, dehumanising, sensational, outdated), "
        "or people_first."
    )


class PartOut(Schema):
    findings: list[AnalysisFindingOut]
    labels: int = Field(description="Stigmatising labels, outside quotations and names.")
    sensational: int = Field(description="Sensational words, outside quotations and names.")
    people_first: int = Field(description="People-first phrases.")


class BodyOut(PartOut):
    words: int


class VoiceOut(Schema):
    quote: str = Field(description="The words quoted, or reported (see reported_speech).")
    speaker: str = Field(description="Who said them, as the article describes them.")
    category: VoiceCategory
    descriptor: str = Field(description="The words that decided the category; empty if none.")
    start: int
    end: int
    reported_speech: bool
    part: Literal["headline", "body"]


class ContextReasonOut(Schema):
    cue: str
    strength: Literal["strong", "supporting"]
    matched: str
    sentence: str
    start: int
    end: int


class ContextOut(Schema):
    thematic: bool = Field(description="True if the story goes beyond the single incident.")
    reasons: list[ContextReasonOut]


class TopicOut(Schema):
    slug: str = Field(description="The taxonomy term's slug.")
    vocabulary: Literal["part", "theme"]
    name: str
    mentions: int
    keywords: list[str]


class ScoreComponentOut(Schema):
    measure: bool | int | float
    points: float


class ScoreOut(Schema):
    total: float = Field(description="The constructive reporting score, 0 to 100.")
    base: float
    components: dict[str, ScoreComponentOut]
    formula: list[str] = Field(description="How the score is reached, step by step.")


class AnalysisOut(Schema):
    guide_version: int | None = Field(description="The language guide version used.")
    analysis_version: int
    headline: PartOut
    body: BodyOut
    voices: list[VoiceOut]
    context: ContextOut
    topics: list[TopicOut]
    score: ScoreOut


@router.post("/analyse", response=AnalysisOut, summary="Analyse a news article")
def analyse_article(request, payload: AnalyseIn):
    """Stigmatising labels, sensational and people-first wording in the headline and the
    body (the language checker's findings), who is quoted and what kind of voice they are,
    whether the story gives context beyond the single incident, the topics it covers and
    its constructive reporting score with the formula. Nothing is stored."""
    if not hit("media-analyse-api", request, API_ANALYSE_LIMIT, API_ANALYSE_WINDOW_SECONDS):
        raise HttpError(429, "Too many analyses from your connection in the last hour; try later.")
    analysis = analyse(payload.title, payload.text)
    analysis["score"]["formula"] = SCORE_FORMULA
    return analysis
