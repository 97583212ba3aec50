"""What the events views share: finding an event the person may see, and invitations."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from events.models import Event, Invitation
from events.services import access, links


def invitation_from(request, event: Event) -> Invitation | None:
    """The invitation a personal link (?invitation=...) carries, if it is genuine; signed
    in, the one made out to the person's own address."""
    token = request.GET.get("invitation") or request.POST.get("invitation")
    read = links.read_token(links.INVITE, token) if token else None
    if read is not None:
        pk, email = read
        return Invitation.objects.filter(pk=pk, email=email, event=event).first()
    if request.user.is_authenticated:
        return event.invitations.filter(email=request.user.email.lower()).first()
    return None


def visible_event_or_404(request, slug: str) -> tuple[Event, Invitation | None]:
    event = get_object_or_404(Event.objects.select_related("venue"), slug=slug)
    invitation = invitation_from(request, event)
    if not access.may_see(request.user, event, invitation):
        raise Http404("No such event.")
    return event, invitation


def people_of(request, slug: str) -> Event:
    """The event, for a staff page that names its people (access.may_see_people)."""
    event = get_object_or_404(Event, slug=slug)
    if not access.may_see_people(request.user, event):
        raise PermissionDenied(
            "Who is coming to this invitation-only event is for its organisers and the "
            "staff of its networks."
        )
    return event
