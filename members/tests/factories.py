import factory

from members.models import (
    Affiliation,
    Membership,
    MembershipStatus,
    Network,
    Organisation,
    Person,
)
from taxonomy.models import Term


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Justice Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    short_name = factory.Sequence(lambda n: f"JN{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Community Project {n}")
    slug = factory.Sequence(lambda n: f"community-project-{n}")
    description = "Supports people leaving prison to find a home and work."

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        """OrganisationFactory(tags=["housing", "london"]) tags by term slug."""
        if not create or not extracted:
            return
        for term in Term.objects.filter(slug__in=extracted):
            field = {
                "part": "parts",
                "theme": "themes",
                "population": "populations",
                "place": "regions",
            }[term.vocabulary]
            getattr(obj, field).add(term)

    @factory.post_generation
    def networks(obj, create, extracted, **kwargs):
        """OrganisationFactory(networks=[network]) makes active memberships."""
        if create and extracted:
            for network in extracted:
                Membership.objects.create(
                    organisation=obj, network=network, status=MembershipStatus.ACTIVE
                )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    network = factory.SubFactory(NetworkFactory)
    status = MembershipStatus.ACTIVE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    job_title = "Policy officer"


def member_contact_for(organisation, user):
    """Make `user` a contact of `organisation`, as a member contact login would be."""
    person = PersonFactory(user=user, email=user.email, name=user.name)
    Affiliation.objects.create(person=person, organisation=organisation)
    return person
