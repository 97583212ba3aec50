"""Matching mentors to participants.

A suggestion scores each mentor with room (fewer active mentees than their cap) by what they
share with the participant: each interest word in common, the same region, the same sector,
and overlapping availability words (weekday evenings, say). Staff make the match; either side
may ask for a change, which ends the match and tells staff to find another.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from core import audit
from programmes.models import Application, ApplicationStatus, Mentor, MentorMatch

STOP = {"and", "the", "of", "in", "for", "a", "to", "with", "on"}


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if w not in STOP and len(w) > 2}


@dataclass
class Suggestion:
    mentor: Mentor
    score: int
    reasons: list[str]


def with_room():
    """Mentors with fewer active mentees than their own cap."""
    return Mentor.objects.annotate(
        active=Count("matches", filter=Q(matches__ended_on__isnull=True))
    ).filter(active__lt=F("max_mentees"))


def suggest(participant: Application, limit: int = 5) -> list[Suggestion]:
    """The best mentors with room among those of the participant's programme's network."""
    found = []
    interests = words(participant.interests)
    availability = words(participant.availability)
    network = participant.cohort.programme.network_id
    for mentor in with_room().filter(network=network).select_related("user", "region"):
        reasons = []
        shared = sorted(interests & words(mentor.interests))
        if shared:
            reasons.append("Shared interests: " + ", ".join(shared))
        if participant.region_id and participant.region_id == mentor.region_id:
            reasons.append(f"Both in {mentor.region}")
        if participant.sector and participant.sector.casefold() == mentor.sector.casefold():
            reasons.append(f"Same sector: {mentor.sector}")
        times = sorted(availability & words(mentor.availability))
        if times:
            reasons.append("Both free: " + ", ".join(times))
        # Interests, region and sector weigh double: availability can be rearranged.
        score = 2 * (len(reasons) - bool(times) + len(shared) - bool(shared)) + len(times)
        found.append(Suggestion(mentor, score, reasons))
    found.sort(key=lambda s: (-s.score, str(s.mentor)))
    return found[:limit]


def current_match(participant: Application) -> MentorMatch | None:
    return participant.mentor_matches.filter(ended_on__isnull=True).select_related("mentor").first()


@transaction.atomic
def match(actor, mentor: Mentor, participant: Application) -> MentorMatch:
    mentor = Mentor.objects.select_for_update().get(pk=mentor.pk)
    if participant.status != ApplicationStatus.ACCEPTED:
        raise ValidationError("Only someone taking part in a cohort can have a mentor.")
    if current_match(participant):
        raise ValidationError(f"{participant.name} already has a mentor.")
    active = mentor.matches.filter(ended_on__isnull=True).count()
    if active >= mentor.max_mentees:
        raise ValidationError(
            f"{mentor} already mentors {active} people, their limit. Choose another mentor."
        )
    made = MentorMatch.objects.create(mentor=mentor, participant=participant)
    audit.record_change(actor, made, {})
    return made


def ask_for_change(actor, made: MentorMatch, side: str, reason: str) -> MentorMatch:
    """Either side ends the match; staff see the request and match again."""
    if side not in ("participant", "mentor"):
        raise ValidationError("Say who is asking for the change.")
    if made.ended_on is not None:
        raise ValidationError("This match has already ended.")
    before = audit.snapshot(made)
    made.ended_on = timezone.localdate()
    made.change_asked_by = side
    made.change_reason = reason.strip()[:1000]
    made.save()
    audit.record_change(actor, made, before)
    return made
