"""Quarterly updates and the annual impact report, drafted from the period's records.

Drafting fills `content` with what the records say (activities' status changes and plan
changes, each indicator against its target, highlights from every app through the
what-changed registry). Staff then write the summary and the learning, edit the highlights
and publish. Publishing freezes the figures: the page shows `content`, never a live query.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.registries import changes
from plans.models import ActivityStatus, Audience, IndicatorKind, PlanStatus, Report
from plans.services import indicators, measures, periods, planning

HIGHLIGHTS_PER_GROUP = 8


class ReportRefused(ValueError):
    pass


def period_of(report: Report) -> periods.Period:
    if report.is_annual:
        return periods.whole_year(report.plan.year)
    return periods.quarter(report.plan.year, report.quarter)


def _number(value):
    return None if value is None else float(value)


def indicator_rows(plan, upto_quarter: int, *, recompute: bool = True) -> list[dict]:
    """Each indicator with its values for quarters 1..upto_quarter. Measured values are
    computed from the records (and stored) so the update and the indicator pages agree."""
    today = timezone.localdate()
    rows = []
    # One query for every stored value, not one per indicator.
    for indicator in plan.indicators.select_related("objective").prefetch_related("values"):
        values = {}
        stored = {v.quarter: v for v in indicator.values.all()}
        for q in range(1, upto_quarter + 1):
            if periods.quarter(plan.year, q).start > today:
                break
            row = stored.get(q)
            if (
                recompute
                and indicator.kind == IndicatorKind.MEASURED
                and measures.get(indicator.measure) is not None
            ):
                row = indicators.refresh(indicator, q)
            values[q] = row
        latest = next(
            (values[q] for q in sorted(values, reverse=True)
             if values[q] and values[q].value is not None),
            None,
        )  # fmt: skip
        what, history = indicators.definition(indicator)
        rows.append({
            "id": indicator.pk,
            "title": indicator.title,
            "kind": indicator.get_kind_display(),
            "unit": indicator.unit,
            "unit_label": indicator.get_unit_display(),
            "baseline": _number(indicator.baseline),
            "target": _number(indicator.target),
            "values": {str(q): _number(v.value) if v else None for q, v in values.items()},
            "notes": {str(q): v.annotation for q, v in values.items() if v and v.annotation},
            "latest": _number(latest.value) if latest else None,
            "progress": indicators.progress(indicator, latest.value if latest else None),
            "definition": what,
            "history": history,
        })  # fmt: skip
    return rows


def _status_counts(plan, period) -> dict[str, int]:
    statuses = planning.status_as_at(plan, period)
    counts = {label: 0 for _, label in ActivityStatus.choices}
    for value in statuses.values():
        counts[ActivityStatus(value).label] += 1
    return counts


def _changes(plan, period) -> tuple[list[dict], list[dict]]:
    moves, edits = [], []
    for change in planning.changes_in(plan, period):
        row = {
            "activity": change.activity.title,
            "field": change.field,
            "old": change.old_value,
            "new": change.new_value,
            "reason": change.reason,
            "on": change.changed_at.date().isoformat(),
        }
        (moves if change.field == "status" else edits).append(row)
    return moves, edits


def _highlights(plan, period) -> list[dict]:
    until = period.end + datetime.timedelta(days=1)
    groups = changes.collect_grouped(period.start, until, networks={plan.network_id})
    drafted = []
    for group in groups:
        items = [item for item in group.items if not item.upcoming][:HIGHLIGHTS_PER_GROUP]
        if items:
            drafted.append({
                "label": group.provider.label,
                "items": [{"title": i.title, "summary": i.summary, "url": i.url,
                           "when": i.when.isoformat(), "public": i.public} for i in items],
            })  # fmt: skip
    return drafted


def draft_content(report: Report) -> dict:
    plan = report.plan
    period = period_of(report)
    cut = periods.as_at(period, timezone.localdate())
    moves, edits = _changes(plan, cut)
    return {
        "period": period.label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "drafted_to": cut.end.isoformat(),
        "status_counts": _status_counts(plan, cut),
        "status_changes": moves,
        "plan_changes": edits,
        "versions": [
            {"number": v.number, "reason": v.reason, "on": v.created_at.date().isoformat()}
            for v in plan.versions.filter(
                number__gt=1, created_at__gte=cut.start_moment, created_at__lte=cut.end_moment
            )
        ],
        "indicators": indicator_rows(plan, 4 if report.is_annual else report.quarter),
        "highlights": _highlights(plan, cut),
        "quarters": [
            {"quarter": r.quarter, "title": r.title, "url": r.get_absolute_url()}
            for r in plan.reports.filter(quarter__isnull=False, status=PlanStatus.PUBLISHED)
        ] if report.is_annual else [],
    }  # fmt: skip


def default_title(plan, quarter: int | None) -> str:
    if quarter is None:
        return f"{plan.network.label} annual impact report {plan.year_label}"
    return f"{plan.network.label} progress update: {periods.quarter(plan.year, quarter).label}"


def draft(actor, plan, quarter: int | None) -> Report:
    """Create (or redraft, if still a draft) the update for a quarter, or the annual report
    when `quarter` is None. A quarter outside 1–4 is refused."""
    if quarter is not None:
        periods.quarter(plan.year, quarter)
    report = (
        plan.reports.filter(quarter=quarter).first()
        if quarter
        else (plan.reports.filter(quarter__isnull=True).first())
    )
    if report and report.is_published:
        raise ReportRefused("This report is published; its figures are kept as they were.")
    with transaction.atomic():
        report = report or Report(plan=plan, quarter=quarter, title=default_title(plan, quarter))
        report.content = draft_content(report)
        report.drafted_at = timezone.now()
        if quarter is None and not report.summary:
            report.summary = _rolled_up_summary(plan)
        report.save()
    return report


def _rolled_up_summary(plan) -> str:
    parts = [r.summary for r in plan.reports.filter(quarter__isnull=False).order_by("quarter")
             if r.summary]  # fmt: skip
    return "\n\n".join(parts)


def publish(actor, report: Report, audience: str) -> Report:
    if audience not in Audience.values:
        raise ReportRefused("Choose who may read it: members or everyone.")
    if not report.content:
        raise ReportRefused("Draft the report from the records before publishing it.")
    report.status = PlanStatus.PUBLISHED
    report.audience = audience
    report.published_at = timezone.now()
    report.save(update_fields=["status", "audience", "published_at"])
    return report


def unpublish(actor, report: Report) -> Report:
    report.status = PlanStatus.DRAFT
    report.save(update_fields=["status"])
    return report


def readable_by(user):
    """Published reports this person may read: public ones, and members-only ones for anyone
    signed in who is a member contact or staff."""
    from core.registries.home import MEMBER, STAFF, audiences_of

    published = Report.objects.filter(status=PlanStatus.PUBLISHED)
    if audiences_of(user) & {MEMBER, STAFF}:
        return published
    return published.filter(audience=Audience.PUBLIC)


def page_context(report: Report) -> dict:
    """What the report page (and its PDF) shows: the frozen content, with charts."""
    from plans.services.pages import indicator_chart

    content = report.content or {}
    quarters = 4 if report.is_annual else report.quarter
    rows = content.get("indicators", [])
    charted = [
        {**row, "chart": indicator_chart(row, f"indicator-{row['id']}", quarters)} for row in rows
    ]
    return {
        "report": report,
        "plan": report.plan,
        "content": content,
        "quarters": list(range(1, quarters + 1)),
        "indicators": charted,
    }


def publish_to_library(actor, report: Report):
    """The annual report as a library resource (a published report of the network), made
    through the library's own form and service so its rules and search indexing apply."""
    from django.template.loader import render_to_string

    from library.models import ResourceKind, ResourceStatus
    from library.services import save_resource_from_data

    if not report.is_annual or not report.is_published or report.audience != Audience.PUBLIC:
        raise ReportRefused("Only an annual report published to everyone goes to the library.")
    body = render_to_string("plans/report_library.md", page_context(report))
    data = {
        "title": report.title,
        "kind": ResourceKind.REPORT,
        "status": ResourceStatus.PUBLISHED,
        "summary": (report.summary or "")[:2000],
        "body": body,
        "published_on": (report.published_at or timezone.now()).date().isoformat(),
        "networks": [report.plan.network_id],
    }
    try:
        resource = save_resource_from_data(actor, data, instance=report.library_resource)
    except ValidationError as refused:
        raise ReportRefused(
            "The library refused the report: " + "; ".join(refused.messages)
        ) from refused
    report.library_resource = resource
    report.save(update_fields=["library_resource"])
    return resource
