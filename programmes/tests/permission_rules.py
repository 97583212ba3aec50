"""Who gets what from each programmes page: merged into groundswell/tests/permission_rules.py.

Visitors read programmes and young advocates' projects and apply; an applicant's own pages
and follow-ups open with their personal link (the key is the permission); panel members see
only their own panel's applications; the safeguarding log is the strictest page on the site:
only the network's designated safeguarding leads read it, and staff and admins are refused
(403) until they give a reason, which is logged. Everything else is staff's.
"""

from groundswell.tests.permission_rules import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PUBLIC,
    STAFF_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
)

SAMPLES = {
    "programme": "slug of a leadership programme",
    "programme_cohort": "slug of its cohort open for applications",
    "programme_cohort_pk": "pk of that cohort",
    "programme_key": "an applicant's personal key",
    "programme_token": "a participant's signed follow-up link token",
    "programme_bad_token": "a follow-up token with a broken signature",
    "programme_application": "pk of an application the judge's panel scores",
    "programme_application_other": "pk of an application on a panel the judge is not on",
    "programme_session": "pk of a programme session",
    "programme_offer": "pk of an employer partner's offer",
    "programme_match": "pk of the member's mentor match",
    "programme_followup": "pk of the participant's follow-up",
    "youth_group": "slug of a young advocates group (network N)",
    "youth_project": "slug of one of its projects",
    "youth_person": "pk of a young person",
    "youth_consent": "pk of their project consent",
    "youth_payment": "pk of a payment owed to them",
    "youth_output": "pk of an output of their project",
    "youth_meeting": "pk of a decision-maker meeting",
    "concern": "pk of a safeguarding concern",
    "programme_cohort_pk_m": "pk of a cohort of a programme of network M (staff run N only)",
    "youth_group_m": "slug of network M's young advocates group",
    "youth_person_m": "pk of a young person in network M's group",
    "programme_m": "slug of a programme of network M",
    "programme_criterion": "pk of a selection criterion of the network N programme",
    "programme_criterion_m": "pk of a criterion of network M's programme",
    "programme_module": "pk of a module of the network N cohort",
    "programme_module_m": "pk of a module of network M's cohort",
    "programme_session_m": "pk of a session of network M's cohort",
    "programme_offer_m": "pk of a partner's offer to network M's cohort",
    "programme_mentor": "pk of a mentor of network N",
    "programme_mentor_m": "pk of a mentor of network M",
}

SIGNED_IN_ONLY = Expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)
JUDGE_ONLY = Expect(LOGIN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)
JUDGES_APPLICATION = Expect(LOGIN, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND)
NOBODY_ELSES = Expect(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)
MENTOR_ONLY = Expect(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)
WORKERS = Expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK)
# Staff run only their own networks' programmes and groups; admins run all.
OTHER_NETWORK = Expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)
OWN_NETWORK = "Staff of the programme's or group's network, and admins; other staff get 403."


def network_staff(sample: str, other: str, name: str = "pk"):
    return rule(
        get(STAFF_ONLY, label="own network", **{name: sample}),
        get(OTHER_NETWORK, label="another network", **{name: other}),
        why=OWN_NETWORK,
    )


def post_only(**samples):
    return rule(get(everyone(NOT_ALLOWED), **samples), why="POST only.")


