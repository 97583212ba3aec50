"""The daily digest of new stigmatising headlines: sent once, escaped, idempotent."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.tests.factories import StaffFactory
from media.models import SavedSearch
from media.services.digests import send_digests
from media.tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def search():
    outlet = OutletFactory(name="Daily Courier", slug="courier")
    search = SavedSearch.objects.create(
        owner=StaffFactory(email="press@alliance.example"),
        name="Courier",
        filters={"outlet": "courier"},
        email_digest=True,
    )
    SavedSearch.objects.filter(pk=search.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1)
    )
    search.refresh_from_db()
    ArticleFactory(outlet=outlet, title="Thugs <b>caged</b> at last", headline_labels=1)
    ArticleFactory(outlet=outlet, title="Council opens housing support", headline_labels=0)
    ArticleFactory(title="Another outlet's offender story", headline_labels=1)
    return search


def test_new_stigmatising_headlines_are_sent_once(immediate_tasks, search):
    assert send_digests() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["press@alliance.example"]
    assert "Thugs <b>caged</b> at last" in message.body  # plain text: nothing to render
    assert "housing support" not in message.body
    assert "Another outlet" not in message.body
    # Running again at once finds nothing new and sends nothing.
    assert send_digests() == 0
    call_command("send_media_digests")
    assert len(mail.outbox) == 1


def test_only_articles_fetched_since_the_last_digest(immediate_tasks, search):
    send_digests()
    ArticleFactory(outlet=search_outlet(), title="Lags riot again", headline_labels=2)
    assert send_digests() == 1
    assert "Lags riot again" in mail.outbox[-1].body
    assert "Thugs" not in mail.outbox[-1].body


def search_outlet():
    from media.models import Outlet

    return Outlet.objects.get(slug="courier")


def test_searches_without_a_digest_or_with_broken_filters_send_nothing(immediate_tasks, search):
    SavedSearch.objects.filter(pk=search.pk).update(filters={"outlet": "gone"})
    SavedSearch.objects.create(owner=search.owner, name="Quiet", email_digest=False)
    assert send_digests() == 0
    assert mail.outbox == []
