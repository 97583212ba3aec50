"""Only staff and admins may import and export."""

import pytest
from django.urls import reverse

from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from members.models import ImportJob, Organisation
from members.tests.csv_import.support import generated_rows, row, to_csv, upload
from members.tests.factories import OrganisationFactory, member_contact_for
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


ROLE_FACTORIES = {
    "member": UserFactory,
    "judge": JudgeFactory,
    "staff": StaffFactory,
    "admin": AdminFactory,
}


@pytest.fixture
def job_for_permissions():
    return ImportJob.objects.create(
        filename="members.csv", content=to_csv([row("Open Doors")]), total_rows=1
    )


@pytest.mark.parametrize("role", ["anonymous", "member", "judge", "staff", "admin"])
@pytest.mark.parametrize("name", ["export", "import", "import_job", "import_progress"])
def test_only_staff_and_admins_may_use_import_and_export(client, role, name, job_for_permissions):
    if role != "anonymous":
        user = ROLE_FACTORIES[role]()
        if role == "member":
            member_contact_for(OrganisationFactory(), user)
        client.force_login(user)
    args = [job_for_permissions.pk] if name.startswith("import_") else []
    url = reverse(f"members:{name}", args=args)
    response = client.get(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={url}"
    elif role in {"member", "judge"}:
        assert response.status_code == 403
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ["anonymous", "member", "judge"])
def test_others_cannot_upload_or_confirm(client, role, job_for_permissions):
    if role != "anonymous":
        client.force_login(ROLE_FACTORIES[role]())
    job_url = reverse("members:import_job", args=[job_for_permissions.pk])
    expected = 302 if role == "anonymous" else 403
    assert client.post(job_url, {"action": "confirm"}).status_code == expected
    assert client.post(job_url, {"action": "discard"}).status_code == expected
    assert upload(client, to_csv([row("Sneaky")])).status_code == expected
    assert ImportJob.objects.get().status == ImportJob.Status.READY
    assert not Organisation.objects.exists()


def test_admins_can_run_an_import(client, networks):
    client.force_login(AdminFactory())
    response = upload(client, to_csv(generated_rows(1)))
    client.post(response["Location"], {"action": "confirm"})
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    assert Term.objects.exists()