RULES = {
    "programmes:index": public(),
    "programmes:applied": public(),
    "programmes:programme": rule(
        get(PUBLIC, slug="programme"),
        get(everyone(NOT_FOUND), label="unknown", slug="unknown_slug"),
    ),
    "programmes:apply": public(
        slug="programme", cohort="programme_cohort", why="Anyone may apply."
    ),  # fmt: skip
    "programmes:my_place": rule(
        get(PUBLIC, label="the emailed key", key="programme_key"),
        get(everyone(NOT_FOUND), label="unknown key", key="programme_bad_token"),
        why="The applicant's own link: the secret key is the permission.",
    ),
    "programmes:respond": post_only(key="programme_key"),
    "programmes:participant_change": post_only(key="programme_key"),
    "programmes:followup": rule(
        get(PUBLIC, label="signed link", token="programme_token"),
        get(everyone(NOT_FOUND), label="forged link", token="programme_bad_token"),
        why="The participant's signed link is the permission.",
    ),
    "programmes:followup_withdraw": post_only(token="programme_token", pk="programme_followup"),
    "programmes:judge_home": rule(get(JUDGE_ONLY), why="Only people on a selection panel."),
    "programmes:judge_application": rule(
        get(JUDGES_APPLICATION, label="own panel", pk="programme_application"),
        get(NOBODY_ELSES, label="another panel", pk="programme_application_other"),
        why="Anyone not on its panel (or recused) gets the same 404 as a missing one.",
    ),
    "programmes:judge_declare": post_only(pk="programme_application"),
    "programmes:mentor_home": rule(get(MENTOR_ONLY), why="The member contact is a mentor."),
    "programmes:mentor_change": post_only(pk="programme_match"),
    "programmes:my_payments": rule(
        get(SIGNED_IN_ONLY), why="Only a young advocate with an account sees their payments."
    ),
    "programmes:youth_group": public(slug="youth_group"),
    "programmes:youth_project": public(slug="youth_project"),
    "programmes:safeguarding_record": rule(
        get(WORKERS), why="Anyone working with a group (workers, leads, staff) records concerns."
    ),
    "programmes:safeguarding_log": rule(
        get(SIGNED_IN_ONLY, slug="youth_group"),
        why="Only the designated safeguarding leads; staff and admins are refused without a "
        "logged reason (tested in test_safeguarding_access.py).",
    ),
    "programmes:safeguarding_concern": rule(get(SIGNED_IN_ONLY, pk="concern")),
    "programmes:staff_index": staff_only(),
    "programmes:staff_cohort": network_staff("programme_cohort_pk", "programme_cohort_pk_m"),
    "programmes:staff_sessions": network_staff("programme_cohort_pk", "programme_cohort_pk_m"),
    "programmes:staff_mentoring": network_staff("programme_cohort_pk", "programme_cohort_pk_m"),
    "programmes:staff_offers": network_staff("programme_cohort_pk", "programme_cohort_pk_m"),
    "programmes:staff_application": network_staff(
        "programme_application", "programme_application_other"
    ),
    "programmes:staff_match": post_only(pk="programme_application"),
    "programmes:staff_withdraw": post_only(pk="programme_application"),
    "programmes:staff_attendance": post_only(pk="programme_session"),
    "programmes:staff_assign_offer": post_only(pk="programme_offer"),
    "programmes:staff_outcomes": staff_only(slug="programme"),
    "programmes:staff_send_followups": post_only(slug="programme"),
    # Setting a programme up (views/setup.py): the same networks rule.
    "programmes:setup_programme_create": staff_only(why="Staff pick one of their own networks."),
    "programmes:setup_programme": network_staff("programme", "programme_m", "slug"),
    "programmes:setup_criterion_create": network_staff("programme", "programme_m", "slug"),
    "programmes:setup_criterion": network_staff("programme_criterion", "programme_criterion_m"),
    "programmes:setup_cohort_create": network_staff("programme", "programme_m", "slug"),
    "programmes:setup_cohort": network_staff("programme_cohort_pk", "programme_cohort_pk_m"),
    "programmes:setup_module_create": network_staff("programme_cohort_pk", "programme_cohort_pk_m"),
    "programmes:setup_module": network_staff("programme_module", "programme_module_m"),
    "programmes:setup_session_create": network_staff("programme_module", "programme_module_m"),
    "programmes:setup_session": network_staff("programme_session", "programme_session_m"),
    "programmes:setup_mentors": staff_only(why="Each lists only their own networks' mentors."),
    "programmes:setup_mentor_create": staff_only(why="Staff pick one of their own networks."),
    "programmes:setup_mentor": network_staff("programme_mentor", "programme_mentor_m"),
    "programmes:setup_offer_create": network_staff("programme_cohort_pk", "programme_cohort_pk_m"),
    "programmes:setup_offer": network_staff("programme_offer", "programme_offer_m"),
    "programmes:staff_youth_group": network_staff("youth_group", "youth_group_m", "slug"),
    "programmes:staff_young_person": network_staff("youth_person", "youth_person_m"),
    "programmes:staff_consent": post_only(pk="youth_consent"),
    "programmes:staff_record_owed": post_only(pk="youth_person"),
    "programmes:staff_set_credit": post_only(pk="youth_person", output="youth_output"),
    "programmes:staff_mark_paid": post_only(pk="youth_payment"),
    "programmes:staff_publish": post_only(pk="youth_output"),
    "programmes:staff_log_meeting": post_only(pk="youth_meeting"),
}


