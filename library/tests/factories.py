import factory

from library.models import Resource, ResourceKind, ResourceStatus


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Routes out of custody, part {n}")
    slug = factory.Sequence(lambda n: f"routes-out-of-custody-{n}")
    kind = ResourceKind.REPORT
    summary = "What helps people leaving prison find a home in their first week."
    body = "## Findings\n\nPeople leaving prison on a Friday often have nowhere to stay."
    status = ResourceStatus.PUBLISHED
