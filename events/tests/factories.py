import datetime

import factory
from django.utils import timezone

from events.models import (
    Event,
    EventFormat,
    EventKind,
    EventStatus,
    Group,
    Invitation,
    Question,
    Registration,
    RegistrationStatus,
    Venue,
    Visibility,
)


def in_days(days: float, hour: int = 10) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Community Hall {n}")
    address = "1 High Street\nLeeds LS1 1AA"
    step_free_access = True
    hearing_loop = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    kind = EventKind.MEMBER_FORUM
    title = factory.Sequence(lambda n: f"Member forum {n}")
    slug = factory.Sequence(lambda n: f"member-forum-{n}")
    summary = "Members meet to plan the next quarter's work."
    description = "We will **plan** together."
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    format = EventFormat.HYBRID
    venue = factory.SubFactory(VenueFactory)
    joining_link = "https://meet.example.org/forum-secret"
    visibility = Visibility.PUBLIC
    status = EventStatus.PUBLISHED
    capacity = 20

    @factory.post_generation
    def networks(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.networks.set(extracted)

    @factory.post_generation
    def organisers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.organisers.set(extracted)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    text = "Do you have any access needs?"
    sensitive = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration row as is, without taking a place: use the service to take one."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"attendee{n}@example.org")
    status = RegistrationStatus.WAITLISTED


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    event = factory.SubFactory(EventFactory)
    name = "Invited Guest"
    email = factory.Sequence(lambda n: f"guest{n}@example.org")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    network = factory.SubFactory("members.tests.factories.NetworkFactory")
    name = factory.Sequence(lambda n: f"Research advisory group {n}")
    slug = factory.Sequence(lambda n: f"research-advisory-group-{n}")
    purpose = "Advises the alliance on its research programme."
