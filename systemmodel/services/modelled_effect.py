"""What a recommendation's page shows as its "modelled effect": the published scenarios
linked to it, each with its effect on the prison population after three years.

The recommendation page shows it through core.registries.record_sections (registered in
systemmodel/registrations.py), so the influence app never imports this app."""

from dataclasses import dataclass

from systemmodel.services.effects import Effect, effect
from systemmodel.services.running import run_summary

EFFECT_YEARS = 3
EFFECT_MEASURES = ("prison_population", "proven_reoffences", "cost")


@dataclass(frozen=True)
class ModelledEffect:
    scenario: object  # systemmodel.models.Scenario
    effects: list[Effect]


def scenario_effects(scenario, years: int = EFFECT_YEARS) -> list[Effect]:
    summary = run_summary(scenario.all_levers, seed=scenario.seed)
    return [effect(summary, name, years) for name in EFFECT_MEASURES]


def effects_for_recommendation(recommendation) -> list[ModelledEffect]:
    scenarios = recommendation.modelled_scenarios.filter(is_published=True).order_by("title")
    return [ModelledEffect(scenario, scenario_effects(scenario)) for scenario in scenarios]
