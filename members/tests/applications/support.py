"""Membership applications for the tests: addresses, a factory, and the public form's data."""

import datetime

import factory
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from members.models import MembershipApplication
from members.services.applications import intake, screening
from members.tests.factories import NetworkFactory
from taxonomy.models import Term

APPLY_URL = reverse("members:apply")
THANKS_URL = reverse("members:apply_thanks")
LIST_URL = reverse("members:applications")


def past_token(seconds: int = 60) -> str:
    """A genuine form token issued `seconds` ago, so the timing check lets it through."""
    return screening.make_form_token(timezone.now() - datetime.timedelta(seconds=seconds))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication
        skip_postgeneration_save = True

    organisation_name = factory.Sequence(lambda n: f"Applicant Group {n}")
    org_type = "charity"
    description = "Mentoring for young adults leaving custody."
    contact_name = "Sam Okafor"
    contact_email = factory.Sequence(lambda n: f"applicant{n}@example.org.uk")
    contact_job_title = "Coordinator"
    consent_text = factory.LazyFunction(intake.consent_text)

    @factory.post_generation
    def networks(obj, create, extracted, **kwargs):
        if create:
            obj.networks.set(extracted or [NetworkFactory()])


def term_ids(*slugs):
    return [term.pk for term in Term.objects.filter(slug__in=slugs)]


def application_data(networks, **overrides):
    data = {
        "organisation_name": "Second Chance Housing",
        "org_type": "charity",
        "description": "We help people leaving prison to find a safe home.",
        "website": "https://www.example.org.uk",
        "charity_number": "1234567",
        "company_number": "",
        "parts": term_ids("prisons"),
        "themes": term_ids("housing"),
        "regions": term_ids("london"),
        "lived_experience_led": "on",
        "contact_name": "Amira Khan",
        "contact_email": "amira@example.org.uk",
        "contact_job_title": "Director",
        "networks": [network.pk for network in networks],
        "consent": "on",
        "organisation_alias": "",
        "form_token": past_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def audit_entries(model, pk):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
    )
