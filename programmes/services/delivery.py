"""Running a cohort: attendance at its sessions and employer partners' offers."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core import audit
from programmes.models import ApplicationStatus, Attendance, PartnerOffer, ProgrammeSession


@transaction.atomic
def record_attendance(actor, session: ProgrammeSession, present_ids: set[int]) -> int:
    """Mark every participant of the cohort present or absent at once; returns how many
    marks changed. Ids of people not on the cohort are refused, and nothing is saved."""
    cohort = session.module.cohort
    participants = {a.pk: a for a in cohort.applications.filter(status=ApplicationStatus.ACCEPTED)}
    if not present_ids <= set(participants):
        raise ValidationError("Some of those people are not taking part in this cohort.")
    changed = 0
    for pk, participant in participants.items():
        mark = Attendance.objects.filter(session=session, participant=participant).first()
        before = audit.snapshot(mark)
        mark = mark or Attendance(session=session, participant=participant)
        mark.present = pk in present_ids
        mark.save()
        if audit.record_change(actor, mark, before):
            changed += 1
    return changed


def attendance_rate(participant) -> tuple[int, int]:
    """(sessions attended, sessions marked) for one participant."""
    marks = Attendance.objects.filter(participant=participant)
    return marks.filter(present=True).count(), marks.count()


def assign_offer(actor, offer: PartnerOffer, participant) -> PartnerOffer:
    if participant is not None and (
        participant.cohort_id != offer.cohort_id or participant.status != ApplicationStatus.ACCEPTED
    ):
        raise ValidationError("Only a participant of this cohort can take up its offers.")
    before = audit.snapshot(offer)
    offer.participant = participant
    offer.save()
    audit.record_change(actor, offer, before)
    return offer
