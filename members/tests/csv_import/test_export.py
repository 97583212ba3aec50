"""Export on the web: the directory's filters, every page, a fixed number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def exported(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_export_applies_the_directory_filters_but_not_its_pages(staff_client, networks):
    cja, yjn = networks
    for i in range(12):
        OrganisationFactory(name=f"Housing Org {i:02}", tags=["housing"], networks=[cja])
    OrganisationFactory(name="Prisons Org", tags=["prisons"], networks=[cja])
    OrganisationFactory(name="Youth Housing", tags=["housing"], networks=[yjn])
    OrganisationFactory(name="Not A Member", tags=["housing"])
    url = reverse("members:export")
    response = staff_client.get(
        url, {"theme": "housing", "network": "cja", "page": 2, "per_page": 5}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="organisations-')
    names = [r["name"] for r in exported(response)]
    assert names == [f"Housing Org {i:02}" for i in range(12)]

    everyone = exported(staff_client.get(url, {"scope": "all"}))
    assert len(everyone) == 15
    active = exported(staff_client.get(url))
    assert "Not A Member" not in [r["name"] for r in active] and len(active) == 14


def test_export_query_count_does_not_grow_with_organisations(
    staff_client, networks, django_assert_num_queries
):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(reverse("members:export"), {"theme": "housing"})
            rows = exported(response)
        return len(queries), len(rows)

    for i in range(5):
        OrganisationFactory(name=f"A{i}", tags=["housing", "london"], networks=networks)
    few = count_queries()
    for i in range(60):
        OrganisationFactory(name=f"B{i}", tags=["housing", "prisons"], networks=networks)
    many = count_queries()
    assert (few[1], many[1]) == (5, 65)
    assert few[0] == many[0]
