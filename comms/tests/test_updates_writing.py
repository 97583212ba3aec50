"""Staff write an issue: reorder, cut, edit and add items; hostile text is refused or made
harmless everywhere it is shown; a sent issue no longer changes."""

import pytest
from django.urls import reverse

from comms.tests.update_factories import SentIssueFactory, UpdateIssueFactory, UpdateItemFactory
from comms.updates import rendering
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> [click](javascript:alert(1))'


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


@pytest.fixture
def issue():
    issue = UpdateIssueFactory()
    for title in ("First", "Second", "Third"):
        UpdateItemFactory(issue=issue, title=title)
    return issue


def titles(issue):
    return [item.title for item in issue.items.all()]


def _url(name, issue, item=None):
    args = [issue.pk] if item is None else [issue.pk, item.pk]
    return reverse(f"updates:{name}", args=args)


def test_move_cut_edit_and_add(staff_client, issue):
    second = issue.items.get(title="Second")
    staff_client.post(_url("staff_item_move", issue, second), {"direction": "up"})
    assert titles(issue) == ["Second", "First", "Third"]
    staff_client.post(_url("staff_item_move", issue, second), {"direction": "up"})  # at the top
    assert titles(issue) == ["Second", "First", "Third"]
    staff_client.post(_url("staff_item_cut", issue, issue.items.get(title="Third")))
    assert titles(issue) == ["Second", "First"]
    response = staff_client.post(
        _url("staff_item_edit", issue, second),
        {"section": "News", "title": "Second, edited", "body": "**Bold** words", "url": "/events/"},
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert (second.title, second.section, second.url) == ("Second, edited", "News", "/events/")
    staff_client.post(
        _url("staff_item_add", issue),
        {"after": str(second.pk), "section": "", "title": "From the team", "body": "Hello"},
    )
    assert titles(issue) == ["Second, edited", "From the team", "First"]
    assert issue.items.get(title="From the team").section == "News"  # took its neighbour's


def test_hostile_text_is_made_harmless_in_preview_page_and_email(staff_client, issue):
    item = issue.items.first()
    item.title = "<b>Bold</b> title"
    item.body = HOSTILE
    item.save()
    for html in (
        staff_client.get(_url("staff_preview", issue)).content.decode(),
        staff_client.get(_url("staff_issue", issue)).content.decode(),
        rendering.as_html(issue),
    ):
        assert "<script>alert" not in html, html
        assert "<img" not in html and 'href="javascript' not in html
        assert "&lt;b&gt;Bold&lt;/b&gt; title" in html
    text = staff_client.get(_url("staff_preview_text", issue))
    assert text["Content-Type"].startswith("text/plain")
    assert "<b>Bold</b> title" in text.content.decode()  # plain text is not HTML


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "//evil.example/", "data:text/html,hi", "ftp://x"]
)
def test_a_link_must_be_a_page_here_or_a_web_address(staff_client, issue, link):
    item = issue.items.first()
    response = staff_client.post(
        _url("staff_item_edit", issue, item), {"title": "T", "body": "", "url": link}
    )
    assert response.status_code == 200
    assert "starting with “/”" in response.content.decode()
    item.refresh_from_db()
    assert item.url == "/library/"


@pytest.mark.parametrize("field,value", [("title", "   "), ("title", "x" * 301)])
def test_empty_or_huge_titles_are_refused_with_a_message(staff_client, issue, field, value):
    item = issue.items.first()
    response = staff_client.post(_url("staff_item_edit", issue, item), {field: value, "body": ""})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    item.refresh_from_db()
    assert item.title == "First"


def test_a_sent_issue_changes_no_more(staff_client):
    sent = SentIssueFactory()
    item = UpdateItemFactory(issue=sent, title="As sent")
    staff_client.post(_url("staff_item_cut", sent, item))
    staff_client.post(_url("staff_item_edit", sent, item), {"title": "Rewritten", "body": ""})
    staff_client.post(_url("staff_discard", sent))
    item.refresh_from_db()
    assert item.title == "As sent"
    assert sent.items.count() == 1
