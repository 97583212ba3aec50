"""The model's parts of shared pages: a navigation entry, published scenarios in site search,
the "Modelled effect" on a recommendation's page, and the scenarios a person saved in the
personal-data registry."""

from django.db.models import Q
from django.urls import reverse

from core.registries import navigation, personal_data, record_sections, search
from core.registries.personal_data import DataSubject, PersonalDataSource

navigation.register(
    navigation.NavEntry(
        key="systemmodel",
        label="Whole-system model",
        url_name="systemmodel:scenario_page",
        group=navigation.TOOLS,
        order=60,
    )
)


def modelled_effect_context(request, recommendation) -> dict | None:
    """The published scenarios linked to this recommendation, each with its effect after
    three years; None (no section) when there are none."""
    from systemmodel.services.modelled_effect import effects_for_recommendation

    modelled = effects_for_recommendation(recommendation)
    return {"modelled": modelled} if modelled else None


record_sections.register(
    record_sections.RecordSection(
        key="systemmodel.modelled_effect",
        model="influence.Recommendation",
        template="systemmodel/_modelled_effect.html",
        context=modelled_effect_context,
        order=50,
    )
)


def search_scenarios(query: str, user, limit: int) -> search.KindResults:
    from systemmodel.models import Scenario

    words = query.split()
    matches = Scenario.objects.filter(is_published=True)
    for word in words:
        matches = matches.filter(Q(title__icontains=word) | Q(description__icontains=word))
    total = matches.count()
    hits = [
        search.SearchHit(
            title=scenario.title,
            url=scenario.get_absolute_url(),
            summary=scenario.description[:200],
            meta="Modelled scenario",
        )
        for scenario in matches[:limit]
    ]
    return search.KindResults(total=total, hits=hits)


search.register(
    search.SearchKind(
        key="model_scenarios",
        label="Modelled scenarios",
        search=search_scenarios,
        more_url=lambda query: reverse("systemmodel:scenarios"),
        order=90,
    )
)


def export_scenarios(subject: DataSubject) -> dict[str, list[dict]]:
    from systemmodel.models import Scenario

    if subject.user is None:
        return {}
    rows = [
        {
            "title": scenario.title,
            "levers": scenario.levers,
            "created": scenario.created_at.isoformat(),
            "published": scenario.is_published,
        }
        for scenario in Scenario.objects.filter(created_by=subject.user)
    ]
    return {"Saved model scenarios": rows} if rows else {}


def erase_scenarios(subject: DataSubject) -> int:
    """Unpublished scenarios go; published ones stay (they are the alliance's public work)
    without the person's name on them."""
    from systemmodel.models import Scenario

    if subject.user is None:
        return 0
    mine = Scenario.objects.filter(created_by=subject.user)
    deleted, _ = mine.filter(is_published=False).delete()
    return deleted + mine.update(created_by=None)


personal_data.register(
    PersonalDataSource(
        key="systemmodel.scenarios",
        description="Scenarios a person saved in the whole-system model, and who saved them.",
        models=("systemmodel.Scenario",),
        export=export_scenarios,
        erase=erase_scenarios,
    )
)
