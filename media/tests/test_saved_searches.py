"""Saved article searches: saved from the list's filters, each person's own, audited."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from core.tests.factories import StaffFactory, UserFactory
from media.models import SavedSearch
from media.services.saved_searches import MAX_SEARCHES_PER_PERSON, params_of
from media.tests.factories import OutletFactory

pytestmark = pytest.mark.django_db
URL = reverse("media:saved_searches")


@pytest.fixture
def staff(client):
    user = StaffFactory()
    client.force_login(user)
    return user


def test_saving_the_current_filters_and_opening_them_again(client, staff):
    OutletFactory(name="Daily Courier", slug="courier")
    response = client.post(
        URL,
        {
            "name": "  Courier   labels ",
            "q": "offender",
            "outlet": "courier",
            "label": "yes",
            "start": "2025-01",
            "email_digest": "on",
        },
    )
    assert response.status_code == 302
    search = SavedSearch.objects.get()
    assert (search.name, search.query, search.owner, search.email_digest) == (
        "Courier labels",
        "offender",
        staff,
        True,
    )
    assert search.filters == {"outlet": "courier", "label": "yes", "start": "2025-01"}
    assert AuditEntry.objects.filter(object_id=str(search.pk)).exists()
    page = client.get(URL).content.decode()
    assert "Courier labels" in page
    opened = client.get(
        reverse("media:articles") + "?" + "&".join(f"{k}={v}" for k, v in params_of(search).items())
    )
    assert opened.status_code == 200
    assert opened.context["form"].cleaned_data["outlet"].slug == "courier"


def test_saving_under_the_same_name_replaces_it(client, staff):
    client.post(URL, {"name": "Mine", "q": "prison"})
    client.post(URL, {"name": "Mine", "q": "probation"})
    assert SavedSearch.objects.get().query == "probation"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "   "}, "Give the search a name"),
        ({"name": "x" * 201}, "at most 200 characters"),
        ({"name": "Bad", "outlet": "no-such-outlet"}, "Select a valid choice"),
        ({"name": "Bad", "start": "soon"}, "Enter a month"),
    ],
)
def test_bad_input_saves_nothing_and_says_why(client, staff, data, message):
    response = client.post(URL, data, follow=True)
    assert message in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_a_person_has_a_bounded_number_of_searches(client, staff):
    SavedSearch.objects.bulk_create(
        SavedSearch(owner=staff, name=f"S{i}") for i in range(MAX_SEARCHES_PER_PERSON)
    )
    response = client.post(URL, {"name": "One more"}, follow=True)
    assert "delete one first" in response.content.decode()
    assert SavedSearch.objects.count() == MAX_SEARCHES_PER_PERSON


def test_people_see_and_delete_only_their_own(client, staff):
    other = SavedSearch.objects.create(owner=StaffFactory(), name="Someone else's")
    assert "Someone else" not in client.get(URL).content.decode()
    response = client.post(reverse("media:saved_search_delete", args=[other.pk]))
    assert response.status_code == 404
    assert SavedSearch.objects.filter(pk=other.pk).exists()
    mine = SavedSearch.objects.create(owner=staff, name="Mine")
    client.post(reverse("media:saved_search_delete", args=[mine.pk]))
    assert not SavedSearch.objects.filter(pk=mine.pk).exists()
    assert AuditEntry.objects.filter(action="delete").exists()


def test_members_cannot_save(client):
    client.force_login(UserFactory())
    assert client.post(URL, {"name": "x"}).status_code == 403
    assert not SavedSearch.objects.exists()
