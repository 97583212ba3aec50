"""Saved versions hold the publishable document; staff compare two with changes in words."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from consultations.submission.services import builder, versions
from consultations.tests.test_submission_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


def test_versions_are_numbered_and_compare_shows_additions_and_removals(world):
    first = versions.save_version(world.staff, world.submission, "First draft")
    block = builder.add_text(world.staff, world.section, "A new finding from the roundtables.")
    builder.rename_section(world.staff, world.section.parent, "Part 1: Release day")
    second = versions.save_version(world.staff, world.submission)
    assert (first.number, second.number) == (1, 2)
    lines = versions.compare(first, second)
    added = [line.text for line in lines if line.change == "added"]
    removed = [line.text for line in lines if line.change == "removed"]
    assert "A new finding from the roundtables." in added
    assert "# Part 1: Release day" in added and "# Part 1: Leaving prison" in removed
    assert {line.label for line in lines} == {"", "Added", "Removed"}
    assert block.pk


def test_long_runs_of_unchanged_lines_are_folded(world):
    for number in range(30):
        builder.add_text(world.staff, world.section, f"Paragraph number {number}.")
    first = versions.save_version(world.staff, world.submission)
    builder.add_text(world.staff, world.section, "The one new paragraph.")
    lines = versions.compare(first, versions.save_version(world.staff, world.submission))
    assert [line.text for line in lines if line.change == "added"] == ["The one new paragraph."]
    folded = [line for line in lines if line.change == "folded"]
    assert folded and folded[0].text.endswith("unchanged lines")
    assert len(lines) < 12


def test_an_over_long_note_is_refused(world):
    with pytest.raises(ValidationError):
        versions.save_version(world.staff, world.submission, "x" * 301)
    assert not world.submission.versions.exists()


def test_saving_and_comparing_through_the_pages(world):
    client = Client()
    client.force_login(world.staff)
    slug = world.consultation.slug
    page = reverse("consultations:builder_versions", args=[slug])
    assert client.post(page, {"note": "One"}).status_code == 302
    builder.add_text(world.staff, world.section, "Added later.")
    assert client.post(page, {"note": "Two"}).status_code == 302
    listing = client.get(page).content.decode()
    assert "Compare two versions" in listing
    first, second = world.submission.versions.order_by("number")
    compare = client.get(
        reverse("consultations:builder_compare", args=[slug]),
        {"older": second.pk, "newer": first.pk},  # given backwards: shown oldest first
    )
    html = compare.content.decode()
    assert "Version 1 compared with version 2" in html
    assert "Added:</span> Added later." in html
    bad = client.get(reverse("consultations:builder_compare", args=[slug]), {"older": "x"})
    assert bad.status_code == 400
