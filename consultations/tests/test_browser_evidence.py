"""Gathering evidence in a real browser: a member contact contributes (draft, then submit with
a consent choice), and staff turn an answer into a quote, redact it, code it and accept a
suggested theme. axe-core checks every page visited."""

import pytest
from playwright.sync_api import expect

from consultations.models import Coding, Contribution, Quote
from consultations.tests.factories import (
    AnswerFactory,
    CodingFactory,
    ConsultationFactory,
    QuestionFactory,
    QuoteFactory,
    ThemeFactory,
)
from core.tests.browser_support import axe_check, log_in
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_contact_saves_a_draft_and_submits_with_consent(page, live_server):
    network = NetworkFactory()
    organisation = OrganisationFactory(name="Open Doors Housing", networks=[network])
    member = UserFactory(email="mina@opendoors.example.org", name="Mina Member")
    member_contact_for(organisation, member)
    consultation = ConsultationFactory(networks=[network], title="Women leaving prison")
    QuestionFactory(
        part__consultation=consultation,
        part__title="Part 1: Release",
        number=1,
        text="What helps on the day of release?",
    )

    log_in(page, live_server.url, member.email)
    page.goto(f"{live_server.url}/consultations/contribute/")
    axe_check(page)
    page.get_by_role("link", name="Women leaving prison").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Women leaving prison")
    axe_check(page)

    page.get_by_label("Question 1.").fill("A named worker who meets her at the gate.")
    # The draft saves itself a few seconds after typing stops; the button always works too.
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved", timeout=10_000)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("Your draft was saved")
    axe_check(page)
    assert Contribution.objects.get().status == Contribution.Status.DRAFT

    page.get_by_label("Anonymously, with a description they approved").check()
    page.get_by_label("Description to use").fill("a women's centre in the Midlands")
    page.get_by_label("Tell me what happened to this input").check()
    page.get_by_role("button", name="Submit my evidence").click()
    expect(page.locator(".messages")).to_contain_text("your contribution was submitted")
    axe_check(page)
    contribution = Contribution.objects.get()
    assert contribution.status == Contribution.Status.SUBMITTED
    assert contribution.approved_description == "a women's centre in the Midlands"
    assert contribution.consent_given_at is not None and contribution.wants_feedback


def test_staff_quote_redact_code_and_accept_a_suggested_theme(page, live_server):
    staff = StaffFactory(email="sam@example.org", name="Sam Staff")
    consultation = ConsultationFactory(title="Resettlement call")
    answer = AnswerFactory(
        contribution__consultation=consultation,
        text="Jamal left prison with no housing and slept rough for a week.",
    )
    housing = ThemeFactory(consultation=consultation, name="Housing on release")
    ThemeFactory(consultation=consultation, name="Employment")
    coded = QuoteFactory(
        answer=AnswerFactory(
            contribution__consultation=consultation,
            text="With no housing arranged, people sleep rough after prison.",
        )
    )
    CodingFactory(quote=coded, theme=housing, coder=staff)
    uncoded = QuoteFactory(
        answer=AnswerFactory(
            contribution__consultation=consultation,
            text="She slept rough because no housing was ready on release.",
        )
    )

    log_in(page, live_server.url, staff.email)
    page.goto(
        f"{live_server.url}/consultations/staff/{consultation.slug}/contributions/"
        f"{answer.contribution_id}/"
    )
    axe_check(page)
    page.get_by_role("link", name="Quote from this answer").click()
    axe_check(page)
    # Select the words in the source, as a person would with the mouse.
    page.evaluate(
        """() => {
            const text = document.getElementById("quote-source").firstChild;
            const range = document.createRange();
            range.setStart(text, 6);
            range.setEnd(text, 33);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            text.parentElement.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        }"""
    )
    expect(page.get_by_label("Words to quote")).to_have_value("left prison with no housing")
    expect(page.get_by_label("Starts at character")).to_have_value("6")
    page.get_by_label("Words to quote").fill("Jamal left prison with no housing")
    page.get_by_label("Starts at character").fill("")
    page.get_by_role("button", name="Keep the quote").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quote")
    axe_check(page)

    page.get_by_role("button", name="Accept [name] at 0").click()
    expect(page.locator("#published-text")).to_have_text("[name] left prison with no housing")
    page.get_by_role("button", name="Mark redaction reviewed").click()
    expect(page.locator(".staff-panel")).to_contain_text("this quote may be used")
    axe_check(page)

    page.get_by_label("Housing on release", exact=True).check()
    page.get_by_role("button", name="Save my themes").click()
    expect(page.locator(".messages")).to_contain_text("Your themes for this quote were saved")
    quote = Quote.objects.get(answer=answer)
    assert quote.is_redaction_reviewed
    assert Coding.objects.filter(quote=quote, theme=housing).exists()

    page.goto(f"{live_server.url}/consultations/staff/{consultation.slug}/suggestions/")
    expect(page.locator("main")).to_contain_text("Housing on release")
    axe_check(page)
    page.get_by_role("button", name=f"Accept “Housing on release” for quote {uncoded.pk}").click()
    expect(page.locator(".messages")).to_contain_text(f"Quote {uncoded.pk} coded")
    axe_check(page)
    assert Coding.objects.filter(quote=uncoded, theme=housing, coder=staff).exists()


def test_every_staff_evidence_page_passes_axe(page, live_server):
    from consultations.evidence.services.agreement import create_sample
    from consultations.evidence.services.codebook import code_quote
    from consultations.models import ConsentFlag
    from consultations.tests.factories import PassageFactory

    staff = StaffFactory(email="dee@example.org", name="Dee Staff")
    other = StaffFactory(name="Olu Other")
    consultation = ConsultationFactory(title="Youth diversion call")
    question = QuestionFactory(part__consultation=consultation, number=1)
    passage = PassageFactory(speaker__session__consultation=consultation, question=question)
    parent = ThemeFactory(consultation=consultation, name="Diversion")
    child = ThemeFactory(consultation=consultation, name="Police referrals", parent=parent)
    quote = QuoteFactory(passage=passage)
    CodingFactory(quote=quote, theme=child, coder=staff)
    sample = create_sample(staff, consultation, "Pilot", 2, [staff, other])
    code_quote(staff, quote, [child])
    code_quote(other, quote, [child])
    ConsentFlag.objects.create(consultation=consultation, quote=quote, description="Flagged.")

    log_in(page, live_server.url, staff.email)
    base = f"{live_server.url}/consultations/staff/{consultation.slug}"
    for path in (
        "/",
        "/edit/",
        "/questions/",
        "/contributions/",
        "/sessions/",
        f"/sessions/{passage.session_id}/",
        "/quotes/",
        f"/quotes/{quote.pk}/",
        "/codebook/",
        f"/codebook/{child.pk}/merge/",
        "/suggestions/",
        "/samples/",
        f"/samples/{sample.pk}/",
        f"/samples/{sample.pk}/agreement/",
        "/summary/",
        "/flags/",
    ):
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        axe_check(page)
    page.goto(f"{live_server.url}/consultations/staff/")
    axe_check(page)
