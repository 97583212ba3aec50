"""Library search: ranking, snippets, facets, sorting, paging, safety and the page itself.

Runs on whichever database DATABASE_URL names (SQLite by default, PostgreSQL in CI), and
the same assertions must hold on both engines.
"""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from library import search as library_search
from library.models import Resource, ResourceKind, ResourceStatus
from library.search.query import parse, to_fts5
from library.signals import resource_changed, resource_deleted
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory, OrganisationFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


def publish(title, body="", summary="", **fields):
    """A resource saved and announced the way the library's services do it."""
    tags = {name: fields.pop(name, []) for name in ("themes", "parts", "networks", "authors")}
    fields.setdefault("published_on", date(2024, 1, 1))
    resource = ResourceFactory(title=title, body=body, summary=summary, **fields)
    if tags["themes"]:
        resource.themes.set(Term.objects.filter(slug__in=tags["themes"]))
    if tags["parts"]:
        resource.parts.set(Term.objects.filter(slug__in=tags["parts"]))
    resource.networks.set(tags["networks"])
    resource.author_organisations.set(tags["authors"])
    resource_changed.send(sender=Resource, resource=resource)
    return resource


def ids(result):
    return [hit.resource_id for hit in result.hits]


def counts(result, facet):
    return {option.value: option.count for option in result.facets[facet]}


# --- Ranking and snippets ------------------------------------------------------------------


def test_a_title_match_ranks_above_a_body_match():
    in_body = publish("Annual report", body="This year we looked again at remand and bail.")
    in_title = publish("Remand of children", body="Children held before trial.")
    result = library_search.search("remand")
    assert ids(result) == [in_title.pk, in_body.pk]
    assert [hit.rank for hit in result.hits] == [1, 2]


def test_stemming_finds_other_forms_of_a_word():
    resource = publish("Leaving custody", body="Support for people released from prisons.")
    assert ids(library_search.search("prison")) == [resource.pk]


def test_snippets_highlight_the_match_and_escape_everything_else():
    publish(
        "Markup in a body",
        body='Text with `<script>alert("x")</script>` and `<b>bold</b>` around the word '
        "resettlement in the middle of it.",
    )
    publish("Injected", body="resettlement \ue000`<img src=x onerror=alert(1)>`\ue001 trick")
    result = library_search.search("resettlement")
    snippets = [str(hit.snippet_html) for hit in result.hits]
    assert len(snippets) == 2
    for snippet in snippets:
        assert "<mark>resettlement</mark>" in snippet
        assert "<script" not in snippet and "<img" not in snippet and "<b>" not in snippet
        assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    # The text around the markup survives, escaped (SQLite) or with the tags dropped
    # (PostgreSQL's ts_headline leaves tag tokens out).
    assert any("alert(" in snippet for snippet in snippets)


def test_summary_snippet_when_only_the_summary_matches():
    publish("Toolkit", summary="How to run a restorative conference.", body="Nothing else.")
    (hit,) = library_search.search("restorative").hits
    assert "<mark>restorative</mark>" in hit.snippet_html


def test_phrases_prefixes_exclusions_and_or():
    a = publish("Short sentences", body="Short prison sentences rarely work.")
    b = publish("Sentences in general", body="Sentences that are short or long.")
    c = publish("Rehabilitation", body="Rehabilitative work in the community.")
    assert ids(library_search.search('"short prison sentences"')) == [a.pk]
    assert set(ids(library_search.search("rehab*"))) == {c.pk}
    assert set(ids(library_search.search("sentences -prison"))) == {b.pk}
    assert set(ids(library_search.search("sentences NOT prison"))) == {b.pk}
    assert set(ids(library_search.search("rehabilitation OR prison"))) == {a.pk, c.pk}


# --- Facets, sorting, paging -----------------------------------------------------------------