def build_samples(context) -> dict[str, str]:
    from programmes.models import Mentor
    from programmes.services import followups, mentoring
    from programmes.tests import factories

    users = context["users"]
    cohort = factories.CohortFactory(programme__network=context["network_n"])
    application = factories.ApplicationFactory(cohort=cohort)
    factories.PanelSeatFactory(cohort=cohort, judge=users["judge"])
    other = factories.ApplicationFactory()
    participant = factories.ApplicationFactory(cohort=cohort, status="accepted")
    followup = factories.FollowUpFactory(participant=participant)
    session = factories.ProgrammeSessionFactory(module__cohort=cohort)
    offer = factories.PartnerOfferFactory(cohort=cohort, organisation=context["org_a"])
    mentor = Mentor.objects.create(
        user=users["member"], max_mentees=2, network=cohort.programme.network
    )
    made = mentoring.match(None, mentor, participant)
    group = factories.YouthGroupFactory(network=context["network_n"])
    consent = factories.ProjectConsentFactory(project__group=group, young_person__group=group)
    person, project = consent.young_person, consent.project
    session_y = factories.YouthSessionFactory(project=project)
    payment = factories.PaymentFactory(session=session_y, young_person=person)
    output = factories.OutputFactory(project=project)
    meeting = factories.MeetingFactory(project=project)
    concern = factories.ConcernFactory(group=group, young_person=person)
    cohort_m = factories.CohortFactory(programme__network=context["network_m"])
    person_m = factories.YoungPersonFactory(group__network=context["network_m"])
    session_m = factories.ProgrammeSessionFactory(module__cohort=cohort_m)
    offer_m = factories.PartnerOfferFactory(cohort=cohort_m, organisation=context["org_a"])
    mentor_m = factories.MentorFactory(network=context["network_m"])
    return {
        "programme": cohort.programme.slug,
        "programme_cohort": cohort.slug,
        "programme_cohort_pk": str(cohort.pk),
        "programme_key": application.key,
        "programme_token": followups.token_for(participant),
        "programme_bad_token": "not-a-real-token-but-long-enough-to-try",
        "programme_application": str(application.pk),
        "programme_application_other": str(other.pk),
        "programme_session": str(session.pk),
        "programme_offer": str(offer.pk),
        "programme_match": str(made.pk),
        "programme_followup": str(followup.pk),
        "youth_group": group.slug,
        "youth_project": project.slug,
        "youth_person": str(person.pk),
        "youth_consent": str(consent.pk),
        "youth_payment": str(payment.pk),
        "youth_output": str(output.pk),
        "youth_meeting": str(meeting.pk),
        "concern": str(concern.pk),
        "programme_cohort_pk_m": str(cohort_m.pk),
        "youth_group_m": person_m.group.slug,
        "youth_person_m": str(person_m.pk),
        "programme_m": cohort_m.programme.slug,
        "programme_criterion": str(cohort.programme.criteria.first().pk),
        "programme_criterion_m": str(cohort_m.programme.criteria.first().pk),
        "programme_module": str(session.module_id),
        "programme_module_m": str(session_m.module_id),
        "programme_session_m": str(session_m.pk),
        "programme_offer_m": str(offer_m.pk),
        "programme_mentor": str(mentor.pk),
        "programme_mentor_m": str(mentor_m.pk),
    }
