"""Staff pages for the evidence itself: online contributions, roundtables and interviews
(speakers and their passages), withdrawing consent, and the consent flags it raises."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from consultations import sessions
from consultations.forms import PassageForm, SessionForm, SpeakerForm
from consultations.models import ConsentFlag, Contribution, Passage, Session, Speaker
from consultations.views_evidence import (
    GET_OR_POST,
    consultation_for_staff,
    form_page,
    posted,
    saved_by_service,
    staff_page,
    staff_required,
    status_code,
)
from consultations.withdrawal import (
    open_flags,
    resolve_flag,
    withdraw_consent,
    withdrawal_message,
)

# --- Online contributions ----------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_contributions(request, slug):
    consultation = consultation_for_staff(slug)
    contributions = (
        consultation.contributions.select_related("organisation")
        .annotate(answer_count=Count("answers", distinct=True))
        .order_by("status", "organisation__name")
    )
    return staff_page(
        request, "contributions.html", consultation, "contributions", {"rows": contributions}
    )


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_contribution(request, slug, pk):
    consultation = consultation_for_staff(slug)
    contribution = get_object_or_404(
        Contribution.objects.select_related("organisation", "author"),
        pk=pk,
        consultation=consultation,
    )
    answers = contribution.answers.select_related("question").prefetch_related("quotes")
    return staff_page(
        request,
        "contribution.html",
        consultation,
        "contributions",
        {"contribution": contribution, "answers": answers},
    )


def _withdraw_page(request, consultation, record, back_url: str):
    """Confirm, then withdraw consent for a contribution or a speaker."""
    if request.method == "POST":
        result = withdraw_consent(request.user, record)
        messages.success(request, withdrawal_message(result))
        return redirect(back_url)
    return staff_page(
        request,
        "withdraw.html",
        consultation,
        "contributions" if isinstance(record, Contribution) else "sessions",
        {"record": record, "back_url": back_url},
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_withdraw_contribution(request, slug, pk):
    consultation = consultation_for_staff(slug)
    contribution = get_object_or_404(Contribution, pk=pk, consultation=consultation)
    back = reverse("consultations:staff_contribution", args=[slug, pk])
    return _withdraw_page(request, consultation, contribution, back)


# --- Sessions ----------------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_sessions(request, slug):
    consultation = consultation_for_staff(slug)
    rows = consultation.sessions.annotate(
        speaker_count=Count("speakers", distinct=True),
        passage_count=Count("passages", distinct=True),
    )
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
    speakers = session.speakers.prefetch_related(
        Prefetch(
            "passages",
            queryset=Passage.objects.select_related("question").prefetch_related("quotes"),
        )
    )
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
def staff_withdraw_speaker(request, slug, pk):
    consultation = consultation_for_staff(slug)
    speaker = get_object_or_404(Speaker, pk=pk, session__consultation=consultation)
    back = reverse("consultations:staff_session", args=[slug, speaker.session_id])
    return _withdraw_page(request, consultation, speaker, back)


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


# --- Consent flags -----------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_flags(request, slug):
    consultation = consultation_for_staff(slug)
    return staff_page(
        request,
        "flags.html",
        consultation,
        "flags",
        {
            "open_flags": open_flags(consultation).select_related("quote"),
            "resolved": consultation.consent_flags.filter(resolved_at__isnull=False)
            .select_related("resolved_by")
            .order_by("-resolved_at")[:50],
        },
    )


@staff_required
@require_POST
def staff_flag_resolve(request, slug, pk):
    consultation = consultation_for_staff(slug)
    flag = get_object_or_404(ConsentFlag, pk=pk, consultation=consultation)
    resolve_flag(request.user, flag)
    messages.success(request, "The flag was marked as dealt with.")
    return redirect("consultations:staff_flags", slug=slug)
