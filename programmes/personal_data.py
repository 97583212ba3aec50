"""What the programmes app holds about people, for export and erasure.

- Applicants and participants: the application (in their own words), attendance (kept as
  event registrations by the events app, whose source exports and erases them), mentor
  matches, partners' offers taken up and follow-up answers. Erasure deletes the application
  and everything hanging from it, so a cohort's outcome figures shrink by one.
- Young advocates, found by their account or email: their record, consents, payments and
  credits. Erasure deletes them; payments already made are kept, anonymised, because the
  accounts must balance.
- Mentors and panel seats are found through the account; erasure removes them.
- Safeguarding concerns about a young person are kept after erasure (a safeguarding duty
  outlives a data request) but are unlinked from the erased record; the recorder and reader
  fields are authorship links, anonymised with the account.
"""

from django.db.models import Q

from core import audit
from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource


def _applications(subject: DataSubject):
    from programmes.models import Application

    mine = Q(email__in=subject.emails)
    if subject.user is not None:
        mine |= Q(user=subject.user)
    return Application.objects.filter(mine).select_related("cohort__programme")


def export_applications(subject: DataSubject) -> dict[str, list[dict]]:
    from programmes.models import ProgrammeSession
    from programmes.services import delivery

    rows, followups, attended = [], [], []
    for a in _applications(subject):
        rows.append({
            "cohort": str(a.cohort), "name": a.name, "email": a.email,
            "region": str(a.region or ""), "your experience, in your words": a.lived_experience,
            "what you hoped to do": a.hopes, "interests": a.interests, "sector": a.sector,
            "availability": a.availability, "access needs": a.access_needs,
            "status": a.get_status_display(), "applied at": a.submitted_at.isoformat(),
            "why you left": a.withdrawal_reason,
            "mentors": [str(m.mentor) for m in a.mentor_matches.all()],
        })  # fmt: skip
        for f in a.followups.filter(answered_at__isnull=False):
            followups.append({
                "cohort": str(a.cohort), "follow-up": f.get_point_display(),
                "withdrawn": bool(f.withdrawn_at), "paid role": f.paid_role,
                "in the sector": f.in_sector, "role": f.role_title, "seniority": f.seniority,
                "pay band": f.pay_band, "board roles": f.board_roles,
                "further study": f.further_study, "confidence": f.confidence,
            })  # fmt: skip
        # Attendance is kept by the events app (its registrations are in its own export
        # too); here it is shown session by session, as the programme sees it.
        sessions = {s.pk: s for s in ProgrammeSession.objects.filter(module__cohort=a.cohort_id)}
        for (pk, _), present in delivery.attendance(sessions.values(), [a]).items():
            if present is not None:
                attended.append({"session": sessions[pk].title, "present": present})
    return {
        "programme applications": rows,
        "programme follow-up answers": followups,
        "programme attendance": attended,
    }


def erase_applications(subject: DataSubject) -> int:
    applications = list(_applications(subject))
    audit.forget_records(applications)
    for application in applications:
        application.delete()
    return len(applications)


personal_data.register(
    PersonalDataSource(
        key="programmes.applications",
        description="Leadership programme applications (your own words about your experience "
        "and hopes), attendance, mentor matches and your follow-up answers.",
        models=(
            "programmes.Application",
            "programmes.FollowUp",
            "programmes.MentorMatch",
            "programmes.PanelScore",
            "programmes.PanelConflict",
        ),  # fmt: skip
        export=export_applications,
        erase=erase_applications,
    )
)


def _young_people(subject: DataSubject):
    from django.db.models import Q

    from programmes.models import YoungPerson

    matches = Q(email__in=[e for e in subject.emails if e])
    if subject.user is not None:
        matches |= Q(user=subject.user)
    return YoungPerson.objects.filter(matches)


def export_young_person(subject: DataSubject) -> dict[str, list[dict]]:
    people, consents, payments = [], [], []
    for p in _young_people(subject):
        people.append({
            "group": str(p.group), "first name": p.first_name, "last name": p.last_name,
            "date of birth": p.date_of_birth.isoformat(), "email": p.email, "phone": p.phone,
            "contact through a trusted adult": p.contact_through_trusted_adult,
            "trusted adult": p.trusted_adult_name, "trusted adult's email": p.trusted_adult_email,
        })  # fmt: skip
        for c in p.consents.select_related("project"):
            consents.append({
                "project": str(c.project),
                "your consent": c.own_consent_at.isoformat() if c.own_consent_at else "",
                "parent or carer": c.parent_name,
                "renewed at 18": c.renewed_at_18_at.isoformat() if c.renewed_at_18_at else "",
                "withdrawn": c.withdrawn_at.isoformat() if c.withdrawn_at else "",
            })  # fmt: skip
        for pay in p.payments.select_related("session"):
            payments.append({
                "session": pay.session.title, "amount": str(pay.amount),
                "paid on": pay.paid_on.isoformat() if pay.paid_on else "not yet",
            })  # fmt: skip
    return {"young advocate record": people, "project consents": consents,
            "session payments": payments}  # fmt: skip