def test_facet_counts_combine_with_the_query_and_ignore_their_own_filter():
    network = NetworkFactory(name="Youth Network", slug="youth-network")
    author = OrganisationFactory(name="Open Gate Trust", slug="open-gate-trust")
    publish("Housing after prison", body="housing", themes=["housing"], networks=[network])
    publish(
        "Housing for young adults",
        body="housing",
        themes=["housing", "children-and-young-adults"],
        kind=ResourceKind.BRIEFING,
        authors=[author],
    )
    publish("Policing and race", body="stop and search", themes=["racial-equality"])

    result = library_search.search("housing")
    assert result.total == 2
    themes = counts(result, "theme")
    assert themes["housing"] == 2 and themes["children-and-young-adults"] == 1
    assert themes["racial-equality"] == 0
    assert counts(result, "network")["youth-network"] == 1
    assert counts(result, "org") == {"open-gate-trust": 1}

    narrowed = library_search.search("housing", {"kind": ResourceKind.BRIEFING})
    assert narrowed.total == 1
    assert counts(narrowed, "theme")["housing"] == 1
    # The kind facet ignores its own filter, so the other kind can still be chosen.
    assert counts(narrowed, "kind")[ResourceKind.REPORT] == 1
    assert counts(narrowed, "kind")[ResourceKind.BRIEFING] == 1

    everything = library_search.search("", {"theme": "housing"})
    assert everything.total == 2
    assert counts(everything, "theme")["racial-equality"] == 1


def test_unknown_filter_values_are_ignored_not_errors():
    publish("Anything", body="words")
    result = library_search.search("", {"theme": "no-such-theme", "year": "abc", "x": "y"})
    assert result.total == 1
    assert sorted(result.ignored) == ["theme", "year"]


def test_year_facet_and_sort_by_date():
    old = publish(
        "Probation reform", body="probation probation probation", published_on=date(2019, 5, 1)
    )
    new = publish("Notes", body="one mention of probation", published_on=date(2025, 5, 1))
    assert ids(library_search.search("probation", sort="relevance")) == [old.pk, new.pk]
    assert ids(library_search.search("probation", sort="date")) == [new.pk, old.pk]
    result = library_search.search("probation", {"year": "2019"})
    assert ids(result) == [old.pk]
    assert counts(result, "year") == {"2025": 1, "2019": 1}


def test_no_query_lists_the_latest_published_first():
    first = publish("First", published_on=date(2020, 1, 1))
    second = publish("Second", published_on=date(2023, 1, 1))
    result = library_search.search("", sort="relevance")
    assert ids(result) == [second.pk, first.pk]
    assert result.sort == "date"
    assert all(hit.snippet_html is None for hit in result.hits)


def test_pagination():
    for n in range(25):
        publish(f"Briefing {n}", body="common words", published_on=date(2020, 1, 1 + n))
    page_three = library_search.search("common", page=3, page_size=10)
    assert page_three.total == 25 and page_three.num_pages == 3 and len(page_three.hits) == 5
    assert page_three.hits[0].rank == 21
    everything = [
        pk
        for page in (1, 2, 3)
        for pk in ids(library_search.search("common", page=page, page_size=10))
    ]
    assert len(set(everything)) == 25
    assert library_search.search("common", page=99, page_size=10).page == 3


# --- Only published resources, and the index follows changes -------------------------------


def test_drafts_and_submissions_are_never_found():
    publish("Draft about parole", body="parole", status=ResourceStatus.DRAFT)
    publish("Submitted about parole", body="parole", status=ResourceStatus.SUBMITTED)
    public = publish("Published about parole", body="parole")
    assert ids(library_search.search("parole")) == [public.pk]
    assert ids(library_search.search("")) == [public.pk]


def test_the_index_follows_edits_unpublishing_and_deletes():
    resource = publish("Diversion schemes", body="Out of court disposals.")
    assert ids(library_search.search("diversion")) == [resource.pk]

    resource.title = "Liaison services"
    resource.save()
    resource_changed.send(sender=Resource, resource=resource)
    assert ids(library_search.search("diversion")) == []
    assert ids(library_search.search("liaison")) == [resource.pk]

    resource.status = ResourceStatus.DRAFT
    resource.save()
    resource_changed.send(sender=Resource, resource=resource)
    assert library_search.search("liaison").total == 0

    resource.status = ResourceStatus.PUBLISHED
    resource.save()
    resource_changed.send(sender=Resource, resource=resource)
    assert library_search.search("liaison").total == 1

    resource_deleted.send(sender=Resource, resource_id=resource.pk, slug=resource.slug)
    assert library_search.search("liaison").total == 0


def test_a_delete_without_the_library_signal_still_leaves_the_index():
    resource = publish("Appropriate adults", body="Support in police custody.")
    resource.delete()  # post_delete is the safety net
    assert library_search.search("adults").total == 0
    with connection.cursor() as cursor:
        table = "library_search_fts" if connection.vendor == "sqlite" else "library_search_document"
        column = "rowid" if connection.vendor == "sqlite" else "resource_id"
        cursor.execute(f"SELECT count(*) FROM {table} WHERE {column} = %s", [resource.pk])  # noqa: S608
        assert cursor.fetchone()[0] == 0


