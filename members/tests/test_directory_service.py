"""The directory and coverage services: right counts, combined filters, fixed query counts,
and counts reused between requests only while nothing has changed."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections, transaction
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tests.lib.facets_reference import original_toggle_url
from members.models import Membership, MembershipStatus, Network, Organisation
from members.services import coverage, directory
from members.services.directory import (
    FLAG_FILTERS,
    TAG_FILTERS,
    DirectoryQuery,
    facet_counts,
    filtered_organisations,
    search_directory,
)
from members.tests.factories import NetworkFactory, OrganisationFactory
from members.tests.large_alliance import seed
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "theme=housing&region=london",
    "network=alliance-for-justice-reform&theme=housing",
    "type=charity&led=yes",
    "byandfor=no&part=prisons&q=prison",
    "population=women&led=no&type=grassroots&network=community-justice-network",
    "q=homes+leaving&region=london&byandfor=yes",
    "theme=housing&region=london&part=prisons&population=women&type=charity&led=yes&byandfor=no",
    "theme=no-such-theme&sort=-name",
]


@pytest.fixture
def alliance():
    """150 organisations tagged as the benchmark tags them, a few of them lapsed members."""
    seed(150, random_seed=7)


def _query(params: str) -> DirectoryQuery:
    return DirectoryQuery.from_params(
        QueryDict(params), list(Term.objects.all()), list(Network.objects.all())
    )


# --- A plain-Python reference: every organisation, tested one by one ----------------------


def _facts():
    facts = []
    organisations = Organisation.objects.prefetch_related(
        "memberships", *(field_name for field_name, _vocabulary in TAG_FILTERS.values())
    )
    for org in organisations:
        facts.append(
            {
                "pk": org.pk,
                "name": org.name,
                "text": f"{org.name}\n{org.description}".lower(),
                "networks": {m.network_id for m in org.memberships.all() if m.status == "active"},
                "tags": {
                    name: {term.pk for term in getattr(org, field_name).all()}
                    for name, (field_name, _vocabulary) in TAG_FILTERS.items()
                },
                "type": org.org_type,
                "flags": {name: getattr(org, field) for name, field in FLAG_FILTERS.items()},
            }
        )
    return facts


def _matches(fact, query: DirectoryQuery, skip: str = "") -> bool:
    if not fact["networks"]:
        return False
    if query.network and skip != "network" and query.network.pk not in fact["networks"]:
        return False
    if not all(word.lower() in fact["text"] for word in query.text.split()):
        return False
    if any(term.pk not in fact["tags"][name] for name, term in query.tags.items() if name != skip):
        return False
    if query.org_type and skip != "type" and fact["type"] != query.org_type:
        return False
    return all(fact["flags"][name] == value for name, value in query.flags.items() if name != skip)


def _reference_counts(query: DirectoryQuery) -> dict[str, dict]:
    facts = _facts()
    counts = {"network": Counter()}
    for fact in facts:
        if _matches(fact, query, skip="network"):
            counts["network"].update(fact["networks"])
    for name in TAG_FILTERS:
        counts[name] = Counter()
        for fact in facts:
            if _matches(fact, query, skip=name):
                counts[name].update(fact["tags"][name])
    counts["type"] = Counter(fact["type"] for fact in facts if _matches(fact, query, "type"))
    for name in FLAG_FILTERS:
        chosen = [fact["flags"][name] for fact in facts if _matches(fact, query, skip=name)]
        counts[name] = {"yes": chosen.count(True), "no": chosen.count(False)}
    return {name: dict(values) for name, values in counts.items()}


# --- Counts and filters --------------------------------------------------------------------


@pytest.mark.parametrize("params", QUERIES)
def test_facet_counts_match_counting_by_hand(alliance, params):
    query = _query(params)
    assert facet_counts(query) == _reference_counts(query)


@pytest.mark.parametrize("params", QUERIES)
def test_filters_combine(alliance, params):
    query = _query(params)
    expected = {fact["pk"] for fact in _facts() if _matches(fact, query)}

    assert set(filtered_organisations(query).values_list("pk", flat=True)) == expected
    assert filtered_organisations(query).count() == len(expected)  # nobody listed twice


@pytest.mark.parametrize("params", QUERIES)
def test_the_page_lists_the_matches_in_order(alliance, params):
    query = _query(params)
    result = search_directory(QueryDict(params + "&per_page=20"))
    matching = sorted(
        (fact for fact in _facts() if _matches(fact, query)),
        key=lambda fact: (fact["name"], fact["pk"]),
        reverse=query.sort == "-name",
    )

    assert result.page.paginator.count == len(matching)
    # (Seeded names are unique, so the tie-break on pk never decides.)
    assert [org.pk for org in result.page] == [fact["pk"] for fact in matching[:20]]
    for facet in result.facets:
        for option in facet.options:
            assert option["url"] == original_toggle_url(
                QueryDict(params + "&per_page=20"),
                facet.name,
                None if option["selected"] else option["value"],
            )


def test_facet_counts_skip_only_their_own_filter(alliance):
    """Choosing a theme narrows every other facet, but not the list of themes."""
    everything = facet_counts(_query(""))
    housing = facet_counts(_query("theme=housing"))

    assert housing["theme"] == everything["theme"]
    assert sum(housing["region"].values()) < sum(everything["region"].values())
    in_housing = filtered_organisations(_query("theme=housing")).count()
    assert housing["led"]["yes"] + housing["led"]["no"] == in_housing


def test_facet_counts_returns_a_copy_callers_may_change(alliance):
    query = _query("theme=housing")
    facet_counts(query)["theme"].clear()
    assert facet_counts(query) == _reference_counts(query)


# --- Queries -------------------------------------------------------------------------------


@pytest.mark.parametrize("params", ["", "theme=housing&region=london&led=no"])
def test_the_directory_query_count_does_not_depend_on_page_size(client, alliance, params):
    def queries(per_page):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{reverse('members:directory')}?{params}&per_page={per_page}")
        assert response.status_code == 200
        return len(captured.captured_queries)

    queries(10)  # warm up: sessions, content types and the like
    assert queries(10) == queries(100) <= 12


def test_the_coverage_map_query_count_is_fixed(client, alliance):
    client.get(reverse("members:coverage"))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("members:coverage")).status_code == 200
    assert len(captured.captured_queries) <= 8


def test_coverage_counts_distinct_organisations_per_pair(alliance):
    result = coverage.coverage_map(QueryDict(""))
    facts = [fact for fact in _facts() if fact["networks"]]

    assert result["member_count"] == len(facts)
    grid = result["themes_grid"]
    for row, cells in grid.lines:
        for column, cell in zip(grid.columns, cells, strict=True):
            expected = sum(
                1
                for fact in facts
                if row.pk in fact["tags"]["part"] and column.pk in fact["tags"]["theme"]
            )
            assert cell["count"] == expected
            assert cell["href"].endswith(f"?part={row.slug}&theme={column.slug}")
    for row in result["regions"]:
        assert row["count"] == sum(1 for fact in facts if row["term"].pk in fact["tags"]["region"])


# --- Reusing counts between requests ------------------------------------------------------


@pytest.fixture
def counted(monkeypatch):
    """How many times the directory and the map really counted."""
    calls = Counter()
    count, counts = directory._count, coverage._counts

    def counting_directory(query):
        calls["directory"] += 1
        return count(query)

    def counting_coverage(network):
        calls["coverage"] += 1
        return counts(network)

    monkeypatch.setattr(directory, "_count", counting_directory)
    monkeypatch.setattr(coverage, "_counts", counting_coverage)
    return calls


@pytest.mark.django_db(transaction=True)
def test_counts_are_reused_until_any_write_commits(committed_terms, counted):
    network = NetworkFactory(slug="jn")
    OrganisationFactory(name="Homes First", networks=[network], tags=["housing", "london"])
    OrganisationFactory(name="Court Watch", networks=[network], tags=["courts-and-sentencing"])
    housing = Term.objects.get(slug="housing")
    query = _query("theme=housing")

    def housing_count():
        return facet_counts(query)["theme"].get(housing.pk, 0)

    def coverage_members():
        return coverage.coverage_map(QueryDict(""))["member_count"]

    def listed():
        return [org.name for org in search_directory(QueryDict("theme=housing")).page]

    assert (housing_count(), coverage_members(), listed()) == (1, 2, ["Homes First"])
    _assert_reused(counted, housing_count, coverage_members, listed)

    # bulk_create sends no signal, and is still seen.
    court_watch = Organisation.objects.get(name="Court Watch")
    before = counted.copy()
    Organisation.themes.through.objects.bulk_create(
        [Organisation.themes.through(organisation_id=court_watch.pk, term_id=housing.pk)]
    )
    assert (housing_count(), coverage_members()) == (2, 2)
    assert counted - before == {"directory": 1, "coverage": 1}
    assert listed() == ["Court Watch", "Homes First"]

    # Nor does QuerySet.update().
    Membership.objects.filter(organisation=court_watch).update(status=MembershipStatus.LAPSED)
    assert (housing_count(), coverage_members(), listed()) == (1, 1, ["Homes First"])

    # A commit from another connection (another thread here; another server in real life).
    def elsewhere():
        try:
            Membership.objects.filter(organisation=court_watch).update(
                status=MembershipStatus.ACTIVE
            )
        finally:
            connections.close_all()

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    assert (housing_count(), coverage_members()) == (2, 2)

    # A write that is rolled back is never counted, and what was counted before still holds.
    with pytest.raises(RuntimeError), transaction.atomic():
        Organisation.objects.filter(pk=court_watch.pk).delete()
        assert housing_count() == 1  # inside the transaction: counted afresh, not kept
        raise RuntimeError("roll back")
    assert (housing_count(), coverage_members()) == (2, 2)


def _assert_reused(counted, *reads):
    """Reading again without a write in between counts nothing. (On a shared PostgreSQL
    server another database's commit also moves the snapshot, so allow a few tries.)"""
    for _attempt in range(20):
        before = counted.copy()
        for read in reads:
            read()
        if counted == before:
            return
    pytest.fail(f"counted again every time although nothing changed: {counted}")
