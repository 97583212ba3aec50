"""Judging panels: who sits on them, whether a panel keeps its rules, and conflicts.

A panel's rules: at least `quorum` judges able to score every nomination once recusals are
taken out, at least one judge with lived experience when the category asks for it, and not
every judge from one organisation. `warnings(category)` says in words what is broken.

Conflicts are declared by the judge or detected from the shared records: the nominee is the
judge's own organisation (or one they are affiliated with), someone from the judge's
organisation nominated it (by the organisation they gave, or their own affiliations when they
were signed in), the nominee runs a network the judge's organisation belongs to, the nominee
wrote or co-produced a published library resource with the judge's organisation or with the
judge, or the nominee is the judge. Detection runs when a judge joins the panel, when a
nomination is ruled eligible, and whenever staff ask. A conflict recuses the judge from that
one nomination until staff override it with a reason. Every declaration, detection, recusal
and override is audited.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from awards.models import Category, Conflict, Nomination, NominationStatus, PanelMember
from awards.services.nominating import ACTIVE, normalised
from core import audit


def judge_organisations(member: PanelMember) -> list:
    """The organisations a judge is tied to: the panel's record and their own affiliations."""
    found = [member.organisation] if member.organisation_id else []
    person = getattr(member.judge, "person", None)
    if person is not None:
        found += [o for o in person.organisations.all() if o not in found]
    return found


def _network_hosts(organisations) -> dict[int, str]:
    """{host organisation pk: network name} for networks these organisations belong to."""
    from members.models import Membership

    hosts = {}
    for membership in Membership.objects.filter(
        organisation__in=organisations, status="active", network__organisation__isnull=False
    ).select_related("network"):
        hosts[membership.network.organisation_id] = membership.network.name
    return hosts


@dataclass(frozen=True)
class CoAuthored:
    """A published library resource a nominee wrote with others."""

    title: str
    organisations: frozenset[int]
    people: frozenset[int]


def co_authorships(nominations) -> dict[int, list[CoAuthored]]:
    """{nominee organisation pk: the published library resources it wrote or co-produced,
    with everyone who did}, for the directory organisations among `nominations`."""
    from library.models import Resource, ResourceStatus

    nominees = {n.organisation_id for n in nominations if n.organisation_id}
    if not nominees:
        return {}
    authors = Resource.author_organisations.through
    co_producers = Resource.co_produced_with.through
    published = Resource.objects.filter(status=ResourceStatus.PUBLISHED).values("pk")
    resource_ids = set()
    for through in (authors, co_producers):
        resource_ids |= set(
            through.objects.filter(organisation_id__in=nominees, resource_id__in=published)
            .values_list("resource_id", flat=True)
        )  # fmt: skip
    organisations, people = defaultdict(set), defaultdict(set)
    for through in (authors, co_producers):
        for resource_id, organisation_id in through.objects.filter(
            resource_id__in=resource_ids
        ).values_list("resource_id", "organisation_id"):
            organisations[resource_id].add(organisation_id)
    for resource_id, person_id in Resource.author_people.through.objects.filter(
        resource_id__in=resource_ids
    ).values_list("resource_id", "person_id"):
        people[resource_id].add(person_id)
    found = defaultdict(list)
    for resource_id, title in Resource.objects.filter(pk__in=resource_ids).values_list(
        "pk", "title"
    ):
        work = CoAuthored(
            title, frozenset(organisations[resource_id]), frozenset(people[resource_id])
        )
        for nominee in work.organisations & nominees:
            found[nominee].append(work)
    return found


def _nominator_organisations(nominator) -> set[int]:
    """The directory organisations a signed-in nominator is affiliated with."""
    person = getattr(nominator.user, "person", None) if nominator.user_id else None
    return {o.pk for o in person.organisations.all()} if person is not None else set()


