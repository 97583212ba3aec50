"""The programmes pages in a real browser: a participant answers their 12-month follow-up on a
phone through their signed link, sees what they told us and withdraws an answer; then every
page of the app, as the person who uses it, passes axe-core at 1280 and 390 px wide, with
screenshots (test-artifacts/programmes-*.png)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from core.tests.browser_support import ARTIFACTS, DESKTOP, PHONE, axe_check, log_in
from core.tests.factories import StaffFactory, UserFactory
from programmes.models import FollowUp, SafeguardingLead
from programmes.services import followups, mentoring, youth
from programmes.tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"programmes-{name}.png"), full_page=True)


def test_a_participant_answers_their_12_month_followup_on_a_phone(new_page, live_server):
    followup = factories.FollowUpFactory(participant__name="Dana Reyes")
    token = followups.token_for(followup.participant)
    phone = new_page(PHONE)
    phone.goto(live_server.url + reverse("programmes:followup", args=[token]))
    expect(phone.get_by_role("heading", name="12 months on")).to_be_visible()
    axe_check(phone)
    _shoot(phone, "followup-390")
    phone.get_by_label("Are you in a paid role?").select_option("Yes")
    phone.get_by_label("Is your work in the justice or charity sector?").select_option("Yes")
    phone.get_by_label("Your role (optional)").fill("Peer support lead")
    phone.get_by_label("How senior is it?").select_option(label="Manager or team lead")
    phone.get_by_label("How many board or trustee roles do you hold?").fill("1")
    phone.get_by_label(
        "How confident do you feel about leading change? (1 not at all, 5 very)"
    ).select_option("4")
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_text("Thank you: your answers are saved.")).to_be_visible()
    expect(phone.get_by_text("Peer support lead")).to_be_visible()
    axe_check(phone)
    _shoot(phone, "followup-answered-390")
    followup.refresh_from_db()
    assert followup.paid_role and followup.board_roles == 1 and followup.confidence == 4
    phone.get_by_role("button", name="Withdraw these answers").click()
    expect(phone.get_by_text("You withdrew these answers")).to_be_visible()
    assert FollowUp.objects.get(pk=followup.pk).withdrawn_at is not None


def _world():
    staff = StaffFactory(name="Robin Staff")
    judge, mentor_user, lead, young_user = (UserFactory() for _ in range(4))
    cohort = factories.CohortFactory(
        programme__name="Leading Change", programme__slug="leading-change"
    )
    application = factories.ApplicationFactory(cohort=cohort, name="Sam Applicant")
    factories.PanelSeatFactory(cohort=cohort, judge=judge)
    participant = factories.ApplicationFactory(cohort=cohort, status="accepted", name="Pat Part")
    mentor = factories.MentorFactory(user=mentor_user, network=cohort.programme.network)
    mentoring.match(None, mentor, participant)
    session = factories.ProgrammeSessionFactory(module__cohort=cohort)
    offer = factories.PartnerOfferFactory(cohort=cohort)
    criterion = cohort.programme.criteria.first()
    answered = factories.FollowUpFactory(participant=participant, point="end")
    followups.answer(participant, answered, {"paid_role": True, "in_sector": True})
    consent = factories.ProjectConsentFactory(project__title="How we are seen")
    group = consent.project.group
    # Robin staffs both networks: staff pages open only to the staff of their own network.
    cohort.programme.network.staff.add(staff)
    group.network.staff.add(staff)
    SafeguardingLead.objects.create(network=group.network, user=lead)
    person = consent.young_person
    person.user = young_user
    person.save()
    youth.record_owed(None, factories.YouthSessionFactory(project=consent.project), person)
    factories.OutputFactory(project=consent.project)
    factories.MeetingFactory(project=consent.project)
    concern = factories.ConcernFactory(group=group)
    programme = cohort.programme
    pages = {
        None: [
            ("index", reverse("programmes:index")),
            ("programme", programme.get_absolute_url()),
            ("apply", reverse("programmes:apply", args=[programme.slug, cohort.slug])),
            ("applied", reverse("programmes:applied")),
            ("my-place", reverse("programmes:my_place", args=[participant.key])),
            ("youth-group", group.get_absolute_url()),
            ("youth-project", consent.project.get_absolute_url()),
        ],
        staff: [
            ("staff-index", reverse("programmes:staff_index")),
            ("staff-cohort", reverse("programmes:staff_cohort", args=[cohort.pk])),
            ("staff-application", reverse("programmes:staff_application", args=[application.pk])),
            ("staff-sessions", reverse("programmes:staff_sessions", args=[cohort.pk])),
            ("staff-mentoring", reverse("programmes:staff_mentoring", args=[cohort.pk])),
            ("staff-offers", reverse("programmes:staff_offers", args=[cohort.pk])),
            ("staff-outcomes", reverse("programmes:staff_outcomes", args=[programme.slug])),
            ("setup-programme-new", reverse("programmes:setup_programme_create")),
            ("setup-programme", reverse("programmes:setup_programme", args=[programme.slug])),
            (
                "setup-criterion-new",
                reverse("programmes:setup_criterion_create", args=[programme.slug]),
            ),
            ("setup-criterion", reverse("programmes:setup_criterion", args=[criterion.pk])),
            ("setup-cohort-new", reverse("programmes:setup_cohort_create", args=[programme.slug])),
            ("setup-cohort", reverse("programmes:setup_cohort", args=[cohort.pk])),
            ("setup-module-new", reverse("programmes:setup_module_create", args=[cohort.pk])),
            ("setup-module", reverse("programmes:setup_module", args=[session.module_id])),
            (
                "setup-session-new",
                reverse("programmes:setup_session_create", args=[session.module_id]),
            ),
            ("setup-session", reverse("programmes:setup_session", args=[session.pk])),
            ("setup-mentors", reverse("programmes:setup_mentors")),
            ("setup-mentor-new", reverse("programmes:setup_mentor_create")),
            ("setup-mentor", reverse("programmes:setup_mentor", args=[mentor.pk])),
            ("setup-offer-new", reverse("programmes:setup_offer_create", args=[cohort.pk])),
            ("setup-offer", reverse("programmes:setup_offer", args=[offer.pk])),
            ("staff-youth", reverse("programmes:staff_youth_group", args=[group.slug])),
            ("staff-young-person", reverse("programmes:staff_young_person", args=[person.pk])),
            ("safeguarding-record", reverse("programmes:safeguarding_record")),
            ("safeguarding-reason", reverse("programmes:safeguarding_log", args=[group.slug])),
        ],
        judge: [
            ("judging", reverse("programmes:judge_home")),
            ("judge-application", reverse("programmes:judge_application", args=[application.pk])),
        ],
        mentor_user: [("mentoring", reverse("programmes:mentor_home"))],
        young_user: [("payments", reverse("programmes:my_payments"))],
        lead: [
            ("safeguarding-log", reverse("programmes:safeguarding_log", args=[group.slug])),
            ("safeguarding-concern", reverse("programmes:safeguarding_concern", args=[concern.pk])),
        ],
    }
    return pages


def assert_no_sideways_scroll(page):
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url} scrolls sideways: {width}"


def test_staff_add_a_session_on_a_phone_after_a_refused_time(new_page, live_server):
    staff = StaffFactory()
    module = factories.ModuleFactory(title="Influencing policy")
    module.cohort.programme.network.staff.add(staff)
    factories.ApplicationFactory(cohort=module.cohort, status="accepted", name="Pat Part")
    phone = new_page(PHONE)
    log_in(phone, live_server.url, staff.email)
    phone.goto(live_server.url + reverse("programmes:staff_sessions", args=[module.cohort_id]))
    phone.get_by_role("link", name="Add a session to Influencing policy").click()
    phone.get_by_label("Session").fill("Who decides?")
    phone.get_by_label("Starts (UK time)").fill("2031-03-04T10:00")
    phone.get_by_label("Ends (UK time)").fill("2031-03-04T09:00")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(phone)
    assert_no_sideways_scroll(phone)
    _shoot(phone, "setup-session-refused-390")
    phone.get_by_label("Ends (UK time)").fill("2031-03-04T12:00")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Saved “Who decides?”.")).to_be_visible()
    expect(phone.get_by_text("Pat Part")).to_be_visible()
    axe_check(phone)
    assert_no_sideways_scroll(phone)
    _shoot(phone, "setup-session-saved-390")
    assert module.sessions.get().event.registrations.filter(name="Pat Part").exists()


def test_every_page_passes_axe_at_both_widths(new_page, live_server):
    pages = _world()
    for user, urls in pages.items():
        for size_name, size in (("1280", DESKTOP), ("390", PHONE)):
            page = new_page(size)
            if user is not None:
                log_in(page, live_server.url, user.email)
            for name, url in urls:
                page.goto(live_server.url + url)
                axe_check(page)
                assert_no_sideways_scroll(page)
                _shoot(page, f"{name}-{size_name}")
            page.close()
