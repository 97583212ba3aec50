"""The frame of every staff page of one consultation's evidence: the consultation itself, its
section marked in the navigation, and a 400 when a form came back with errors."""

from django.shortcuts import get_object_or_404, render

from consultations.models import Consultation
from consultations.pages import status_code


def consultation_for_staff(slug) -> Consultation:
    return get_object_or_404(Consultation.objects.select_related("asking_body"), slug=slug)


def staff_page(request, template: str, consultation, section: str, context=None, status=200):
    """Render a staff page of one consultation, with its section marked in the navigation."""
    return render(
        request,
        f"consultations/staff/{template}",
        {"consultation": consultation, "staff_section": section, **(context or {})},
        status=status,
    )


def form_page(request, template: str, consultation, section: str, form, **context):
    """A staff page built around one form: 400 when it was posted with errors."""
    return staff_page(
        request,
        template,
        consultation,
        section,
        {"form": form, **context},
        status=status_code(form),
    )