def test_rebuild_index_indexes_every_published_resource_again():
    publish("Magistrates", body="Lay justices in the magistrates court.")
    ResourceFactory(title="Never announced", body="magistrates", slug="never-announced")
    publish("Hidden", body="magistrates", status=ResourceStatus.DRAFT)
    assert library_search.search("magistrates").total == 1
    assert library_search.rebuild_index() == 2
    assert library_search.search("magistrates").total == 2


# --- Hostile input --------------------------------------------------------------------------

HOSTILE_QUERIES = [
    '"',
    '"""',
    '"unbalanced phrase',
    "'",
    "it's",
    "(",
    "((prison",
    "prison)",
    "[]{}",
    "*",
    "**",
    "prison*",
    "*prison",
    "-",
    "--",
    "-prison",
    "NOT",
    "NOT prison",
    "prison NOT",
    "AND",
    "OR",
    "prison OR",
    "OR prison",
    "prison AND OR NOT housing",
    "NEAR(prison housing, 2)",
    "prison NEAR housing",
    "title:prison",
    "{title}: prison",
    "^prison",
    "prison:*",
    "!prison & housing | x",
    "'prison' & !'housing'",
    "a:* | b:*",
    "'); DROP TABLE library_resource; --",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    '\\"',
    "prison\x00housing",
    "\x00",
    "\x01\x02\x1f",
    "<script>alert(1)</script>",
    "&lt;mark&gt;",
    "\ue000prison\ue001",
    "سجن الإصلاح",
    "监狱 改革",
    "тюрьма",
    "prisión reforma",
    "🚔🔒 prison 👮",
    "🚔",
    "ﬁle",
    "prison " * 100,
    "x" * 5000,
    '"' * 300,
    "-" * 300,
    "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 4,
    "   ",
    "",
]


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_queries_never_fail(text, client):
    publish("Prison housing", body="Prison and housing reform in the community.")
    for sort in ("relevance", "date"):
        result = library_search.search(text, sort=sort)
        assert result.total >= 0
        assert len(result.query.text) <= library_search.MAX_QUERY_LENGTH
    response = client.get(reverse("library:index"), {"q": text, "page": "x", "sort": "<>"})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content
    response = client.get(reverse("library:search"), {"q": text})
    assert response.status_code == 200
    assert Resource.objects.exists()


def test_fts5_expressions_quote_every_piece_of_user_text():
    assert to_fts5(parse('say "hello" there*')) == '"say" AND "hello" AND "there" *'
    assert to_fts5(parse('a"b')) == '"a b"'  # like a hyphenated word: a phrase
    assert to_fts5(parse("x OR y -z")) == '(("x" OR "y")) NOT "z"'
    assert parse("-only -negative").is_empty


# --- The page -------------------------------------------------------------------------------