def reasons_for(
    member: PanelMember, nomination: Nomination, organisations, hosts, co_authors=None
) -> list[str]:
    """Why the records tie this judge to this nomination, in words (empty when nothing
    does). `co_authors` is `co_authorships` of the nominations being checked."""
    reasons = []
    judge = member.judge
    for organisation in organisations:
        if nomination.organisation_id == organisation.pk or (
            normalised(nomination.nominee_name) == normalised(organisation.name)
        ):
            reasons.append(f"The nominee is the judge's organisation, {organisation.name}.")
        for nominator in nomination.nominators.all():
            if normalised(nominator.organisation_name) == normalised(
                organisation.name
            ) or organisation.pk in _nominator_organisations(nominator):
                # No nominator's name: the judge reads this, and blind judging hides them.
                reasons.append(f"Someone at {organisation.name} nominated it.")
    if nomination.organisation_id in hosts:
        reasons.append(
            f"The nominee runs {hosts[nomination.organisation_id]}, which the judge's "
            "organisation belongs to."
        )
    person = getattr(judge, "person", None)
    for work in (co_authors or {}).get(nomination.organisation_id, ()):
        for organisation in organisations:
            if (
                organisation.pk != nomination.organisation_id
                and organisation.pk in work.organisations
            ):
                reasons.append(
                    f"The nominee and the judge's organisation, {organisation.name}, wrote "
                    f"“{work.title}” together."
                )
        if person is not None and person.pk in work.people:
            reasons.append(f"The judge is an author of “{work.title}” with the nominee.")
    if nomination.nominee_email and nomination.nominee_email.lower() == judge.email.lower():
        reasons.append("The judge is the nominee.")
    if any(n.email.lower() == judge.email.lower() for n in nomination.nominators.all()):
        reasons.append("The judge nominated it.")
    return reasons


@transaction.atomic
def detect_conflicts(category: Category, only=None) -> int:
    """Record a detected conflict for each judge and nomination the records tie together
    (once: a conflict staff overrode is not raised again), for every nomination still in
    play or `only` those given. Returns how many are new."""
    created = 0
    nominations = Nomination.objects.filter(category=category, status__in=ACTIVE)
    if only is not None:
        nominations = nominations.filter(pk__in=[n.pk for n in only])
    nominations = list(nominations.prefetch_related("nominators__user__person__organisations"))
    co_authors = co_authorships(nominations)
    for member in category.panel.select_related("judge", "organisation"):
        organisations = judge_organisations(member)
        hosts = _network_hosts(organisations)
        existing = set(
            member.conflicts.filter(source=Conflict.Source.DETECTED).values_list(
                "nomination_id", flat=True
            )
        )
        for nomination in nominations:
            if nomination.pk in existing:
                continue
            reasons = reasons_for(member, nomination, organisations, hosts, co_authors)
            if reasons:
                conflict = Conflict.objects.create(
                    panel_member=member, nomination=nomination,
                    source=Conflict.Source.DETECTED, reason=" ".join(dict.fromkeys(reasons)),
                )  # fmt: skip
                audit.record_change(None, conflict, {})
                created += 1
    return created


def declare(judge, member: PanelMember, nomination: Nomination, reason: str) -> Conflict:
    """A judge declares an interest: they are recused from this nomination at once."""
    if member.judge_id != judge.pk or nomination.category_id != member.category_id:
        raise ValidationError("You are not on this nomination's panel.")
    if not reason.strip():
        raise ValidationError({"reason": "Say briefly what the interest is."})
    try:
        with transaction.atomic():
            conflict = Conflict.objects.create(
                panel_member=member, nomination=nomination,
                source=Conflict.Source.DECLARED, reason=reason.strip(),
            )  # fmt: skip
    except IntegrityError as error:
        raise ValidationError(
            "You have already declared an interest in this nomination."
        ) from error
    audit.record_change(judge, conflict, {})
    return conflict


