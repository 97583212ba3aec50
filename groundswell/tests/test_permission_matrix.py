"""The permission matrix: every named URL, requested by every role, against permission_rules.

The URL conf is walked (through every include, the API and Django admin) at collection
time, so a view added without a rule turns up here as a failing "no rule" row.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from groundswell.tests.permission_rules import (
    ADMIN_LOGIN,
    DEFAULT_SAMPLE_FOR_ARGUMENT,
    LOGIN,
    NAMESPACE_RULES,
    ROLES,
    RULES,
    SAMPLES,
    UNNAMED_PATTERNS,
    app_rule_modules,
)
from library.models import ResourceStatus
from library.tests.factories import ResourceFactory
from members.models import ImportJob, MembershipApplication, OrganisationType
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for
from taxonomy.models import Term

RULES_FILE = "groundswell/tests/permission_rules.py"
BASE_DIR = Path(__file__).resolve().parents[2]

# The root conftest clears the database cache before every test, so all tests here need
# the database, even the ones that only read the URL conf.
pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Route:
    name: str | None
    route: str
    pattern: URLPattern
    namespace: str

    @property
    def arguments(self) -> list[str]:
        return sorted(self.pattern.pattern.regex.groupindex)


def walk(patterns, prefix: str = "", namespace: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        else:
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield Route(name, prefix + str(entry.pattern), entry, namespace)


ROUTES = list(walk(get_resolver().url_patterns))


def namespace_rule(route: Route):
    top = route.namespace.split(":")[0] if route.namespace else ""
    return NAMESPACE_RULES.get(top)


def named_routes() -> dict[str, Route]:
    """Each URL name once (Ninja gives one pattern per operation; names are unique)."""
    routes: dict[str, Route] = {}
    for route in ROUTES:
        if route.name and route.name not in routes:
            routes[route.name] = route
    return routes


NAMED = named_routes()


def matrix_params():
    for name, route in sorted(NAMED.items()):
        if namespace_rule(route) is not None:
            continue
        rule = RULES.get(name)
        if rule is None:
            yield pytest.param(name, None, None, id=f"{name}-NO-RULE")
            continue
        for case in rule.cases:
            for role in ROLES:
                yield pytest.param(name, case, role, id=f"{name}[{case.label}]-{role}")
    for namespace, ns_rule in sorted(NAMESPACE_RULES.items()):
        for name, cases in sorted(ns_rule.representatives.items()):
            for case in cases:
                for role in ROLES:
                    yield pytest.param(
                        name, case, role, id=f"{namespace}/{name}[{case.label}]-{role}"
                    )


@dataclass
class World:
    users: dict
    samples: dict[str, str]


def dictionary_term_slug() -> str:
    from glossary.models import DictionaryTerm
    from glossary.services.dictionary import ensure_dictionary_loaded

    ensure_dictionary_loaded()
    return DictionaryTerm.objects.order_by("slug").values_list("slug", flat=True).first()


def recommendation_samples(staff) -> dict[str, str]:
    """A published and an unpublished recommendation, each with a timeline entry carrying a
    document (stored under the test's MEDIA_ROOT), and the published one's target body."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from influence.models import Status
    from influence.services.status import record_status_change
    from influence.tests.factories import RecommendationFactory, TargetBodyFactory

    body = TargetBodyFactory(name="Ministry of Justice", slug="ministry-of-justice")
    published = RecommendationFactory(targets=[body], published=True)
    draft = RecommendationFactory(targets=[body])
    entries = {
        name: record_status_change(
            staff,
            recommendation,
            body,
            Status.RAISED,
            datetime.date(2024, 5, 1),
            evidence_file=SimpleUploadedFile("reply.pdf", b"%PDF-1.4 a reply"),
        )
        for name, recommendation in (("evidence_entry", published), ("draft_evidence_entry", draft))
    }
    return {
        "recommendation": published.slug,
        "draft_recommendation": draft.slug,
        "target_body": body.slug,
        **{name: str(entry.pk) for name, entry in entries.items()},
    }


@pytest.fixture(scope="module")
def world_rows(module_rows, tmp_path_factory):
    """Built once: every test only GETs a URL, and its own writes (sessions) roll back."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with module_rows():
            world = build_world()
        yield world


@pytest.fixture
def world(db, world_rows):
    """The shared rows, with user objects of the test's own (signing in updates them)."""
    users = {
        role: user and type(user).objects.get(pk=user.pk) for role, user in world_rows.users.items()
    }
    return World(users=users, samples=world_rows.samples)


def build_world() -> World:
    network_n = NetworkFactory(name="Criminal Justice Network", slug="cjn")
    network_m = NetworkFactory(name="Youth Justice Network", slug="yjn")
    org_a = OrganisationFactory(name="Open Doors Housing", networks=[network_n])
    org_b = OrganisationFactory(name="Second Chances Youth", networks=[network_m])
    member = UserFactory(name="Mina Member")
    member_contact_for(org_a, member)
    staff = StaffFactory(name="Sam Staff")
    network_n.staff.add(staff)
    application = MembershipApplication.objects.create(
        organisation_name="New Leaf Mentoring",
        org_type=OrganisationType.GRASSROOTS,
        description="Peer mentoring for young adults leaving custody.",
        contact_name="Ada Applicant",
        contact_email="ada@newleaf.example.org",
        consent_text="You may keep these details to process the application.",
    )
    application.networks.add(network_n)
    import_job = ImportJob.objects.create(
        filename="members.csv", content="name\nNew Org\n", created_by=staff, total_rows=1
    )
    samples = {
        "org_a": org_a.slug,
        "org_b": org_b.slug,
        "unknown_slug": "no-such-organisation",
        "term": Term.objects.themes().first().slug,
        "network": network_n.slug,
        "application": str(application.pk),
        "import_job": str(import_job.pk),
        "reset_uid": "MTIzNDU2Nzg",
        "reset_token": "not-a-valid-token",
        "dictionary_term": dictionary_term_slug(),
        "resource": ResourceFactory(status=ResourceStatus.PUBLISHED).slug,
        "draft_resource": ResourceFactory(status=ResourceStatus.DRAFT).slug,
        **recommendation_samples(staff),
    }
    users = {
        "anonymous": None,
        "member": member,
        "judge": JudgeFactory(name="Jo Judge"),
        "staff": staff,
        "admin": AdminFactory(name="Ali Admin"),
    }
    context = {
        "network_n": network_n,
        "network_m": network_m,
        "org_a": org_a,
        "org_b": org_b,
        "users": users,
    }
    for module in app_rule_modules():
        samples.update(module.build_samples(context))
    assert set(samples) == set(SAMPLES), "every sample in permission_rules.SAMPLES is built"
    return World(users=users, samples=samples)


def url_for(name: str, case, world: World) -> str:
    route = NAMED[name]
    kwargs = {}
    for argument in route.arguments:
        sample = case.samples.get(argument) or DEFAULT_SAMPLE_FOR_ARGUMENT.get(argument)
        if sample is None:
            pytest.fail(
                f"URL {name!r} ({route.route}) takes {argument!r} but no sample value is "
                f"named: add `{argument}=...` to its case in {RULES_FILE}, or a default in "
                "DEFAULT_SAMPLE_FOR_ARGUMENT."
            )
        kwargs[argument] = world.samples[sample]
    return reverse(name, kwargs=kwargs)


def outcome(response) -> str:
    """The response as the rule table spells it."""
    if response.status_code in (301, 302):
        target = urlsplit(response["Location"]).path
        if target == resolve_url(settings.LOGIN_URL):
            return LOGIN
        if target == reverse("admin:login"):
            return ADMIN_LOGIN
        return f"{response.status_code} to {target}"
    return str(response.status_code)


def test_every_named_url_has_a_rule():
    missing = [
        f"{name} (/{route.route})"
        for name, route in sorted(NAMED.items())
        if name not in RULES and namespace_rule(route) is None
    ]
    assert not missing, f"URL names without a rule in {RULES_FILE}: " + ", ".join(missing)


def test_every_url_outside_rule_namespaces_has_a_name():
    """An unnamed pattern could never get a rule, so it is refused too."""
    unnamed = [
        f"/{route.route}"
        for route in ROUTES
        if not route.name and namespace_rule(route) is None and route.route not in UNNAMED_PATTERNS
    ]
    assert not unnamed, "Give these URL patterns a name and a rule: " + ", ".join(unnamed)


def test_rules_name_only_urls_that_exist():
    stale = sorted(set(RULES) - set(NAMED))
    for ns_rule in NAMESPACE_RULES.values():
        stale += sorted(set(ns_rule.representatives) - set(NAMED))
    assert not stale, f"Rules in {RULES_FILE} for URL names that no longer exist: {stale}"


def operation_methods(route: Route) -> set[str] | None:
    """The HTTP methods of the Django Ninja operation behind `route`, or None if the
    route is not a Ninja operation."""
    from ninja.operation import PathView

    path_view = None
    callback = route.pattern.callback
    while callback is not None and path_view is None:
        cells = getattr(callback, "__closure__", None) or ()
        path_view = next(
            (c.cell_contents for c in cells if isinstance(c.cell_contents, PathView)), None
        )
        callback = getattr(callback, "__wrapped__", None)  # through functools.wraps layers
    if path_view is None:
        return None
    short_name = route.name.rsplit(":", 1)[-1]
    methods: set[str] = set()
    for operation in path_view.operations:
        names = {getattr(operation, "url_name", None), operation.view_func.__name__}
        if short_name in names or any(n and short_name.endswith(f"_{n}") for n in names):
            methods.update(m.upper() for m in operation.methods)
    return methods or None


@pytest.mark.parametrize(
    "url_name", sorted(name for name, rule in RULES.items() if rule.write_only and name in NAMED)
)
def test_write_only_api_rules_declare_the_routes_methods(url_name):
    rule = RULES[url_name]
    assert rule.covered_in, f"{url_name}: say which test file covers this write-only route"
    assert (BASE_DIR / rule.covered_in).is_file(), f"{url_name}: {rule.covered_in} is missing"
    methods = operation_methods(NAMED[url_name])
    assert methods == set(rule.write_only), (
        f"{url_name}: the rule says {sorted(rule.write_only)}, the route accepts {methods}"
    )


@pytest.mark.parametrize(
    "url_name",
    sorted(
        name
        for name, rule in RULES.items()
        if rule.cases and name in NAMED and operation_methods(NAMED[name]) is not None
    ),
)
def test_api_routes_read_by_the_matrix_accept_get(url_name):
    """A GET rule on an API name that only writes would quietly test a sibling operation
    sharing the same path; such a route needs a write_only rule instead."""
    assert "GET" in operation_methods(NAMED[url_name])


# Last: the tests above need no rows, and these share one world (module_rows).
@pytest.mark.parametrize(("url_name", "case", "role"), list(matrix_params()))
def test_get_as_each_role_matches_the_rule(url_name, case, role, world):
    if case is None:
        route = NAMED[url_name]
        pytest.fail(
            f"URL name {url_name!r} (/{route.route}) lacks a rule in {RULES_FILE}: "
            "add one saying what anonymous, member, judge, staff and admin get."
        )
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    url = url_for(url_name, case, world)
    expected = getattr(case.expect, role)
    actual = outcome(client.get(url))
    assert actual == expected, (
        f"GET {url} ({url_name}, {case.label}) as {role}: expected {expected}, got {actual}"
    )
