"""The submission as one plain document, built from publishable content only.

Every output of a submission — the public page, DOCX, PDF, the library resource, a saved
version and the API — renders this structure, so the consent rule is applied once, here:
quotes come through `consent.publishable_quotes` and are shown with `published_text` and
`attribution_label`. A quote that stops being publishable (consent withdrawn, say) simply
drops out of every output the next time it is built.
"""

from dataclasses import asdict, dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateformat import format as format_date

from consultations import consent
from consultations.models import Block, Quote, Submission, SubmissionSection
from core.lib import branding
from core.lib.extraction import markdown_to_text
from core.lib.markdown import render_markdown
from influence.models import Recommendation


@dataclass
class QuoteItem:
    text: str
    attribution: str
    quote_id: int


@dataclass
class RecommendationItem:
    number: int
    title: str
    text: str
    targets: list[str]
    slug: str


@dataclass
class DocumentBlock:
    """One block: narrative (`html` sanitised, `paragraphs` as plain text), a quote or a
    recommendation."""

    kind: str
    html: str = ""
    paragraphs: list[str] = field(default_factory=list)
    quote: QuoteItem | None = None
    recommendation: RecommendationItem | None = None


@dataclass
class DocumentSection:
    heading: str
    anchor: str
    blocks: list[DocumentBlock] = field(default_factory=list)
    sections: list["DocumentSection"] = field(default_factory=list)


@dataclass
class Document:
    title: str
    consultation: str
    asking_body: str
    introduction_html: str
    introduction: list[str]
    parts: list[DocumentSection]
    recommendations: list[RecommendationItem]
    acknowledgements: list[str]
    contact_details: list[str]
    # The cover: who speaks (the alliance) and the date the document carries (ISO 8601).
    author: str = ""
    date: str = ""

    @property
    def date_in_words(self) -> str:
        """The date as a British reader writes it: 5 December 2026."""
        return format_date(date.fromisoformat(self.date), "j F Y") if self.date else ""

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def quotes(self) -> list[QuoteItem]:
        return [block.quote for block in self.blocks() if block.quote]

    def blocks(self):
        for part in self.parts:
            yield from part.blocks
            for section in part.sections:
                yield from section.blocks


def _paragraphs(markdown_source: str) -> list[str]:
    text = markdown_to_text(markdown_source)
    return [paragraph.replace("\n", " ") for paragraph in text.split("\n\n") if paragraph.strip()]


def _sections_with_blocks(submission: Submission):
    quotes = Quote.objects.select_related(
        "answer__contribution__organisation",
        "passage__speaker__organisation",
    ).prefetch_related("redactions")
    blocks = Block.objects.select_related("recommendation").prefetch_related(
        Prefetch("quote", queryset=quotes),
        Prefetch("recommendation__targets"),
    )
    return list(
        SubmissionSection.objects.filter(submission=submission).prefetch_related(
            Prefetch("blocks", queryset=blocks)
        )
    )


class _Builder:
    """Walks the sections once, numbering recommendations in the order they appear."""

    def __init__(self, submission: Submission):
        self.publishable = set(
            consent.publishable_quotes(
                Quote.objects.filter(blocks__section__submission=submission)
            ).values_list("pk", flat=True)
        )
        self.recommendations: dict[int, RecommendationItem] = {}

    def block(self, block: Block) -> DocumentBlock | None:
        if block.kind == Block.Kind.TEXT:
            if not block.text.strip():
                return None
            return DocumentBlock(
                kind="text", html=render_markdown(block.text), paragraphs=_paragraphs(block.text)
            )
        if block.kind == Block.Kind.QUOTE:
            if block.quote_id not in self.publishable:
                return None
            quote = block.quote
            item = QuoteItem(
                text=consent.published_text(quote),
                attribution=consent.attribution_label(quote),
                quote_id=quote.pk,
            )
            return DocumentBlock(kind="quote", quote=item)
        if block.recommendation_id:
            return DocumentBlock(
                kind="recommendation", recommendation=self.recommendation(block.recommendation)
            )
        return None

    def recommendation(self, recommendation: Recommendation) -> RecommendationItem:
        if recommendation.pk not in self.recommendations:
            self.recommendations[recommendation.pk] = RecommendationItem(
                number=len(self.recommendations) + 1,
                title=recommendation.title,
                text=recommendation.text,
                targets=sorted(target.name for target in recommendation.targets.all()),
                slug=recommendation.slug,
            )
        return self.recommendations[recommendation.pk]

    def section(self, section: SubmissionSection, children: dict) -> DocumentSection | None:
        """The section, or None when nothing in it may be published: an empty heading would
        only puzzle the reader."""
        built = DocumentSection(heading=section.heading, anchor=f"section-{section.pk}")
        built.blocks = [item for b in section.blocks.all() if (item := self.block(b))]
        built.sections = [
            item
            for child in children.get(section.pk, [])
            if (item := self.section(child, children))
        ]
        return built if built.blocks or built.sections else None


def _document_date(submission: Submission) -> date:
    """The day the submission went out (sent or published), or today for a draft."""
    moment = submission.sent_at or submission.published_at
    return timezone.localdate(moment) if moment else timezone.localdate()


def build_document(submission: Submission) -> Document:
    """The submission as it may be published: publishable quotes only, narrative sanitised."""
    sections = _sections_with_blocks(submission)
    children: dict[int | None, list[SubmissionSection]] = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)
    builder = _Builder(submission)
    parts = [item for part in children.get(None, []) if (item := builder.section(part, children))]
    consultation = submission.consultation
    return Document(
        title=submission.title,
        consultation=consultation.title,
        asking_body=consultation.asking_body.name,
        introduction_html=render_markdown(submission.introduction),
        introduction=_paragraphs(submission.introduction),
        parts=parts,
        recommendations=list(builder.recommendations.values()),
        acknowledgements=consent.named_organisations(consultation),
        contact_details=[
            line.strip() for line in submission.contact_details.splitlines() if line.strip()
        ],
        author=branding.site_name(),
        date=_document_date(submission).isoformat(),
    )


def document_lines(content: dict) -> list[str]:
    """A saved document (Document.to_dict()) as readable lines, for comparing versions."""
    lines = [f"Title: {content['title']}", *content["introduction"]]

    def walk(section: dict, level: int):
        lines.append(f"{'#' * level} {section['heading']}")
        for block in section["blocks"]:
            if block["kind"] == "text":
                lines.extend(block["paragraphs"])
            elif block["kind"] == "quote":
                quote = block["quote"]
                lines.append(f"Quote: “{quote['text']}” ({quote['attribution']})")
            else:
                item = block["recommendation"]
                lines.append(f"Recommendation {item['number']}: {item['title']}. {item['text']}")
        for child in section["sections"]:
            walk(child, level + 1)

    for part in content["parts"]:
        walk(part, 1)
    if content["acknowledgements"]:
        lines.append("Acknowledgements: " + "; ".join(content["acknowledgements"]))
    lines.extend(f"Contact: {line}" for line in content["contact_details"])
    return lines
