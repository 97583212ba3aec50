"""Cite this: Harvard on the page, BibTeX and RIS downloads with the right types and escaping."""

import datetime

import pytest
from django.urls import reverse

from library import citations
from library.models import ResourceKind
from library.tests.factories import ResourceFactory
from members.tests.factories import OrganisationFactory, PersonFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource(settings):
    settings.SITE_URL = "https://alliance.example.org"
    item = ResourceFactory(
        title="Fair & square: 100% of {children} need_support #now ~ ^ $ \\",
        slug="fair-and-square",
        kind=ResourceKind.REPORT,
        published_on=datetime.date(2024, 5, 7),
        summary="A summary\nwith a line break.",
        licence="CC BY 4.0",
    )
    item.author_people.add(PersonFactory(name="Amara J. Okafor"))
    item.author_organisations.add(OrganisationFactory(name="Prison Reform Trust"))
    item.themes.add(Term.objects.get(slug="housing"))
    return item


def test_harvard_lists_authors_year_title_and_address(resource):
    text = citations.harvard_text(resource, accessed=datetime.date(2025, 1, 3))
    assert text.startswith("Okafor, A.J. and Prison Reform Trust (2024) Fair &amp; square")
    assert "Report. Prison Reform Trust: " not in text  # publisher follows the kind
    assert "Report: Prison Reform Trust." in text
    assert "Available at: https://alliance.example.org/library/fair-and-square/" in text
    assert text.endswith("(Accessed: 3 January 2025).")
    html = str(citations.harvard(resource))
    assert "<i>Fair &amp; square" in html


def test_harvard_without_authors_falls_back_to_the_alliance(settings):
    settings.SITE_NAME = "Justice Alliance"
    resource = ResourceFactory(title="Untitled note", published_on=datetime.date(2023, 1, 1))
    assert citations.harvard_text(resource).startswith("Justice Alliance (2023)")


def test_bibtex_escapes_special_characters(resource):
    text = citations.bibtex(resource)
    assert text.startswith("@techreport{okafor2024fair,\n")
    assert (
        r"title = {{Fair \& square: 100\% of \{children\} need\_support \#now "
        r"\textasciitilde{} \textasciicircum{} \$ \textbackslash{}}}" in text
    )
    assert "author = {Okafor, Amara J. and {Prison Reform Trust}}" in text
    assert "year = {2024}" in text and "month = {may}" in text
    assert "institution = {Prison Reform Trust}" in text
    assert "abstract = {A summary with a line break.}" in text
    # Braces balance, so reference managers can parse the entry.
    stripped = text.replace(r"\{", "").replace(r"\}", "")
    assert stripped.count("{") == stripped.count("}")


def test_ris_has_one_tag_per_line(resource):
    text = citations.ris(resource)
    lines = text.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert "AU  - Okafor, Amara J." in lines
    assert "AU  - Prison Reform Trust" in lines
    assert "PY  - 2024" in lines and "DA  - 2024/05/07/" in lines
    assert "AB  - A summary with a line break." in lines
    assert "KW  - Housing" in lines
    assert "UR  - https://alliance.example.org/library/fair-and-square/" in lines
    assert lines[-2] == "ER  - " and lines[-1] == ""
    import re

    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1])


def test_news_items_are_electronic_sources():
    resource = ResourceFactory(kind=ResourceKind.NEWS)
    assert citations.ris(resource).startswith("TY  - ELEC\r\n")
    assert citations.bibtex(resource).startswith("@misc{")


def test_downloads_have_the_right_content_types(client, resource):
    bib = client.get(reverse("library:cite_bibtex", args=[resource.slug]))
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == 'attachment; filename="fair-and-square.bib"'
    assert bib.content.decode() == citations.bibtex(resource)
    ris = client.get(reverse("library:cite_ris", args=[resource.slug]))
    assert ris["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert ris.content.decode().startswith("TY  - RPRT\r\n")


def test_every_resource_page_offers_a_citation(client, resource):
    html = client.get(resource.get_absolute_url()).content.decode()
    assert "Cite this" in html
    assert "Okafor, A.J. and Prison Reform Trust (2024)" in html
    assert reverse("library:cite_ris", args=[resource.slug]) in html
