"""Demo library resources for `manage.py load_demo`, from library/data/resources.json.

The texts were written for the demonstration. The author organisations are looked up by
name among the demo members; a name that is not there is skipped rather than invented.
Resources load only into an empty library, so running the demo again changes nothing.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction

from library import services
from library.demo_files import attach_demo_files
from library.models import Resource, ResourceStatus
from library.signals import resource_changed
from members.models import Network, Organisation
from taxonomy.models import Term

DATA_FILE = Path(__file__).resolve().parent / "data" / "resources.json"
TAG_FIELDS = ("parts", "themes", "populations", "places")


def demo_resources() -> list[dict]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["resources"]


@transaction.atomic
def load_demo_resources() -> int:
    """Load the demo resources into an empty library; return how many were created."""
    if Resource.objects.exists():
        return 0
    organisations = {o.name: o for o in Organisation.objects.all()}
    networks = {n.slug: n for n in Network.objects.all()}
    terms = {t.slug: t for t in Term.objects.all()}
    created: dict[str, Resource] = {}
    entries = demo_resources()
    for entry in entries:
        resource = Resource.objects.create(
            title=entry["title"],
            slug=services.unique_slug(entry["title"]),
            kind=entry["kind"],
            summary=entry["summary"],
            body=entry["body"],
            published_on=datetime.date.fromisoformat(entry["published_on"]),
            licence=entry.get("licence", ""),
            external_url=entry.get("external_url", ""),
            status=ResourceStatus.PUBLISHED,
        )
        resource.author_organisations.set(
            [organisations[name] for name in entry["authors"] if name in organisations]
        )
        resource.co_produced_with.set(
            [organisations[name] for name in entry["co_produced_with"] if name in organisations]
        )
        resource.networks.set([networks[s] for s in entry["networks"] if s in networks])
        for field in TAG_FIELDS:
            getattr(resource, field).set([terms[s] for s in entry[field] if s in terms])
        created[resource.title] = resource
    for entry in entries:
        resource = created[entry["title"]]
        resource.related.add(*[created[t] for t in entry["related"] if t in created])
    attach_demo_files(list(created.values()))
    for resource in created.values():
        resource_changed.send(sender=Resource, resource=resource)
    return len(created)
