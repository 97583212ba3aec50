"""Demo recommendations for `manage.py load_demo`, from influence/data/recommendations.json.

The recommendations were written for the demonstration. Target bodies are created if
missing; sources and evidence are looked up by title among the demo library resources, and
networks and tags by slug (anything missing is skipped rather than invented). Timelines go
through the same rules as staff entries. Recommendations load only into an empty tracker,
so running the demo again changes nothing.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from influence.models import InfluenceActivity, Recommendation, TargetBody
from influence.services import recommendations
from influence.services import status as status_changes
from library.models import Resource
from members.models import Network
from taxonomy.models import Term

DATA_FILE = Path(__file__).resolve().parent / "data" / "recommendations.json"
TAG_FIELDS = ("parts", "themes", "populations", "places")
ACTIVITY_KINDS = (
    ("letter", InfluenceActivity.Kind.LETTER),
    ("meeting", InfluenceActivity.Kind.MEETING),
    ("briefing", InfluenceActivity.Kind.BRIEFING),
    ("evidence", InfluenceActivity.Kind.CONSULTATION),
    ("response", InfluenceActivity.Kind.CONSULTATION),
    ("submission", InfluenceActivity.Kind.CONSULTATION),
    ("fringe", InfluenceActivity.Kind.EVENT),
)


def demo_data() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def ensure_targets(entries) -> dict[str, TargetBody]:
    bodies = {}
    for entry in entries:
        body, _created = TargetBody.objects.get_or_create(
            name=entry["name"],
            defaults={
                "slug": slugify(entry["name"])[:200],
                "kind": entry["kind"],
                "website": entry.get("website", ""),
            },
        )
        bodies[body.name] = body
    return bodies


def _activity_kind(note: str):
    lowered = note.lower()
    for word, kind in ACTIVITY_KINDS:
        if word in lowered:
            return kind
    return None


@transaction.atomic
def load_demo_recommendations() -> int:
    """Load the demo recommendations into an empty tracker; return how many were created."""
    data = demo_data()
    bodies = ensure_targets(data["targets"])
    if Recommendation.objects.exists():
        return 0
    resources = {r.title: r for r in Resource.objects.prefetch_related("author_organisations")}
    networks = {n.slug: n for n in Network.objects.all()}
    terms = {(t.vocabulary, t.slug): t for t in Term.objects.all()}
    terms_by_slug = {slug: term for (_vocabulary, slug), term in terms.items()}
    created: dict[str, Recommendation] = {}
    entries = data["recommendations"]
    for entry in entries:
        sources = [resources[t] for t in entry["sources"] if t in resources]
        recommendation = recommendations.create_recommendation(
            None,
            slug=entry["slug"],
            title=entry["title"],
            text=entry["text"],
            rationale=entry["rationale"],
            first_made_on=datetime.date.fromisoformat(entry["first_made_on"]),
            targets=[bodies[name] for name in entry["targets"]],
            networks=[networks[s] for s in entry["networks"] if s in networks],
            sources=sources,
            **{
                field: [terms_by_slug[s] for s in entry[field] if s in terms_by_slug]
                for field in TAG_FIELDS
            },
        )
        for item in entry["evidence"]:
            if item["resource"] in resources:
                recommendations.add_evidence(
                    None, recommendation, resources[item["resource"]], item["page"], item["quote"]
                )
        organisations = {o for s in sources for o in s.author_organisations.all()}
        for step in entry["timeline"]:
            happened_on = datetime.date.fromisoformat(step["happened_on"])
            target = bodies[step["target"]]
            status_changes.record_status_change(
                None,
                recommendation,
                target,
                step["status"],
                happened_on,
                note=step["note"],
                evidence_url=step.get("evidence_url") or None,
            )
            kind = _activity_kind(step["note"])
            if step["status"] == "raised" and kind is not None:
                activity = InfluenceActivity.objects.create(
                    kind=kind,
                    happened_on=happened_on,
                    title=f"{step['note'].rstrip('.')}: {recommendation.title}"[:200],
                )
                activity.recommendations.add(recommendation)
                activity.targets.add(target)
                activity.organisations.add(*organisations)
        created[entry["slug"]] = recommendation
    for entry in entries:
        recommendation = created[entry["slug"]]
        if entry.get("repeats") in created:
            recommendations.link_repeat(None, recommendation, created[entry["repeats"]])
        for slug in entry.get("related", []):
            if slug in created:
                recommendation.related.add(created[slug])
    for entry in entries:
        recommendation = created[entry["slug"]]
        if not entry.get("merge_into") and not recommendations.publish_problems(recommendation):
            recommendations.publish(None, recommendation)
    for entry in entries:
        if entry.get("merge_into") in created:
            keep = Recommendation.objects.get(pk=created[entry["merge_into"]].pk)
            duplicate = Recommendation.objects.get(pk=created[entry["slug"]].pk)
            recommendations.merge_recommendations(None, keep, duplicate)
    return len(created)
