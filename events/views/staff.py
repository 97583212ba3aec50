"""Staff pages for running events: list, create (optionally from another event as a
template), edit, duplicate, questions, roundtable notes, messages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.roles import staff_required
from events.forms import (
    ActionForm,
    DuplicateForm,
    EventForm,
    InvitationsForm,
    LinkConsultationForm,
    MessageForm,
    NotesForm,
    QuestionForm,
    SeriesForm,
    SpeakerForm,
    VenueForm,
)
from events.models import Action, Event, EventStatus, Group, Visibility
from events.services import actions as event_actions
from events.services import changes
from events.services import invitations as event_invitations
from events.services import notes as roundtable_notes
from events.services import series as event_series
from events.services import speakers as event_speakers
from events.views.helpers import people_of

staff_only = staff_required("Running events is for the alliance's staff.")
TEMPLATE_FIELDS = [
    "kind", "title", "summary", "description", "visibility", "format", "venue", "capacity",
    "per_organisation_limit", "offer_hold_hours",
]  # fmt: skip


@staff_only
def index(request):
    status = request.GET.get("status", "")
    events = Event.objects.order_by("-starts_at")
    if status in EventStatus.values:
        events = events.filter(status=status)
    return render(
        request,
        "events/staff/index.html",
        {"events": events[:200], "statuses": EventStatus.choices, "status": status},
    )


def _save(request, form, event):
    def form_save(instance):
        form.instance = instance
        form.save()

    return changes.save_event(request.user, event, form_save)


@staff_only
def create(request):
    """A new event; ?template=<slug> starts from another event (e.g. the last quarterly
    member forum), copying what does not change from one to the next."""
    initial = {"organisers": [request.user.pk]}
    if source := Event.objects.filter(slug=request.GET.get("template", "")).first():
        initial.update({name: getattr(source, name) for name in TEMPLATE_FIELDS})
        initial["venue"] = source.venue_id
        initial["networks"] = list(source.networks.values_list("pk", flat=True))
        initial["topics"] = list(source.topics.values_list("pk", flat=True))
    if group := Group.objects.filter(slug=request.GET.get("group", "")).first():
        # A group's meeting: invitation only by default, its members may register.
        initial.update({"group": group.pk, "visibility": Visibility.INVITATION})
        initial["networks"] = [group.network_id]
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = _save(request, form, form.instance)
        messages.success(request, f"Created “{event.title}” as {event.get_status_display()}.")
        return redirect("events:staff_registrations", slug=event.slug)
    templates = Event.objects.order_by("-starts_at")[:30]
    return render(request, "events/staff/event_form.html", {"form": form, "templates": templates})


@staff_only
def edit(request, slug):
    event = get_object_or_404(Event, slug=slug)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        _save(request, form, form.instance)
        messages.success(request, "Saved. Anyone registered has been told of any change.")
        return redirect("events:staff_registrations", slug=event.slug)
    return render(request, "events/staff/event_form.html", {"form": form, "event": event})


@staff_only
def venue_create(request):
    form = VenueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        venue = form.save()
        messages.success(request, f"Added the venue {venue.name}.")
        return redirect("events:staff_create")
    return render(request, "events/staff/venue_form.html", {"form": form})


@staff_only
def duplicate(request, slug):
    event = get_object_or_404(Event, slug=slug)
    form = DuplicateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        copy = changes.duplicate(request.user, event, form.cleaned_data["starts_at"])
        messages.success(request, "Copied as a draft: check it and publish it.")
        return redirect("events:staff_edit", slug=copy.slug)
    return render(request, "events/staff/duplicate.html", {"form": form, "event": event})


@staff_only
def questions(request, slug):
    event = get_object_or_404(Event, slug=slug)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.event = event
        form.instance.position = event.questions.count()
        form.save()
        messages.success(request, "Question added.")
        return redirect("events:staff_questions", slug=slug)
    return render(
        request,
        "events/staff/questions.html",
        {"event": event, "form": form, "questions": event.questions.all()},
    )


@staff_only
def speakers(request, slug):
    """Who speaks, in order: add one (POST name and role) or remove one (POST `remove`)."""
    event = get_object_or_404(Event, slug=slug)
    form = SpeakerForm(request.POST if "name" in request.POST else None)
    if request.method == "POST" and "remove" in request.POST:
        if event_speakers.remove(request.user, event, request.POST["remove"]):
            messages.success(request, "Speaker removed.")
        else:
            messages.error(request, "That speaker is not on this event: nothing changed.")
        return redirect("events:staff_speakers", slug=slug)
    if request.method == "POST" and form.is_valid():
        event_speakers.add(request.user, event, form)
        messages.success(request, "Speaker added.")
        return redirect("events:staff_speakers", slug=slug)
    return render(
        request,
        "events/staff/speakers.html",
        {"event": event, "form": form, "speakers": event.speakers.all()},
    )


@staff_only
def notes(request, slug):
    """A roundtable for a consultation: its notes are that consultation's session (link, then
    write them there). Any other meeting: its notes are written here, on the event."""
    event = get_object_or_404(Event.objects.select_related("consultation_session"), slug=slug)
    session = event.consultation_session
    link_form = None if session else LinkConsultationForm(request.POST or None, prefix="link")
    notes_form = None if session else NotesForm(request.POST or None, instance=event)
    if request.method == "POST" and session is None:
        linking = request.POST.get("action") == "link"
        if linking and link_form.is_valid():
            try:
                roundtable_notes.link_to_consultation(
                    request.user, event, link_form.cleaned_data["consultation"]
                )
            except ValueError as problem:
                link_form.add_error(None, str(problem))
            else:
                event.refresh_from_db()
                roundtable_notes.record_organisations_present(event)
                messages.success(request, "Linked: write the notes in the consultation's session.")
                return redirect("events:staff_notes", slug=slug)
        elif not linking and notes_form.is_valid():
            roundtable_notes.save_notes(request.user, event, notes_form.cleaned_data["notes"])
            messages.success(request, "Notes saved.")
            return redirect("events:staff_notes", slug=slug)
    return render(
        request,
        "events/staff/notes.html",
        {"event": event, "link_form": link_form, "notes_form": notes_form, "session": session},
    )


@staff_only
def message(request, slug):
    event = people_of(request, slug)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = changes.message_registrants(
            event,
            form.cleaned_data["subject"],
            form.cleaned_data["body"],
            include_waitlist=form.cleaned_data["include_waitlist"],
        )
        messages.success(request, f"Sent to {sent} people.")
        return redirect("events:staff_registrations", slug=slug)
    return render(request, "events/staff/message.html", {"event": event, "form": form})


@staff_only
def invitations(request, slug):
    """Who is invited and whether they registered; invite more (each gets a personal link)."""
    event = people_of(request, slug)
    form = InvitationsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = event_invitations.invite(request.user, event, form.cleaned_data["people"])
        except ValueError as problem:
            form.add_error("people", str(problem))
        else:
            messages.success(request, f"Invited {len(made)}; each has their link by email.")
            return redirect("events:staff_invitations", slug=slug)
    context = {
        "event": event,
        "form": form,
        "rows": event_invitations.invitations_with_replies(event),
        "open_to_all": event.visibility == Visibility.PUBLIC,
    }
    return render(request, "events/staff/invitations.html", context)


@staff_only
def actions(request, slug):
    """Actions agreed at a forum or meeting and their follow-ups; add one (POST)."""
    event = get_object_or_404(Event, slug=slug)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event_actions.add_action(request.user, event, form)
        messages.success(request, "Action recorded.")
        return redirect("events:staff_actions", slug=slug)
    return render(
        request,
        "events/staff/actions.html",
        {"event": event, "form": form, "actions": event.actions.select_related("target")},
    )


@staff_only
@require_POST
def action_to_influence(request, slug, pk):
    """One step: the ask becomes an entry of the influence log, linked back to the action."""
    action = get_object_or_404(Action, pk=pk, event__slug=slug)
    try:
        event_actions.to_influence_log(request.user, action)
    except ValueError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, "Added to the influence log.")
    return redirect("events:staff_actions", slug=slug)


@staff_only
def series(request, slug):
    """Repeat an event by a rule: the occurrences are drafts with their own pages."""
    event = get_object_or_404(Event, slug=slug)
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = event_series.make_series(request.user, event, form.cleaned_data["rule"])
        except ValueError as problem:
            form.add_error("rule", str(problem))
        else:
            messages.success(request, f"Made {len(made)} occurrences as drafts: publish them.")
            return redirect("events:staff_series", slug=slug)
    first = event.series or event
    return render(
        request,
        "events/staff/series.html",
        {"event": event, "form": form, "first": first,
         "occurrences": first.occurrences.order_by("starts_at")},
    )  # fmt: skip
