"""A checker finding as the JSON API shows it: the language check (glossary/api/checker.py)
and the media monitor's analysis, which reports the same findings, share this schema."""

from typing import Literal

from ninja import Field, Schema

Kind = Literal["stigmatising", "quotation", "discussed", "official_name", "jargon"]


class FindingOut(Schema):
    start: int = Field(description="Offset of the first character, in characters.")
    end: int = Field(description="Offset just after the last character.")
    text: str = Field(description="The text found, as written.")
    kind: Kind
    term: str = Field(description="The guide's wording, official name or dictionary term.")
    suggestions: list[str] = Field(description="Wording to use instead (or the spelled-out term).")
    reason: str
    category: str = Field(description="The guide's category; empty for jargon.")
    severity: str = Field(
        "",
        description="For the guide's wording: 'stigmatising', or 'care' (use with care: often "
        "unavoidable); empty for jargon and official names.",
    )
