"""An article's page: its analysis explained, every finding marked and linked to its rule."""

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from media.analysis.runs import Analyser, reanalyse
from media.articles import marked_findings
from media.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TITLE = "Offender jailed after court hears of attack"
TEXT = (
    "A convicted offender was jailed on Friday. Police said the thug had shown no remorse. "
    "“I want people to see me as more than my past,” said Dee, who spent five years in "
    "prison and now mentors young people leaving custody. Figures published by the Ministry "
    "of Justice show reoffending has fallen over the last decade."
)


@pytest.fixture
def analysed():
    article = ArticleFactory(title=TITLE, text=TEXT)
    reanalyse([article], Analyser(keep_full_text=True))
    article.refresh_from_db()
    return article


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def test_the_page_marks_each_finding_and_links_its_rule(staff_client, analysed):
    response = staff_client.get(reverse("media:article", args=[analysed.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<mark class="finding kind-stigmatising" id="at-1"' in page
    assert ">Offender</mark>" in page
    assert f"{reverse('glossary:guide')}#entry-offender" in page
    assert 'href="#finding-1"' in page and 'id="finding-1"' in page
    findings = response.context["explanation"].findings
    assert findings[0][2] == "headline"
    assert any(place == "body" for _n, _f, place in findings)
    numbers = [number for number, _f, _p in findings]
    assert numbers == list(range(1, len(findings) + 1))  # one numbering for both


def test_the_page_shows_voices_context_topics_and_the_score_formula(staff_client, analysed):
    response = staff_client.get(reverse("media:article", args=[analysed.pk]))
    page = response.content.decode()
    explanation = response.context["explanation"]
    assert explanation.voices, "the analysis found quoted voices"
    assert "Who is quoted" in page
    assert "How the score is worked out" in page
    assert "Start at" in page  # the first step of SCORE_FORMULA
    assert "Context" in page


def test_an_excerpt_only_article_shows_only_the_excerpt(staff_client):
    article = ArticleFactory(title=TITLE, text=TEXT)
    reanalyse([article], Analyser(keep_full_text=False))
    article.refresh_from_db()
    assert article.is_excerpt
    response = staff_client.get(reverse("media:article", args=[article.pk]))
    page = response.content.decode()
    assert "keeps only an excerpt" in page
    assert "reoffending has fallen over the last decade" not in page


def test_findings_that_no_longer_match_the_text_are_not_marked():
    text = "The offender was released."
    findings = [
        {"start": 4, "end": 12, "text": "offender", "kind": "stigmatising", "term": "offender"},
        {"start": 400, "end": 408, "text": "offender", "kind": "stigmatising"},  # cut off
        {"start": 0, "end": 3, "text": "Tha", "kind": "stigmatising"},  # text changed
        {"start": 5, "end": 9, "text": "ffen", "kind": "stigmatising"},  # overlaps
        {"start": "x", "end": None, "text": "", "kind": "stigmatising"},  # malformed
        "not a finding",
    ]
    marked = marked_findings(text, findings)
    assert [(f.start, f.text) for f in marked] == [(4, "offender")]


def test_hostile_text_is_escaped(staff_client):
    article = ArticleFactory(
        title="<script>alert('headline')</script> offender",
        text="<img src=x onerror=alert(1)> The offender <b>was</b> released.",
    )
    reanalyse([article], Analyser(keep_full_text=True))
    page = staff_client.get(reverse("media:article", args=[article.pk])).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_an_unanalysed_article_says_so(staff_client):
    article = ArticleFactory()
    page = staff_client.get(reverse("media:article", args=[article.pk])).content.decode()
    assert "not been analysed yet" in page


def test_unknown_article_is_404_and_others_are_refused(client, analysed):
    url = reverse("media:article", args=[analysed.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(StaffFactory())
    assert client.get(reverse("media:article", args=[analysed.pk + 1000])).status_code == 404
