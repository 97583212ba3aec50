"""Redaction: candidates are found with reasons, staff decide, and the published form shows
markers in exactly the accepted spans."""

import re

import pytest
from django.urls import reverse

from consultations.consent import published_text
from consultations.evidence.services.redaction import find_candidates, mark_reviewed, save_redaction
from consultations.models import Attribution, Redaction
from consultations.tests.factories import (
    AnswerFactory,
    ContributionFactory,
    QuoteFactory,
    RedactionFactory,
)
from core.tests.factories import StaffFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _found(text, organisations=()):
    return [
        (text[c.start : c.end], c.category, c.marker) for c in find_candidates(text, organisations)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When Jamal left he was alone.", ("Jamal", "name", "[name]")),
        ("We spoke to Mr Okafor about it.", ("Mr Okafor", "name", "[name]")),
        ("She met Sarah Jones at the centre.", ("Sarah Jones", "name", "[name]")),
        ("He was released to Leeds with no address.", ("Leeds", "place", "[place]")),
        ("Families in Milton Keynes waited.", ("Milton Keynes", "place", "[place]")),
        ("He spent a year in HMP Wandsworth.", ("HMP Wandsworth", "institution", "[prison]")),
        ("Then HMYOI Feltham took him.", ("HMYOI Feltham", "institution", "[prison]")),
        ("Everyone at Brinsford Prison knew.", ("Brinsford Prison", "institution", "[prison]")),
        ("It went to Leeds Crown Court.", ("Leeds Crown Court", "institution", "[institution]")),
        (
            "She was moved to Rampton Hospital.",
            ("Rampton Hospital", "institution", "[institution]"),
        ),
        ("On 3 March 2021 it happened.", ("3 March 2021", "date", "[date]")),
        ("The hearing was on 12/04/2022.", ("12/04/2022", "date", "[date]")),
        ("He was aged 17 at the time.", ("aged 17", "age", "[age]")),
        ("A 15-year-old was held overnight.", ("15-year-old", "age", "[age]")),
        ("She was 16 years old then.", ("16 years old", "age", "[age]")),
    ],
)
def test_each_kind_of_identifying_detail_is_found(text, expected):
    assert expected in _found(text)


def test_every_candidate_has_a_reason_and_none_overlap():
    text = "Jamal, aged 17, was moved from HMP Wandsworth to Leeds on 3 March 2021."
    candidates = find_candidates(text)
    assert all(c.reason for c in candidates)
    for first, second in zip(candidates, candidates[1:], strict=False):
        assert first.end <= second.start


def test_organisation_names_are_only_looked_for_when_given():
    text = "The team at Open Doors Housing found him a room."
    assert ("Open Doors Housing", "organisation", "[organisation]") in _found(
        text, ["Open Doors Housing"]
    )
    assert all(kind != "organisation" for _, kind, _ in _found(text))


def test_plain_sentences_give_no_candidates():
    assert find_candidates("The council office closes early on a Friday.") == []


def test_a_new_quote_of_an_anonymous_contribution_suggests_member_organisation_names(client):
    OrganisationFactory(name="Second Chances Youth")
    contribution = ContributionFactory(attribution=Attribution.MEMBER_ORGANISATION)
    answer = AnswerFactory(
        contribution=contribution, text="Second Chances Youth met Jamal at the gate."
    )
    client.force_login(StaffFactory())
    client.post(
        reverse(
            "consultations:staff_quote_answer", args=[contribution.consultation.slug, answer.pk]
        ),
        {"text": answer.text},
    )
    kinds = set(Redaction.objects.values_list("category", flat=True))
    assert kinds == {"organisation", "name"}
    assert set(Redaction.objects.values_list("status", flat=True)) == {"suggested"}


def test_markers_replace_exactly_the_accepted_spans_and_nothing_else():
    text = "Jamal, aged 17, went to HMP Wandsworth and then home to Leeds."
    quote = QuoteFactory(answer=AnswerFactory(text=text))
    staff = StaffFactory()
    name = RedactionFactory(quote=quote, start=0, end=5, marker="[name]", status="accepted")
    RedactionFactory(
        quote=quote, start=7, end=14, category="age", marker="[age]", status="rejected"
    )
    RedactionFactory(
        quote=quote, start=24, end=38, category="institution", marker="[prison]", status="suggested"
    )
    save_redaction(staff, quote, text.index("Leeds"), text.index("Leeds") + 5, "place")
    assert text[name.start : name.end] == "Jamal"
    assert published_text(quote) == (
        "[name], aged 17, went to HMP Wandsworth and then home to [place]."
    )


