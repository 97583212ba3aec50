"""The builder: an outline from the questions, blocks, and refusals that change nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from consultations.models import Block, SubmissionSection
from consultations.submission.services import builder
from consultations.tests.factories import (
    ConsultationFactory,
    QuestionFactory,
    QuestionPartFactory,
    QuoteFactory,
)
from consultations.tests.test_submission_world import HOSTILE, build_world
from core.models import AuditEntry
from core.tests.factories import StaffFactory
from influence.models import Recommendation
from influence.tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def staff_client(world):
    client = Client()
    client.force_login(world.staff)
    return client


def url(name, world, *args):
    return reverse(f"consultations:{name}", args=[world.consultation.slug, *args])


def test_starting_makes_a_part_per_question_part_and_a_section_per_question():
    consultation = ConsultationFactory()
    first = QuestionPartFactory(consultation=consultation, title="Part A", position=1)
    second = QuestionPartFactory(consultation=consultation, title="Part B", position=2)
    QuestionFactory(part=first, number=1, text="One?")
    QuestionFactory(part=second, number=2, text="Two?")
    QuestionFactory(part=second, number=3, text="Three?")
    staff = StaffFactory()
    submission = builder.start_submission(staff, consultation)
    parts = list(submission.sections.filter(parent=None))
    assert [p.heading for p in parts] == ["Part A", "Part B"]
    assert [s.heading for s in parts[1].children.all()] == [
        "Question 2: Two?",
        "Question 3: Three?",
    ]
    assert builder.start_submission(staff, consultation) == submission  # twice is safe
    assert SubmissionSection.objects.filter(submission=submission).count() == 5


def test_sections_are_renamed_reordered_and_removed(world):
    part = world.section.parent
    extra = builder.add_section(world.staff, world.submission, "Extra evidence", parent=part)
    builder.move_section(world.staff, extra, "up")
    order = [s.heading for s in part.children.order_by("position")]
    assert order.index("Extra evidence") < order.index("Question 2: What gets in the way?")
    builder.rename_section(world.staff, extra, "  Further   evidence ")
    extra.refresh_from_db()
    assert extra.heading == "Further evidence"
    builder.remove_section(world.staff, world.section)
    world.submission.refresh_from_db()
    assert not world.submission.recommendations.exists()  # its recommendation went with it
    assert AuditEntry.objects.filter(action="delete").exists()


@pytest.mark.parametrize("heading", ["", "   ", "x" * 301])
def test_bad_headings_are_refused(world, heading):
    with pytest.raises(ValidationError):
        builder.add_section(world.staff, world.submission, heading)
    with pytest.raises(ValidationError):
        builder.rename_section(world.staff, world.section, heading)


def test_empty_and_huge_text_are_refused_and_change_nothing(world):
    before = Block.objects.count()
    for text in ["", "  \n ", "x" * (builder.MAX_TEXT + 1)]:
        with pytest.raises(ValidationError):
            builder.add_text(world.staff, world.section, text)
    assert Block.objects.count() == before


def test_unpublishable_quotes_are_refused_with_a_reason(world):
    reasons = []
    for quote in world.hidden_quotes:
        Block.objects.filter(quote=quote).delete()
        with pytest.raises(ValidationError) as refused:
            builder.add_quote(world.staff, world.section, quote)
        reasons.append(refused.value.messages[0])
    assert "not to be published" in reasons[0]
    assert "withdrawn consent" in reasons[1]
    assert "not been reviewed" in reasons[2]


def test_a_quote_goes_in_once_and_only_into_its_own_consultation(world):
    with pytest.raises(ValidationError, match="already in this submission"):
        builder.add_quote(world.staff, world.section, world.named_quote)
    stranger = QuoteFactory()
    with pytest.raises(ValidationError, match="another consultation"):
        builder.add_quote(world.staff, world.section, stranger)


def test_linking_a_recommendation_adds_it_to_the_submission_and_removing_takes_it_out(world):
    existing = RecommendationFactory()
    block = builder.link_recommendation(world.staff, world.section, existing)
    assert existing in world.submission.recommendations.all()
    with pytest.raises(ValidationError, match="already in this submission"):
        builder.link_recommendation(world.staff, world.section, existing)
    builder.remove_block(world.staff, block)
    assert existing not in world.submission.recommendations.all()


def test_a_new_recommendation_needs_a_title_text_and_target(world):
    count = Recommendation.objects.count()
    with pytest.raises(ValidationError) as refused:
        builder.create_recommendation(world.staff, world.section, title="", text="", targets=[])
    assert set(refused.value.message_dict) == {"title", "text", "targets"}
    assert Recommendation.objects.count() == count
    assert not world.recommendation.is_published  # until the submission is its source


def test_blocks_move_within_their_section(world):
    blocks = list(world.section.blocks.order_by("position", "pk"))
    builder.move_block(world.staff, blocks[1], "up")
    first = world.section.blocks.order_by("position", "pk").first()
    assert first == blocks[1]
    builder.move_block(world.staff, first, "up")  # already first: nothing happens
    assert world.section.blocks.order_by("position", "pk").first() == blocks[1]


# --- Through the pages -------------------------------------------------------------------------


def test_the_builder_page_shows_the_outline_and_the_section_page_its_blocks(world, staff_client):
    page = staff_client.get(url("builder", world)).content.decode()
    assert "Part 1: Leaving prison" in page and "Mark as sent" in page
    section = staff_client.get(url("builder_section", world, world.section.pk))
    html = section.content.decode()
    assert section.status_code == 200
    assert "PUBLIC words: a phone and a bed" in html
    assert "Left out of every output" in html  # the hidden quotes, flagged for staff
    assert "<script>alert" not in html


def test_inserting_a_refused_quote_through_the_page_explains_why(world, staff_client):
    hidden = world.hidden_quotes[0]
    Block.objects.filter(quote=hidden).delete()
    response = staff_client.post(
        url("builder_add_quote", world, world.section.pk), {"quote": hidden.pk}
    )
    assert response.status_code == 400
    assert "cannot be used" in response.content.decode()
    assert not Block.objects.filter(quote=hidden).exists()


def test_text_and_recommendations_are_added_through_the_page(world, staff_client):
    response = staff_client.post(
        url("builder_add_text", world, world.section.pk), {"text": "Members agreed."}
    )
    assert response.status_code == 302
    response = staff_client.post(
        url("builder_add_text", world, world.section.pk), {"text": "x" * 60_000}
    )
    assert response.status_code == 400
    assert "60,000 characters" in response.content.decode()
    response = staff_client.post(
        url("builder_add_recommendation", world, world.section.pk),
        {"create": "1", "new-title": "Fund peer mentors", "new-text": "Fund them."},
    )
    assert response.status_code == 400
    response = staff_client.post(
        url("builder_add_recommendation", world, world.section.pk),
        {"link-recommendation": RecommendationFactory().pk},
    )
    assert response.status_code == 302


def test_hostile_narrative_is_stored_as_written_but_rendered_harmless(world, staff_client):
    block = world.section.blocks.get(kind="text")
    assert block.text == HOSTILE
    page = staff_client.get(url("builder_preview", world)).content.decode()
    assert "<script>alert" not in page and "onerror" not in page


def test_details_and_moves_through_the_page(world, staff_client):
    response = staff_client.post(
        url("builder_details", world), {"title": "", "introduction": "", "contact_details": ""}
    )
    assert response.status_code == 400
    response = staff_client.post(
        url("builder_details", world),
        {"title": "Our response", "introduction": "Hello", "contact_details": "Us"},
    )
    assert response.status_code == 302
    world.submission.refresh_from_db()
    assert world.submission.title == "Our response"
    block = world.section.blocks.last()
    response = staff_client.post(
        url("builder_block_move", world, block.pk), {"direction": "sideways"}
    )
    assert response.status_code == 302  # refused with a message, nothing moved


def test_a_member_cannot_use_the_builder(world):
    client = Client()
    client.force_login(world.member)
    assert client.get(url("builder", world)).status_code == 403
    response = client.post(url("builder_add_text", world, world.section.pk), {"text": "Hi"})
    assert response.status_code == 403


def test_the_builder_stays_usable_with_a_forty_page_submission(world, staff_client):
    """Forty pages is about 400 paragraphs: the outline and a section still load fine and the
    number of queries does not grow with the blocks."""
    paragraph = "Evidence from our members about the first week after release. " * 8
    Block.objects.bulk_create(
        Block(section=world.section, kind="text", text=paragraph, position=n) for n in range(400)
    )
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert staff_client.get(url("builder", world)).status_code == 200
    assert len(queries) < 30
    with CaptureQueriesContext(connection) as queries:
        assert staff_client.get(url("builder_section", world, world.section.pk)).status_code == 200
    assert len(queries) < 40


def test_the_quote_picker_filters_by_theme_in_place_with_htmx(world, staff_client):
    other = world.consultation.codebook.create(name="Probation")
    section_url = url("builder_section", world, world.section.pk)
    response = staff_client.get(
        section_url, {"theme": other.pk, "picker": "1"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section aria-labelledby="insert-quote"')
    assert "0 coded quotes" in html
    page = staff_client.get(section_url, {"theme": world.theme.pk}).content.decode()
    assert "<html" in page and "5 coded quotes" in page
