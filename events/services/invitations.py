"""Personal invitations: staff invite named people to an event that is not open to all
(invitation only, or a members' event with an invited guest such as an official); each gets
an email with a link that lets that person, and only them, register."""

from django.db import transaction

from core import audit
from events.models import Event, Invitation, Registration, RegistrationStatus
from events.services import notify


def invite(actor, event: Event, people: list[tuple[str, str]]) -> list[Invitation]:
    """Invite each (name, email) and email them their link, all or nothing: someone already
    invited is refused (ValueError) and nobody is invited or emailed."""
    emails = [email.strip().lower() for _name, email in people]
    already = set(event.invitations.filter(email__in=emails).values_list("email", flat=True))
    if already:
        raise ValueError(f"Already invited: {', '.join(sorted(already))}. Nobody was invited.")
    with transaction.atomic():
        made = [
            Invitation.objects.create(event=event, name=" ".join(name.split()), email=email)
            for (name, _email), email in zip(people, emails, strict=True)
        ]
        for invitation in made:
            audit.record_change(actor, invitation, {})
            transaction.on_commit(lambda invitation=invitation: notify.invited(invitation))
    return made


def invitations_with_replies(event: Event) -> list[tuple[Invitation, Registration | None]]:
    """Each invitation and the live registration made with it, if any."""
    registered = {
        r.email: r
        for r in event.registrations.exclude(status=RegistrationStatus.CANCELLED).filter(
            email__in=event.invitations.values("email")
        )
    }
    return [(i, registered.get(i.email)) for i in event.invitations.order_by("name", "pk")]
