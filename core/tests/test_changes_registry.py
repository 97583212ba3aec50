"""The "what changed" registry: its contract (period, filters, audience) and each app's
provider, over records made with the apps' own factories."""

import datetime

import pytest
from django.utils import timezone

from awards.tests.factories import CategoryFactory, CycleFactory, SchemeFactory
from consultations.tests.factories import ConsultationFactory
from core.registries import changes
from events.models import Visibility
from events.tests.factories import EventFactory
from influence.models import Status
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry
from library.models import ResourceStatus
from library.tests.factories import ResourceFactory
from media.models import MonthlyFigure
from media.tests.factories import OutletFactory
from members.tests.factories import NetworkFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

SINCE, UNTIL = datetime.date(2026, 3, 1), datetime.date(2026, 4, 1)


def _item(**fields):
    base = {"kind": "test.thing", "title": "A thing", "summary": "", "url": "/",
            "when": SINCE, "app": "test", "key": "test:1"}  # fmt: skip
    return changes.ChangeItem(**(base | fields))


def test_filter_rule_networks_empty_means_every_network_and_topics_must_meet():
    anywhere = _item()
    cja = _item(networks=frozenset({1}))
    prisons = _item(topics=frozenset({7}))
    assert anywhere.matches({2}, None) and not cja.matches({2}, None) and cja.matches({1, 2}, None)
    assert prisons.matches(None, {7, 8}) and not anywhere.matches(None, {7})
    assert anywhere.matches(None, set())  # an empty topic filter is no filter


def test_collect_filters_sorts_and_drops_members_only_for_public(monkeypatch):
    monkeypatch.setattr(changes, "_providers", {})
    later = _item(title="Later", when=SINCE + datetime.timedelta(days=3), key="b")
    soon = _item(title="Members only", public=False, key="a")
    coming = _item(title="Coming", upcoming=True, when=UNTIL, key="c")
    found = [coming, later, soon]
    changes.register(changes.ChangeProvider("test", "Things", lambda *a, **k: found))
    assert [i.title for i in changes.collect(SINCE, UNTIL)] == ["Members only", "Later", "Coming"]
    assert "Members only" not in [i.title for i in changes.collect(SINCE, UNTIL, public_only=True)]
    assert changes.collect(UNTIL, SINCE) == []  # an empty period asks nobody


def test_library_reports_resources_published_in_the_period_only():
    network = NetworkFactory()
    prisons = Term.objects.get(slug="prisons")
    inside = ResourceFactory(title="Inside", published_on=SINCE)
    inside.networks.set([network])
    inside.parts.set([prisons])
    ResourceFactory(title="Before", published_on=SINCE - datetime.timedelta(days=1))
    ResourceFactory(title="On the end day", published_on=UNTIL)
    ResourceFactory(title="Draft", published_on=SINCE, status=ResourceStatus.DRAFT)
    items = changes.collect(SINCE, UNTIL, keys=["library.resources"])
    assert [i.title for i in items] == ["Inside"]
    assert items[0].networks == {network.pk} and items[0].topics == {prisons.pk}
    assert items[0].url == inside.get_absolute_url()
    other = NetworkFactory()
    assert changes.collect(SINCE, UNTIL, networks={other.pk}, keys=["library.resources"]) == []
    housing = Term.objects.get(slug="housing")
    assert changes.collect(SINCE, UNTIL, topics={housing.pk}, keys=["library.resources"]) == []


def test_influence_reports_status_changes_with_the_targets_response():
    target = TargetBodyFactory(name="Ministry of Justice")
    recommendation = RecommendationFactory(targets=[target], published=True)
    recommendation.networks.set([NetworkFactory()])
    add_entry(recommendation, target, Status.ACCEPTED, SINCE + datetime.timedelta(days=4),
              note="We will fund housing advisers in ten prisons.")  # fmt: skip
    hidden = RecommendationFactory(targets=[target])
    add_entry(hidden, target, Status.ACCEPTED, SINCE)
    (item,) = changes.collect(SINCE, UNTIL, keys=["influence.status"])
    assert item.title == recommendation.title
    assert "Ministry of Justice: accepted in principle" in item.summary
    assert "ten prisons" in item.summary


def test_consultations_opened_closing_and_submission():
    now = timezone.localdate()
    opened = ConsultationFactory(title="Opened now")
    items = changes.collect(now - datetime.timedelta(days=2), now + datetime.timedelta(days=1),
                            keys=["consultations.calls"])  # fmt: skip
    kinds = {(i.title, i.kind) for i in items}
    assert ("Opened now", "consultations.opened") in kinds
    closing = changes.collect(now - datetime.timedelta(days=20), now - datetime.timedelta(days=5),
                              keys=["consultations.calls"])  # fmt: skip
    assert [i.kind for i in closing] == ["consultations.closing"]
    assert closing[0].upcoming and closing[0].title == opened.title


def test_events_upcoming_only_published_and_members_events_are_members_only():
    today = timezone.localdate()
    EventFactory(title="Public forum")
    EventFactory(title="Members forum", visibility=Visibility.MEMBERS)
    EventFactory(title="Invited", visibility=Visibility.INVITATION)
    items = changes.collect(today - datetime.timedelta(days=30), today, keys=["events.upcoming"])
    shown = {(i.title, i.public) for i in items}
    assert shown == {("Public forum", True), ("Members forum", False)}
    public = changes.collect(today - datetime.timedelta(days=30), today, public_only=True)
    assert "Members forum" not in [i.title for i in public]


def test_awards_announcements_carry_the_schemes_network():
    network = NetworkFactory()
    cycle = CycleFactory(scheme=SchemeFactory(network=network), shortlist_announced_on=SINCE)
    CategoryFactory(cycle=cycle)
    items = changes.collect(SINCE, UNTIL, keys=["awards.announcements"])
    assert [i.kind for i in items] == ["awards.shortlist"]
    assert items[0].networks == {network.pk}


def test_media_monthly_label_share_against_the_month_before():
    outlet = OutletFactory()
    for month, articles, labelled in ((datetime.date(2026, 2, 1), 100, 30),
                                      (datetime.date(2026, 3, 1), 200, 40)):  # fmt: skip
        MonthlyFigure.objects.create(outlet=outlet, month=month, include_syndicated=False,
                                     articles=articles, articles_with_label=labelled)  # fmt: skip
    (item,) = changes.collect(SINCE, UNTIL, keys=["media.trends"])
    assert "20% of 200" in item.summary and "down from 30%" in item.summary
    assert changes.collect(SINCE, SINCE + datetime.timedelta(days=7), keys=["media.trends"]) == []


def test_queries_do_not_grow_with_rows(django_assert_max_num_queries):
    network = NetworkFactory()
    for n in range(12):
        resource = ResourceFactory(published_on=SINCE + datetime.timedelta(days=n))
        resource.networks.set([network])
        EventFactory()
    with django_assert_max_num_queries(30):
        items = changes.collect(SINCE, UNTIL, networks={network.pk})
    assert len(items) >= 12
