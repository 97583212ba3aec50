"""Staff pages for roundtables and interviews: each session, its speakers (with the consent
they gave) and the passages noting what they said."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from consultations.evidence.forms import PassageForm, SessionForm, SpeakerForm
from consultations.evidence.services import sessions
from consultations.evidence.views.staff_pages import consultation_for_staff, form_page, staff_page
from consultations.models import Passage, Session, Speaker
from consultations.pages import GET_OR_POST, posted, saved_by_service, staff_required, status_code


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_sessions(request, slug):
    consultation = consultation_for_staff(slug)
    rows = sessions.with_counts(consultation)
    return staff_page(request, "sessions.html", consultation, "sessions", {"rows": rows})


def _session_form_page(request, consultation, session: Session | None):
    form = SessionForm(posted(request), instance=session, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        saved = sessions.save_session(request.user, consultation, form)
        messages.success(request, f"“{saved.title}” was saved.")
        return redirect("consultations:staff_session", slug=consultation.slug, pk=saved.pk)
    return form_page(request, "session_form.html", consultation, "sessions", form, session=session)


@staff_required
@require_http_methods(GET_OR_POST)
def staff_session_create(request, slug):
    return _session_form_page(request, consultation_for_staff(slug), None)


@staff_required
@require_http_methods(GET_OR_POST)
def staff_session_edit(request, slug, pk):
    consultation = consultation_for_staff(slug)
    session = get_object_or_404(Session, pk=pk, consultation=consultation)
    return _session_form_page(request, consultation, session)


@staff_required
@require_http_methods(GET_OR_POST)
def staff_session(request, slug, pk):
    """One session: its speakers and passages, with forms to add either."""
    consultation = consultation_for_staff(slug)
    session = get_object_or_404(
        Session.objects.prefetch_related("organisations_present"), pk=pk, consultation=consultation
    )
    adding = request.POST.get("add") if request.method == "POST" else None
    speaker_form = SpeakerForm(
        posted(request) if adding == "speaker" else None,
        consultation=consultation,
        prefix="speaker",
    )
    passage_form = PassageForm(
        posted(request) if adding == "passage" else None, session=session, prefix="passage"
    )
    if adding == "speaker" and speaker_form.is_valid():
        speaker = saved_by_service(
            speaker_form, lambda: sessions.save_speaker(request.user, session, speaker_form)
        )
        if speaker:
            messages.success(request, f"Speaker “{speaker}” was added.")
            return redirect(reverse("consultations:staff_session", args=[slug, pk]) + "#speakers")
    if adding == "passage" and passage_form.is_valid():
        sessions.save_passage(request.user, session, passage_form)
        messages.success(request, "The passage was added.")
        return redirect(reverse("consultations:staff_session", args=[slug, pk]) + "#passages")
    speakers = sessions.speakers_with_passages(session)
    return staff_page(
        request,
        "session.html",
        consultation,
        "sessions",
        {
            "session": session,
            "speakers": speakers,
            "speaker_form": speaker_form,
            "passage_form": passage_form,
        },
        status=status_code(speaker_form, passage_form),
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_speaker_edit(request, slug, pk):
    consultation = consultation_for_staff(slug)
    speaker = get_object_or_404(
        Speaker.objects.select_related("session"), pk=pk, session__consultation=consultation
    )
    form = SpeakerForm(posted(request), instance=speaker, consultation=consultation)
    if (
        request.method == "POST"
        and form.is_valid()
        and saved_by_service(
            form, lambda: sessions.save_speaker(request.user, speaker.session, form)
        )
    ):
        messages.success(request, "The speaker was saved.")
        return redirect("consultations:staff_session", slug=slug, pk=speaker.session_id)
    return form_page(request, "speaker_form.html", consultation, "sessions", form, speaker=speaker)


@staff_required
@require_http_methods(GET_OR_POST)
def staff_passage_edit(request, slug, pk):
    consultation = consultation_for_staff(slug)
    passage = get_object_or_404(
        Passage.objects.select_related("session"), pk=pk, session__consultation=consultation
    )
    form = PassageForm(posted(request), instance=passage, session=passage.session)
    if request.method == "POST" and form.is_valid():
        sessions.save_passage(request.user, passage.session, form)
        messages.success(request, "The passage was saved.")
        return redirect("consultations:staff_session", slug=slug, pk=passage.session_id)
    return form_page(request, "passage_form.html", consultation, "sessions", form, passage=passage)
