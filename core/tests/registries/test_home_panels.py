from django.contrib.auth.models import AnonymousUser

from core.registries import home
from core.tests.factories import JudgeFactory, StaffFactory, UserFactory


def _panel(key, audiences, order=100):
    return home.HomePanel(
        key, key.title(), "x.html", lambda request: {}, frozenset(audiences), order
    )


def test_each_person_sees_only_the_panels_for_what_they_are(db, monkeypatch):
    monkeypatch.setattr(home, "_panels", {})
    home.register(_panel("assignments", {home.JUDGE}))
    home.register(_panel("attention", {home.STAFF}, order=1))
    home.register(_panel("my_input", {home.MEMBER}))

    assert [p.key for p in home.panels_for(StaffFactory())] == ["attention"]
    assert [p.key for p in home.panels_for(JudgeFactory())] == ["assignments"]
    assert [p.key for p in home.panels_for(UserFactory())] == ["my_input"]
    assert home.panels_for(AnonymousUser()) == []
