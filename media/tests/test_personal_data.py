"""The media monitor's part of people's data rights: saved searches and names in the news."""

import pytest

from core.registries import personal_data
from core.registries.personal_data import DataSubject
from core.tests.factories import StaffFactory
from media.models import Article, SavedSearch, Voice
from media.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_saved_searches_are_exported_and_deleted():
    user = StaffFactory()
    SavedSearch.objects.create(owner=user, name="Youth custody", query="custody")
    subject = DataSubject.for_user(user)
    source = personal_data.source("media.saved_searches")
    assert source.export(subject)["saved news searches"][0]["search"] == "custody"
    assert source.erase(subject) == 1
    assert source.erase(subject) == 0


def test_bylines_and_quoted_names_are_exported_and_blanked():
    article = ArticleFactory(byline="Jo Reporter")
    Voice.objects.create(article=article, category="lived_experience", speaker="Jo Reporter")
    subject = DataSubject(user=None, names=frozenset({"Jo Reporter"}))
    source = personal_data.source("media.names_in_news")
    tables = source.export(subject)
    assert len(tables["news articles under your name"]) == 1
    assert tables["news articles quoting you"][0]["counted as"] == "People with lived experience"
    assert source.erase(subject) == 2
    assert source.erase(subject) == 0
    assert Article.objects.get().byline == "" and Voice.objects.get().speaker == ""
