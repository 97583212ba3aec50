"""Demo programmes: a leadership programme for people with lived experience with three
cohorts (two finished, with outcome follow-ups over two years; one selecting now), and the
youth alliance's young advocates with two projects and consent in each of its states.

All people here are invented. Loaded by `load_demo` into an empty programmes app, after the
directory (it needs the two demo networks and some organisations); running it again changes
nothing.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.lib.months import add_months
from core.roles import Role
from members.models import Network, Organisation
from programmes import models
from programmes.services import delivery, followups, mentoring
from taxonomy.models import Term

LEADERSHIP_NETWORK, YOUTH_NETWORK = "cja", "ayj"
PARTNERS = ["Clinks", "Catch22", "Changing Lives", "Centre for Justice Innovation"]
CRITERIA = [
    ("Drive to change the system", 3, "What they want to change and why it matters to them."),
    ("Leadership potential", 2, "Signs they already bring others with them."),
    ("What the programme would add", 2, "Whether this is the right moment for them."),
]
FIRST = ["Aisha", "Brendan", "Callum", "Dionne", "Errol", "Farah", "Gareth", "Hollie", "Imran",
         "Jolene", "Kwame", "Lorna", "Marcus", "Niamh", "Omari", "Paula", "Rhys", "Shanice",
         "Tariq", "Una", "Vinnie", "Wendy", "Xavier", "Yasmin", "Zach", "Bernadette", "Delroy",
         "Eilidh", "Fenton", "Gloria", "Hamza", "Ione", "Jermaine", "Kirsty", "Leon"]  # fmt: skip
LAST = ["Adeyemi", "Brannigan", "Cartwright", "Dossett", "Ellery", "Fairweather", "Gorman",
        "Huxtable", "Iqbal", "Jarrold", "Kinsella", "Lambe", "Mwangi", "Nolan", "Okafor",
        "Pennock", "Quarrie", "Rowntree", "Sandhu", "Thackeray", "Underhill", "Varley"]  # fmt: skip
STORIES = [
    "I was in care from eleven and first went to a young offender institution at seventeen. "
    "I now volunteer with a mentoring project.",
    "I served a sentence in my thirties. Coming home, housing was the hardest part, and I "
    "have been campaigning on it since.",
    "My brother was in prison for most of my teens and I saw what it did to our family.",
    "I have been on probation twice. I work in a café now and speak at training days.",
    "Years of drug use brought me into contact with the police again and again. Recovery "
    "and peer support turned it round.",
]
HOPES = [
    "To run a peer-led service, and to sit on a board that makes decisions about people like me.",
    "To move from volunteering into a paid role in the sector.",
    "To learn how policy is made so I can change it from the inside.",
]
MENTORS = [
    ("Priya Lal", "priya.lal@example.org", "housing policy campaigning", "Yorkshire and the Humber",
     "charity", "weekday evenings", 2),
    ("Owen Griffiths", "owen.griffiths@example.org", "employment youth justice", "Wales",
     "public sector", "weekday mornings", 2),
    ("Sade Bankole", "sade.bankole@example.org", "campaigning media women", "London", "charity",
     "weekday evenings saturday", 3),
    ("Martin Hale", "martin.hale@example.org", "governance boards finance", "North West",
     "business", "saturday mornings", 1),
]  # fmt: skip
YOUNG_PEOPLE = [
    # first name, last name, age in years, state on project one, state on project two
    ("Tayo", "Brightwell", 15, "given", "needs_own"),
    ("Kezia", "Marchetti", 14, "needs_parent", None),
    ("Rowan", "Ashgrove", 18, "needs_renewal", "given"),
    ("Jadzia", "Okonkwo-Reeve", 17, "given", "given"),
    ("Ellis", "Featherstone", 16, "withdrawn", None),
    ("Saoirse", "Blackwood", 19, "given", "given"),
    ("Dami", "Oyelaran", 13, "needs_own", None),
]


def _user(email, name, role=Role.MEMBER):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    return user or User.objects.create_user(email, None, name=name, role=role)


def _people(rng, count):
    for _ in range(count):
        yield f"{rng.choice(FIRST)} {rng.choice(LAST)}"


@transaction.atomic
def load_demo_programmes(today: datetime.date | None = None) -> int:
    if models.Programme.objects.exists() or models.YouthGroup.objects.exists():
        return 0
    leadership = Network.objects.filter(slug=LEADERSHIP_NETWORK).first()
    youth = Network.objects.filter(slug=YOUTH_NETWORK).first()
    if leadership is None or youth is None:
        return 0
    today = today or timezone.localdate()
    rng = random.Random(15)
    created = _leadership(leadership, today, rng)
    created += _young_advocates(youth, today)
    return created


def _leadership(network, today, rng) -> int:
    programme = models.Programme.objects.create(
        network=network, name="Leading Change", slug="leading-change", is_demo_content=True,
        summary="A paid year of leadership training, mentoring and placements for people with "
        "lived experience of the criminal justice system who want to lead change in it.",
        eligibility="You have lived experience of the criminal justice system (your own, or as "
        "a family member) and want to work, lead or sit on boards in the sector. You describe "
        "your experience in your own words; we never ask about offences.",
        quorum=2,
    )  # fmt: skip
    programme.partners.set(Organisation.objects.filter(name__in=PARTNERS))
    for order, (name, weight, guidance) in enumerate(CRITERIA):
        models.Criterion.objects.create(
            programme=programme, name=name, weight=weight, guidance=guidance, order=order
        )
    regions = list(Term.objects.places().exclude(slug__in=["national", "international"]))
    mentors = []
    for name, email, interests, region, sector, free, cap in MENTORS:
        mentors.append(models.Mentor.objects.create(
            user=_user(email, name), network=network, interests=interests, sector=sector,
            availability=free,
            region=Term.objects.places().filter(name=region).first(), max_mentees=cap,
        ))  # fmt: skip
    created = 0
    # Cohort 1 ended 25 months ago; cohort 2 ended 13 months ago; cohort 3 is selecting.
    plan = [("Cohort 1", -37, -25, 10), ("Cohort 2", -25, -13, 12), ("Cohort 3", 2, 14, 10)]
    names = _people(rng, 60)
    for index, (label, start, end, places) in enumerate(plan, start=1):
        cohort = models.Cohort.objects.create(
            programme=programme, name=label, slug=f"cohort-{index}",
            starts_on=add_months(today, start),
            ends_on=add_months(today, end) - datetime.timedelta(days=1),
            places=places, location=["Leeds", "Cardiff and online", "Manchester"][index - 1],
            applications_close=add_months(today, 1) if index == 3 else add_months(today, start - 1),
        )  # fmt: skip
        if index < 3:
            created += _finished_cohort(cohort, names, rng, regions, mentors, today)
        else:
            created += _selecting_cohort(cohort, names, rng, regions)
    return created


def _application(cohort, name, rng, regions, status):
    email = name.lower().replace(" ", ".") + f".{cohort.pk}@example.org"
    return models.Application.objects.create(
        cohort=cohort, name=name, email=email, region=rng.choice(regions) if regions else None,
        lived_experience=rng.choice(STORIES), hopes=rng.choice(HOPES),
        interests=rng.choice(["housing campaigning", "employment", "youth justice media",
                              "boards governance"]),
        sector=rng.choice(["charity", "public sector", "business"]),
        availability=rng.choice(["weekday evenings", "saturday mornings", "weekday mornings"]),
        consent_text="Demo consent.", status=status,
        submitted_at=timezone.make_aware(datetime.datetime.combine(
            cohort.starts_on - datetime.timedelta(days=60), datetime.time(10))),
    )  # fmt: skip


def _finished_cohort(cohort, names, rng, regions, mentors, today) -> int:
    participants = [
        _application(cohort, next(names), rng, regions, models.ApplicationStatus.ACCEPTED)
        for _ in range(cohort.places)
    ]
    _application(cohort, next(names), rng, regions, models.ApplicationStatus.UNSUCCESSFUL)
    module = models.Module.objects.create(cohort=cohort, title="Influencing policy", order=1)
    # Each session is an invitation-only event; the register is taken there.
    for week in range(3):
        starts_at = timezone.make_aware(
            datetime.datetime.combine(
                cohort.starts_on + datetime.timedelta(days=14 * week), datetime.time(10)
            )
        )
        session = delivery.add_session(None, module, {
            "title": ["Who decides?", "Writing a briefing", "Meeting a minister"][week],
            "starts_at": starts_at, "ends_at": starts_at + datetime.timedelta(hours=3),
            "place": cohort.location,
        })  # fmt: skip
        present = {person.pk for person in participants if rng.random() < 0.85}
        delivery.record_attendance(None, session, present)
    models.PartnerOffer.objects.create(
        cohort=cohort, organisation=Organisation.objects.filter(name="Clinks").first()
        or Organisation.objects.first(), kind=models.PartnerOffer.Kind.BOARD_OBSERVER,
        title="Observe two board meetings", participant=participants[0],
    )  # fmt: skip
    for person, mentor in zip(participants, mentors * 3, strict=False):
        if mentoring.with_room().filter(pk=mentor.pk).exists():
            mentoring.match(None, mentor, person)
    followups.schedule(cohort)
    # Answers improve with time; about one in five does not answer; one withdraws.
    for followup in models.FollowUp.objects.filter(participant__cohort=cohort, due_on__lte=today):
        step = list(followups.MONTHS_AFTER).index(followup.point)
        followup.requested_at = timezone.make_aware(
            datetime.datetime.combine(followup.due_on, datetime.time(9))
        )
        if rng.random() < 0.2:
            followup.save()
            continue
        paid = rng.random() < 0.35 + 0.13 * step
        followup.answered_at = followup.requested_at + datetime.timedelta(days=3)
        followup.paid_role, followup.in_sector = paid, paid and rng.random() < 0.8
        followup.role_title = "Peer support worker" if paid else ""
        followup.seniority = rng.choice(["entry", "practitioner", "manager"]) if paid else ""
        followup.pay_band = rng.choice(["under_20k", "20_30k", "30_40k"]) if paid else ""
        followup.board_roles = 1 if rng.random() < 0.1 + 0.1 * step else 0
        followup.further_study = rng.random() < 0.25
        followup.confidence = min(5, 2 + step + (rng.random() < 0.5))
        followup.save()
    last = models.FollowUp.objects.filter(
        participant__cohort=cohort, answered_at__isnull=False
    ).last()
    if last:
        followups.withdraw(last.participant, last)
    return len(participants) + 1


def _selecting_cohort(cohort, names, rng, regions) -> int:
    User = get_user_model()
    panel = [
        (User.objects.filter(email="judge@example.org").first(), False),
        (_user("dee.ogunyemi@example.org", "Dee Ogunyemi"), True),
        (User.objects.filter(email="staff@example.org").first(), False),
    ]
    applications = [
        _application(cohort, next(names), rng, regions, models.ApplicationStatus.RECEIVED)
        for _ in range(14)
    ]
    criteria = list(cohort.programme.criteria.all())
    for user, lived in panel:
        if user is None:
            continue
        seat = models.PanelSeat.objects.create(cohort=cohort, judge=user, lived_experience=lived)
        for application in applications[:10]:
            for criterion in criteria:
                models.PanelScore.objects.create(
                    seat=seat, application=application, criterion=criterion,
                    value=rng.randint(4, 10),
                )  # fmt: skip
    conflicted = models.PanelSeat.objects.filter(cohort=cohort, lived_experience=True).first()
    if conflicted:
        models.PanelConflict.objects.create(
            seat=conflicted, application=applications[-1],
            reason="We volunteered together at the same food bank for three years.",
        )  # fmt: skip
    return len(applications)


def _young_advocates(network, today) -> int:
    group = models.YouthGroup.objects.create(
        network=network, name="Young Advocates", slug="young-advocates",
        description="Children and young people with experience of the youth justice system who "
        "research what their peers face and take it to the people who decide.",
    )  # fmt: skip
    lead = _user("safeguarding@example.org", "Morgan Ellery")
    models.SafeguardingLead.objects.create(network=network, user=lead)
    worker = _user("youthworker@example.org", "Jess Kirby")
    group.workers.add(worker)
    trusted = Organisation.objects.filter(name="Become").first()
    first = models.YouthProject.objects.create(
        group=group, title="How we are seen", slug="how-we-are-seen",
        summary="Peer research on stereotyping: young advocates interviewed other young people "
        "about how police, schools and the press see them, and what would change it.",
        starts_on=add_months(today, -10), parent_consent_under_16=True,
    )  # fmt: skip
    second = models.YouthProject.objects.create(
        group=group, title="Courts that listen", slug="courts-that-listen",
        summary="Young advocates design a short guide for magistrates on talking with children "
        "in the youth court, tested with two benches.",
        starts_on=add_months(today, -3), parent_consent_under_16=False,
    )  # fmt: skip
    sessions = {
        first: [models.YouthSession.objects.create(
            project=first, title=title, payment=Decimal("30.00"),
            starts_at=timezone.now() - datetime.timedelta(days=days),
        ) for title, days in (("Interview skills", 280), ("Analysing what we heard", 200),
                              ("Writing it up", 120))],
        second: [models.YouthSession.objects.create(
            project=second, title="Watching a youth court", payment=Decimal("25.00"),
            paid_as_voucher=True, starts_at=timezone.now() - datetime.timedelta(days=40),
        )],
    }  # fmt: skip
    people = []
    for index, (first_name, last_name, age, state_one, state_two) in enumerate(YOUNG_PEOPLE):
        born = today.replace(year=today.year - age) - datetime.timedelta(days=40 + index)
        person = models.YoungPerson.objects.create(
            group=group, first_name=first_name, last_name=last_name, date_of_birth=born,
            email=f"{first_name.lower()}.{index}@example.org", phone=f"07700 900{index:03d}",
            contact_through_trusted_adult=index % 2 == 0 and trusted is not None,
            trusted_adult_name="Alex Moran" if index % 2 == 0 else "",
            trusted_adult_email="alex.moran@example.org" if index % 2 == 0 else "",
            trusted_adult_organisation=trusted if index % 2 == 0 else None,
            is_demo_content=True,
        )  # fmt: skip
        people.append(person)
        for project, state in ((first, state_one), (second, state_two)):
            if state:
                _consent(project, person, state, today)
    for project, project_sessions in sessions.items():
        for consent in project.consents.select_related("young_person"):
            from programmes.services import youth

            if not youth.may_take_part(consent):
                continue
            for number, session in enumerate(project_sessions):
                models.Payment.objects.create(
                    session=session, young_person=consent.young_person, amount=session.payment,
                    paid_on=(session.starts_at + datetime.timedelta(days=14)).date()
                    if number < len(project_sessions) - 1 else None,
                )  # fmt: skip
    report = models.Output.objects.create(
        project=first, title="How we are seen: young people on stereotypes",
        summary="What 36 young people told young advocates about being judged by how they look, "
        "where they live and who their friends are, with eight asks of the police and schools.",
    )  # fmt: skip
    choices = {"Tayo": "first_name", "Jadzia": "initials", "Saoirse": "nothing",
               "Ellis": "first_name"}  # fmt: skip
    for person in people:
        if person.first_name in choices:
            models.OutputCredit.objects.create(
                output=report, young_person=person, sharing=choices[person.first_name]
            )
    from programmes.services import youth

    youth.publish_output(None, report)
    meeting = models.DecisionMakerMeeting.objects.create(
        project=first, with_whom="a deputy chief constable and the force's youth lead",
        happened_on=add_months(today, -2),
        summary="The young advocates presented their findings and asked the force to review how "
        "stop and search is explained to children.",
    )  # fmt: skip
    youth.log_meeting(None, meeting)
    concern = models.Concern.objects.create(
        group=group, young_person=people[1], recorded_by=worker,
        what_happened="During a break she said she was scared to go home after the session.",
    )  # fmt: skip
    models.ConcernAction.objects.create(
        concern=concern, taken_by=lead,
        action="Spoke with her the same day with her trusted adult; referred to children's "
        "services with her agreement.",
    )  # fmt: skip
    return len(people)


def _consent(project, person, state, today):
    now = timezone.now()
    consent = models.ProjectConsent(project=project, young_person=person)
    if state != "needs_own":
        given_at = now - datetime.timedelta(days=300 if state == "needs_renewal" else 60)
        consent.own_consent_at, consent.own_consent_text = (
            given_at,
            "Demo: the young person said yes.",
        )
        if project.parent_consent_under_16:
            consent.parent_name = "A parent or carer" if state != "needs_parent" else ""
            consent.parent_consent_at = None if state == "needs_parent" else given_at
    if state == "withdrawn":
        consent.withdrawn_at = now - datetime.timedelta(days=20)
    if state == "given" and person.age_on(today) >= 18:
        consent.renewed_at_18_at = now - datetime.timedelta(days=30)
    consent.save()
    return consent
