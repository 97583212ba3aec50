"""A parameter with no published source says so plainly, on the page and in the API, and
never presents a guess as a source."""

import pytest
from django.urls import reverse

from systemmodel.engine.parameters import ASSUMPTION, PARAMETERS

UNSOURCED = [p for p in PARAMETERS if not p.source.found]
SOURCED = [p for p in PARAMETERS if p.source.found]


def test_there_are_both_kinds_and_each_has_its_basis():
    assert UNSOURCED and SOURCED
    assert {p.basis for p in UNSOURCED} == {ASSUMPTION}
    assert ASSUMPTION not in {p.basis for p in SOURCED}


@pytest.mark.django_db
def test_the_api_gives_no_source_and_says_it_is_an_assumption(client):
    answer = client.get("/api/v1/model/parameters", secure=True).json()
    by_name = {p["name"]: p for p in answer["parameters"]}
    for parameter in UNSOURCED:
        row = by_name[parameter.name]
        assert row["source"] is None and row["source_found"] is False
        assert row["basis"] == "assumption"
        assert "No published figure found" in row["basis_text"]
    for parameter in SOURCED:
        assert by_name[parameter.name]["source"]["link"].startswith("https://")


@pytest.mark.django_db
def test_the_page_marks_each_unsourced_row_plainly(client):
    page = client.get(reverse("systemmodel:how_it_works")).content.decode()
    for parameter in UNSOURCED:
        row = page[page.index(f'id="parameter-{parameter.name}"') :]
        row = row[: row.index("</tr>")]
        assert "No published figure found." in row and "not a sourced figure" in row
        assert "<a href" not in row  # no link that could pass for a source
    assert f"For the other {len(UNSOURCED)} we could not find a published figure" in page
