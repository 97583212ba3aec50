"""What the members network holds about people: contacts at member organisations (name, email,
job title, consent to be contacted) and the contact person on each membership application.

Erasure keeps the organisation and its membership (they are not the person's data): the
contact record becomes "Erased contact" with no address and leaves its organisations, and an
application keeps the organisation's details and the fact that consent was given.
"""

from django.db.models import Q
from django.utils import timezone

from core import audit
from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource

ERASED_NAME = "Erased contact"


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _people(subject: DataSubject):
    from members.models import Person

    query = Q(email__in=subject.emails)
    if subject.user is not None:
        query |= Q(user=subject.user)
    return Person.objects.filter(query)


def _applications(subject: DataSubject):
    from members.models import MembershipApplication

    return MembershipApplication.objects.filter(contact_email__in=subject.emails)


def export_contacts(subject: DataSubject) -> dict[str, list[dict]]:
    from members.models import Affiliation

    people = list(_people(subject))
    return {
        "contact details": [
            {
                "name": p.name,
                "email": p.email or "",
                "may be contacted": p.communication_consent,
                "consent given": _when(p.consent_date),
                "consent given through": p.consent_source,
            }
            for p in people
        ],
        "organisations you are a contact for": [
            {
                "organisation": a.organisation.name,
                "job title": a.job_title,
                "main contact": a.is_main_contact,
            }
            for a in Affiliation.objects.filter(person__in=people).select_related("organisation")
        ],
    }


def erase_contacts(subject: DataSubject) -> int:
    return erase_people(_people(subject))


def erase_people(people) -> int:
    """Anonymise these contact records and unlink them from their organisations."""
    from members.models import Affiliation

    people = list(people.exclude(name=ERASED_NAME, email=None, user=None))
    audit.forget_records(people)
    changed = Affiliation.objects.filter(person__in=people).delete()[0]
    for person in people:
        person.name, person.email, person.user = ERASED_NAME, None, None
        person.communication_consent, person.consent_source = False, ""
        person.save()
        changed += 1
    return changed


def export_applications(subject: DataSubject) -> dict[str, list[dict]]:
    rows = [
        {
            "organisation": a.organisation_name,
            "your name": a.contact_name,
            "your email": a.contact_email,
            "your job title": a.contact_job_title,
            "you agreed to": a.consent_text,
            "agreed on": _when(a.consented_at),
            "submitted": _when(a.submitted_at),
            "status": a.get_status_display(),
            "reason given": a.decision_reason,
        }
        for a in _applications(subject)
    ]
    return {"membership applications": rows}


def erase_applications(subject: DataSubject) -> int:
    applications = list(_applications(subject))
    audit.forget_records(applications)
    for application in applications:
        application.contact_name = ERASED_NAME
        application.contact_email = f"erased-{application.pk}@erased.invalid"
        application.contact_job_title = ""
        application.save(update_fields=["contact_name", "contact_email", "contact_job_title"])
    return len(applications)


personal_data.register(
    PersonalDataSource(
        key="members.contacts",
        description="Contacts at member organisations: name, email address, job title, which "
        "organisations they speak for, and whether and where they agreed to be contacted.",
        models=("members.Person", "members.Affiliation"),
        export=export_contacts,
        erase=erase_contacts,
    )
)
personal_data.register(
    PersonalDataSource(
        key="members.applications",
        description="The contact person named on a membership application (name, email, job "
        "title) and what they agreed to when applying.",
        models=("members.MembershipApplication",),
        export=export_applications,
        erase=erase_applications,
    )
)
personal_data.declare_authorship("members.ImportJob", "created_by")
personal_data.declare_not_personal(
    "members.Organisation",
    "email",
    "phone",
    reason="The organisation's general address and phone (info@…), published on its "
    "profile; a person's own details belong on members.Person.",
)
