"""What the consultation pages share: who may open a staff page, reading a form's POST, and
showing a service's refusal beside the field it concerns (or as a message)."""

from django.contrib import messages
from django.core.exceptions import ValidationError

from core import roles

GET_OR_POST = ["GET", "HEAD", "POST"]

# Staff and admins only: anonymous people sign in first, everyone else gets a 403.
staff_required = roles.staff_required("Only the alliance's staff can run consultations.")


def posted(request):
    """The POST data of a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def status_code(*forms) -> int:
    return 400 if any(f.is_bound and not f.is_valid() for f in forms) else 200


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal beside the field it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = name if name in form.fields else None
            for item in errors:
                form.add_error(field, item.messages[0])
    else:
        for message in error.messages:
            form.add_error(None, message)


def saved_by_service(form, save):
    """Run a service's save for a valid form; a refusal goes on the form and gives None."""
    try:
        return save()
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def refusal(request, error: ValidationError) -> None:
    """A service's refusal of a button press (no form to show it on), as error messages."""
    for message in error.messages:
        messages.error(request, message)
