"""No young person's or participant's name or contact on any public page or API response
unless they chose it for that use: crawl every public page reachable from the site's pages,
plus every list in the API, as a visitor, with the demo loaded, and look for the demo's people.
"""

import re
from collections import deque

import pytest

from members.demo import load_demo
from programmes.demo import load_demo_programmes
from programmes.models import Application, Sharing, YoungPerson
from programmes.services import youth

pytestmark = pytest.mark.django_db

SEEDS = ["/", "/programmes/", "/programmes/young-advocates/young-advocates/",
         "/library/", "/recommendations/log/", "/search/?q=young", "/members/"]  # fmt: skip
SKIP = ("/admin/", "/accounts/", "/static/", "/media/", "/api/", "/account/")
MAX_PAGES = 500
LINK = re.compile(r'href="(/[^"#]*)"')


def forbidden_strings() -> dict[str, str]:
    found = {}
    for person in YoungPerson.objects.all():
        found[f"{person.first_name} {person.last_name}"] = "young person's full name"
        found[person.last_name] = "young person's last name"
        found[person.email] = "young person's email"
        found[person.phone] = "young person's phone"
    for application in Application.objects.all():
        found[application.name] = "participant's name"
        found[application.email] = "participant's email"
    return found


def first_names_not_chosen() -> set[str]:
    from programmes.models import OutputCredit

    chosen = {
        c.young_person.first_name
        for c in OutputCredit.objects.filter(sharing=Sharing.FIRST_NAME).select_related(
            "output__project", "young_person"
        )
        if youth.may_take_part(youth.consent_for(c.young_person, c.output.project))
    }
    return {p.first_name for p in YoungPerson.objects.all()} - chosen


def crawl(client) -> dict[str, str]:
    pages, queue, seen = {}, deque(SEEDS), set(SEEDS)
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        for link in LINK.findall(html):
            path = link.replace("&amp;", "&")
            if path.startswith(SKIP) or path in seen or "page=" in path:
                continue
            seen.add(path)
            queue.append(path)
    return pages


def api_lists(client) -> dict[str, str]:
    document = client.get("/api/v1/openapi.json").json()
    found = {}
    for path, operations in document["paths"].items():
        if "get" in operations and "{" not in path:
            response = client.get(path)
            if response.status_code == 200:
                found[path] = response.content.decode()
    return found


def test_no_public_page_or_api_list_names_a_participant_unless_they_chose_it(client):
    load_demo()
    assert load_demo_programmes() > 0
    pages = {**crawl(client), **api_lists(client)}
    assert any("/programmes/young-advocates/projects/" in url for url in pages)
    assert len(pages) > 40, f"the crawl reached only {len(pages)} pages"
    forbidden = forbidden_strings()
    hidden_first_names = first_names_not_chosen()
    problems = []
    for url, text in pages.items():
        for needle, what in forbidden.items():
            if needle and needle in text:
                problems.append(f"{url}: {what} {needle!r}")
        for name in hidden_first_names:
            if re.search(rf"\b{re.escape(name)}\b", text):
                problems.append(f"{url}: first name {name!r} that was not chosen for this use")
    assert not problems, "\n".join(problems[:20])


def test_a_chosen_first_name_does_appear_on_that_output_only(client):
    load_demo()
    load_demo_programmes()
    html = client.get("/programmes/young-advocates/projects/how-we-are-seen/").content.decode()
    assert "Tayo" in html  # chose their first name, consent in place
    assert "J.O." in html  # chose initials
    assert "Ellis" not in html  # chose their first name, then withdrew consent
    assert "Saoirse" not in html  # chose nothing
