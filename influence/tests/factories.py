"""Factories for the recommendation tracker's tests (shared by the public and staff tests)."""

import datetime

import factory

from influence.models import Recommendation, StatusChange, TargetBody
from library.tests.factories import ResourceFactory


class TargetBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetBody
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Department for Justice {n}")
    slug = factory.Sequence(lambda n: f"department-for-justice-{n}")
    kind = TargetBody.Kind.DEPARTMENT
    website = "https://www.gov.uk/"


class RecommendationFactory(factory.django.DjangoModelFactory):
    """RecommendationFactory(targets=[...], sources=[...], published=True)."""

    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Fund housing advice before release {n}")
    slug = factory.Sequence(lambda n: f"fund-housing-advice-before-release-{n}")
    text = "Every person leaving prison should see a housing adviser in their last month."
    rationale = "Too many people leave prison with nowhere to stay."
    first_made_on = datetime.date(2023, 3, 1)

    @factory.post_generation
    def targets(obj, create, extracted, **kwargs):
        if create:
            obj.targets.set(extracted if extracted is not None else [TargetBodyFactory()])

    @factory.post_generation
    def sources(obj, create, extracted, **kwargs):
        if create:
            obj.sources.set(extracted if extracted is not None else [ResourceFactory()])

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        if create and extracted:
            Recommendation.objects.filter(pk=obj.pk).update(is_published=True)
            obj.is_published = True


def add_entry(recommendation, target, status, happened_on, **fields):
    """A timeline entry straight into the database (no rules): for setting up tests."""
    return StatusChange.objects.create(
        recommendation=recommendation,
        target=target,
        status=status,
        happened_on=happened_on,
        **fields,
    )
