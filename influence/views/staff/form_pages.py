"""What every staff page of the tracker shares: who may open it, and how a form page reads
what was posted and shows a service's refusals beside the field they concern."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat

from core import roles
from influence.models import Recommendation

# Staff and admins only: anonymous people sign in first, everyone else gets a 403.
staff_required = roles.staff_required("Only the alliance's staff can change recommendations.")


def status_code(*forms) -> int:
    return 400 if any(f.is_bound and not f.is_valid() for f in forms) else 200


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal beside the field it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            name = field if field in form.fields else None
            for item in errors:
                form.add_error(name, item.messages[0] if hasattr(item, "messages") else item)
    else:
        for message in error.messages:
            form.add_error(None, message)


def too_large_message() -> str:
    return (
        f"The file is too large; the largest file you can upload is "
        f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}. Nothing was saved."
    )


def posted(request):
    """The POST data of a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None


def recommendation_or_404(slug) -> Recommendation:
    return get_object_or_404(Recommendation, slug=slug)
