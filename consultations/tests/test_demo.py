"""The demo consultation: complete, consent-respecting, written for the demo, loaded once."""

import html
import re
from pathlib import Path

import pytest
from django.test import Client

from consultations.consent import publishable_quotes
from consultations.demo import demo_data, load_demo_consultation
from consultations.models import (
    Attribution,
    Consultation,
    ConsultationStatus,
    FeedbackMessage,
    Quote,
    Speaker,
)
from consultations.tests.test_consent_outputs import docx_text_of
from influence.demo import load_demo_recommendations
from influence.models import Recommendation
from library.demo import load_demo_resources
from members.demo import load_demo

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def _demo_sentences():
    for entry in demo_data("evidence.json")["questions"]:
        yield from (words for _theme, words, *_ in entry["statements"])
    submission = demo_data("consultation.json")["submission"]
    yield submission["introduction"]
    yield from submission["narratives"].values()
    for items in submission["recommendations"].values():
        yield from (item["text"] for item in items)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not on this machine")
def test_no_sentence_is_copied_from_the_seeds():
    seed_text = " ".join(
        " ".join(_words(path.read_text(encoding="utf-8", errors="ignore")))
        for path in SEEDS.rglob("*")
        if path.is_file()
    )
    for sentence in _demo_sentences():
        words = _words(sentence)
        for start in range(0, max(0, len(words) - 9)):
            run = " ".join(words[start : start + 10])
            assert run not in seed_text, f"'{run}' is in the seeds"


def test_the_demo_loads_completely_and_only_once():
    load_demo()
    load_demo_resources()
    load_demo_recommendations()
    assert load_demo_consultation() == 2
    finished = Consultation.objects.get(status=ConsultationStatus.SUBMITTED)
    assert finished.questions.count() == 8 and finished.question_parts.count() == 3
    assert finished.contributions.count() >= 30
    assert finished.sessions.count() == 3
    speakers = Speaker.objects.filter(session__consultation=finished)
    assert speakers.count() >= 40
    assert speakers.filter(consent_withdrawn_at__isnull=False).exists()
    assert speakers.filter(attribution=Attribution.NOT_FOR_PUBLICATION).exists()
    assert Quote.objects.filter(consultation=finished).count() >= 150
    assert finished.codebook.count() >= 15 and finished.codebook.filter(parent__isnull=False)
    assert not Quote.objects.filter(consultation=finished, codings__isnull=True).exists()
    submission = finished.submission
    assert submission.recommendations.count() >= 12
    assert submission.sent_at and submission.is_published and submission.resource
    assert submission.versions.count() == 2
    assert FeedbackMessage.objects.filter(consultation=finished).count() >= 20
    # Everything quoted in the submission may be published.
    quoted = Quote.objects.filter(blocks__section__submission=submission)
    assert quoted.count() == publishable_quotes(quoted).count() >= 30
    assert Consultation.objects.filter(status=ConsultationStatus.OPEN).count() == 1
    client = Client()
    page = client.get(finished.get_absolute_url())
    assert page.status_code == 200
    hidden = Quote.objects.filter(consultation=finished).exclude(
        pk__in=publishable_quotes(Quote.objects.all())
    )
    assert hidden.count() >= 10
    text = html.unescape(page.content.decode())
    for quote in hidden:
        assert quote.text not in text
    assert client.get("/consultations/").status_code == 200
    docx = client.get(f"/consultations/{finished.slug}/submission.docx").content
    assert "End Friday releases from prison" in docx_text_of(docx)
    # The submission linked the tracker's asks it repeats rather than copying them.
    titles = [r.title.lower() for r in Recommendation.objects.filter(merged_into__isnull=True)]
    assert len(titles) == len(set(titles)), "the demo has the same ask twice"
    assert submission.recommendations.filter(slug="no-friday-releases").exists()
    assert load_demo_consultation() == 0
    assert Consultation.objects.count() == 2


def test_the_demo_member_login_sees_feedback():
    load_demo()
    load_demo_consultation()
    client = Client()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(email="member@example.org"))
    page = client.get("/consultations/my-input/").content.decode()
    assert "Our submission was sent on" in page
    assert "Unlock" in page
