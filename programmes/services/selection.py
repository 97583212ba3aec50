"""The selection panel for a cohort, under the awards app's rules (awards.services): the same
make-up rules (quorum, a judge with lived experience, not all from one organisation), the same
conflict ties and recusal, the same score checks and the same weighted, normalised ranking.
Only the records differ: seats, conflicts and scores of applications to one cohort.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404

from awards.services import panels, ranking, scoring
from core import audit
from programmes.models import (
    Application,
    ApplicationStatus,
    Cohort,
    PanelConflict,
    PanelScore,
    PanelSeat,
)

SCOREABLE = (ApplicationStatus.RECEIVED, ApplicationStatus.WAITING)


def add_seat(actor, cohort: Cohort, judge, organisation=None, lived_experience=False):
    try:
        with transaction.atomic():
            seat = PanelSeat.objects.create(
                cohort=cohort, judge=judge, organisation=organisation,
                lived_experience=lived_experience,
            )  # fmt: skip
    except IntegrityError as error:
        raise ValidationError({"judge": "This person is already on the panel."}) from error
    audit.record_change(actor, seat, {})
    detect_conflicts(cohort)
    return seat


def detect_conflicts(cohort: Cohort) -> int:
    """Recuse each judge from applicants the records tie them to (awards' rule)."""
    created = 0
    for seat in cohort.panel.select_related("judge", "organisation"):
        known = set(
            PanelConflict.objects.filter(seat=seat).values_list("application_id", flat=True)
        )
        for application in cohort.applications.exclude(pk__in=known):
            reasons = panels.ties_to_candidate(seat, application.email, application.organisation_id)
            if reasons:
                conflict = PanelConflict.objects.create(
                    seat=seat, application=application, declared=False, reason=" ".join(reasons)
                )
                audit.record_change(None, conflict, {})
                created += 1
    return created


def declare(judge, seat: PanelSeat, application: Application, reason: str) -> PanelConflict:
    if seat.judge_id != judge.pk or application.cohort_id != seat.cohort_id:
        raise ValidationError("You are not on this application's panel.")
    if not reason.strip():
        raise ValidationError({"reason": "Say briefly what the interest is."})
    try:
        with transaction.atomic():
            conflict = PanelConflict.objects.create(
                seat=seat, application=application, reason=reason.strip()[:1000]
            )
    except IntegrityError as error:
        raise ValidationError("You have already declared an interest here.") from error
    audit.record_change(judge, conflict, {})
    return conflict


def seats_of(judge):
    return PanelSeat.objects.filter(judge=judge).select_related("cohort__programme")


def scoreable(seat: PanelSeat):
    recused = PanelConflict.objects.filter(seat=seat, recused=True).values("application_id")
    return (
        seat.cohort.applications.filter(status__in=SCOREABLE).exclude(pk__in=recused).order_by("pk")
    )


def application_for(judge, pk: int) -> tuple[PanelSeat, Application]:
    """The judge's seat and the application, or 404 when they may not see it: the same
    answer whether it does not exist, is another panel's or they are recused."""
    application = Application.objects.filter(pk=pk).select_related("cohort__programme").first()
    if application is None:
        raise Http404
    seat = PanelSeat.objects.filter(judge=judge, cohort_id=application.cohort_id).first()
    if seat is None or not scoreable(seat).filter(pk=pk).exists():
        raise Http404
    return seat, application


@transaction.atomic
def save_scores(judge, seat: PanelSeat, application: Application, values: dict) -> int:
    """`values` is {criterion pk: score or None}. All or nothing."""
    if not scoreable(seat).filter(pk=application.pk).exists():
        raise Http404
    programme = seat.cohort.programme
    scoring.check_scores(values, programme.criteria.all(), programme.score_max)
    saved = 0
    for criterion_pk, value in values.items():
        existing = PanelScore.objects.filter(
            seat=seat, application=application, criterion_id=criterion_pk
        ).first()
        before = audit.snapshot(existing)
        if value is None:
            if existing:
                existing.delete()
                audit.record_change(judge, existing, before, after={})
            continue
        score = existing or PanelScore(
            seat=seat, application=application, criterion_id=criterion_pk
        )
        score.value = value
        score.save()
        audit.record_change(judge, score, before)
        saved += 1
    return saved


def warnings(cohort: Cohort) -> list[str]:
    programme = cohort.programme
    seats = list(cohort.panel.all())
    found = panels.make_up_warnings(seats, programme.quorum, programme.needs_lived_experience_judge)
    recused = Counter(
        PanelConflict.objects.filter(seat__cohort=cohort, recused=True).values_list(
            "application_id", flat=True
        )
    )
    for application in cohort.applications.filter(pk__in=list(recused), status__in=SCOREABLE):
        warning = panels.recusal_warning(
            len(seats), recused[application.pk], application.name, programme.quorum
        )
        if warning:
            found.append(warning)
    return found


def ranked(cohort: Cohort) -> list:
    """The applications still to decide, best first, by awards' ranking maths. Each row is
    a ranking.Ranked with `.application` attached."""
    programme = cohort.programme
    applications = {a.pk: a for a in cohort.applications.filter(status__in=SCOREABLE)}
    weights = {c.pk: c.weight for c in programme.criteria.all()}
    recused = set(
        PanelConflict.objects.filter(seat__cohort=cohort, recused=True).values_list(
            "seat_id", "application_id"
        )
    )
    scores = [
        row
        for row in PanelScore.objects.filter(application__in=list(applications)).values_list(
            "seat_id", "application_id", "criterion_id", "value"
        )
        if (row[0], row[1]) not in recused
    ]
    rows = ranking.rank(applications, scores, weights, programme.normalise_scores, programme.quorum)
    for row in rows:
        row.application = applications[row.nomination_id]
    return rows
