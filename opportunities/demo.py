"""Demo opportunities: 44 listings across every kind and level of check, posted by the
directory's organisations and a few employers outside it, some already closed, a few waiting
for approval and one refused. Written for the demonstration; no real vacancies. Loaded by
`load_demo` into an empty board; running it again changes nothing."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.lib.slugs import unique_slug
from members.models import Organisation
from opportunities.models import (
    CheckLevel,
    Kind,
    Opportunity,
    PayPeriod,
    SpentDisclosure,
    Status,
    WhenAsked,
    WorkMode,
)
from opportunities.services.posting import RESERVED_SLUGS
from taxonomy.models import Term, Vocabulary

C = CheckLevel
# (title, kind, check, why the check, parts, pay (min, max, period) or None, hours, summary)
ROLES = [
    ("Peer mentor (lived experience)", Kind.LIVED_EXPERIENCE, C.BASIC,
     "Mentors meet adults on probation in public places; no work with children.",
     ["probation-and-resettlement"], (24000, 26500, PayPeriod.YEAR), "Full time, 37 hours",
     "Walk alongside people in their first months after release, drawing on your own experience."),
    ("Youth worker, detached team", Kind.JOB, C.ENHANCED_BARRED,
     "Unsupervised one-to-one work with children: regulated activity with children.",
     ["youth-justice", "prevention"], (27000, 30500, PayPeriod.YEAR), "Full time, evenings",
     "Meet young people where they spend time and help them find a way out of trouble."),
    ("Policy and campaigns officer", Kind.JOB, C.NONE,
     "Office-based policy work with no contact with people at risk.",
     ["courts-and-sentencing"], (31000, 35000, PayPeriod.YEAR), "Full time, 35 hours",
     "Turn members' evidence into briefings for MPs and officials."),
    ("Lived-experience adviser to a research project", Kind.LIVED_EXPERIENCE, C.NONE,
     "Advisers review research questions and findings; no contact with participants.",
     ["prisons"], (25, 25, PayPeriod.HOUR), "About 4 hours a month",
     "Shape how researchers ask about life in prison, and check what they conclude."),
    ("Trustee", Kind.TRUSTEE, C.ENHANCED,
     "Trustees of a children's charity are eligible for an enhanced check under the "
     "charity's safeguarding policy.",
     ["youth-justice"], None, "Six evening meetings a year",
     "Join a small board that steers a charity for children in contact with the police."),
    ("Board member with lived experience", Kind.TRUSTEE, C.BASIC,
     "A basic check only, as for any role; unspent convictions are discussed, not barred.",
     ["probation-and-resettlement"], None, "Quarterly meetings, online",
     "Bring experience of the system to the board of a resettlement charity."),
    ("Kitchen placement", Kind.PLACEMENT, C.NONE,
     "Restaurant kitchen work with adults; no check is needed.",
     ["probation-and-resettlement"], (11, 12, PayPeriod.HOUR), "Three days a week for 12 weeks",
     "Learn a trade in a busy kitchen, with a job interview at the end."),
    ("Housing support placement", Kind.PLACEMENT, C.STANDARD,
     "Handling tenants' rent money brings the role under the exceptions for financial roles.",
     ["probation-and-resettlement"], (22000, 22000, PayPeriod.YEAR), "Six months, full time",
     "Support tenants in supported housing, with a qualification paid for."),
    ("Volunteer at the visitors' centre", Kind.VOLUNTEERING, C.ENHANCED,
     "Volunteers help families with children visiting a prison.",
     ["prisons"], None, "One morning a week",
     "Welcome families visiting someone in prison and help them through the day."),
    ("Food bank volunteer", Kind.VOLUNTEERING, C.NONE,
     "Supervised work with adults: no check.",
     ["prevention"], None, "Flexible, a few hours a week",
     "Sort, pack and hand out food, and point people to advice."),
    ("Speaker at a magistrates' training day", Kind.ADVISORY, C.NONE,
     "A one-off talk to adults: no check.",
     ["courts-and-sentencing"], (150, 200, PayPeriod.SESSION), "One day",
     "Tell new magistrates what a sentence meant for you and your family."),
    ("Advisory panel member, youth voice", Kind.ADVISORY, C.ENHANCED_BARRED,
     "The panel co-facilitates sessions with children: regulated activity.",
     ["youth-justice"], (20, 20, PayPeriod.HOUR), "Monthly sessions",
     "Help design services with young people who have been through the system."),
    ("Finance assistant", Kind.JOB, C.STANDARD,
     "The role approves payments: it is eligible under the financial services exceptions.",
     ["prevention"], (23500, 25000, PayPeriod.YEAR), "Full time, 37.5 hours",
     "Keep the accounts of a growing charity in order."),
    ("Resettlement caseworker", Kind.JOB, C.ENHANCED,
     "Work with adults at risk in supported housing.",
     ["probation-and-resettlement", "prisons"], (26000, 29000, PayPeriod.YEAR),
     "Full time, some weekends",
     "Plan release with people in prison and stay with them through the gate."),
    ("Warehouse operative", Kind.JOB, C.BASIC,
     "A basic check for every warehouse role; unspent convictions are considered case by case.",
     [], (12, 13, PayPeriod.HOUR), "Shifts, 40 hours a week",
     "Pick and pack orders in a team that has hired through prisons for years."),
    ("Communications officer (lived experience)", Kind.LIVED_EXPERIENCE, C.NONE,
     "Desk-based role with adults only.",
     ["policing"], (28000, 31000, PayPeriod.YEAR), "Four days a week",
     "Tell the stories of people changing the system, with their consent and in their words."),
    ("Research assistant, peer research", Kind.LIVED_EXPERIENCE, C.ENHANCED,
     "Interviews with young adults in custody, some under 18.",
     ["youth-justice", "prisons"], (160, 180, PayPeriod.DAY), "20 days over six months",
     "Interview young adults about their experience of custody and help write the report."),
    ("Victims' services volunteer", Kind.VOLUNTEERING, C.ENHANCED,
     "Home visits to adults who may be at risk.",
     ["victims-services"], None, "Two hours a week",
     "Offer practical and emotional support to people harmed by crime."),
    ("Court observer volunteer", Kind.VOLUNTEERING, C.NONE,
     "Public gallery observation: no check.",
     ["courts-and-sentencing"], None, "Two days a month",
     "Watch hearings and record how people are treated, for our court monitoring report."),
    ("Expert by experience, inspection team", Kind.ADVISORY, C.STANDARD,
     "Access to confidential case files under the inspectorate's security rules.",
     ["probation-and-resettlement"], (200, 220, PayPeriod.DAY), "About 10 days a year",
     "Join inspectors on visits and talk to people under supervision."),
    ("Chair of trustees", Kind.TRUSTEE, C.BASIC,
     "A basic check, as for all trustees; the board asks only about unspent convictions.",
     ["policing", "prevention"], None, "Monthly, plus occasional events",
     "Lead the board of a community charity that works on policing and trust."),
    ("Apprentice gardener", Kind.PLACEMENT, C.NONE,
     "Outdoor work with adults: no check.",
     ["prevention"], (7, 8, PayPeriod.HOUR), "One-year apprenticeship",
     "Learn horticulture on a community site, with a level 2 qualification."),
]  # fmt: skip
OUTSIDE_EMPLOYERS = [
    ("Northfield Housing Association", False),
    ("Brightside Catering Co-operative", True),
    ("Riverside Community Trust", False),
]
LOCATIONS = [
    ("Leeds", "yorkshire-and-the-humber"), ("Manchester", "north-west"),
    ("London", "london"), ("Birmingham", "west-midlands"), ("Cardiff", "wales"),
    ("Newcastle upon Tyne", "north-east"), ("Bristol", "south-west"),
    ("Nottingham", "east-midlands"), ("Anywhere in England and Wales", "national"),
]  # fmt: skip
WHEN = [WhenAsked.AFTER_OFFER, WhenAsked.AT_INTERVIEW, WhenAsked.NEVER, WhenAsked.ON_APPLICATION]
SUPPORT = [
    "A named person you can talk to in confidence before you apply, and help writing a "
    "disclosure statement.",
    "We discuss any disclosure one to one, never in front of the interview panel.",
    "Paid travel to interview, and a mentor for your first three months.",
]
DESCRIPTION = (
    "**What you will do**\n\n- {summary}\n- Work with a supportive team that values "
    "lived experience.\n\n**What we are looking for**\n\nReliability and care matter more "
    "than qualifications. We welcome applications from people with convictions."
)


def _spent(check: str) -> str:
    if check in (C.STANDARD, C.ENHANCED, C.ENHANCED_BARRED):
        return SpentDisclosure.YES
    return SpentDisclosure.NO if check == C.BASIC else SpentDisclosure.NOTHING


def _listing(index, role, employer, rng, today, staff) -> Opportunity:
    title, kind, check, why, parts, pay, hours, summary = role
    organisation, outside = employer
    location, region_slug = LOCATIONS[index % len(LOCATIONS)]
    # Every seventh listing has closed; the others close over the next two months.
    closes_on = today + datetime.timedelta(
        days=-rng.randint(3, 60) if index % 7 == 3 else rng.randint(5, 70)
    )
    status = Status.APPROVED
    if index in (40, 41, 42):
        status = Status.PENDING
    elif index == 43:
        status = Status.REFUSED
    published = timezone.now() - datetime.timedelta(days=rng.randint(1, 40), hours=index)
    mode = [WorkMode.ON_SITE, WorkMode.HYBRID, WorkMode.REMOTE][index % 3]
    if region_slug == "national":
        mode = WorkMode.REMOTE
    opportunity = Opportunity(
        title=title, kind=kind, summary=summary,
        description=DESCRIPTION.format(summary=summary),
        organisation=organisation, employer_name=outside[0] if outside else "",
        lived_experience_led=organisation.lived_experience_led if organisation else outside[1],
        location=location, work_mode=mode,
        paid=pay is not None,
        pay_min=pay[0] if pay else None, pay_max=pay[1] if pay else None,
        pay_period=pay[2] if pay else "",
        hours=hours, closes_on=closes_on,
        how_to_apply="Send a CV or fill in our short form; we also take applications by phone.",
        apply_url="https://example.org/apply",
        check_level=check, check_reason=why, spent_disclosure=_spent(check),
        when_asked=WHEN[index % len(WHEN)] if check != C.NONE else WhenAsked.NEVER,
        support_offered=SUPPORT[index % len(SUPPORT)],
        fair_chance=index % 2 == 0, fair_chance_scheme="Ban the Box" if index % 2 == 0 else "",
        status=status, posted_by=staff,
        published_at=published if status == Status.APPROVED else None,
        decided_by=staff if status in (Status.APPROVED, Status.REFUSED) else None,
        decided_at=published if status != Status.PENDING else None,
        refusal_reason="Please give the pay as a range and say why the role needs an "
        "enhanced check." if status == Status.REFUSED else "",
    )  # fmt: skip
    opportunity.slug = unique_slug(
        Opportunity, f"{title} {location}", fallback="opportunity", reserved=RESERVED_SLUGS
    )
    opportunity._region_slug, opportunity._parts = region_slug, parts
    return opportunity


@transaction.atomic
def load_demo_opportunities(seed: int = 15) -> int:
    if Opportunity.objects.exists():
        return 0
    organisations = list(Organisation.objects.order_by("name")[:30])
    if not organisations:
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    staff = get_user_model().objects.filter(email="staff@example.org").first()
    terms = {
        t.slug: t for t in Term.objects.filter(vocabulary__in=[Vocabulary.PART, Vocabulary.PLACE])
    }
    made = []
    for index in range(44):
        role = ROLES[index % len(ROLES)]
        if index % 5 == 4:
            employer = (None, OUTSIDE_EMPLOYERS[index % len(OUTSIDE_EMPLOYERS)])
        else:
            employer = (organisations[(index * 7) % len(organisations)], None)
        opportunity = _listing(index, role, employer, rng, today, staff)
        opportunity.region = terms.get(opportunity._region_slug)
        opportunity.save()
        opportunity.parts.set([terms[slug] for slug in opportunity._parts if slug in terms])
        made.append(opportunity)
    return len(made)
