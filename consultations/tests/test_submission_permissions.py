"""Every builder action, POSTed by each role: only staff and admins change anything.

The permission matrix covers GETs; these are the writes behind the builder's buttons.
"""

import pytest
from django.test import Client
from django.urls import reverse

from consultations.models import Block, Submission, SubmissionSection, SubmissionVersion
from consultations.tests.test_submission_world import build_world
from core.models import AuditEntry
from core.tests.factories import AdminFactory, JudgeFactory

pytestmark = pytest.mark.django_db

ACTIONS = [  # URL name, whether it takes the section (s) or a block (b), the data sent
    ("builder_start", None, {}),
    ("builder_details", None, {"title": "Changed", "introduction": "", "contact_details": ""}),
    ("builder_section_add", None, {"heading": "New part"}),
    ("builder_section", "s", {"heading": "Renamed"}),
    ("builder_section_move", "s", {"direction": "down"}),
    ("builder_add_text", "s", {"text": "More text"}),
    ("builder_block_edit", "b", {"text": "Edited"}),
    ("builder_block_move", "b", {"direction": "down"}),
    ("builder_versions", None, {"note": "A version"}),
    ("builder_send", None, {}),
    ("feedback_send", None, {}),
    ("builder_block_remove", "b", {}),
    ("builder_section_remove", "s", {}),
]


def _url(world, name, target):
    args = [world.consultation.slug]
    if target == "s":
        args.append(world.section.pk)
    elif target == "b":
        args.append(world.section.blocks.filter(kind="text").first().pk)
    return reverse(f"consultations:{name}", args=args)


def _state():
    return (
        list(Submission.objects.values_list("title", "sent_at")),
        list(SubmissionSection.objects.values_list("pk", "heading", "position")),
        list(Block.objects.values_list("pk", "text", "position")),
        SubmissionVersion.objects.count(),
    )


@pytest.mark.parametrize("role", ["anonymous", "member", "judge"])
def test_nobody_but_staff_can_change_the_submission(role):
    world = build_world()
    client = Client()
    user = {"member": world.member, "judge": JudgeFactory()}.get(role)
    if user:
        client.force_login(user)
    before, audit_before = _state(), AuditEntry.objects.count()
    for name, target, data in ACTIONS:
        response = client.post(_url(world, name, target), data)
        expected = 302 if role == "anonymous" else 403
        assert response.status_code == expected, name
        if role == "anonymous":
            assert "/accounts/login/" in response["Location"], name
    assert _state() == before
    assert AuditEntry.objects.count() == audit_before


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_and_admins_can(role):
    world = build_world()
    client = Client()
    client.force_login(world.staff if role == "staff" else AdminFactory())
    for name, target, data in ACTIONS:
        response = client.post(_url(world, name, target), data)
        assert response.status_code == 302, name
    world.submission.refresh_from_db()
    assert world.submission.title == "Changed" and world.submission.sent_at
