"""Staff pages for consent: withdrawing it for a contribution or a speaker (after a
confirmation), and the flags withdrawal raises for words already sent or published."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from consultations.evidence.services.withdrawal import (
    open_flags,
    resolve_flag,
    withdraw_consent,
    withdrawal_message,
)
from consultations.evidence.views.staff_pages import consultation_for_staff, staff_page
from consultations.models import ConsentFlag, Contribution, Speaker
from consultations.pages import GET_OR_POST, staff_required


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


@staff_required
@require_http_methods(GET_OR_POST)
def staff_withdraw_speaker(request, slug, pk):
    consultation = consultation_for_staff(slug)
    speaker = get_object_or_404(Speaker, pk=pk, session__consultation=consultation)
    back = reverse("consultations:staff_session", args=[slug, speaker.session_id])
    return _withdraw_page(request, consultation, speaker, back)


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
