"""The header: navigation from the registry, grouped, for what each person may use; a menu
button for phones that needs no JavaScript; and the site-wide search box."""

import pytest

from core.tests.factories import JudgeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def header(client, path="/members/"):
    page = client.get(path).content.decode()
    return page[page.index('<header class="site-header">') : page.index("</header>")]


def test_a_visitor_sees_the_explore_links_join_and_sign_in(client):
    html = header(client)

    for label in ("Members", "Topics", "Library", "Recommendations", "Consultations"):
        assert f">{label}</a>" in html
    assert ">Language checker</a>" in html
    assert ">Sign in</a>" in html and ">Join the network</a>" in html
    assert "Evidence and submissions" not in html and "Your home" not in html


def test_the_current_page_is_marked(client):
    html = header(client, "/members/coverage/")

    assert 'href="/members/coverage/" aria-current="page"' in html
    assert 'href="/members/" aria-current' not in html


def test_a_member_contact_gets_their_own_links_but_no_staff_work(client):
    client.force_login(UserFactory())
    html = header(client)

    assert ">Contribute evidence</a>" in html and ">Your home</a>" in html
    assert "Media monitor" not in html and ">Join the network</a>" not in html


def test_staff_get_their_work_grouped_under_staff(client):
    client.force_login(StaffFactory())
    html = header(client)

    staff_group = html[html.index("<summary>Staff</summary>") :]
    assert "Media monitor" in staff_group and "Membership applications" in staff_group
    assert ">Contribute evidence</a>" not in html


def test_a_judge_sees_neither_staff_work_nor_member_forms(client):
    client.force_login(JudgeFactory())
    html = header(client)

    assert "<summary>Staff</summary>" not in html and "Contribute evidence" not in html


def test_the_phone_menu_is_a_details_element_and_search_has_its_own_name(client):
    html = header(client)

    assert '<details class="site-menu"' in html and "<summary" in html
    assert 'role="search"' in html and 'aria-label="Search the site"' in html
    assert 'action="/search/"' in html
