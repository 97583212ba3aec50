import factory

from comms.models import (
    Audience,
    MailingList,
    Subscription,
    SubscriptionStatus,
)


class MailingListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MailingList

    name = factory.Sequence(lambda n: f"Member update {n}")
    slug = factory.Sequence(lambda n: f"member-update-{n}")
    description = "News for members."
    audience = Audience.PUBLIC


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    mailing_list = factory.SubFactory(MailingListFactory)
    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    status = SubscriptionStatus.ACTIVE
