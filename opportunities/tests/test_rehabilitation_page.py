"""The rehabilitation-period explainer page: public to every role, linked from the check
explainer, says plainly it is guidance and not legal advice, cites every rule, links the
dictionary's terms and reads plainly."""

import json
import re
from pathlib import Path

import pytest
import textstat
from django.conf import settings

from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import OrganisationFactory, member_contact_for
from opportunities.services.rehabilitation_rules import GENERAL, RULES, SOURCES

pytestmark = pytest.mark.django_db
URL = "/opportunities/checks/rehabilitation/"
ANSWERS = {
    "disposal": "custody",
    "age_at_conviction": "24",
    "length": "18",
    "length_unit": "months",
    "end_date": "2019-06-30",
}


def _member():
    user = UserFactory(email="contact@example.org")
    member_contact_for(OrganisationFactory(), user)
    return user


@pytest.mark.parametrize("role", ["visitor", "member", "staff"])
def test_every_role_can_read_the_page_and_work_out_an_answer(client, role):
    user = {"visitor": None, "member": _member, "staff": StaffFactory}[role]
    if user:
        client.force_login(user())
    page = client.get(URL, secure=True)
    assert page.status_code == 200
    assert "This is guidance, not legal advice" in page.content.decode()
    answer = client.post(URL, ANSWERS, secure=True).content.decode()
    # 18 months: the 1-to-4-year row, 4 years beginning with 30 June 2019.
    assert "Your answer: Spent" in answer
    assert "This became spent on 30 June 2023." in answer


def test_other_methods_are_refused(client):
    assert client.put(URL, secure=True).status_code == 405


def test_the_check_explainer_links_to_it(client):
    assert URL in client.get("/opportunities/checks/", secure=True).content.decode()


def test_the_page_shows_every_rule_with_its_citations_and_every_source(client):
    page = client.get(URL, secure=True).content.decode()
    for rule in RULES:
        assert f'id="rule-{rule.key}"' in page
    for source in SOURCES.values():
        assert f'href="{source.url}"' in page
    assert "section 193(6)(a)" in page and "Schedule 2, paragraph 1(1)(a)" in page


def test_the_answer_names_its_rule_and_law(client):
    page = client.post(URL, ANSWERS, secure=True).content.decode()
    answer = page.split('id="answer-heading"', 1)[1].split("</section>", 1)[0]
    assert 'href="#rule-custody_1_to_4_years"' in answer
    assert "section 5(2)(b), the Table" in answer


def test_it_says_standard_and_enhanced_checks_follow_the_filtering_rules(client):
    page = client.get(URL, secure=True).content.decode()
    assert "standard and enhanced checks follow the" in page
    assert 'href="/dictionary/filtering/"' in page


def test_every_linked_term_is_in_the_dictionary(client):
    shipped = Path(settings.BASE_DIR) / "glossary" / "data" / "dictionary.json"
    slugs = {term["slug"] for term in json.loads(shipped.read_text())}
    used = {slug for rule in RULES for slug in rule.terms}
    assert used <= slugs
    page = client.get(URL, secure=True).content.decode()
    # The site's menu links the dictionary's own pages (the language checker and so on).
    fixed_pages = {"check", "print", "language-guide"}
    linked = set(re.findall(r'href="/dictionary/([a-z0-9-]+)/"', page)) - fixed_pages
    assert linked <= slugs
    for slug in sorted(linked)[:3]:  # and the dictionary serves them
        assert client.get(f"/dictionary/{slug}/", secure=True).status_code == 200


def test_the_guidance_reads_plainly():
    # The words we wrote ourselves; the statute's names for sentences are what they are.
    ours = [rule.runs for rule in RULES] + [words for words, _ in GENERAL]
    assert textstat.flesch_kincaid_grade(" ".join(ours)) <= 9


def test_the_answers_read_plainly():
    from datetime import date

    from opportunities.services.rehabilitation import Disposal, Facts, work_out

    today = date(2026, 12, 6)
    answers = [
        Facts(Disposal.CUSTODY, age_at_conviction=30, length=2, length_unit="years"),
        Facts(
            Disposal.CUSTODY,
            age_at_conviction=30,
            length=9,
            length_unit="months",
            end_date=date(2026, 1, 1),
        ),
        Facts(
            Disposal.CUSTODY,
            age_at_conviction=30,
            length=6,
            length_unit="years",
            schedule_18="unsure",
            end_date=date(2020, 1, 1),
        ),
        Facts(Disposal.COMMUNITY),
        Facts(Disposal.COMPENSATION),
        Facts(Disposal.CONDITIONAL_CAUTION),
        Facts(Disposal.CAUTION),
    ]
    words = " ".join(work_out(facts, today).summary for facts in answers)
    assert textstat.flesch_kincaid_grade(words) <= 9
