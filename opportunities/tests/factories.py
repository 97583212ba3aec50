import datetime

import factory
from django.utils import timezone

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


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Peer mentor {n}")
    slug = factory.Sequence(lambda n: f"peer-mentor-{n}")
    kind = Kind.JOB
    summary = "Support people leaving prison."
    description = "Mentor adults on probation."
    employer_name = "Outside Employer Ltd"
    location = "Leeds"
    work_mode = WorkMode.ON_SITE
    paid = True
    pay_min = 24000
    pay_max = 26000
    pay_period = PayPeriod.YEAR
    hours = "Full time"
    closes_on = factory.LazyFunction(lambda: in_days(30))
    how_to_apply = "Send a CV."
    check_level = CheckLevel.BASIC
    check_reason = "A basic check for every role."
    spent_disclosure = SpentDisclosure.NO
    when_asked = WhenAsked.AFTER_OFFER
    support_offered = "A named person to talk to."
    status = Status.APPROVED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def parts(self, create, extracted, **kwargs):
        if create and extracted:
            self.parts.set(extracted)


def form_data(**overrides) -> dict:
    """What a complete, valid posting form sends."""
    data = {
        "title": "Resettlement caseworker",
        "kind": Kind.JOB,
        "summary": "Plan release with people in prison.",
        "description": "Work through the gate with adults leaving prison.",
        "employer_name": "Riverside Trust",
        "location": "Leeds",
        "work_mode": WorkMode.HYBRID,
        "paid": "on",
        "pay_min": "26000",
        "pay_max": "29000",
        "pay_period": PayPeriod.YEAR,
        "hours": "Full time",
        "closes_on": in_days(20).isoformat(),
        "how_to_apply": "Send a CV to jobs@example.org.",
        "check_level": CheckLevel.ENHANCED,
        "check_reason": "Work with adults at risk in supported housing.",
        "spent_disclosure": SpentDisclosure.YES,
        "when_asked": WhenAsked.AFTER_OFFER,
        "support_offered": "A confidential conversation before any decision.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
