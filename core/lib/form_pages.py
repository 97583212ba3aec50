"""Form pages: what every view that shows a form and hands it to a service does alike.

A GET shows the form unbound; a POST, even an empty one, binds it so it is validated. A page
whose bound form is invalid answers 400, so tools and tests see the refusal. A service's
refusal (a ValidationError keyed by field name) is shown beside the field it names, or
above the form when it names none the form has.
"""

from django.core.exceptions import ValidationError


def posted(request):
    """The POST data of a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def posted_files(request):
    """The uploaded files of a POST, else None."""
    return request.FILES if request.method == "POST" else None


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