def test_staff_accept_reject_edit_and_add_through_the_quote_page(client):
    text = "Jamal was moved to Leeds on 3 March 2021 and met Dr Patel."
    quote = QuoteFactory(answer=AnswerFactory(text=text), is_redaction_reviewed=False)
    from consultations.evidence.services.redaction import suggest_redactions

    suggest_redactions(quote)
    client.force_login(StaffFactory())
    slug = quote.consultation.slug
    post_url = reverse("consultations:staff_quote_redactions", args=[slug, quote.pk])
    by_words = {text[r.start : r.end]: r for r in quote.redactions.all()}

    blocked = client.post(post_url, {"action": "review"}, follow=True)
    assert "still to accept or reject" in blocked.content.decode()

    client.post(post_url, {"action": "accept", "redaction": by_words["Jamal"].pk})
    client.post(post_url, {"action": "reject", "redaction": by_words["Leeds"].pk})
    client.post(post_url, {"action": "accept", "redaction": by_words["3 March 2021"].pk})
    edit = reverse(
        "consultations:staff_redaction_edit", args=[slug, quote.pk, by_words["Dr Patel"].pk]
    )
    edit_page = client.get(edit).content.decode()
    ticked = re.findall(r'value="(\d+)" id="id_chosen_\d+"[^>]*checked', edit_page)
    assert ticked == ["11", "12"]  # "Dr Patel", the words the suggestion hides
    client.post(edit, {"chosen": ["12"], "category": "name", "marker": "[doctor]"})
    overlap = client.post(
        post_url,
        {"action": "add", "redaction-words": "Jamal was", "redaction-category": "other"},
    )
    assert overlap.status_code == 400
    assert "overlaps a redaction already accepted" in overlap.content.decode()
    client.post(
        post_url,
        {"action": "add", "redaction-chosen": ["2"], "redaction-category": "other"},
    )
    client.post(post_url, {"action": "review"})

    quote.refresh_from_db()
    assert quote.is_redaction_reviewed
    assert published_text(quote) == "[name] was [detail] to Leeds on [date] and met Dr [doctor]."
    page = client.get(reverse("consultations:staff_quote", args=[slug, quote.pk])).content.decode()
    assert "Jamal was moved" in page  # the original, for staff
    assert "[name] was [detail]" in page


def test_any_change_to_the_redactions_needs_a_fresh_review():
    quote = QuoteFactory(answer=AnswerFactory(text="Jamal left."), is_redaction_reviewed=True)
    save_redaction(StaffFactory(), quote, 0, 5, "name")
    quote.refresh_from_db()
    assert not quote.is_redaction_reviewed
    mark_reviewed(StaffFactory(), quote)
    quote.refresh_from_db()
    assert quote.is_redaction_reviewed


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"redaction-words": "not in it", "redaction-category": "name"}, "not in the quote"),
        ({"redaction-category": "name"}, "Give the words to hide"),
        ({"redaction-chosen": ["99"], "redaction-category": "name"}, "Select a valid choice"),
    ],
)
def test_a_bad_redaction_is_refused_and_nothing_changes(client, data, message):
    quote = QuoteFactory(answer=AnswerFactory(text="Jamal left."))
    client.force_login(StaffFactory())
    response = client.post(
        reverse("consultations:staff_quote_redactions", args=[quote.consultation.slug, quote.pk]),
        {"action": "add", **data},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not quote.redactions.exists()


def test_words_ticked_apart_are_refused_and_typed_words_must_be_unambiguous(client):
    quote = QuoteFactory(answer=AnswerFactory(text="Jamal met Jamal's brother in Leeds."))
    client.force_login(StaffFactory())
    url = reverse("consultations:staff_quote_redactions", args=[quote.consultation.slug, quote.pk])
    apart = client.post(
        url, {"action": "add", "redaction-chosen": ["0", "2"], "redaction-category": "name"}
    )
    assert apart.status_code == 400
    assert "Tick words that are next to each other" in apart.content.decode()
    twice = client.post(
        url, {"action": "add", "redaction-words": "Jamal", "redaction-category": "name"}
    )
    assert twice.status_code == 400
    assert "appear 2 times in the quote: tick the ones to hide" in twice.content.decode()
    assert not quote.redactions.exists()
    together = client.post(
        url, {"action": "add", "redaction-chosen": ["2", "3"], "redaction-category": "name"}
    )
    assert together.status_code == 302
    hidden = quote.redactions.get()
    assert quote.text[hidden.start : hidden.end] == "Jamal's brother"
