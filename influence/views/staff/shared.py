"""What every staff page of the tracker shares: who may open it, the recommendation it is
about, and the message for an upload refused for its size before it is read."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat

from core import roles
from influence.models import Recommendation

# Staff and admins only: anonymous people sign in first, everyone else gets a 403.
staff_required = roles.staff_required("Only the alliance's staff can change recommendations.")


def too_large_message() -> str:
    return (
        f"The file is too large; the largest file you can upload is "
        f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}. Nothing was saved."
    )


def recommendation_or_404(slug) -> Recommendation:
    return get_object_or_404(Recommendation, slug=slug)