def erase_young_person(subject: DataSubject) -> int:
    from programmes.models import Concern, OutputCredit, Payment

    people = list(_young_people(subject))
    audit.forget_records(people)
    changed = 0
    for person in people:
        Concern.objects.filter(young_person=person).update(young_person=None)
        OutputCredit.objects.filter(young_person=person).delete()
        # Payments made stay in the accounts, moved to an anonymous record of the group.
        paid = Payment.objects.filter(young_person=person, paid_on__isnull=False)
        if paid.exists():
            from programmes.models import YoungPerson

            stand_in, _ = YoungPerson.objects.get_or_create(
                group=person.group, first_name="Erased", last_name="",
                defaults={"date_of_birth": person.date_of_birth.replace(month=1, day=1)},
            )  # fmt: skip
            paid.update(young_person=stand_in)
        person.delete()
        changed += 1
    return changed


personal_data.register(
    PersonalDataSource(
        key="programmes.young_advocates",
        description="Young advocates: name, date of birth, contact details or a trusted "
        "adult's, consents for each project, payments for sessions and how you chose to be "
        "credited on each output.",
        models=(
            "programmes.YoungPerson",
            "programmes.ProjectConsent",
            "programmes.Payment",
            "programmes.OutputCredit",
        ),  # fmt: skip
        export=export_young_person,
        erase=erase_young_person,
    )
)


def _mentor_and_seats(subject: DataSubject):
    from programmes.models import Mentor, PanelSeat

    if subject.user is None:
        return Mentor.objects.none(), PanelSeat.objects.none()
    return Mentor.objects.filter(user=subject.user), PanelSeat.objects.filter(judge=subject.user)


def export_roles(subject: DataSubject) -> dict[str, list[dict]]:
    mentors, seats = _mentor_and_seats(subject)
    return {
        "programme mentoring": [
            {"interests": m.interests, "sector": m.sector, "availability": m.availability,
             "most mentees": m.max_mentees} for m in mentors
        ],
        "programme selection panels": [{"cohort": str(s.cohort)} for s in seats],
    }  # fmt: skip


def erase_roles(subject: DataSubject) -> int:
    mentors, seats = _mentor_and_seats(subject)
    changed = mentors.count() + seats.count()
    mentors.delete()
    seats.delete()
    return changed


personal_data.register(
    PersonalDataSource(
        key="programmes.mentors_and_panels",
        description="Mentoring profiles (interests, sector, availability) and seats on "
        "programme selection panels, with the scores given.",
        models=("programmes.Mentor", "programmes.PanelSeat"),
        export=export_roles,
        erase=erase_roles,
    )
)

personal_data.declare_authorship("programmes.YouthGroup", "workers")
personal_data.declare_authorship("programmes.SafeguardingLead", "user")
personal_data.declare_authorship("programmes.Concern", "recorded_by")
personal_data.declare_authorship("programmes.ConcernAction", "taken_by")
personal_data.declare_not_personal(
    "programmes.Criterion", "name", reason="A selection criterion's name, not a person's."
)


def _reads(subject: DataSubject):
    from programmes.models import ConcernRead

    if subject.user is None:
        return ConcernRead.objects.none()
    return ConcernRead.objects.filter(user=subject.user)


def export_reads(subject: DataSubject) -> dict[str, list[dict]]:
    return {
        "safeguarding log reads": [
            {"group": str(r.group), "read at": r.read_at.isoformat(), "reason": r.reason}
            for r in _reads(subject).select_related("group")
        ]
    }


def erase_reads(subject: DataSubject) -> int:
    """The record that a read happened stays (the leads must see it); who read it goes."""
    return _reads(subject).update(user=None, user_label=audit.ERASED_ACTOR)


personal_data.register(
    PersonalDataSource(
        key="programmes.safeguarding_reads",
        description="When you read the safeguarding log, and the reason you gave.",
        models=("programmes.ConcernRead",),
        export=export_reads,
        erase=erase_reads,
    )
)
