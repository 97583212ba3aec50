"""Demo awards: the alliance's annual awards and its Media Awards over several years.

The 2017 Outstanding Organisation of the Year really did go to DIVERT, with a £4,000 prize;
everything else here is invented for the demo: later winners, this year's nominations (some
from the directory, a nominated person who has not yet answered), a panel of judges with a
detected conflict and a declared one, their scores, and next year's categories open for
nominations. Loaded by `load_demo` into an empty awards app; running it again changes nothing.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from awards.models import (
    Category,
    Consent,
    Criterion,
    Cycle,
    Eligibility,
    Nomination,
    NominationStatus,
    Nominator,
    NomineeKind,
    PanelMember,
    Scheme,
    Score,
)
from awards.services import panels
from core.models import User
from core.roles import Role
from members.models import Network, Organisation
from taxonomy.models import Term

ORGANISATION_CRITERIA = [
    ("Impact", 40), ("Innovation", 30), ("Involving people with lived experience", 30)
]  # fmt: skip
MEDIA_CRITERIA = [
    ("Accuracy and fairness", 40), ("Voices of people affected", 35), ("Constructive framing", 25)
]  # fmt: skip
DEMO_JUDGES = [
    ("Amara Osei", "amara.osei@example.org", False, "Former youth justice manager"),
    ("Lewis Pritchard", "lewis.pritchard@example.org", True, "Peer mentor and trustee"),
    ("Dr Hannah Kerr", "hannah.kerr@example.org", False, "Criminologist"),
]
# Invented winners of the last two years, by directory name (skipped if the directory lacks
# one), keyed by how many years ago.
PAST_WINNERS = {
    2: ("Birth Companions", "For changing how prisons support pregnant women and new mothers."),
    1: ("Abianda", "For work with young women affected by gangs, led by young women themselves."),
}  # fmt: skip
THIS_YEAR_NOMINEES = [
    "Anawim", "Beating Time", "Become", "Catch22", "Changing Lives",
    "Centre for Justice Innovation", "Bounce Back", "Belong",
]  # fmt: skip
STATEMENTS = [
    "Their work has kept dozens of people out of custody this year, and they measure it honestly.",
    "People with lived experience run the programme, not just advise on it.",
    "They took an idea nobody funded and proved it works; other areas now copy it.",
    "They changed how our local court deals with young adults.",
]


def _date(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _category(cycle, name, slug, eligibility, criteria, **fields) -> Category:
    category = Category.objects.create(
        cycle=cycle, name=name, slug=slug, eligibility=eligibility, **fields
    )
    for order, (criterion, weight) in enumerate(criteria):
        Criterion.objects.create(category=category, name=criterion, weight=weight, order=order)
    return category


def _nomination(category, name, *, organisation=None, kind=None, **fields) -> Nomination:
    if kind is None:
        kind = NomineeKind.MEMBER if organisation else NomineeKind.ORGANISATION
    return Nomination.objects.create(
        category=category,
        nominee_kind=kind,
        nominee_name=name,
        organisation=organisation,
        **fields,
    )


def _nominator(nomination, number: int, organisation_name: str = "") -> Nominator:
    return Nominator.objects.create(
        nomination=nomination,
        name=f"Demo Nominator {number}",
        email=f"nominator{number}@example.org",
        organisation_name=organisation_name,
        statement=STATEMENTS[number % len(STATEMENTS)],
        answers=[["What difference has the work made?", "Fewer people recalled to prison."]],
    )


def _judges() -> list[User]:
    judges = list(User.objects.filter(email="judge@example.org"))
    for name, email, _lived, _role in DEMO_JUDGES:
        user, created = User.objects.get_or_create(
            email=email, defaults={"name": name, "role": Role.JUDGE}
        )
        if created:
            user.set_unusable_password()
            user.save()
        judges.append(user)
    return judges


def _past(scheme, year, organisations, topics) -> int:
    cycle = Cycle.objects.create(
        scheme=scheme, year=year, slug=f"{scheme.slug}-{year}",
        nominations_open=datetime.date(year, 3, 1), nominations_close=datetime.date(year, 5, 31),
        judging_ends=datetime.date(year, 7, 31), shortlist_announced_on=datetime.date(year, 9, 1),
        ceremony_on=datetime.date(year, 11, 20), winners_published_on=datetime.date(year, 11, 20),
    )  # fmt: skip
    category = _category(
        cycle, "Outstanding Organisation of the Year", "outstanding-organisation",
        Eligibility.ANY_ORGANISATION, ORGANISATION_CRITERIA, prize_amount=Decimal("4000"),
        prize_description="An unrestricted grant", prize_paid_on=datetime.date(year, 12, 15),
    )  # fmt: skip
    category.topics.set(topics)
    if year == 2017:
        name, citation, organisation = (
            "DIVERT",
            "For steering young adults in police custody away from crime and towards "
            "education, training and work, at the moment it matters most.",
            Organisation.objects.filter(name__iexact="DIVERT").first(),
        )
    else:
        name, citation = PAST_WINNERS[timezone.localdate().year - year]
        organisation = organisations.get(name)
        if organisation is None:
            return 0
    winner = _nomination(
        category, name, organisation=organisation, status=NominationStatus.ELIGIBLE,
        shortlisted=True, winner=True, citation=citation,
    )  # fmt: skip
    _nominator(winner, year)
    return 1


def _this_year(scheme, organisations, judges, rng) -> int:
    year = timezone.localdate().year
    cycle = Cycle.objects.create(
        scheme=scheme, year=year, slug=f"{scheme.slug}-{year}",
        nominations_open=_date(-120), nominations_close=_date(-30), judging_ends=_date(20),
        shortlist_announced_on=_date(35), ceremony_on=_date(70), normalise_scores=True,
    )  # fmt: skip
    category = _category(
        cycle, "Outstanding Organisation of the Year", "outstanding-organisation",
        Eligibility.ANY_ORGANISATION, ORGANISATION_CRITERIA, prize_amount=Decimal("4000"),
        quorum=3, questions="What difference has the work made?",
    )  # fmt: skip
    nominees = [organisations[n] for n in THIS_YEAR_NOMINEES if n in organisations]
    created = 0
    for number, organisation in enumerate(nominees):
        nomination = _nomination(
            category, organisation.name, organisation=organisation,
            status=NominationStatus.ELIGIBLE,
        )  # fmt: skip
        _nominator(nomination, 100 + number)
        created += 1
    # A duplicate waiting for staff to merge, and one ruled out with a reason.
    if nominees:
        duplicate = _nomination(category, nominees[0].name.upper())
        _nominator(duplicate, 200)
        late = _nomination(
            category, "Northside Boxing Club", kind=NomineeKind.ORGANISATION,
            status=NominationStatus.INELIGIBLE,
            screening_reason="Runs no criminal justice work; suggested for the community category.",
        )  # fmt: skip
        _nominator(late, 201)
        created += 2
    seats = []
    for judge in judges:
        lived = next((d[2] for d in DEMO_JUDGES if d[1] == judge.email), True)
        role = next((d[3] for d in DEMO_JUDGES if d[1] == judge.email), "Lived experience adviser")
        seat = PanelMember.objects.create(
            category=category, judge=judge, lived_experience=lived, role_description=role,
            named_publicly=True,
            # The demo judge works at the first nominee: the records show the conflict.
            organisation=nominees[0] if nominees and judge.email == "judge@example.org" else None,
        )  # fmt: skip
        seats.append(seat)
    panels.detect_conflicts(category)
    eligible = list(category.nominations.filter(status=NominationStatus.ELIGIBLE))
    if len(seats) > 1 and len(eligible) > 2:
        panels.declare(seats[1].judge, seats[1], eligible[2], "I volunteered there until 2023.")
    recused = panels.recused_pairs(category)
    criteria = list(category.criteria.all())
    for seat_number, seat in enumerate(seats):
        harshness = [0, -2, 1, -1][seat_number % 4]
        for position, nomination in enumerate(eligible):
            if (seat.pk, nomination.pk) in recused:
                continue
            if seat.judge.email == "judge@example.org" and position >= len(eligible) - 2:
                continue  # the demo judge still has two to score
            for criterion in criteria:
                value = max(1, min(10, 8 - position // 2 + harshness + rng.randint(-1, 1)))
                Score.objects.create(
                    panel_member=seat, nomination=nomination, criterion=criterion, value=value
                )
    # A nominated person who has not yet said whether they may be named.
    person_category = _category(
        cycle, "Lived Experience Leader", "lived-experience-leader", Eligibility.INDIVIDUALS,
        [("Leadership", 50), ("Impact on others", 50)], quorum=3,
    )  # fmt: skip
    person = _nomination(
        person_category, "Jordan Reyes", kind=NomineeKind.PERSON,
        nominee_email="jordan.reyes@example.org", consent=Consent.REQUESTED,
    )  # fmt: skip
    _nominator(person, 300)
    return created + 1


def _next_year(scheme) -> int:
    year = timezone.localdate().year + 1
    cycle = Cycle.objects.create(
        scheme=scheme, year=year, slug=f"{scheme.slug}-{year}",
        nominations_open=_date(-5), nominations_close=_date(60),
        shortlist_announced_on=_date(150), winners_published_on=_date(230),
    )  # fmt: skip
    _category(
        cycle, "Outstanding Organisation of the Year", "outstanding-organisation",
        Eligibility.ANY_ORGANISATION, ORGANISATION_CRITERIA, prize_amount=Decimal("4000"),
        questions="What difference has the work made?\n"
        "How are people with lived experience involved?",
    )  # fmt: skip
    _category(
        cycle, "Lived-Experience-Led Group", "lived-experience-led-group",
        Eligibility.LIVED_EXPERIENCE_LED, ORGANISATION_CRITERIA, prize_amount=Decimal("2000"),
        self_nomination=True,
    )  # fmt: skip
    _category(
        cycle, "Lived Experience Leader", "lived-experience-leader", Eligibility.INDIVIDUALS,
        [("Leadership", 50), ("Impact on others", 50)],
    )  # fmt: skip
    return 0


def _media(network, rng) -> int:
    from media.models import Article

    scheme = Scheme.objects.create(
        name="Media Awards", slug="media-awards", network=network, is_media=True,
        description="Celebrating constructive, accurate reporting of the justice system that "
        "gives a voice to the people it affects.",
    )  # fmt: skip
    year = timezone.localdate().year
    ranked = list(
        Article.objects.filter(score__isnull=False, is_syndicated_copy=False)
        .select_related("outlet").order_by("-score")[:6]
    )  # fmt: skip
    created = 0
    # The last two years' Media Awards, three shortlisted articles each, the best one winning.
    for years_ago, best in ((1, ranked[:3]), (2, ranked[3:6])):
        days = 365 * (years_ago - 1)
        cycle = Cycle.objects.create(
            scheme=scheme, year=year - years_ago, slug=f"media-awards-{year - years_ago}",
            nominations_open=_date(-500 - days), nominations_close=_date(-430 - days),
            shortlist_announced_on=_date(-400 - days), winners_published_on=_date(-380 - days),
        )  # fmt: skip
        category = _category(
            cycle, "Journalist of the Year", "journalist", Eligibility.JOURNALISTS,
            MEDIA_CRITERIA,
            prize_description="A trophy and a year's membership of a press freedom charity",
        )  # fmt: skip
        for position, article in enumerate(best):
            nomination = _nomination(
                category, f"{article.byline or 'Staff reporter'}, {article.outlet.name}",
                kind=NomineeKind.MEDIA, status=NominationStatus.ELIGIBLE, shortlisted=True,
                winner=position == 0,
                citation="For reporting that put the people affected at its centre."
                if position == 0 else "",
            )  # fmt: skip
            nomination.articles.add(article)
            _nominator(nomination, 400 + 10 * years_ago + position)
            created += 1
    current = Cycle.objects.create(
        scheme=scheme, year=year, slug=f"media-awards-{year}",
        nominations_open=_date(-60), nominations_close=_date(30),
    )  # fmt: skip
    _category(
        current, "Journalist of the Year", "journalist", Eligibility.JOURNALISTS, MEDIA_CRITERIA
    )
    _category(
        current, "Student Journalist of the Year", "student-journalist",
        Eligibility.STUDENT_JOURNALISTS, MEDIA_CRITERIA, self_nomination=True, order=1,
    )  # fmt: skip
    return created


@transaction.atomic
def load_demo_awards() -> int:
    """The number of nominations created, or 0 when awards exist already (or there is no
    demo directory to draw nominees from)."""
    network = Network.objects.filter(slug="cja").first()
    if Scheme.objects.exists() or network is None:
        return 0
    rng = random.Random(2017)  # noqa: S311 - demo data, not security
    organisations = {o.name: o for o in Organisation.objects.all()}
    scheme = Scheme.objects.create(
        name="Criminal Justice Alliance Awards", slug="cja-awards", network=network,
        description="Our annual awards raise the voices of the individuals and organisations "
        "leading the way in making the justice system fairer and more effective.",
    )  # fmt: skip
    topics = list(Term.objects.filter(slug__in=["policing", "youth-justice"]))
    this_year = timezone.localdate().year
    years = (2017, this_year - 2, this_year - 1)
    created = sum(_past(scheme, year, organisations, topics) for year in years)
    created += _this_year(scheme, organisations, _judges(), rng)
    created += _next_year(scheme)
    created += _media(network, rng)
    return created
