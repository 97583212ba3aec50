"""What the public and report pages show, gathered in one place so views stay thin."""

from django.urls import reverse

from core.lib.charts import Series, grouped_bar_chart, pattern_names
from plans.models import ActivityStatus, PlanStatus, Strategy
from plans.services import links, planning


def equality_reports() -> dict:
    """The Equality Impact Reports (the `equality` app's public report list): the index's
    address and each published report with its CSV and PDF, for the front door."""
    from equality.services.reports import published_list

    return {"url": reverse("equality:index"), "reports": published_list()}


def front_door(user) -> list[dict]:
    from plans.services.reports import readable_by

    readable = readable_by(user).select_related("plan__network").order_by("-plan__year", "-quarter")
    networks = []
    for strategy in Strategy.objects.select_related("network").prefetch_related("aims"):
        if any(n["network"] == strategy.network for n in networks):
            continue
        plan = planning.current_plan(strategy.network)
        networks.append({
            "network": strategy.network,
            "strategy": strategy,
            "plan": plan,
            "status_counts": status_counts(plan) if plan else [],
            "reports": [r for r in readable if r.plan.network_id == strategy.network_id],
        })  # fmt: skip
    return networks


def status_counts(plan) -> list[tuple[str, str, int]]:
    counts = dict.fromkeys(ActivityStatus.values, 0)
    for status in plan.activities.values_list("status", flat=True):
        counts[status] += 1
    return [(value, ActivityStatus(value).label, counts[value]) for value in ActivityStatus.values]


def plan_rows(plan) -> list[dict]:
    # The linked records come in one query per kind, not one per link.
    activities = plan.activities.select_related("objective__aim").prefetch_related(
        "links__content_type", "links__target"
    )
    return [
        {"activity": a, "links": [links.describe(link) for link in a.links.all()]}
        for a in activities
    ]


def published_plans(network):
    return network.action_plans.filter(status=PlanStatus.PUBLISHED).order_by("-year")


def indicator_chart(row: dict, chart_id: str, quarters: int):
    """One indicator's quarters against its baseline and target, as grouped bars."""
    categories = [f"Q{q}" for q in range(1, quarters + 1)]
    series = [Series("value", "Value"), Series("target", "Target")]
    values = {
        f"Q{q}": {"value": row["values"].get(str(q)), "target": row["target"]}
        for q in range(1, quarters + 1)
    }
    unit = {"percent": "%", "days": " days", "pounds": "£"}.get(row["unit"], "")
    figures = [row["values"].get(str(q)) for q in range(1, quarters + 1)]
    summary = "; ".join(
        f"Q{q}: {'no figure' if figure is None else figure}"
        for q, figure in enumerate(figures, start=1)
    ) + (f". Target {row['target']}." if row["target"] is not None else ".")
    svg = grouped_bar_chart(
        chart_id=chart_id, title=row["title"], summary=summary, categories=categories,
        series=series, values=values, unit=unit if unit != "£" else "", width=520, height=300,
    )  # fmt: skip
    return {"svg": svg, "patterns": pattern_names(series)}
