"""The shortcuts that keep library search fast at 100,000 resources give the same answers.

Each shortcut is checked against what the page must still show: the engine's answer kept
per index version (an edit is seen at once), candidates ranked on their heading when a
query matches many resources (exclusions still hold), and snippets cut from a window of
the body (a match only in the title or summary is shown from the summary).
"""

from datetime import date

import pytest

from library import search as library_search
from library.models import ResourceStatus
from library.search import engines
from library.tests.test_search import ids, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine_calls(monkeypatch):
    """How many times the search asked an engine for its matches."""
    calls = []
    real = library_search.current_engine

    def counted():
        calls.append(1)
        return real()

    monkeypatch.setattr(library_search, "current_engine", counted)
    return calls


@pytest.mark.django_db(transaction=True)
def test_a_repeated_query_reuses_the_answer_until_the_index_changes(engine_calls):
    older = publish("Curfew orders", body="On curfew.", published_on=date(2020, 1, 1))
    first = library_search.search("curfew")
    assert ids(first) == [older.pk]
    asked = len(engine_calls)
    again = library_search.search("curfew", page=1)
    assert ids(again) == [older.pk]
    # Only the snippets were asked for again, not the matches.
    assert len(engine_calls) == asked + 1
    newer = publish("Curfew and tagging", body="Curfew again.", published_on=date(2024, 1, 1))
    assert set(ids(library_search.search("curfew"))) == {older.pk, newer.pk}
    newer.status = ResourceStatus.DRAFT
    newer.save()
    from library.signals import resource_changed

    resource_changed.send(sender=type(newer), resource=newer)
    assert ids(library_search.search("curfew")) == [older.pk]


def test_inside_a_transaction_nothing_is_kept(engine_calls):
    publish("Curfew orders", body="On curfew.")
    before = len(engine_calls)
    library_search.search("curfew")
    once = len(engine_calls) - before
    library_search.search("curfew")
    assert len(engine_calls) - before == 2 * once  # matches and snippets, both times


def test_when_many_match_title_matches_lead_and_exclusions_still_hold(monkeypatch):
    monkeypatch.setattr(engines, "RANK_CANDIDATES", 2)
    titled = publish("Curfew orders", body="About tagging and curfew.")
    plain = publish("Curfew", body="Nothing else.")
    in_body = [publish(f"Report {n}", body=f"Item {n} mentions curfew once.") for n in range(4)]
    result = library_search.search("curfew", page_size=50)
    assert result.total == 6
    assert set(ids(result)[:2]) == {titled.pk, plain.pk}
    assert set(ids(result)) == {titled.pk, plain.pk, *(r.pk for r in in_body)}
    without = library_search.search("curfew -tagging", page_size=50)
    assert titled.pk not in ids(without)
    assert without.total == 5


def test_a_match_only_in_the_heading_is_shown_from_the_summary():
    publish(
        "Remand",
        summary="Why remand numbers rose.",
        body="A long body about other things. " * 300,
    )
    (hit,) = library_search.search("remand").hits
    assert "<mark>" in hit.snippet_html
    assert "numbers rose" in hit.snippet_html


def test_the_snippet_window_finds_a_stemmed_word_far_into_the_body():
    filler = "Nothing to see in this sentence at all. " * 300
    publish("Long", body=filler + "People were resettled in new homes. " + filler)
    (hit,) = library_search.search("resettling").hits
    assert "<mark>resettled</mark>" in hit.snippet_html


def test_filters_in_use_are_listed_with_links_that_remove_them(client):
    publish("Curfew orders", body="On curfew.", themes=["housing"], kind="report")
    page = client.get("/library/", {"q": "curfew", "theme": "housing", "kind": "report"})
    html = page.content.decode()
    listed = html.split('aria-label="Filters in use"')[1].split("</ul>")[0]
    assert "Theme: Housing" in listed and "Kind: Report" in listed
    assert 'href="?q=curfew&amp;kind=report"' in listed  # removes the theme only
