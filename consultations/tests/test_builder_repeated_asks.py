"""A submission never silently makes a second copy of an ask the tracker already has: the
builder offers to link it, to add the new one as a repeat of it, or to say it differs."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from consultations.submission.services import builder
from consultations.tests.test_submission_world import build_world
from influence.models import Recommendation
from influence.tests.factories import RecommendationFactory, TargetBodyFactory

pytestmark = pytest.mark.django_db

TITLE = "End Friday releases from prison"
TEXT = "Prisons should release people earlier in the week, not on a Friday."


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def earlier(world):
    target = world.recommendation.targets.get()
    return RecommendationFactory(
        title=TITLE,
        text="Allow prisons to release people earlier in the week when the date is a Friday.",
        targets=[target],
        first_made_on=datetime.date(2021, 3, 1),
    )


def test_a_near_identical_ask_of_the_same_body_is_not_created(world, earlier):
    target = earlier.targets.get()
    before = Recommendation.objects.count()
    with pytest.raises(builder.PossibleRepeat) as raised:
        builder.create_recommendation(
            world.staff,
            world.section,
            title="End Friday releases from prisons",
            text=TEXT,
            targets=[target],
        )
    assert raised.value.matches == [earlier]
    assert Recommendation.objects.count() == before


def test_the_same_words_asked_of_another_body_are_a_new_ask(world, earlier):
    other = TargetBodyFactory(name="Welsh Government")
    block = builder.create_recommendation(
        world.staff, world.section, title=TITLE, text=TEXT, targets=[other]
    )
    assert block.recommendation != earlier


def test_the_new_one_can_be_marked_as_a_repeat(world, earlier):
    block = builder.create_recommendation(
        world.staff,
        world.section,
        title=TITLE,
        text=TEXT,
        targets=list(earlier.targets.all()),
        repeats=earlier,
    )
    assert block.recommendation.repeats == earlier


def test_staff_choose_to_link_the_existing_one_on_the_section_page(world, earlier):
    client = Client()
    client.force_login(world.staff)
    address = reverse(
        "consultations:builder_add_recommendation",
        args=[world.consultation.slug, world.section.pk],
    )
    posted = {
        "create": "1",
        "new-title": TITLE,
        "new-text": TEXT,
        "new-targets": [earlier.targets.get().pk],
    }
    response = client.post(address, posted)
    assert response.status_code == 400
    page = response.content.decode()
    assert "The tracker already has this ask" in page
    assert f'value="link:{earlier.pk}"' in page
    assert "first made 2021" in page
    count = Recommendation.objects.count()

    response = client.post(address, {**posted, "same_ask": f"link:{earlier.pk}"})
    assert response.status_code == 302
    assert Recommendation.objects.count() == count
    assert world.submission.recommendations.filter(pk=earlier.pk).exists()


def test_the_link_picker_tells_same_titled_recommendations_apart(world, earlier):
    RecommendationFactory(
        title=TITLE,
        targets=[TargetBodyFactory(name="Home Office")],
        first_made_on=datetime.date(2024, 5, 1),
    )
    client = Client()
    client.force_login(world.staff)
    page = client.get(
        reverse("consultations:builder_section", args=[world.consultation.slug, world.section.pk])
    ).content.decode()
    assert f"{TITLE} · {earlier.targets.get().name} · no status yet · first made 2021" in page
    assert f"{TITLE} · Home Office · no status yet · first made 2024" in page
