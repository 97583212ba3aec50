"""Indicator values: measured ones computed for a quarter from the records as they stood at its
end; reported ones entered by staff with evidence. A value in another unit is refused."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from core.lib import uploads
from plans.models import Indicator, IndicatorKind, IndicatorValue, Unit
from plans.services import measures, periods

MAX_VALUE = Decimal("999999999999")


class ValueRefused(ValueError):
    pass


def period_for(indicator: Indicator, quarter: int) -> periods.Period:
    period = periods.quarter(indicator.plan.year, quarter)
    return periods.as_at(period, timezone.localdate())


def definition(indicator: Indicator) -> tuple[str, str]:
    """(what the figure is, how far back it can be trusted)."""
    if indicator.kind == IndicatorKind.MEASURED:
        measure = measures.get(indicator.measure)
        if measure is None:
            return ("This indicator's query is no longer available.", "")
        return (measure.definition, measure.history)
    return (indicator.definition, "Entered by staff each quarter, with evidence.")


def compute(indicator: Indicator, quarter: int) -> Decimal | None:
    if indicator.kind != IndicatorKind.MEASURED:
        raise ValueRefused("Only measured indicators are computed.")
    return measures.compute(
        indicator.measure, indicator.plan.network, period_for(indicator, quarter)
    )


def refresh(indicator: Indicator, quarter: int) -> IndicatorValue:
    """Compute and store a measured value, keeping any annotation already written."""
    value = compute(indicator, quarter)
    period = period_for(indicator, quarter)
    row, _ = IndicatorValue.objects.update_or_create(
        indicator=indicator, quarter=quarter,
        defaults={"value": value, "unit": indicator.unit, "as_at": period.end,
                  "computed_at": timezone.now()},
    )  # fmt: skip
    return row


def refresh_plan(plan, quarter: int) -> int:
    count = 0
    for indicator in plan.indicators.filter(kind=IndicatorKind.MEASURED):
        if measures.get(indicator.measure) is not None:
            refresh(indicator, quarter)
            count += 1
    return count


def parse_value(text: str, unit: str, indicator: Indicator) -> Decimal:
    """A figure as typed ('1,204', '37%', '£2,500', '12 days') checked against the unit."""
    if unit != indicator.unit:
        raise ValueRefused(
            f"This indicator is measured in {Unit(indicator.unit).label.lower()}, not "
            f"{Unit(unit).label.lower() if unit in Unit.values else 'that unit'}."
        )
    raw = text.strip().replace(",", "")
    suffixes = {"%": Unit.PERCENT, "£": Unit.POUNDS, "days": Unit.DAYS, "day": Unit.DAYS}
    for mark, mark_unit in suffixes.items():
        if mark in raw:
            if mark_unit != indicator.unit:
                raise ValueRefused(
                    f"“{text[:30]}” looks like {Unit(mark_unit).label.lower()}, but this "
                    f"indicator is in {Unit(indicator.unit).label.lower()}."
                )
            raw = raw.replace(mark, "").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueRefused(f"“{text[:30]}” is not a number.") from None
    if not value.is_finite() or abs(value) > MAX_VALUE:
        raise ValueRefused("That number is too large.")
    if value < 0:
        raise ValueRefused("Indicator values cannot be negative.")
    if indicator.unit == Unit.PERCENT and value > 100:
        raise ValueRefused("A percentage cannot be more than 100.")
    if indicator.unit == Unit.COUNT and value != value.to_integral_value():
        raise ValueRefused("A number of things is a whole number.")
    return value.quantize(Decimal("0.01"))


@dataclass
class Evidence:
    upload: object = None
    note: str = ""


def record_reported(actor, indicator: Indicator, quarter: int, value_text: str, unit: str,
                    evidence: Evidence) -> IndicatorValue:  # fmt: skip
    if indicator.kind != IndicatorKind.REPORTED:
        raise ValueRefused("This indicator is measured from the records; it cannot be typed in.")
    period = periods.quarter(indicator.plan.year, quarter)  # refuses quarter 5
    value = parse_value(value_text, unit, indicator)
    existing = IndicatorValue.objects.filter(indicator=indicator, quarter=quarter).first()
    if (
        evidence.upload is None
        and not evidence.note.strip()
        and not (existing and (existing.evidence or existing.evidence_note))
    ):
        raise ValueRefused("Attach the evidence or say where it is kept.")
    if evidence.upload is not None:
        try:
            uploads.check_document(evidence.upload)
        except uploads.UploadRefused as refused:
            raise ValueRefused(str(refused)) from None
    with transaction.atomic():
        row = existing or IndicatorValue(indicator=indicator, quarter=quarter)
        row.value, row.unit, row.as_at = value, unit, period.end
        row.entered_by = actor
        if evidence.note.strip():
            row.evidence_note = evidence.note.strip()
        if evidence.upload is not None:
            if row.evidence:
                row.evidence.delete(save=False)
            row.evidence_name = evidence.upload.name[:255]
            row.evidence.save(evidence.upload.name, evidence.upload, save=False)
        row.save()
    return row


def annotate(actor, row: IndicatorValue, text: str) -> IndicatorValue:
    if len(text) > 4000:
        raise ValueRefused("Keep the note under 4,000 characters.")
    row.annotation = text.strip()
    row.annotated_by = actor
    row.save(update_fields=["annotation", "annotated_by", "updated_at"])
    return row


def progress(indicator: Indicator, value: Decimal | None) -> str:
    """Words for how a value stands against the target."""
    if value is None or indicator.target is None:
        return "No target" if indicator.target is None else "No figure yet"
    met = value >= indicator.target if indicator.direction == "up" else value <= indicator.target
    return (
        "Target met" if met else "Below target" if indicator.direction == "up" else "Above target"
    )
