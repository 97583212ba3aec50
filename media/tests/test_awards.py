"""The media awards shortlist: ranked by score, copies left out, decisions audited."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from core.tests.factories import JudgeFactory, StaffFactory, UserFactory
from media.models import AwardCandidate
from media.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
URL = reverse("media:awards")


def when(year, month):
    return timezone.make_aware(datetime.datetime(year, month, 10, 12, 0))


@pytest.fixture
def articles():
    return {
        "best": ArticleFactory(title="Best", score=90.0, published_at=when(2025, 3)),
        "good": ArticleFactory(title="Good", score=70.0, published_at=when(2025, 4)),
        "copy": ArticleFactory(
            title="Copy", score=95.0, published_at=when(2025, 3), is_syndicated_copy=True
        ),
        "old": ArticleFactory(title="Old", score=99.0, published_at=when(2023, 3)),
        "unscored": ArticleFactory(title="Unscored", published_at=when(2025, 3)),
    }


@pytest.fixture
def staff():
    return StaffFactory()


def test_shortlist_ranks_originals_of_the_period_by_score(client, staff, articles):
    client.force_login(staff)
    response = client.get(URL, {"start": "2025-01", "end": "2025-12"})
    assert response.status_code == 200
    assert [a.title for a in response.context["candidates"]] == ["Best", "Good"]


def test_nominating_records_the_decision_and_audits_it(client, staff, articles):
    client.force_login(staff)
    article = articles["best"]
    response = client.post(
        reverse("media:award_decide", args=[article.pk]),
        {"decision": "nominated", "note": "Quotes Dee at length; <b>strong</b> context."},
    )
    assert response.status_code == 302
    candidate = AwardCandidate.objects.get(article=article)
    assert candidate.decision == "nominated" and candidate.decided_by == staff
    assert AuditEntry.objects.filter(object_id=str(candidate.pk)).count() == 1
    # Changing the decision is a second audited change, never a second candidate.
    client.post(
        reverse("media:award_decide", args=[article.pk]),
        {"decision": "not_nominated", "note": "Out of scope."},
    )
    assert AwardCandidate.objects.get(article=article).decision == "not_nominated"
    assert AuditEntry.objects.filter(object_id=str(candidate.pk)).count() == 2
    page = client.get(URL, {"start": "2025-01", "end": "2025-12"}).content.decode()
    assert "Not nominated" in page and "Out of scope." in page


@pytest.mark.parametrize(
    "data",
    [{}, {"decision": "winner"}, {"decision": "nominated", "note": "x" * 2001}],
)
def test_a_bad_decision_changes_nothing(client, staff, articles, data):
    client.force_login(staff)
    response = client.post(reverse("media:award_decide", args=[articles["best"].pk]), data)
    assert response.status_code == 302
    assert not AwardCandidate.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_hostile_next_address_is_ignored(client, staff, articles):
    client.force_login(staff)
    response = client.post(
        reverse("media:award_decide", args=[articles["best"].pk]),
        {"decision": "nominated", "next": "https://evil.example/"},
    )
    assert response["Location"] == URL


def test_bad_period_gets_a_message(client, staff):
    client.force_login(staff)
    response = client.get(URL, {"start": "2025-00"})
    assert response.status_code == 400
    assert "Enter a real month" in response.content.decode()


@pytest.mark.parametrize("make_user", [UserFactory, JudgeFactory])
def test_only_staff_decide(client, articles, make_user):
    client.force_login(make_user())
    response = client.post(
        reverse("media:award_decide", args=[articles["best"].pk]), {"decision": "nominated"}
    )
    assert response.status_code == 403
    assert not AwardCandidate.objects.exists()


def test_unknown_article_is_404(client, staff):
    client.force_login(staff)
    response = client.post(reverse("media:award_decide", args=[999999]), {"decision": "nominated"})
    assert response.status_code == 404


def test_csv_lists_the_shortlist_with_decisions(client, staff, articles):
    import csv
    import io

    client.force_login(staff)
    client.post(
        reverse("media:award_decide", args=[articles["best"].pk]),
        {"decision": "nominated", "note": "=cmd|' /C calc'!A0"},
    )
    response = client.get(reverse("media:awards_csv"), {"start": "2025-01", "end": "2025-12"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["rank"], r["title"], r["decision"]) for r in rows] == [
        ("1", "Best", "Nominated"),
        ("2", "Good", ""),
    ]
    assert rows[0]["note"].startswith("'=")
    bad = client.get(reverse("media:awards_csv"), {"start": "13-2025"})
    assert bad.status_code == 400 and "Enter a month" in bad.content.decode()
