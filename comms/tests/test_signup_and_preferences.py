"""Public sign-up with double opt-in and consent recorded; the preferences page by signed
link; organisations' say over a list sent to their contacts."""

import pytest
from django.core import mail
from django.urls import reverse

from comms.models import (
    Audience,
    ConsentAction,
    ConsentRecord,
    Frequency,
    OrganisationPreference,
    Subscription,
    SubscriptionStatus,
)
from comms.services import audiences, tokens
from comms.tests.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def test_signing_up_waits_for_the_emailed_confirmation(client):
    mailing_list = MailingListFactory(name="Policy news", audience=Audience.PUBLIC)
    url = reverse("communications:subscribe", args=[mailing_list.slug])
    response = client.post(url, {"email": "New@Example.org", "consent": "on"})
    assert b"Check your email" in response.content
    subscription = Subscription.objects.get(email="new@example.org")
    assert subscription.status == SubscriptionStatus.PENDING
    given = ConsentRecord.objects.get(action=ConsentAction.GIVEN)
    assert "Policy news" in given.wording and given.source == "Public sign-up form"

    [message] = mail.outbox
    assert message.extra_headers["X-Groundswell-Class"] == "transactional"
    link = next(word for word in message.body.split() if "/email/confirm/" in word)
    client.post(link.replace("http://127.0.0.1:8000", ""))
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.ACTIVE
    assert ConsentRecord.objects.filter(action=ConsentAction.CONFIRMED).count() == 1


def test_sign_up_without_consent_or_with_a_bad_address_changes_nothing(client):
    mailing_list = MailingListFactory(audience=Audience.PUBLIC)
    url = reverse("communications:subscribe", args=[mailing_list.slug])
    no_consent = client.post(url, {"email": "a@example.org"})
    hostile = client.post(url, {"email": "<script>alert(1)</script>", "consent": "on"})
    huge = client.post(url, {"email": "a" * 5000 + "@example.org", "consent": "on"})
    assert b"Tick the box" in no_consent.content
    assert b"<script>alert(1)</script>" not in hostile.content
    assert huge.status_code == 200
    assert not Subscription.objects.exists() and mail.outbox == []


def test_an_address_already_subscribed_gets_the_same_answer_and_no_email(client):
    subscription = SubscriptionFactory()
    url = reverse("communications:subscribe", args=[subscription.mailing_list.slug])
    response = client.post(url, {"email": subscription.email, "consent": "on"})
    assert b"Check your email" in response.content
    assert mail.outbox == []


def test_members_only_lists_take_no_public_sign_ups(client):
    mailing_list = MailingListFactory(audience=Audience.MEMBERS)
    url = reverse("communications:subscribe", args=[mailing_list.slug])
    client.post(url, {"email": "a@example.org", "consent": "on"})
    assert not Subscription.objects.exists()


def test_the_preferences_link_changes_lists_frequency_and_topics(client):
    from taxonomy.models import Term

    topic = Term.objects.themes().first()
    kept = SubscriptionFactory(email="reader@example.org")
    kept.mailing_list.topics.add(topic)
    left = SubscriptionFactory(email="reader@example.org")
    token = tokens.make(tokens.PREFERENCES, "reader@example.org")
    url = reverse("communications:preferences_link", args=[token])
    page = client.get(url)
    assert kept.mailing_list.name.encode() in page.content

    client.post(
        url,
        {
            f"list_{kept.mailing_list.pk}": "on",
            f"frequency_{kept.mailing_list.pk}": Frequency.MONTHLY,
            f"topics_{kept.mailing_list.pk}": [str(topic.pk)],
            f"frequency_{left.mailing_list.pk}": Frequency.WEEKLY,
        },
    )
    kept.refresh_from_db()
    left.refresh_from_db()
    assert kept.frequency == Frequency.MONTHLY
    assert list(kept.topics.all()) == [topic]
    assert left.status == SubscriptionStatus.UNSUBSCRIBED


def test_organisation_contacts_are_reached_unless_the_organisation_said_no():
    from members.models import Affiliation, Person
    from members.tests.factories import NetworkFactory, OrganisationFactory

    network = NetworkFactory()
    willing = OrganisationFactory(networks=[network])
    declining = OrganisationFactory(networks=[network])
    for n, organisation in enumerate((willing, declining)):
        person = Person.objects.create(name=f"Contact {n}", email=f"contact{n}@example.org")
        Affiliation.objects.create(person=person, organisation=organisation, is_main_contact=True)
    mailing_list = MailingListFactory(to_member_organisations=True)
    mailing_list.networks.add(network)
    OrganisationPreference.objects.create(
        organisation=declining, mailing_list=mailing_list, receives=False
    )
    assert [email for email, _ in audiences.recipients(mailing_list)] == ["contact0@example.org"]
