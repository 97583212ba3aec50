"""Quotes and the codebook: exact offsets, nested and merged themes, coding, suggestions a
person accepts, and agreement between two coders."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from consultations.evidence.services.agreement import agreement, cohen_kappa, create_sample
from consultations.evidence.services.codebook import code_quote
from consultations.evidence.services.quotes import create_quote
from consultations.evidence.services.suggestions import suggest_themes
from consultations.models import Coding, Contribution, Quote, Theme
from consultations.tests.factories import (
    AnswerFactory,
    CodingFactory,
    ConsultationFactory,
    PassageFactory,
    QuoteFactory,
    ThemeFactory,
)
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

SOURCE = "People leave prison on a Friday. Nobody is there. People leave prison on a Friday."


@pytest.fixture
def staff(client):
    user = StaffFactory()
    client.force_login(user)
    return user


# --- Quotes ------------------------------------------------------------------------------------


def test_a_quote_keeps_its_exact_offsets_in_the_answer(client, staff):
    answer = AnswerFactory(text=SOURCE)
    url = reverse(
        "consultations:staff_quote_answer",
        args=[answer.contribution.consultation.slug, answer.pk],
    )
    response = client.post(url, {"text": "Nobody is there."})
    quote = Quote.objects.get()
    assert response.status_code == 302
    assert (quote.start, quote.end) == (33, 49)
    assert SOURCE[quote.start : quote.end] == quote.text == "Nobody is there."
    assert quote.created_by == staff


def test_words_that_appear_twice_need_their_start(client, staff):
    answer = AnswerFactory(text=SOURCE)
    url = reverse(
        "consultations:staff_quote_answer",
        args=[answer.contribution.consultation.slug, answer.pk],
    )
    words = "People leave prison on a Friday."
    ambiguous = client.post(url, {"text": words})
    assert ambiguous.status_code == 400
    assert "more than once" in ambiguous.content.decode()
    client.post(url, {"text": words, "start": 50})
    quote = Quote.objects.get()
    assert (quote.start, quote.end) == (50, 50 + len(words))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "Not in the source."}, "not in the source"),
        ({"text": "Nobody is there.", "start": 3}, "not at that position"),
        ({"text": ""}, "This field is required"),
    ],
)
def test_offsets_that_do_not_match_the_source_are_refused(client, staff, data, message):
    answer = AnswerFactory(text=SOURCE)
    url = reverse(
        "consultations:staff_quote_answer",
        args=[answer.contribution.consultation.slug, answer.pk],
    )
    response = client.post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Quote.objects.exists()


def test_the_same_span_twice_and_a_draft_answer_are_refused(staff):
    answer = AnswerFactory(text=SOURCE)
    create_quote(staff, answer, 0, 10)
    with pytest.raises(ValidationError, match="already quote"):
        create_quote(staff, answer, 0, 10)
    with pytest.raises(ValidationError, match="within its source"):
        create_quote(staff, answer, 10, 500)
    draft = AnswerFactory(contribution__status=Contribution.Status.DRAFT)
    with pytest.raises(ValidationError, match="Only submitted"):
        create_quote(staff, draft, 0, 5)


def test_a_quote_from_a_session_passage(client, staff):
    passage = PassageFactory(text="I had no phone credit to ring them.")
    url = reverse(
        "consultations:staff_quote_passage",
        args=[passage.session.consultation.slug, passage.pk],
    )
    client.post(url, {"text": "no phone credit"})
    quote = Quote.objects.get()
    assert quote.passage == passage and quote.answer is None
    assert quote.consultation == passage.session.consultation


# --- The codebook ------------------------------------------------------------------------------


def test_themes_nest_are_renamed_and_a_theme_cannot_sit_inside_its_own_child(client, staff):
    consultation = ConsultationFactory()
    url = reverse("consultations:staff_codebook", args=[consultation.slug])
    client.post(url, {"name": "Housing"})
    housing = Theme.objects.get()
    client.post(url, {"name": "Temporary accommodation", "parent": housing.pk})
    child = Theme.objects.get(name="Temporary accommodation")
    assert child.parent == housing
    edit = reverse("consultations:staff_theme_edit", args=[consultation.slug, housing.pk])
    response = client.post(edit, {"name": "Housing on release", "parent": child.pk})
    assert response.status_code == 400
    client.post(edit, {"name": "Housing on release"})
    housing.refresh_from_db()
    assert housing.name == "Housing on release"
    page = client.get(url).content.decode()
    assert page.index("Housing on release") < page.index("Temporary accommodation")


def test_merging_moves_codings_without_duplicates_and_keeps_the_old_theme(client, staff):
    kept = ThemeFactory(name="Housing")
    merged = ThemeFactory(name="Homelessness", consultation=kept.consultation)
    child = ThemeFactory(name="Sofa surfing", consultation=kept.consultation, parent=merged)
    both = QuoteFactory(answer__contribution__consultation=kept.consultation)
    only_merged = QuoteFactory(answer__contribution__consultation=kept.consultation)
    CodingFactory(quote=both, theme=kept, coder=staff)
    CodingFactory(quote=both, theme=merged, coder=staff)
    CodingFactory(quote=only_merged, theme=merged, coder=staff)
    url = reverse("consultations:staff_theme_merge", args=[kept.consultation.slug, merged.pk])
    response = client.post(url, {"into": kept.pk})
    assert response.status_code == 302
    merged.refresh_from_db()
    child.refresh_from_db()
    assert merged.merged_into == kept and child.parent == kept
    assert set(Coding.objects.values_list("quote_id", "theme_id")) == {
        (both.pk, kept.pk),
        (only_merged.pk, kept.pk),
    }
    assert client.get(url).status_code == 404  # a merged theme cannot be merged again


def test_coding_sets_exactly_the_chosen_themes_for_this_coder(client, staff):
    quote = QuoteFactory()
    housing = ThemeFactory(consultation=quote.consultation, name="Housing")
    work = ThemeFactory(consultation=quote.consultation, name="Work")
    other_coder = StaffFactory()
    CodingFactory(quote=quote, theme=work, coder=other_coder)
    url = reverse("consultations:staff_quote_code", args=[quote.consultation.slug, quote.pk])
    client.post(url, {"themes": [housing.pk, work.pk]})
    client.post(url, {"themes": [housing.pk]})
    assert set(Coding.objects.values_list("theme__name", "coder")) == {
        ("Housing", staff.pk),
        ("Work", other_coder.pk),
    }
    foreign = ThemeFactory()
    response = client.post(url, {"themes": [foreign.pk]})
    assert response.status_code == 400


# --- Suggestions -------------------------------------------------------------------------------


def _coded_world():
    consultation = ConsultationFactory()
    coder = StaffFactory()
    housing = ThemeFactory(consultation=consultation, name="Housing")
    work = ThemeFactory(consultation=consultation, name="Employment")

    def quote(text):
        return QuoteFactory(
            answer=AnswerFactory(contribution__consultation=consultation, text=text)
        )

    for text in (
        "No housing on release, so people sleep rough and lose their tenancy.",
        "Council housing officers were closed; he had no accommodation that night.",
    ):
        CodingFactory(quote=quote(text), theme=housing, coder=coder)
    for text in (
        "Employers refused to hire anyone with a criminal record, so no job came.",
        "A job and steady wages kept him out of trouble; employment matters.",
    ):
        CodingFactory(quote=quote(text), theme=work, coder=coder)
    uncoded = quote("She had no accommodation and slept rough after her tenancy ended.")
    return consultation, uncoded, housing


def test_suggestions_come_with_their_reasons_and_are_not_applied():
    consultation, uncoded, housing = _coded_world()
    suggestions = suggest_themes(consultation)
    assert list(suggestions) == [uncoded.pk]
    best = suggestions[uncoded.pk][0]
    assert best.theme_id == housing.pk and 0 < best.score <= 1
    assert {"rough", "accommodation", "tenancy"} & set(best.shared_terms)
    assert best.neighbours and "housing" in best.neighbours[0].text.lower()
    assert not uncoded.codings.exists()


def test_a_person_accepts_a_suggestion_from_the_suggestions_page(client, staff):
    consultation, uncoded, housing = _coded_world()
    page = client.get(reverse("consultations:staff_suggestions", args=[consultation.slug]))
    assert "Housing" in page.content.decode() and "similarity" in page.content.decode()
    client.post(
        reverse("consultations:staff_suggestion_accept", args=[consultation.slug, uncoded.pk]),
        {"theme": housing.pk, "next": "https://evil.example.org/"},
    )
    assert uncoded.codings.get().theme == housing


def test_no_coded_quotes_means_no_suggestions():
    quote = QuoteFactory()
    assert suggest_themes(quote.consultation) == {quote.pk: []}


# --- Agreement ---------------------------------------------------------------------------------


def test_kappa_matches_the_formula_and_names_the_degenerate_case():
    value, observed, note = cohen_kappa([True, True, False, False], [True, False, False, False])
    # observed 0.75; expected 0.5*0.25 + 0.5*0.75 = 0.5; kappa = 0.25 / 0.5
    assert value == pytest.approx(0.5) and observed == 0.75 and note == ""
    value, observed, note = cohen_kappa([True, True], [True, True])
    assert value is None and observed == 1 and "cannot be computed" in note


def test_two_coders_code_a_sample_blind_then_see_their_agreement(client, staff):
    consultation = ConsultationFactory()
    quotes = [
        QuoteFactory(answer=AnswerFactory(contribution__consultation=consultation))
        for _ in range(4)
    ]
    housing = ThemeFactory(consultation=consultation, name="Housing")
    work = ThemeFactory(consultation=consultation, name="Employment")
    other = StaffFactory(name="Olu Other")
    response = client.post(
        reverse("consultations:staff_samples", args=[consultation.slug]),
        {"name": "First look", "size": 4, "coders": [staff.pk, other.pk]},
    )
    assert response.status_code == 302
    sample = consultation.coding_samples.get()
    sample_url = reverse("consultations:staff_sample", args=[consultation.slug, sample.pk])

    for quote, themes in zip(quotes, [[housing], [housing], [work], [work]], strict=True):
        code_quote(other, quote, themes)
    page = client.get(sample_url).content.decode()
    assert "checked" not in page  # the other coder's choices are not shown
    quote_page = client.get(
        reverse("consultations:staff_quote", args=[consultation.slug, quotes[0].pk])
    ).content.decode()
    assert "Olu Other" not in quote_page and "only your own themes" in quote_page
    waiting = client.get(
        reverse("consultations:staff_sample_agreement", args=[consultation.slug, sample.pk])
    )
    assert "once both coders have given every quote" in waiting.content.decode()

    for quote, themes in zip(quotes, [[housing], [work], [work], [work]], strict=True):
        client.post(sample_url, {"quote": quote.pk, "themes": [t.pk for t in themes]})
    result = agreement(sample)
    by_theme = {row.label: row for row in result["themes"]}
    assert by_theme["Housing"].value == pytest.approx(0.5)
    assert by_theme["Employment"].value == pytest.approx(0.5)
    assert result["overall"].value == pytest.approx(0.5)
    shown = client.get(
        reverse("consultations:staff_sample_agreement", args=[consultation.slug, sample.pk])
    ).content.decode()
    assert "Cohen" in shown and "0.50" in shown


def test_a_sample_needs_two_different_coders(staff):
    quote = QuoteFactory()
    with pytest.raises(ValidationError, match="two different people"):
        create_sample(staff, quote.consultation, "Solo", 5, [staff])
    sample = quote.consultation.coding_samples.create(name="Broken")
    sample.coders.set([staff])
    assert "fewer" in agreement(sample)["problem"]


def test_only_the_samples_coders_may_code_it(client, staff):
    quote = QuoteFactory()
    theme = ThemeFactory(consultation=quote.consultation)
    sample = create_sample(staff, quote.consultation, "Pair", 2, [StaffFactory(), StaffFactory()])
    url = reverse("consultations:staff_sample", args=[quote.consultation.slug, sample.pk])
    response = client.post(url, {"quote": quote.pk, "themes": [theme.pk]})
    assert response.status_code == 403
    assert not Coding.objects.exists()
