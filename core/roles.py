"""The roles a signed-in person can hold. A visitor is simply someone not signed in."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import models


class Role(models.TextChoices):
    MEMBER = "member", "Member contact"
    STAFF = "staff", "Staff"
    JUDGE = "judge", "Judge"
    ADMIN = "admin", "Admin"


# Roles that work in the alliance office and may use Django admin.
OFFICE_ROLES = {Role.STAFF, Role.ADMIN}


def is_staff_member(user) -> bool:
    """True for staff and admins: the people who run the alliance day to day."""
    return bool(user.is_authenticated and (user.role in OFFICE_ROLES or user.is_superuser))


def is_admin(user) -> bool:
    return bool(user.is_authenticated and (user.role == Role.ADMIN or user.is_superuser))


def staff_required(refusal: str, allowed=is_staff_member):
    """A view decorator: anonymous people sign in first; signed-in people without the role get
    a 403 saying `refusal`, so each app can say in its own words what is reserved to staff."""
    # Imported here: auth's views load its models, and core.models imports this module.
    from django.contrib.auth.views import redirect_to_login

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
