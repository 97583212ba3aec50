"""The roles a signed-in person can hold. A visitor is simply someone not signed in."""

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
