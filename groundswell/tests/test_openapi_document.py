"""The published OpenAPI document is valid, names each schema once, and tells the truth about
what every read endpoint answers (issue 11: two `RecommendationOut` schemas collided and one
silently replaced the other).

One demo load, one request per read endpoint (plus the list it takes a sample from), so this
stays well within CI's time.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from ninja.openapi.schema import OpenAPISchema
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_document

from core.models import ApiToken
from core.tests.factories import StaffFactory
from groundswell.api import api

pytestmark = pytest.mark.django_db

PREFIX = "/api/v1/"
PATH_PARAMETER = re.compile(r"\{(\w+)\}")
# Samples tried per endpoint at most, so the test stays bounded.
MAX_SAMPLES = 20


def build_document() -> dict:
    return api.get_openapi_schema(path_prefix=PREFIX)


def published_document(client) -> dict:
    response = client.get(f"{PREFIX}openapi.json")
    assert response.status_code == 200
    return response.json()


def test_no_two_schemas_share_a_name(monkeypatch):
    definitions: dict[str, list[dict]] = {}
    original = OpenAPISchema.add_schema_definitions

    def recording(self, found: dict) -> None:
        for name, definition in found.items():
            known = definitions.setdefault(name, [])
            if definition not in known:
                known.append(definition)
        original(self, found)

    monkeypatch.setattr(OpenAPISchema, "add_schema_definitions", recording)
    build_document()

    clashes = sorted(name for name, seen in definitions.items() if len(seen) > 1)
    assert clashes == [], f"one name, different schemas (the last one wins): {clashes}"


def test_the_document_is_valid_openapi(client):
    validate_document(published_document(client))


@pytest.fixture(scope="module")
def demo_rows(module_rows, tmp_path_factory):
    """The whole demo, loaded once, and a staff token for the staff-only reads."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with module_rows():
            call_command("load_demo", stdout=io.StringIO())
            _token, key = ApiToken.issue(StaffFactory(), "schema check")
        yield key


def read_operations(document: dict) -> list[tuple[str, dict]]:
    return [
        (path, operations["get"])
        for path, operations in document["paths"].items()
        if "get" in operations
    ]


def items_of(body):
    if isinstance(body, dict):
        return body.get("items") or body.get("results") or []
    return body


def sample_values(client, headers, path: str, name: str) -> list:
    """Real values for a path parameter, taken from the list one level up."""
    list_path = path[: path.index("{" + name + "}")].rstrip("/")
    items = items_of(client.get(list_path, headers=headers).json())
    assert items, f"{list_path} lists nothing to take a {name} from"
    for key in (name, "slug", "id", "pk"):
        if all(isinstance(item, dict) and key in item for item in items):
            return [item[key] for item in items]
    raise AssertionError(f"no {name} in the items of {list_path}: {sorted(items[0])}")


def first_answer(client, headers, path: str):
    """The URL and response of the first sample that has something to show (not every
    consultation has a published submission, say); the URL itself when it has no parameter."""
    match = PATH_PARAMETER.search(path)
    if not match:
        return path, client.get(path, headers=headers)
    assert len(PATH_PARAMETER.findall(path)) == 1, f"{path}: teach this test two parameters"
    for value in sample_values(client, headers, path, match.group(1))[:MAX_SAMPLES]:
        url = path.replace(match.group(0), str(value))
        response = client.get(url, headers=headers)
        if response.status_code == 200:
            break
    return url, response


def test_every_read_endpoint_answers_as_the_document_says(client, demo_rows):
    document = published_document(client)
    headers = {"Authorization": f"Bearer {demo_rows}"}
    checked = []
    for path, operation in read_operations(document):
        url, response = first_answer(client, headers, path)
        assert response.status_code == 200, f"GET {url}: {response.status_code}"
        answer = operation["responses"]["200"]
        assert "content" in answer, f"GET {path} does not document what it answers"
        documented = answer["content"]["application/json"]["schema"]
        validator = OAS31Validator({**documented, "components": document["components"]})
        problems = [error.message for error in validator.iter_errors(response.json())]
        assert problems == [], f"GET {url} does not match its schema: {problems[:3]}"
        checked.append(path)
    assert len(checked) >= 15