def test_the_page_shows_results_with_safe_snippets_and_facets(client):
    author = OrganisationFactory(name="Fair Chance Trust", slug="fair-chance-trust")
    publish(
        "Women on remand",
        body="Most `<em>women</em>` remanded to custody do not receive a prison sentence.",
        themes=["women-and-girls"],
        authors=[author],
    )
    response = client.get(reverse("library:index"), {"q": "remanded"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Library</h1>" in html
    assert "<mark>remanded</mark>" in html
    assert "<em>" not in html.split('id="search-body"')[1]
    assert "Fair Chance Trust" in html
    assert "theme=women-and-girls" in html
    assert "1 resource found" in html


def test_htmx_gets_the_results_fragment_and_a_plain_request_the_page(client):
    publish("Youth diversion", body="diversion")
    full = client.get(reverse("library:index"), {"q": "diversion"})
    partial = client.get(
        reverse("library:index"), {"q": "diversion"}, headers={"HX-Request": "true"}
    )
    assert b"<html" in full.content and b'id="search-body"' in full.content
    assert b"<html" not in partial.content and b'id="search-body"' in partial.content
    assert b'hx-swap-oob="true"' in partial.content


def test_the_json_search(client):
    publish("Court backlogs", body="Delays in the crown court.")
    data = client.get(reverse("library:search"), {"q": "crown court"}).json()
    assert data["total"] == 1
    assert "<mark>" in data["results"][0]["snippet_html"]
    assert "theme" in data["facets"]


def test_the_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    network = NetworkFactory(name="Alliance", slug="alliance")

    def make(n, start):
        for i in range(n):
            author = OrganisationFactory()
            publish(
                f"Report {start + i} on sentencing",
                body="sentencing",
                themes=["housing"],
                networks=[network],
                authors=[author],
            )

    make(3, 0)
    # In a test the facet data is always loaded afresh (we are inside a transaction), so
    # these bounds include it: the version, kinds and dates, four tag tables, terms,
    # networks and authors; then the ranked ids, the snippets and the page's resources.
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("library:index"), {"q": "sentencing", "theme": "housing"})
    make(30, 3)
    with django_assert_max_num_queries(14) as large:
        client.get(reverse("library:index"), {"q": "sentencing", "theme": "housing"})
    assert len(large.captured_queries) == len(small.captured_queries)


# --- Bounded work on large indexes ----------------------------------------------------------


def test_a_prefix_needs_three_letters_else_it_is_a_plain_word():
    word = publish("Re", body="The word re on its own.")
    longer = publish("Rehabilitation", body="Rehabilitative work.")
    assert parse("re*").groups[0][0].prefix is False
    assert parse("reh*").groups[0][0].prefix is True
    result = library_search.search("re*")
    assert ids(result) == [word.pk]
    assert result.query.short_prefixes == ["re"]
    assert "too short" in result.notices[0] and "“re”" in result.notices[0]
    result = library_search.search("reh*")
    assert ids(result) == [longer.pk]
    assert result.notices == []
    assert library_search.search("-re* OR").notices == []  # nothing searched, nothing said


def test_sqlite_has_prefix_indexes():
    if connection.vendor != "sqlite":
        pytest.skip("FTS5 only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'library_search_fts'")
        assert "prefix = '3 4'" in cursor.fetchone()[0]


def test_capped_ranking_still_puts_the_best_title_matches_first(monkeypatch):
    monkeypatch.setattr("library.search.engines.RANK_CANDIDATES", 3)
    old_title = publish("Curfew orders", body="On curfew.", published_on=date(2015, 1, 1))
    in_body = [publish(f"Report {n}", body=f"Item {n} mentions curfew once.") for n in range(8)]
    result = library_search.search("curfew", page_size=100)
    assert result.total == 9
    assert ids(result)[0] == old_title.pk
    assert set(ids(result)) == {old_title.pk, *(r.pk for r in in_body)}
    # Beyond the ranked candidates, the newest first.
    assert ids(result)[-1] == in_body[0].pk
    assert library_search.search("curfew", sort="date").total == 9


def test_a_phrase_in_too_many_resources_is_checked_against_candidates(monkeypatch):
    monkeypatch.setattr("library.search.engines.PHRASE_CANDIDATES", 2)
    monkeypatch.setattr("library.search.engines.RANK_CANDIDATES", 2)
    titled = publish("Unpaid work schemes", body="Nothing else here.")
    older = publish("Older", body="Unpaid work in the community.")
    scattered = [publish(f"Scattered {n}", body="Work that is unpaid.") for n in range(3)]
    newest = publish("Newest", body="Some unpaid work.")
    result = library_search.search('"unpaid work"')
    assert ids(result)[0] == titled.pk
    assert set(ids(result)) <= {titled.pk, older.pk, newest.pk}
    assert not set(ids(result)) & {r.pk for r in scattered}
    if connection.vendor == "postgresql":
        assert result.capped and set(ids(result)) == {titled.pk, newest.pk}
        assert any("phrase" in notice for notice in result.notices)
        assert library_search.search('"unpaid work"', sort="date").total == 2
    else:  # FTS5 keeps positions: always exact
        assert not result.capped and set(ids(result)) == {titled.pk, older.pk, newest.pk}
    # Without the phrase's words in too many resources, every match is checked.
    monkeypatch.setattr("library.search.engines.PHRASE_CANDIDATES", 100)
    exact = library_search.search('"unpaid work"')
    assert set(ids(exact)) == {titled.pk, older.pk, newest.pk} and not exact.capped


def test_the_snippet_finds_a_match_far_into_a_long_body():
    filler = "Nothing to see in this sentence at all. " * 400  # ~16,000 characters
    publish("Long", body=filler + "Here at last is the word tribunal. " + filler)
    (hit,) = library_search.search("tribunal").hits
    assert "<mark>tribunal</mark>" in hit.snippet_html


def test_the_page_explains_a_prefix_too_short_to_search(client):
    response = client.get("/library/", {"q": "ab*"})
    assert response.status_code == 200
    assert "too short to search for words beginning with it" in response.content.decode()
