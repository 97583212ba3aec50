"""The sign-in identifier, normalised once for both the account lookup and the lockout.

Email addresses are matched without regard to case or surrounding spaces when people sign in,
so the lockout must count them the same way: otherwise `Someone@example.org` and
`" someone@example.org "` would each get their own five tries at a locked account.
"""


def normalise_identifier(value) -> str:
    """The one form of a sign-in email address: spaces stripped, case folded."""
    return str(value or "").strip().casefold()


def lockout_username(request, credentials=None) -> str:
    """django-axes' AXES_USERNAME_CALLABLE: the normalised identifier of this attempt, from
    the credentials given to authenticate() or, failing those, the posted form."""
    from django.conf import settings

    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        raw = credentials.get(field)
    else:
        raw = getattr(request, "POST", {}).get(field) if request is not None else None
    return normalise_identifier(raw)
