"""Three published demo scenarios built from the alliance's own asks, each linked to the
demo recommendation it models (found by title). Safe to run again: an existing scenario
with the same slug is left alone."""

from django.utils import timezone

from systemmodel.models import Scenario

DEMO_SCENARIOS = (
    {
        "slug": "presumption-under-6-months",
        "title": "A presumption against prison sentences under 6 months",
        "description": "Courts avoid sentences under six months; seven in ten of the people "
        "who would have got one get a community order instead.",
        "levers": {"short_sentence_presumption": 6, "presumption_community_share": 0.7},
        "recommendation": "Legislate for a presumption against short prison sentences",
    },
    {
        "slug": "presumption-under-12-months",
        "title": "A presumption against prison sentences under 12 months",
        "description": "The same presumption, covering every sentence under twelve months.",
        "levers": {"short_sentence_presumption": 12, "presumption_community_share": 0.7},
        "recommendation": "A presumption against prison sentences of under twelve months",
    },
    {
        "slug": "diversion-for-drug-possession",
        "title": "Diversion for drug possession in every police force",
        "description": "Police divert people found with drugs for their own use to treatment "
        "rather than charging them. We assume this covers one in ten of the people charged "
        "and sent to the magistrates' court today.",
        "levers": {"diversion": 0.1},
        "recommendation": "Divert people found with drugs for personal use to treatment",
    },
)


def load_demo_scenarios() -> int:
    from influence.models import Recommendation

    created = 0
    for item in DEMO_SCENARIOS:
        scenario, made = Scenario.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "description": item["description"],
                "levers": item["levers"],
                "is_published": True,
                "published_at": timezone.now(),
            },
        )
        if made:
            created += 1
            scenario.recommendations.set(
                Recommendation.objects.filter(title=item["recommendation"])
            )
    return created