def set_recusal(actor, conflict: Conflict, recused: bool, reason: str) -> Conflict:
    """Staff override a conflict (the judge may score after all) or reinstate the recusal;
    an override needs a reason, which is logged."""
    if not recused and not reason.strip():
        raise ValidationError({"reason": "Say why the judge may score this nomination after all."})
    before = audit.snapshot(conflict)
    conflict.recused = recused
    conflict.override_reason = "" if recused else reason.strip()
    conflict.decided_by = actor
    conflict.save()
    audit.record_change(actor, conflict, before)
    return conflict


def add_judge(actor, category: Category, **fields) -> PanelMember:
    try:
        with transaction.atomic():
            member = PanelMember.objects.create(category=category, **fields)
    except IntegrityError as error:
        raise ValidationError({"judge": "This judge is already on the panel."}) from error
    audit.record_change(actor, member, {})
    detect_conflicts(category)
    return member


def set_named_publicly(judge, member: PanelMember, named: bool) -> PanelMember:
    """The judge's own say over being named on the category's public page (audited)."""
    if member.judge_id != judge.pk:
        raise ValidationError("You can only answer for your own place on a panel.")
    before = audit.snapshot(member)
    member.named_publicly = named
    member.save(update_fields=["named_publicly"])
    audit.record_change(judge, member, before)
    return member


def remove_judge(actor, member: PanelMember) -> None:
    before = audit.snapshot(member)
    member.delete()
    audit.record_change(actor, member, before, after={})


def recused_pairs(category: Category) -> set[tuple[int, int]]:
    """{(panel member pk, nomination pk)} for every recusal in force."""
    return set(
        Conflict.objects.filter(panel_member__category=category, recused=True).values_list(
            "panel_member_id", "nomination_id"
        )
    )


def make_up_warnings(members, quorum: int, needs_lived_experience: bool) -> list[str]:
    """The panel rules that do not depend on what is judged, for any panel whose members
    carry `.lived_experience` and `.organisation_id` (this app's judges, or another app's
    selection panel such as programmes')."""
    found = []
    if len(members) < quorum:
        found.append(
            f"The panel has {len(members)} judge{'s' if len(members) != 1 else ''}; "
            f"it needs at least {quorum}."
        )
    if needs_lived_experience and not any(m.lived_experience for m in members):
        found.append("No judge on the panel has lived experience of the justice system.")
    organisations = Counter(m.organisation_id for m in members)
    if len(members) > 1 and len(organisations) == 1 and None not in organisations:
        found.append("Every judge on the panel is from the same organisation.")
    return found


def recusal_warning(panel_size: int, recusals: int, name: str, quorum: int) -> str | None:
    """Says so when recusals leave fewer judges than the quorum to score `name`."""
    able = panel_size - recusals
    if able >= quorum:
        return None
    return (
        f"After recusals only {able} judge{'s' if able != 1 else ''} can score "
        f"{name}; the quorum is {quorum}."
    )


def ties_to_candidate(member, candidate_email: str, candidate_organisation_id) -> list[str]:
    """Why a panel member may not judge a person (an applicant, a nominee): they are that
    person, or the person comes from an organisation the judge is tied to. `member` is any
    seat with `.judge`, `.organisation` and `.organisation_id`."""
    reasons = []
    for organisation in judge_organisations(member):
        if candidate_organisation_id == organisation.pk:
            reasons.append(f"They are from the judge's organisation, {organisation.name}.")
    if candidate_email and candidate_email.lower() == member.judge.email.lower():
        reasons.append("The judge is the person being judged.")
    return reasons


def warnings(category: Category) -> list[str]:
    """What breaks the panel's rules, in words for staff (empty when all is well)."""
    members = list(category.panel.all())
    found = make_up_warnings(members, category.quorum, category.needs_lived_experience_judge)
    recused = Counter(n for _m, n in recused_pairs(category))
    short = Nomination.objects.filter(
        category=category, status=NominationStatus.ELIGIBLE, pk__in=list(recused)
    )
    for nomination in short:
        warning = recusal_warning(
            len(members), recused[nomination.pk], nomination.nominee_name, category.quorum
        )
        if warning:
            found.append(warning)
    return found
