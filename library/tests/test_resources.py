"""Resource pages, staff editing and deleting, permissions per role, sanitising, signals."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from core.tests.documents import HOSTILE_MARKDOWN
from library import services
from library.models import Resource, ResourceStatus
from library.signals import resource_changed, resource_deleted
from library.tests.conftest import client_for
from library.tests.factories import ResourceFactory
from library.text import resource_document
from members.tests.factories import OrganisationFactory, PersonFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member", "judge", "staff", "admin")


def outcome(response):
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return response.status_code


@pytest.fixture
def signals():
    received = []

    def on_change(sender, resource, **kwargs):
        received.append(("changed", resource.pk))

    def on_delete(sender, resource_id, **kwargs):
        received.append(("deleted", resource_id))

    resource_changed.connect(on_change, dispatch_uid="test-change")
    resource_deleted.connect(on_delete, dispatch_uid="test-delete")
    yield received
    resource_changed.disconnect(dispatch_uid="test-change")
    resource_deleted.disconnect(dispatch_uid="test-delete")


# --- who sees what -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "published", "draft"),
    [
        ("anonymous", 200, 404),
        ("member", 200, 404),
        ("judge", 200, 404),
        ("staff", 200, 200),
        ("admin", 200, 200),
    ],
)
def test_published_resources_are_public_and_drafts_are_for_staff(
    client, people, role, published, draft
):
    public = ResourceFactory()
    hidden = ResourceFactory(status=ResourceStatus.DRAFT)
    client_for(client, people, role)
    assert client.get(public.get_absolute_url()).status_code == published
    assert client.get(hidden.get_absolute_url()).status_code == draft
    for name in ("library:cite_bibtex", "library:cite_ris"):
        assert client.get(reverse(name, args=[hidden.slug])).status_code == draft


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", "login"), ("member", 403), ("judge", 403), ("staff", 200), ("admin", 200)],
)
def test_staff_pages_are_for_staff_only(client, people, role, expected):
    resource = ResourceFactory()
    client_for(client, people, role)
    for url in (
        reverse("library:create"),
        reverse("library:edit", args=[resource.slug]),
        reverse("library:delete", args=[resource.slug]),
        reverse("library:history", args=[resource.slug]),
        reverse("library:submissions"),
        reverse("library:extraction_progress", args=[resource.slug]),
    ):
        assert outcome(client.get(url)) == expected, url


@pytest.mark.parametrize("role", ["anonymous", "member", "judge"])
def test_nobody_but_staff_can_post_changes(client, people, role):
    resource = ResourceFactory()
    client_for(client, people, role)
    client.post(reverse("library:edit", args=[resource.slug]), {"title": "Changed"})
    client.post(reverse("library:delete", args=[resource.slug]))
    client.post(reverse("library:create"), {"title": "New", "kind": "report"})
    resource.refresh_from_db()
    assert resource.title.startswith("Routes out of custody")
    assert Resource.objects.count() == 1


# --- the page ----------------------------------------------------------------------------


def test_the_page_shows_authors_tags_links_and_citation(client, people):
    author = OrganisationFactory(name="Prison Reform Trust")
    partner = OrganisationFactory(name="User Voice")
    resource = ResourceFactory(
        title="Homes on release",
        external_url="https://example.org/homes",
        licence="CC BY 4.0",
    )
    resource.author_organisations.add(author)
    resource.author_people.add(PersonFactory(name="Jane Okafor"))
    resource.co_produced_with.add(partner)
    resource.networks.add(people["network"])
    housing = Term.objects.get(slug="housing")
    resource.themes.add(housing)
    other = ResourceFactory(title="Banking on release")
    resource.related.add(other)
    html = client.get(resource.get_absolute_url()).content.decode()
    assert author.get_absolute_url() in html
    assert "Jane Okafor" in html
    assert "Co-produced with" in html and partner.get_absolute_url() in html
    assert housing.get_absolute_url() in html
    assert "https://example.org/homes" in html
    assert "CC BY 4.0" in html
    assert "Banking on release" in html
    assert "Criminal Justice Network" in html
    assert "Cite this" in html and "<i>Homes on release</i>" in html
    assert reverse("library:cite_bibtex", args=[resource.slug]) in html


def test_related_drafts_are_not_listed_to_the_public(client):
    resource = ResourceFactory()
    resource.related.add(ResourceFactory(title="Secret draft", status=ResourceStatus.DRAFT))
    assert "Secret draft" not in client.get(resource.get_absolute_url()).content.decode()


def test_body_is_rendered_and_sanitised(client):
    # What render_markdown keeps and drops: core/tests/lib/test_markdown.py.
    resource = ResourceFactory(body=HOSTILE_MARKDOWN)
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "javascript:alert" not in page
    assert "steal()" not in page


def test_resource_document_gives_plain_text_of_every_part():
    resource = ResourceFactory.build(
        title="  Bail   and remand ",
        summary="Who is held before trial.",
        body="## Why it matters\n\n*Many* people held on remand are later acquitted.",
        extracted_text="Text from the PDF.",
    )
    document = resource_document(resource)
    assert document == {
        "title": "Bail and remand",
        "summary": "Who is held before trial.",
        "body_text": "Why it matters\n\nMany people held on remand are later acquitted.",
        "extracted_text": "Text from the PDF.",
    }


# --- staff editing -----------------------------------------------------------------------


def form_data(**overrides):
    data = {
        "title": "Resettlement in the first week",
        "kind": "briefing",
        "status": "published",
        "published_on": "2025-03-14",
        "summary": "What makes the first week after release go well.",
        "body": "## Findings\n\nA home on the first night matters most.",
        "licence": "CC BY 4.0",
        "external_url": "",
    }
    data.update(overrides)
    return data


def test_staff_create_a_resource_with_tags_and_authors(client, people, signals):
    client.force_login(people["staff"])
    author = OrganisationFactory(name="Clinks")
    housing = Term.objects.get(slug="housing")
    response = client.post(
        reverse("library:create"),
        form_data(author_organisations=[author.pk], themes=[housing.pk]),
    )
    resource = Resource.objects.get()
    assert response.status_code == 302 and response["Location"] == resource.get_absolute_url()
    assert resource.slug == "resettlement-in-the-first-week"
    assert list(resource.author_organisations.all()) == [author]
    assert list(resource.themes.all()) == [housing]
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CREATE, object_id=str(resource.pk))
    assert ("changed", resource.pk) in signals


def test_staff_edit_a_resource_and_the_change_is_logged(client, people, signals):
    resource = ResourceFactory(title="Old title")
    client.force_login(people["staff"])
    response = client.post(
        reverse("library:edit", args=[resource.slug]), form_data(title="New title")
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title == "New title"
    assert resource.slug.startswith("routes-out-of-custody")  # addresses stay stable
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert entry.changes["title"] == ["Old title", "New title"]
    assert ("changed", resource.pk) in signals


def test_staff_delete_after_confirming(client, people, signals):
    resource = ResourceFactory()
    client.force_login(people["staff"])
    page = client.get(reverse("library:delete", args=[resource.slug]))
    assert b"cannot be undone" in page.content
    assert Resource.objects.count() == 1
    response = client.post(reverse("library:delete", args=[resource.slug]))
    assert response.status_code == 302
    assert not Resource.objects.exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).exists()
    assert ("deleted", resource.pk) in signals


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"summary": "y" * 2001}, "summary"),
        ({"body": "z" * 200_001}, "body"),
        ({"kind": "novel"}, "kind"),
        ({"published_on": "31/02/2025"}, "published_on"),
        ({"external_url": "javascript:alert(1)"}, "external_url"),
        ({"status": "submitted"}, "status"),
    ],
)
def test_bad_input_gets_a_message_and_changes_nothing(client, people, overrides, field):
    client.force_login(people["staff"])
    response = client.post(reverse("library:create"), form_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert b"There is a problem" in response.content
    assert not Resource.objects.exists()


def test_hostile_title_is_escaped_everywhere(client, people):
    client.force_login(people["staff"])
    title = '<script>alert("t")</script> & "quotes" \u202e\u0645\u0631\u062d\u0628\u0627'
    client.post(reverse("library:create"), form_data(title=title))
    resource = Resource.objects.get()
    assert resource.title == title
    page = client.get(resource.get_absolute_url()).content.decode()
    assert '<script>alert("t")' not in page
    assert "&lt;script&gt;" in page


def test_slugs_are_unique_and_avoid_the_librarys_own_paths(people):
    first = services.unique_slug("Submissions")
    assert first == "submissions-resource"
    ResourceFactory(slug="bail")
    assert services.unique_slug("Bail") == "bail-2"
    assert services.unique_slug("???") == "resource"


# --- topic pages and organisation profiles -----------------------------------------------


def test_topic_page_lists_the_latest_resources_on_it(client):
    housing = Term.objects.get(slug="housing")
    shown = ResourceFactory(title="Homes first")
    shown.themes.add(housing)
    draft = ResourceFactory(title="Unfinished homes", status=ResourceStatus.DRAFT)
    draft.themes.add(housing)
    ResourceFactory(title="Untagged")
    html = client.get(housing.get_absolute_url()).content.decode()
    assert "Latest resources" in html
    assert "Homes first" in html
    assert "Unfinished homes" not in html and "Untagged" not in html
    assert reverse("library:topic_feed_rss", args=["housing"]) in html


def test_organisation_profile_lists_resources_it_authored(client):
    organisation = OrganisationFactory(name="Transform Justice")
    mine = ResourceFactory(title="Open justice in the magistrates' court")
    mine.author_organisations.add(organisation)
    hidden = ResourceFactory(title="Not yet out", status=ResourceStatus.DRAFT)
    hidden.author_organisations.add(organisation)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Open justice in the magistrates" in html
    assert "Not yet out" not in html
    assert list(services.resources_by(organisation)) == [mine]


def test_dictionary_terms_in_the_body_link_to_their_definitions(client):
    resource = ResourceFactory(
        status=ResourceStatus.PUBLISHED,
        body="## Before trial\n\nMany children held on remand are later acquitted.\n\n"
        "## Code\n\n`remand`",
    )
    html = client.get(resource.get_absolute_url()).content.decode()
    assert 'href="/dictionary/remand/" class="term-link"' in html
    assert html.count('class="term-link"') == 1  # never inside code
